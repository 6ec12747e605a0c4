import { createTestApp, TestApp } from './helpers/test-app';

describe('health and the error envelope', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers liveness without a token', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness with the database status', async () => {
    const res = await t.request({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('echoes a caller X-Request-Id and generates one otherwise', async () => {
    const given = await t.request({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'desk-7' } });
    expect(given.headers['x-request-id']).toBe('desk-7');
    const generated = await t.request({ method: 'GET', url: '/api/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown route with the 404 NOT_FOUND envelope carrying the request id', async () => {
    const res = await t.request({ method: 'GET', url: '/api/no-such-thing', headers: { 'x-request-id': 'r-404' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'No route GET /api/no-such-thing.', requestId: 'r-404' });
  });

  it('serves a valid OpenAPI 3 document', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs-json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/health/ready']).toBeDefined();
    expect(doc.components.schemas.ErrorEnvelope).toBeDefined();
  });
});
