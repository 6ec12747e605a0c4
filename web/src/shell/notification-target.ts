import type { Role } from '../auth/session-store';
import { homePathOf } from './menu';
import type { Notification } from './notifications-query';

export interface NotificationTarget {
  readonly path: string;
  /** What the list says the notice opens, where its title does not tell (a screening's digest names no case). */
  readonly hint?: 'notifications.toLedger' | 'notifications.toHome';
}

/**
 * Where opening a notification leads: its case; for a screening's digest, the screening's ledger for those who may
 * read it (supervisors), and otherwise the start page, where a mediator's desk or a liaison's queue lists the alerts.
 */
export function notificationTarget(notification: Notification, role: Role): NotificationTarget | null {
  if (notification.caseId) return { path: `/cases/${notification.caseId}` };
  if (notification.kind !== 'SCREENING_ALERTS') return null;
  if (role === 'SUPERVISOR' && notification.screeningId) return { path: `/screenings/${notification.screeningId}`, hint: 'notifications.toLedger' };
  return { path: homePathOf(role), hint: 'notifications.toHome' };
}
