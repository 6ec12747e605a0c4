import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor, AuthenticatedRequest } from './actor';

/** The Actor the authentication guard attached; only meaningful on routes that are not @Public. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('@CurrentUser() used on a route that the authentication guard did not run for');
  return actor;
});
