import type { LightMyRequestResponse } from 'fastify';
import { AllExceptionsFilter } from '../../src/common/errors/all-exceptions.filter';
import { createValidationPipe } from '../../src/common/errors/validation-pipe';
import { createSignedInUser, createUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

/** Nothing an attacker could use: no stack, no stack frames, no SQL or driver text. */
function expectNoInternals(res: LightMyRequestResponse): void {
  expect(res.body).not.toMatch(/"stack"/);
  expect(res.body).not.toMatch(/\bat [\w.<>]+ \(|\.ts:\d+:\d+|node_modules/);
  expect(res.body).not.toMatch(/\b(SELECT|INSERT INTO|UPDATE \w+ SET|violates|constraint|QueryFailedError|pg_)\b/i);
}

describe(createValidationPipe.name, () => {
  let t: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createSignedInUser(t, { role: 'ADMIN' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 400 VALIDATION_FAILED with code REQUIRED for a missing username', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { password: 'whatever-it-is' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request has 1 invalid field.',
      details: [{ field: 'username', code: 'REQUIRED', message: 'username is required' }],
      requestId: expect.any(String),
    });
  });

  it('answers 400 with code FORBIDDEN on an unknown field', async () => {
    const { user, password } = await createUser(t);
    const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password, remember: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'remember', code: 'FORBIDDEN', message: 'remember is not a known field' }]);
  });

  it('names every bad field of a new user, each once', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/users',
      headers: admin.auth,
      payload: { username: '9lives', displayName: '', role: 'JUDGE', organizationId: 'studio', password: 12345678901, isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort()).toEqual([
      'displayName:REQUIRED',
      'isAdmin:FORBIDDEN',
      'organizationId:INVALID_FORMAT',
      'password:INVALID_FORMAT',
      'role:INVALID_FORMAT',
      'username:INVALID_FORMAT',
    ]);
  });
});

describe(AllExceptionsFilter.name, () => {
  let t: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createSignedInUser(t, { role: 'ADMIN' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "wangjh",' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' });
    expectNoInternals(res);
  });

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const payload = JSON.stringify({ username: 'wangjh', password: 'x'.repeat(1024 * 1024) });
    const res = await t.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  // Found by test/fuzz/api-fuzz.e2e-spec.ts: class-transformer recursed once per level and overflowed the stack (500).
  it('answers a body nested thousands of levels deep with 400 VALIDATION_FAILED, not a stack overflow', async () => {
    const bodies = ['{"username":'.repeat(3_000) + '1' + '}'.repeat(3_000), '{"username":' + '['.repeat(5_000) + ']'.repeat(5_000) + ',"password":"x"}'];
    for (const payload of bodies) {
      const res = await t.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [{ code: 'TOO_DEEP' }] });
    }
  });

  // Found by the fuzzer too: Fastify's router refused these itself, with its own body and a 414 the API never documents.
  it.each([
    ['a malformed percent-encoding', 'GET', '/api/users/%'],
    ['an overlong UTF-8 encoding', 'GET', '/api/users/%C0%AF'],
    ['a path parameter of 100,000 characters', 'POST', `/api/users/${'x'.repeat(100_000)}/deactivate`],
  ] as const)('answers %s in the path with the 400 BAD_REQUEST envelope', async (_, method, url) => {
    const res = await t.request({ method, url, headers: { ...admin.auth, 'x-request-id': 'bad-url-1' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-request-id']).toBe('bad-url-1');
    expect(res.json()).toEqual({ statusCode: 400, code: 'BAD_REQUEST', message: expect.stringMatching(/\S/), requestId: 'bad-url-1' });
  });

  it('keeps stacks and SQL out of every error body', async () => {
    const taken = await createUser(t, { username: 'zhouqiang' });
    const responses = await Promise.all([
      t.request({ method: 'GET', url: '/api/users/not-a-uuid', headers: admin.auth }),
      t.request({ method: 'GET', url: '/api/users/00000000-0000-4000-8000-000000000000', headers: admin.auth }),
      t.request({ method: 'POST', url: '/api/users', headers: admin.auth, payload: { username: 'zhouqiang', displayName: '周强', role: 'MEDIATOR', organizationId: taken.user.organizationId, password: 'another-good-phrase-2026' } }),
      t.request({ method: 'POST', url: '/api/organizations', headers: admin.auth, payload: { name: '法院', kind: 'COURT', region: '吉林', caseNumberPrefix: 'TOOLONGX' } }),
      t.request({ method: 'POST', url: '/api/auth/login', payload: { username: "x' OR 1=1 --", password: 'whatever-it-is' } }),
      t.request({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } }),
      t.request({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([400, 404, 409, 400, 401, 401, 400]);
    for (const res of responses) {
      expect(Object.keys(res.json()).sort()).toEqual(expect.arrayContaining(['code', 'message', 'requestId', 'statusCode']));
      expectNoInternals(res);
    }
  });
});
