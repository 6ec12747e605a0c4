import type { Actor } from '../auth/actor';
import type { AuditActor } from './audit.service';

/** Who made a change and under which request: what a directory change (users, organizations) records about itself. */
export interface AuditAuthor {
  readonly actor: AuditActor;
  readonly requestId: string | null;
}

/** First-start tasks (demo directory, bootstrap administrator) act as the system. */
export const STARTUP_AUTHOR: AuditAuthor = { actor: { userId: null, role: 'SYSTEM' }, requestId: 'startup' };

export function authorOf(actor: Actor, requestId: string): AuditAuthor {
  return { actor: { userId: actor.id, role: actor.role }, requestId };
}

/** `{field: {from, to}}` for each field whose value changed; what an UPDATED audit row carries. */
export function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, { from: unknown; to: unknown }> {
  return Object.fromEntries(
    fields.filter((field) => before[field] !== after[field]).map((field) => [field, { from: before[field], to: after[field] }]),
  );
}
