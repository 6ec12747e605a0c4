import { addDays, type LegalDate } from '../calendar/legal-date';
import type { DeadlineKind } from '../cases/machine/case.types';

/** What a timer does when it fires: the deadline's expiry, a warning before it, or the limitation watch. */
export type TimerAction = 'EXPIRE' | 'WARN_3' | 'WARN_1' | 'WATCH';

export interface DeadlineTimer {
  readonly action: TimerAction;
  readonly at: Date;
}

export interface TimedDeadline {
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly dueOn: string;
}

export interface DeadlineTimerJob {
  readonly deadlineId: string;
  readonly caseId: string;
  readonly action: TimerAction;
  readonly dueOn: string;
}

// Asia/Shanghai has had no daylight saving since 1991, so a legal date's local hour is a fixed UTC instant.
function shanghaiInstant(date: LegalDate, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** DOMAIN §4 "Firing": a deadline due on D expires at 00:00 Asia/Shanghai on D+1. */
export function expiresAt(dueOn: string): Date {
  return shanghaiInstant(addDays(dueOn as LegalDate, 1), 0);
}

/**
 * Which kinds warn before they fall due: those whose expiry someone must act on. The judicial-confirmation window is
 * optional (no alert, DOMAIN §4) and the limitation has its own 30-day watch instead of the 3- and 1-day warnings.
 */
const WARNED: ReadonlySet<DeadlineKind> = new Set(['ACCEPTANCE_DECISION', 'RESPONDENT_CONSENT', 'MEDIATION_PERIOD', 'COURT_DECISION', 'PAYMENT_DUE']);

export const LIMITATION_WATCH_DAYS = 30;

/**
 * The timers a PENDING deadline needs: its expiry always (a past one fires at once, as for a deadline that ran out
 * while the service was down), warnings at 08:00 on D−3 and D−1 only while still ahead (a past warning is skipped),
 * and for the limitation its watch 30 days before.
 */
export function timersFor(deadline: TimedDeadline, now: Date): DeadlineTimer[] {
  const dueOn = deadline.dueOn as LegalDate;
  const timers: DeadlineTimer[] = [];
  if (WARNED.has(deadline.kind)) {
    timers.push({ action: 'WARN_3', at: shanghaiInstant(addDays(dueOn, -3), 8) }, { action: 'WARN_1', at: shanghaiInstant(addDays(dueOn, -1), 8) });
  }
  if (deadline.kind === 'ARBITRATION_LIMITATION') {
    // The watch is the limitation's warning: like the others, a watch whose time has passed still opens at once,
    // because a limitation inside its last 30 days is exactly what must be seen.
    timers.push({ action: 'WATCH', at: shanghaiInstant(addDays(dueOn, -LIMITATION_WATCH_DAYS), 8) });
  }
  const ahead = timers.filter((timer) => timer.action === 'WATCH' || timer.at.getTime() > now.getTime());
  return [...ahead, { action: 'EXPIRE', at: expiresAt(dueOn) }];
}

/** One job per deadline, action and due date: a moved due date is a new key, and the old job finds nothing to do. */
export function timerKey(deadlineId: string, action: TimerAction, dueOn: string): string {
  return `${deadlineId}:${action}:${dueOn}`;
}
