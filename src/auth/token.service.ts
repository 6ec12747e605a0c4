import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtModuleOptions, JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock/clock';
import { AuthError } from './auth.errors';
import { isUuid } from '../common/uuid';

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

export interface TokenClaims {
  userId: string;
  issuedAt: Date;
}

/**
 * HS256 only, on signing and on verifying: listing the algorithm is what refuses `alg: none` and algorithm-confusion
 * tokens. Issuer and audience keep a token minted for another service with the same secret out.
 */
export function jwtModuleOptions(config: AppConfig): JwtModuleOptions {
  return {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public key and builds the
    // secret key from the failure on every verify, which cost ~8 % of the service's CPU under load (bench/).
    secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
    signOptions: { algorithm: 'HS256', issuer: config.jwt.issuer, audience: config.jwt.audience, expiresIn: config.jwt.expiresInSeconds },
    verifyOptions: { algorithms: ['HS256'], issuer: config.jwt.issuer, audience: config.jwt.audience },
  };
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `iat` keeps milliseconds (a NumericDate may be fractional, RFC 7519 §2): with whole seconds, a token issued in the
   * same second as a password change could not be placed before or after it.
   */
  issue(userId: string): IssuedToken {
    const accessToken = this.jwt.sign({ sub: userId, iat: this.clock.now().getTime() / 1000 });
    return { accessToken, expiresIn: this.config.jwt.expiresInSeconds };
  }

  async verify(token: string): Promise<TokenClaims> {
    let payload: { sub?: unknown; iat?: unknown };
    try {
      payload = await this.jwt.verifyAsync<{ sub?: unknown; iat?: unknown }>(token, { clockTimestamp: this.clock.now().getTime() / 1000 });
    } catch (error) {
      // jsonwebtoken's error classes are not ours to import (a dependency of @nestjs/jwt); their names are stable API.
      throw error instanceof Error && error.name === 'TokenExpiredError' ? AuthError.expiredToken() : AuthError.invalidToken();
    }
    if (typeof payload.sub !== 'string' || !isUuid(payload.sub) || typeof payload.iat !== 'number') throw AuthError.invalidToken();
    return { userId: payload.sub, issuedAt: new Date(Math.round(payload.iat * 1000)) };
  }
}
