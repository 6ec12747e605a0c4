import { SetMetadata } from '@nestjs/common';
import type { Role } from '../users/role';

export const REQUIRED_ROLES = 'tiaojie:roles';

/** Limits a route to these roles; any other signed-in user gets 403 FORBIDDEN. Without it, every role may call. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
