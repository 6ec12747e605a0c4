import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../users/role';
import type { AuthenticatedRequest } from './actor';
import { AuthError } from './auth.errors';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

/** Runs after JwtAuthGuard (registered after it) and answers 403 FORBIDDEN when the actor's role is not listed. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!allowed || allowed.length === 0) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw AuthError.missingToken();
    if (!allowed.includes(actor.role)) throw AuthError.roleNotAllowed(actor.role, allowed);
    return true;
  }
}
