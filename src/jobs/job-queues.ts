import type { Queue } from 'pg-boss';

/** pg-boss lives in its own schema, installed by the owner before the service starts (see job-schema.ts). */
export const JOB_SCHEMA = 'pgboss';

export const DEADLINE_TIMER_QUEUE = 'deadline-timer';
export const ALERT_ESCALATION_QUEUE = 'alert-escalation';
export const DAILY_SCREENING_QUEUE = 'daily-risk-screening';
export const NOTIFICATION_DELIVERY_QUEUE = 'notification-delivery';

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
  // A city's screening runs for seconds, not the 60 s a timer gets; a second run the same day finds the day done.
  { name: DAILY_SCREENING_QUEUE, policy: 'stately', expireInSeconds: 900, retryLimit: 3, retryDelay: 300, deleteAfterSeconds: 30 * 86_400 },
  // A gateway that is down is tried again with growing pauses for about a day before the delivery counts as failed.
  { name: NOTIFICATION_DELIVERY_QUEUE, policy: 'stately', expireInSeconds: 60, retryLimit: 12, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600, deleteAfterSeconds: 30 * 86_400 },
  { name: ALERT_ESCALATION_QUEUE, policy: 'stately', expireInSeconds: 60, retryLimit: 10, retryDelay: 30, retryBackoff: true, deleteAfterSeconds: 30 * 86_400 },
];
