import { ArgumentsHost, BadRequestException, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainError, ValidationError } from './domain-error';

interface Sent {
  status?: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

function hostFor(sent: Sent, request = { id: 'req-1', method: 'POST', url: '/api/things?x=1' }): ArgumentsHost {
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
}

function run(exception: unknown): Sent {
  const sent: Sent = { headers: {} };
  new AllExceptionsFilter().catch(exception, hostFor(sent));
  return sent;
}

describe(AllExceptionsFilter.name, () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('answers a domain error with its code, status, details and headers', () => {
    const sent = run(new DomainError('TOO_MANY_REQUESTS', 'Slow down.', undefined, { 'Retry-After': '42' }));
    expect(sent.status).toBe(429);
    expect(sent.headers['retry-after']).toBe('42');
    expect(sent.body).toEqual({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Slow down.', requestId: 'req-1' });
  });

  it('keeps per-field validation details', () => {
    const sent = run(ValidationError.field('username', 'REQUIRED', 'username is required'));
    expect(sent.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ field: 'username', code: 'REQUIRED' }] });
  });

  it('hides SQL and stack of an unexpected error behind 500 INTERNAL, and logs it', () => {
    const error = new QueryFailedError('SELECT secret FROM users WHERE id = $1', ['x'], new Error('relation "users" does not exist'));
    const sent = run(error);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'An unexpected error occurred. Quote the request id when reporting it.',
      requestId: 'req-1',
    });
    expect(JSON.stringify(sent.body)).not.toMatch(/SELECT|relation|at .*\.ts/);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.objectContaining({ err: error, requestId: 'req-1' }), 'Unhandled error');
  });

  it('answers 503 SERVICE_UNAVAILABLE when the database is away, warning without a stack instead of reporting a fault', () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const sent = run(refused);
    expect(sent.status).toBe(503);
    expect(sent.body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), requestId: 'req-1' });
    expect(JSON.stringify(sent.body)).not.toMatch(/ECONNREFUSED|5432/);
    expect(Logger.prototype.error).not.toHaveBeenCalled();
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.objectContaining({ requestId: 'req-1' }), 'Database unavailable');
  });

  it('maps Fastify body errors to their codes', () => {
    expect(run(new BadRequestException('x', { cause: { code: 'FST_ERR_CTP_INVALID_JSON_BODY' } })).body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    expect(run(new PayloadTooLargeException('x', { cause: { code: 'FST_ERR_CTP_BODY_TOO_LARGE' } })).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('names the missing route without its query string', () => {
    expect(run(new NotFoundException()).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: 'No route POST /api/things.' });
  });

  it('masks an ID number or mobile a client put in the path of a missing route', () => {
    const sent: Sent = { headers: {} };
    new AllExceptionsFilter().catch(new NotFoundException(), hostFor(sent, { id: 'r', method: 'GET', url: '/api/workers/220402199003071231/13812345678' }));
    expect(sent.body).toMatchObject({ message: 'No route GET /api/workers/2204**********1231/138****5678.' });
  });
});
