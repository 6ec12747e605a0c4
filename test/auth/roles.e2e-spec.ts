import { RolesGuard } from '../../src/auth/roles.guard';
import type { Role } from '../../src/users/role';
import { createSignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

describe(RolesGuard.name, () => {
  let t: TestApp;
  const headers: Partial<Record<Role, { authorization: string }>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ['ADMIN', 'SUPERVISOR', 'MEDIATOR', 'COURT_LIAISON'] as const) headers[role] = (await createSignedInUser(t, { role })).auth;
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 403 FORBIDDEN to a mediator creating a user, naming the role needed', async () => {
    const res = await t.request({ method: 'POST', url: '/api/users', headers: headers.MEDIATOR, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: 'This needs the role ADMIN; you are signed in as MEDIATOR.' });
  });

  it.each([
    ['MEDIATOR', 'GET', '/api/users'],
    ['COURT_LIAISON', 'GET', '/api/users'],
    ['SUPERVISOR', 'POST', '/api/organizations'],
    ['SUPERVISOR', 'POST', '/api/users'],
  ] as const)('answers 403 to %s on %s %s', async (role, method, url) => {
    const res = await t.request({ method, url, headers: headers[role], payload: method === 'POST' ? {} : undefined });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it.each(['ADMIN', 'SUPERVISOR', 'MEDIATOR', 'COURT_LIAISON'] as const)('lets %s list organizations and see themselves', async (role) => {
    expect((await t.request({ method: 'GET', url: '/api/organizations', headers: headers[role] })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', headers: headers[role] })).statusCode).toBe(200);
  });

  it('lets a supervisor list users', async () => {
    expect((await t.request({ method: 'GET', url: '/api/users', headers: headers.SUPERVISOR })).statusCode).toBe(200);
  });
});
