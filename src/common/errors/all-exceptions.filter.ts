import { maskPiiInText } from '../pii/mask-payload';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { isDatabaseUnavailable } from './database-unavailable';
import { ERROR_STATUS, ErrorCode } from './error-codes';
import { ErrorEnvelope } from './error-envelope';
import { REQUEST_ID_HEADER } from '../request-id/request-id';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const SAFE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  MALFORMED_JSON: 'The request body is not valid JSON.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than 1 MiB.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as application/json.',
  UNAUTHENTICATED: 'Sign in first: a valid bearer token is required.',
  FORBIDDEN: 'Your role may not do this.',
  TOO_MANY_REQUESTS: 'Too many requests; try again later.',
  INTERNAL: 'An unexpected error occurred. Quote the request id when reporting it.',
};

/** Refusals of Fastify's router, made before any Nest hook, guard or filter sees the request. */
const ROUTER_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is not validly percent-encoded.',
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is too long.',
};

interface Mapped {
  code: ErrorCode;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
}

function fromHttpException(exception: HttpException, request: FastifyRequest): Mapped {
  const cause = exception.cause as { code?: string } | undefined;
  const fastifyCode = cause?.code ? FASTIFY_CODES[cause.code] : undefined;
  if (fastifyCode) return { code: fastifyCode, message: SAFE_MESSAGES[fastifyCode] ?? 'The request could not be read.' };
  const status = exception.getStatus();
  if (status === 404) return { code: 'NOT_FOUND', message: `No route ${request.method} ${maskPiiInText(request.url.split('?')[0])}.` };
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  // Framework messages for 4xx are written for API clients; 5xx text may carry internals and is replaced.
  const message = status < 500 && typeof exception.message === 'string' && exception.message ? exception.message : SAFE_MESSAGES[code] ?? 'Error.';
  return { code, message };
}

function sendEnvelope(request: FastifyRequest, reply: FastifyReply, mapped: Mapped): void {
  const statusCode = ERROR_STATUS[mapped.code];
  const body: ErrorEnvelope = { statusCode, code: mapped.code, message: mapped.message, requestId: String(request.id) };
  if (mapped.details !== undefined) body.details = mapped.details;
  for (const [name, value] of Object.entries(mapped.headers ?? {})) void reply.header(name, value);
  void reply.status(statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

/**
 * Fastify's `frameworkErrors`: a malformed percent-encoding or an over-long path parameter is refused by the router
 * itself, which would otherwise answer with its own body (and 414, a status the API does not document).
 */
export function answerRouterError(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  void reply.header(REQUEST_ID_HEADER, request.id);
  sendEnvelope(request, reply, { code: 'BAD_REQUEST', message: ROUTER_MESSAGES[error.code ?? ''] ?? 'The request could not be read.' });
}

/**
 * The one place errors become responses: `{statusCode, code, message, details?, requestId}`. Anything unexpected
 * is logged with its stack and answered as 500 INTERNAL without a stack, SQL or driver text.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendEnvelope(request, reply, this.map(exception, request));
  }

  private map(exception: unknown, request: FastifyRequest): Mapped {
    if (exception instanceof DomainError) {
      return { code: exception.code, message: exception.message, details: exception.details, headers: exception.headers };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) return fromHttpException(exception, request);
    if (isDatabaseUnavailable(exception)) {
      // Not a fault to report but the moment /api/health/ready answers 503 too: the client may retry, with its
      // Idempotency-Key if the request was a change, since a broken-off commit may or may not have happened.
      this.logger.warn({ requestId: request.id, reason: (exception as Error).message }, 'Database unavailable');
      return { code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable at the moment; try again shortly.' };
    }
    this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    return { code: 'INTERNAL', message: SAFE_MESSAGES.INTERNAL! };
  }
}
