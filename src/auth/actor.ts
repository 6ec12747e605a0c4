import type { FastifyRequest } from 'fastify';
import type { Role } from '../users/role';
import type { UserEntity } from '../users/user.entity';

/** The signed-in user a request acts for, loaded from the database on every request. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string;
}

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

export function toActor(user: UserEntity): Actor {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organizationId: user.organizationId };
}
