/** Socket errors of a connection that could not be made or broke off. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** SQLSTATE class 08 (connection exception); 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now. */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;

/** node-postgres and pg-pool report a dropped connection or a connect timeout without a code. */
const DRIVER_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error means PostgreSQL could not be reached or went away (refused, dropped, shutting down, still
 * recovering), as opposed to a fault of the request or of the code. TypeORM wraps driver errors in `driverError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const { code, message, driverError, cause } = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && DRIVER_MESSAGE.test(message)) return true;
    current = driverError ?? cause;
  }
  return false;
}
