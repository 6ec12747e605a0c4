import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';

/**
 * Secrets and personal data never reach the log: tokens, passwords, ID numbers, phones and bank accounts are
 * censored wherever they appear one or two levels deep in a logged object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'currentPassword', 'accessToken', 'token', 'idNumber', 'phone', 'contactPhone', 'bankAccount'].flatMap(
    (key) => [key, `*.${key}`, `*.*.${key}`],
  ),
];

export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      // Liveness probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      customProps: () => ({ service: 'tiaojie' }),
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
      },
    },
  };
}
