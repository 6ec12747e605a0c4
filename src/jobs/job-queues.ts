import type { Queue } from 'pg-boss';

/** pg-boss lives in its own schema, installed by the owner before the service starts (see job-schema.ts). */
export const JOB_SCHEMA = 'pgboss';

export const DEADLINE_TIMER_QUEUE = 'deadline-timer';

/**
 * Every queue the service uses, created by the owner at install time: creating a queue is DDL, which the
 * application's role may not do.
 *
 * `stately` makes a repeated send with the same singletonKey a no-op while a job for that key is waiting, so
 * re-scheduling the same deadline from two transactions cannot queue it twice. A handler that dies mid-way is
 * retried; its effects are idempotent, which is what makes delivery "exactly once" in effect.
 */
export const JOB_QUEUES: readonly Queue[] = [
  { name: DEADLINE_TIMER_QUEUE, policy: 'stately', expireInSeconds: 60, retryLimit: 10, retryDelay: 30, retryBackoff: true, deleteAfterSeconds: 30 * 86_400 },
];
