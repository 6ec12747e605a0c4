import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UsersService } from '../users/users.service';
import type { AuthenticatedRequest } from './actor';
import { AuthError } from './auth.errors';
import { IS_PUBLIC } from './public.decorator';
import { TokenService } from './token.service';

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

/**
 * Every route needs a valid token unless marked @Public. The user is read on every request, so a deactivation or a
 * password change takes effect at once rather than when the token expires.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw AuthError.missingToken();
    const claims = await this.tokens.verify(token);
    const session = await this.users.sessionOf(claims.userId);
    if (!session) throw AuthError.invalidToken();
    if (!session.active) throw AuthError.accountDeactivated();
    if (claims.issuedAt < session.credentialsChangedAt) throw AuthError.sessionRevoked();
    request.actor = session.actor;
    return true;
  }
}
