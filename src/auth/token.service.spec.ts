import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { FixedClock } from '../common/clock/clock';
import { AuthError } from './auth.errors';
import { jwtModuleOptions, TokenService } from './token.service';

const SECRET = 'unit-test-secret-that-is-long-enough-0123456789';
const USER_ID = '0d4a3b8e-4c61-4f3e-9a0e-2b7d5f6c1e22';

function part(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe(TokenService.name, () => {
  // Only the JWT settings matter here; the rest of AppConfig is not read.
  const config = { jwt: { secret: SECRET, expiresInSeconds: 3600, issuer: 'tiaojie', audience: 'tiaojie-api' } } as AppConfig;
  const clock = new FixedClock(new Date('2026-03-02T01:00:00.250Z'));
  const sut = new TokenService(new JwtService(jwtModuleOptions(config)), clock, config);
  const now = clock.now().getTime() / 1000;
  const validClaims = { sub: USER_ID, iat: now, exp: now + 60, iss: config.jwt.issuer, aud: config.jwt.audience };

  function signedWith(claims: object, secret = SECRET, algorithm: 'HS256' | 'HS512' = 'HS256'): string {
    return new JwtService({ secret }).sign(claims, { algorithm });
  }

  async function refusal(token: string): Promise<AuthError> {
    const error = await sut.verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
    return error;
  }

  it('accepts its own token and gives back the user and the issue instant to the millisecond', async () => {
    const { accessToken, expiresIn } = sut.issue(USER_ID);
    expect(expiresIn).toBe(3600);
    await expect(sut.verify(accessToken)).resolves.toEqual({ userId: USER_ID, issuedAt: new Date('2026-03-02T01:00:00.250Z') });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = `${part({ alg: 'none', typ: 'JWT' })}.${part(validClaims)}.`;
    expect((await refusal(token)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another algorithm, even with the right secret', async () => {
    expect((await refusal(signedWith(validClaims, SECRET, 'HS512'))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another secret', async () => {
    expect((await refusal(signedWith(validClaims, 'another-secret-that-is-long-enough-9876543210'))).code).toBe('UNAUTHENTICATED');
    await expect(sut.verify(signedWith(validClaims))).resolves.toMatchObject({ userId: USER_ID });
  });

  it('refuses an expired token, judged by the injected clock', async () => {
    const error = await refusal(signedWith({ ...validClaims, iat: now - 120, exp: now - 1 }));
    expect(error.message).toContain('expired');
    clock.advance(-2000);
    try {
      await expect(sut.verify(signedWith({ ...validClaims, iat: now - 120, exp: now - 1 }))).resolves.toMatchObject({ userId: USER_ID });
    } finally {
      clock.advance(2000);
    }
  });

  it('refuses a token for another audience or from another issuer', async () => {
    expect((await refusal(signedWith({ ...validClaims, aud: 'someone-else' }))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(signedWith({ ...validClaims, iss: 'someone-else' }))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token without a user id as subject or without an issue time', async () => {
    expect((await refusal(signedWith({ ...validClaims, sub: 'admin' }))).code).toBe('UNAUTHENTICATED');
    const { iat: _iat, ...withoutIat } = validClaims;
    expect((await refusal(new JwtService({ secret: SECRET }).sign(withoutIat, { algorithm: 'HS256', noTimestamp: true }))).code).toBe('UNAUTHENTICATED');
  });
});
