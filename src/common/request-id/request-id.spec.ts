import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './request-id';

function raw(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('requestIdFor', () => {
  it('honours a well-formed X-Request-Id and leaves it on the raw request', () => {
    const request = raw({ 'x-request-id': 'console-42.a:b_c' });
    expect(requestIdFor(request)).toBe('console-42.a:b_c');
    expect(request.id).toBe('console-42.a:b_c');
  });

  it('replaces an id that could forge a log line', () => {
    expect(requestIdFor(raw({ 'x-request-id': 'abc\n{"level":60}' }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces an over-long id', () => {
    expect(requestIdFor(raw({ 'x-request-id': 'a'.repeat(129) }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('generates a uuid when none is given', () => {
    expect(requestIdFor(raw({}))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
