import type { components } from './schema';

export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
/** The API's codes, plus the one we give a request that never got an answer. */
export type ApiErrorCode = ErrorEnvelope['code'] | 'NETWORK_ERROR';

const REQUEST_ID_HEADER = 'x-request-id';

/** A failed API call, carrying the envelope's code, details and request id so that screens can show and quote them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly requestId: string | undefined,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string';
}

/** The error of a non-2xx answer; a body that is not our envelope (a proxy's error page) still keeps status and id. */
export function toApiError(response: Response, body: unknown): ApiError {
  const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  if (isEnvelope(body)) return new ApiError(response.status, body.code, body.message, body.requestId ?? requestId, body.details);
  const code = response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  return new ApiError(response.status, code, `HTTP ${response.status} ${response.statusText}`.trim(), requestId);
}

export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : String(cause), undefined);
}

export function hasCode(error: unknown, code: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && error.code === code;
}

/** 412: someone changed the record since it was loaded; the screen reloads it and says so (errors.versionConflict). */
export function isVersionConflict(error: unknown): error is ApiError {
  return hasCode(error, 'VERSION_CONFLICT');
}
