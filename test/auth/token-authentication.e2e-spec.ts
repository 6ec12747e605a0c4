import { JwtService } from '@nestjs/jwt';
import { JwtAuthGuard } from '../../src/auth/jwt-auth.guard';
import { FixedClock } from '../../src/common/clock/clock';
import { createSignedInUser, signIn } from '../factories/user.factory';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../helpers/test-app';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe(JwtAuthGuard.name, () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-03-02T01:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });

  afterAll(async () => {
    await t.close();
  });

  function me(authorization?: string) {
    return t.request({ method: 'GET', url: '/api/auth/me', headers: authorization === undefined ? {} : { authorization } });
  }

  function signed(payload: object, options: { secret?: string; audience?: string; issuer?: string; expiresIn?: number } = {}): string {
    return new JwtService({ secret: options.secret ?? TEST_JWT_SECRET }).sign(payload, {
      algorithm: 'HS256',
      issuer: options.issuer ?? t.config.jwt.issuer,
      audience: options.audience ?? t.config.jwt.audience,
      expiresIn: options.expiresIn ?? 3600,
    });
  }

  const nowSeconds = () => clock.now().getTime() / 1000;

  it('answers 401 UNAUTHENTICATED without a token', async () => {
    const res = await me();
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect((await t.request({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
  });

  it('answers 401 to a garbled token and to another scheme', async () => {
    expect((await me('Bearer not.a.jwt')).json().code).toBe('UNAUTHENTICATED');
    expect((await me('Bearer ')).statusCode).toBe(401);
    const { token } = await createSignedInUser(t);
    expect((await me(`Basic ${token}`)).statusCode).toBe(401);
    expect((await me(`Bearer ${token}`)).statusCode).toBe(200);
  });

  it('refuses an unsigned token (alg none) for a real user', async () => {
    const { user } = await createSignedInUser(t);
    const claims = { sub: user.id, iat: nowSeconds(), exp: nowSeconds() + 3600, iss: t.config.jwt.issuer, aud: t.config.jwt.audience };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    const res = await me(`Bearer ${unsigned}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    const { user } = await createSignedInUser(t);
    const forged = signed({ sub: user.id, iat: nowSeconds() }, { secret: 'another-secret-that-is-also-long-enough-0000' });
    expect((await me(`Bearer ${forged}`)).statusCode).toBe(401);
    expect((await me(`Bearer ${signed({ sub: user.id, iat: nowSeconds() })}`)).statusCode).toBe(200);
  });

  it('refuses an expired token and says the session expired', async () => {
    const { user } = await createSignedInUser(t);
    const issuedTwoHoursAgo = signed({ sub: user.id, iat: nowSeconds() - 7200 }, { expiresIn: 3600 });
    const res = await me(`Bearer ${issuedTwoHoursAgo}`);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('expired') });
  });

  it('refuses a token of its own once the configured lifetime has passed on the clock', async () => {
    const { auth } = await createSignedInUser(t);
    clock.advance(t.config.jwt.expiresInSeconds * 1000 + 1000);
    try {
      expect((await me(auth.authorization)).statusCode).toBe(401);
    } finally {
      clock.advance(-(t.config.jwt.expiresInSeconds * 1000 + 1000));
    }
    expect((await me(auth.authorization)).statusCode).toBe(200);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    const { user } = await createSignedInUser(t);
    expect((await me(`Bearer ${signed({ sub: user.id, iat: nowSeconds() }, { audience: 'tiaojie-console' })}`)).statusCode).toBe(401);
    expect((await me(`Bearer ${signed({ sub: user.id, iat: nowSeconds() }, { issuer: 'someone-else' })}`)).statusCode).toBe(401);
  });

  it('refuses a well-signed token whose subject is not a user', async () => {
    expect((await me(`Bearer ${signed({ sub: 'admin', iat: nowSeconds() })}`)).statusCode).toBe(401);
    expect((await me(`Bearer ${signed({ sub: '00000000-0000-4000-8000-000000000000', iat: nowSeconds() })}`)).statusCode).toBe(401);
  });

  it('refuses a deactivated user at once, although their token is still valid', async () => {
    const admin = await createSignedInUser(t, { role: 'ADMIN' });
    const mediator = await createSignedInUser(t);
    expect((await me(mediator.auth.authorization)).statusCode).toBe(200);

    const deactivated = await t.request({ method: 'POST', url: `/api/users/${mediator.user.id}/deactivate`, headers: admin.auth });
    expect(deactivated.statusCode).toBe(200);

    const res = await me(mediator.auth.authorization);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('deactivated') });
  });

  it('keeps sessions from before a deactivation dead after the user is reactivated', async () => {
    const admin = await createSignedInUser(t, { role: 'ADMIN' });
    const mediator = await createSignedInUser(t);
    clock.advance(1);
    await t.request({ method: 'POST', url: `/api/users/${mediator.user.id}/deactivate`, headers: admin.auth });
    await t.request({ method: 'POST', url: `/api/users/${mediator.user.id}/activate`, headers: admin.auth });

    expect((await me(mediator.auth.authorization)).statusCode).toBe(401);
    clock.advance(1);
    const fresh = await signIn(t, mediator.user.username, mediator.password);
    expect((await me(`Bearer ${fresh}`)).statusCode).toBe(200);
  });

  it("ends a user's sessions when an admin resets their password", async () => {
    const admin = await createSignedInUser(t, { role: 'ADMIN' });
    const mediator = await createSignedInUser(t);
    clock.advance(1);
    const reset = await t.request({
      method: 'POST',
      url: `/api/users/${mediator.user.id}/password`,
      headers: admin.auth,
      payload: { newPassword: 'reset-by-the-admin-2026' },
    });
    expect(reset.statusCode).toBe(200);

    expect((await me(mediator.auth.authorization)).statusCode).toBe(401);
    const fresh = await signIn(t, mediator.user.username, 'reset-by-the-admin-2026');
    expect((await me(`Bearer ${fresh}`)).statusCode).toBe(200);
  });
});
