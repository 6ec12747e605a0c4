import { AuthService } from '../../src/auth/auth.service';
import { FixedClock } from '../../src/common/clock/clock';
import { createSignedInUser, createUser, signIn } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

describe(AuthService.name, () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-03-02T01:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });

  afterAll(async () => {
    await t.close();
  });

  function login(username: unknown, password: unknown, remoteAddress = '198.51.100.1') {
    return t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  }

  function withoutRequestId(body: Record<string, unknown>): Record<string, unknown> {
    const { requestId: _requestId, ...rest } = body;
    return rest;
  }

  describe('POST /api/auth/login', () => {
    it('answers a bearer token, its lifetime and the signed-in user', async () => {
      const { user, password } = await createUser(t, { username: 'wangjh', displayName: '王建华' });
      const res = await login('wangjh', password);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType', 'user']);
      expect(body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        tokenType: 'Bearer',
        expiresIn: t.config.jwt.expiresInSeconds,
        user: { id: user.id, username: 'wangjh', displayName: '王建华', role: 'MEDIATOR', organizationId: user.organizationId },
      });
    });

    it('signs the token with HS256 for our issuer and audience, with the user id as subject', async () => {
      const { user, password } = await createUser(t);
      const token = (await login(user.username, password)).json().accessToken as string;
      const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header.alg).toBe('HS256');
      expect(payload).toMatchObject({ sub: user.id, iss: t.config.jwt.issuer, aud: t.config.jwt.audience });
      expect(payload.exp - payload.iat).toBe(t.config.jwt.expiresInSeconds);
      expect(payload.iat * 1000).toBeCloseTo(clock.now().getTime(), 0);
    });

    it('ignores the case of the username and surrounding spaces', async () => {
      const { password } = await createUser(t, { username: 'liuyan' });
      expect((await login('  LiuYan ', password)).statusCode).toBe(200);
    });

    it('answers an unknown user, a wrong password and a deactivated account with the same 401 body', async () => {
      const { user, password } = await createUser(t);
      const deactivated = await createUser(t, { active: false });
      const unknown = await login('nobody-here', password, '198.51.100.2');
      const wrong = await login(user.username, 'not-the-password-at-all', '198.51.100.3');
      const inactive = await login(deactivated.user.username, deactivated.password, '198.51.100.4');

      for (const res of [unknown, wrong, inactive]) expect(res.statusCode).toBe(401);
      expect(withoutRequestId(unknown.json())).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'The username or password is incorrect.' });
      expect(withoutRequestId(wrong.json())).toEqual(withoutRequestId(unknown.json()));
      expect(withoutRequestId(inactive.json())).toEqual(withoutRequestId(unknown.json()));
    });
  });

  describe('GET /api/auth/me', () => {
    it('answers the signed-in user without any password material', async () => {
      const { user, auth } = await createSignedInUser(t, { role: 'SUPERVISOR', displayName: '赵敏' });
      const res = await t.request({ method: 'GET', url: '/api/auth/me', headers: auth });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: user.id,
        username: user.username,
        displayName: '赵敏',
        role: 'SUPERVISOR',
        organizationId: user.organizationId,
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body).not.toMatch(/argon2|password/i);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password, ends the old session and answers a fresh token for this one', async () => {
      const { user, password, auth } = await createSignedInUser(t);
      clock.advance(1);
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/password',
        headers: auth,
        payload: { currentPassword: password, newPassword: 'my-own-new-phrase-2026' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ tokenType: 'Bearer', user: { id: user.id } });

      expect((await t.request({ method: 'GET', url: '/api/auth/me', headers: auth })).statusCode).toBe(401);
      const fresh = { authorization: `Bearer ${res.json().accessToken}` };
      expect((await t.request({ method: 'GET', url: '/api/auth/me', headers: fresh })).statusCode).toBe(200);
      expect((await login(user.username, password, '198.51.100.5')).statusCode).toBe(401);
      await expect(signIn(t, user.username, 'my-own-new-phrase-2026')).resolves.toEqual(expect.any(String));
    });

    it('answers 422 CURRENT_PASSWORD_INCORRECT to a wrong current password and keeps the old one', async () => {
      const { user, password, auth } = await createSignedInUser(t);
      const res = await t.request({
        method: 'POST',
        url: '/api/auth/password',
        headers: auth,
        payload: { currentPassword: 'this-is-not-it-2026', newPassword: 'my-own-new-phrase-2026' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('CURRENT_PASSWORD_INCORRECT');
      await expect(signIn(t, user.username, password)).resolves.toEqual(expect.any(String));
    });

    it('answers 422 WEAK_PASSWORD with the reason when the new password is common or the username', async () => {
      const { password, auth } = await createSignedInUser(t, { username: 'sunpeng2026x' });
      const common = await t.request({ method: 'POST', url: '/api/auth/password', headers: auth, payload: { currentPassword: password, newPassword: 'Password123' } });
      expect(common.statusCode).toBe(422);
      expect(common.json()).toMatchObject({ code: 'WEAK_PASSWORD', message: expect.stringContaining('commonly used'), details: { reason: 'COMMON' } });

      const sameAsName = await t.request({
        method: 'POST',
        url: '/api/auth/password',
        headers: auth,
        payload: { currentPassword: password, newPassword: 'SunPeng2026X' },
      });
      expect(sameAsName.statusCode).toBe(422);
      expect(sameAsName.json()).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason: 'SAME_AS_USERNAME' } });
    });
  });
});
