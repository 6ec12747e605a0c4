import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Honours a caller's X-Request-Id so a request can be followed from a proxy or the console through our logs; an
 * unusable one (too long, odd characters that could forge log lines) is replaced. The id is also left on the raw
 * request, where pino-http picks it up, so logs and error bodies carry the same id.
 */
export function requestIdFor(raw: IncomingMessage): string {
  const given = raw.headers[REQUEST_ID_HEADER];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  raw.id = id;
  return id;
}
