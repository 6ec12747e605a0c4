import { randomUUID } from 'node:crypto';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class Api {
  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T, headers: res.headers };
  }

  /** Like call, but anything other than `expected` stops the bench with what the service said. */
  async expect<T = unknown>(expected: number, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const res = await this.call<T>(method, path, options);
    if (res.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A file the service answers with (a download): its size in bytes, or the bench stops with what the service said. */
  async download(path: string, token: string): Promise<number> {
    const res = await fetch(`${this.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${path}: expected 200, got ${res.status} ${Buffer.from(body).toString('utf8')}`);
    return body.byteLength;
  }

  async signIn(username: string, password: string): Promise<SignedIn> {
    const body = await this.expect<{ accessToken: string; user: { id: string; organizationId: string } }>(200, 'POST', '/api/auth/login', {
      body: { username, password },
    });
    return { id: body.user.id, organizationId: body.user.organizationId, token: body.accessToken, username };
  }

  /** A state-chart event as the console sends it: the version last seen as If-Match, a fresh Idempotency-Key. */
  async event(token: string, caseId: string, version: number, body: Record<string, unknown>): Promise<number> {
    const res = await this.expect<{ version: number }>(200, 'POST', `/api/cases/${caseId}/events`, {
      token,
      body,
      headers: { 'if-match': `"${version}"`, 'idempotency-key': randomUUID() },
    });
    return res.version;
  }
}

export interface SignedIn {
  id: string;
  organizationId: string;
  token: string;
  username: string;
}

/** Runs `work` over `items` with at most `concurrency` in flight; the first failure stops the rest. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
