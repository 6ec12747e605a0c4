import { addDays, compare, diffDays, type LegalDate } from '../../calendar/legal-date';
import type { ClaimsSummary, DeadlineEntry } from './case.context';
import type { CalendarDue, LegalCalendar } from './case.events';
import {
  WAGE_CLAIM_TYPES,
  type CaseSource,
  type ClaimType,
  type CourtProcedure,
  type DeadlineKind,
  type DeadlineStatus,
  type DeadlineUnit,
} from './case.types';

// Pure operations on the case's deadline list. Statuses only move PENDING → MET | MISSED |
// CANCELLED (DOMAIN §4), so every operation here touches PENDING entries only.

export type Deadlines = readonly DeadlineEntry[];

export interface DeadlineSpec {
  readonly kind: DeadlineKind;
  readonly startsOn: LegalDate;
  readonly days: number;
  readonly unit: DeadlineUnit;
  readonly basis: string;
  readonly instalmentNo?: number;
  readonly supersedes?: string;
}

export interface PeriodRule {
  readonly days: number;
  readonly basis: string;
}

export const ACCEPTANCE_WORKING_DAYS = 3;
export const CONSENT_WORKING_DAYS = 3;
export const CONFIRMATION_WINDOW_DAYS = 30;
export const COURT_DECISION_DAYS = 15;
export const LIMITATION_YEARS = 1;

/** `MEDIATION_PERIOD#2`: stable across replays because entries are only ever appended. */
export function nextDeadlineKey(deadlines: Deadlines, kind: DeadlineKind): string {
  return `${kind}#${deadlines.filter((entry) => entry.kind === kind).length + 1}`;
}

export function dueFor(calendar: LegalCalendar, startsOn: LegalDate, unit: DeadlineUnit, length: number): CalendarDue {
  switch (unit) {
    case 'CALENDAR_DAYS':
      return calendar.addCalendarDays(startsOn, length);
    case 'WORKING_DAYS':
      return calendar.addWorkingDays(startsOn, length);
    case 'YEARS':
      return calendar.addYears(startsOn, length);
    case 'FIXED':
      // An agreed payment date is what the parties signed; rolling it would rewrite the agreement.
      return { dueOn: addDays(startsOn, length), verified: true };
  }
}

export function openDeadline(deadlines: Deadlines, spec: DeadlineSpec, calendar: LegalCalendar): Deadlines {
  const due = dueFor(calendar, spec.startsOn, spec.unit, spec.days);
  const entry: DeadlineEntry = {
    key: nextDeadlineKey(deadlines, spec.kind),
    kind: spec.kind,
    startsOn: spec.startsOn,
    days: spec.days,
    unit: spec.unit,
    pausedDays: 0,
    dueOn: due.dueOn,
    status: 'PENDING',
    calendarVerified: due.verified,
    basis: spec.basis,
    ...(spec.instalmentNo === undefined ? {} : { instalmentNo: spec.instalmentNo }),
    ...(spec.supersedes === undefined ? {} : { supersedes: spec.supersedes }),
  };
  return [...deadlines, entry];
}

/** The running entry of a kind; at most one per kind is PENDING, except PAYMENT_DUE. */
export function currentDeadline(deadlines: Deadlines, kind: DeadlineKind): DeadlineEntry | undefined {
  return deadlines.find((entry) => entry.kind === kind && entry.status === 'PENDING');
}

export function findDeadline(deadlines: Deadlines, key: string): DeadlineEntry | undefined {
  return deadlines.find((entry) => entry.key === key);
}

export function isPaused(entry: DeadlineEntry): boolean {
  return entry.pausedSince !== undefined;
}

/** A deadline due on D expires at 00:00 on D+1 (DOMAIN §4 Firing); a paused clock cannot expire. */
export function isOverdue(entry: DeadlineEntry, today: LegalDate): boolean {
  return entry.status === 'PENDING' && !isPaused(entry) && compare(today, entry.dueOn) > 0;
}

/**
 * The status a deadline row shows on `today`. The timer marks an expired row MISSED without an
 * event (ACCEPTANCE_DECISION, PAYMENT_DUE), so the projection must agree with it before the next
 * event settles the entry in the context.
 */
export function statusAsOf(entry: DeadlineEntry, today: LegalDate): DeadlineStatus {
  return isOverdue(entry, today) ? 'MISSED' : entry.status;
}

function updatePending(
  deadlines: Deadlines,
  matches: (entry: DeadlineEntry) => boolean,
  update: (entry: DeadlineEntry) => DeadlineEntry,
): Deadlines {
  return deadlines.map((entry) => (entry.status === 'PENDING' && matches(entry) ? update(entry) : entry));
}

/**
 * The act that a deadline waits for was done on `doneOn`. Done in time it is MET; done late it
 * is MISSED, because the timer has already recorded the miss and outcomes are final.
 */
export function settleDeadlines(
  deadlines: Deadlines,
  matches: (entry: DeadlineEntry) => boolean,
  doneOn: LegalDate,
): Deadlines {
  return updatePending(deadlines, matches, (entry) => ({
    ...entry,
    status: compare(doneOn, entry.dueOn) <= 0 ? 'MET' : 'MISSED',
  }));
}

export function settleKind(deadlines: Deadlines, kind: DeadlineKind, doneOn: LegalDate): Deadlines {
  return settleDeadlines(deadlines, (entry) => entry.kind === kind, doneOn);
}

export function markDeadlines(
  deadlines: Deadlines,
  matches: (entry: DeadlineEntry) => boolean,
  status: Exclude<DeadlineStatus, 'PENDING'>,
): Deadlines {
  return updatePending(deadlines, matches, (entry) => ({ ...withoutPause(entry), status }));
}

/** Cancels the running entry of `kind` and opens its successor, which names it in `supersedes`. */
export function supersede(
  deadlines: Deadlines,
  kind: DeadlineKind,
  successor: (current: DeadlineEntry) => Omit<DeadlineSpec, 'kind' | 'supersedes'>,
  calendar: LegalCalendar,
): Deadlines {
  const current = currentDeadline(deadlines, kind);
  if (current === undefined) return deadlines;
  const cancelled = markDeadlines(deadlines, (entry) => entry.key === current.key, 'CANCELLED');
  return openDeadline(cancelled, { ...successor(current), kind, supersedes: current.key }, calendar);
}

export interface RecomputedDeadline {
  readonly key: string;
  readonly kind: DeadlineKind;
  readonly fromDueOn: LegalDate;
  readonly toDueOn: LegalDate;
  readonly calendarVerified: boolean;
}

/**
 * DOMAIN §4 "A year with no data": once the calendar holds the years a PENDING entry was counted without, it is
 * counted again (paused days included; a stopped clock waits for its RESUME, which counts it anyway).
 */
export function recomputeUnverified(deadlines: Deadlines, calendar: LegalCalendar): { deadlines: Deadlines; changed: RecomputedDeadline[] } {
  const changed: RecomputedDeadline[] = [];
  const next = updatePending(
    deadlines,
    (entry) => !entry.calendarVerified && !isPaused(entry),
    (entry) => {
      const due = recountedDue(entry, calendar);
      if (due === undefined) return entry;
      changed.push({ key: entry.key, kind: entry.kind, fromDueOn: entry.dueOn, toDueOn: due.dueOn, calendarVerified: due.verified });
      return { ...entry, dueOn: due.dueOn, calendarVerified: due.verified };
    },
  );
  return { deadlines: changed.length === 0 ? deadlines : next, changed };
}

/** What an unverified entry counts to on `calendar`, or undefined when that is what it says already. */
export function recountedDue(
  entry: Pick<DeadlineEntry, 'startsOn' | 'unit' | 'days' | 'pausedDays' | 'dueOn' | 'calendarVerified'>,
  calendar: LegalCalendar,
): CalendarDue | undefined {
  const due = dueFor(calendar, entry.startsOn, entry.unit, entry.days + entry.pausedDays);
  return due.dueOn === entry.dueOn && due.verified === entry.calendarVerified ? undefined : due;
}

/** Stops the clock of the running entry of `kind` on `today`; a clock already stopped or expired stays as it is. */
export function pauseDeadline(deadlines: Deadlines, kind: DeadlineKind, today: LegalDate): Deadlines {
  const current = currentDeadline(deadlines, kind);
  if (current === undefined || isPaused(current) || compare(today, current.dueOn) > 0) return deadlines;
  return updatePending(deadlines, (entry) => entry.key === current.key, (entry) => ({ ...entry, pausedSince: today }));
}

/** DOMAIN §4: pausedDays += R − pausedSince, then dueOn = roll(startsOn + days + pausedDays). */
export function resumeDeadline(
  deadlines: Deadlines,
  kind: DeadlineKind,
  today: LegalDate,
  calendar: LegalCalendar,
): Deadlines {
  const current = currentDeadline(deadlines, kind);
  if (current?.pausedSince === undefined) return deadlines;
  const pausedDays = current.pausedDays + Math.max(0, diffDays(current.pausedSince, today));
  const due = dueFor(calendar, current.startsOn, current.unit, current.days + pausedDays);
  return updatePending(
    deadlines,
    (entry) => entry.key === current.key,
    (entry) => ({ ...withoutPause(entry), pausedDays, dueOn: due.dueOn, calendarVerified: due.verified }),
  );
}

/**
 * Entering closed.*: what nobody waits for any more is CANCELLED, except what `keep` retains; an
 * entry already past due was missed before the closure and stays MISSED.
 */
export function closeDeadlines(
  deadlines: Deadlines,
  today: LegalDate,
  keep: (entry: DeadlineEntry) => boolean,
): Deadlines {
  return updatePending(
    deadlines,
    (entry) => !keep(entry),
    (entry) => ({ ...withoutPause(entry), status: isOverdue(entry, today) ? 'MISSED' : 'CANCELLED' }),
  );
}

function withoutPause(entry: DeadlineEntry): DeadlineEntry {
  if (entry.pausedSince === undefined) return entry;
  const { pausedSince: _pausedSince, ...rest } = entry;
  return rest;
}

/** The base mediation period of a source (DOMAIN §4 deadlines table). */
export function mediationPeriodRule(source: CaseSource, procedure: CourtProcedure | undefined): PeriodRule {
  if (source === 'COURT_DELEGATED') {
    return { days: 30, basis: 'Delegated (委派) mediation: 30 days from the court file being signed for (Invited Art.27; Online Art.24)' };
  }
  if (source === 'COURT_ENTRUSTED') return entrustedPeriodRule(procedure);
  return {
    days: 15,
    basis: 'Union mediation: 15 days from receipt of the application, after which a party may apply for arbitration (LDMAL Art.14)',
  };
}

function entrustedPeriodRule(procedure: CourtProcedure | undefined): PeriodRule {
  // Intake requires the procedure of an entrusted case (DOMAIN §2); without it no period can be set.
  if (procedure === undefined) throw new Error('An entrusted case needs its court procedure (ORDINARY or SIMPLE)');
  return procedure === 'SIMPLE'
    ? { days: 7, basis: 'Entrusted (委托) mediation under the simple procedure: 7 days (Invited Art.27; Online Art.24)' }
    : { days: 15, basis: 'Entrusted (委托) mediation under the ordinary procedure: 15 days (Invited Art.27; Online Art.24)' };
}

export interface LimitationStart {
  readonly startsOn: LegalDate;
  readonly basis: string;
}

/**
 * LDMAL Art.27: one year from when the worker knew or should have known of the infringement, but a
 * pay claim only runs from the end of the employment (¶4). The earlier applicable date wins, because
 * the first claim to become time-barred is the one the parties must be warned about.
 */
export function limitationStart(claims: ClaimsSummary): LimitationStart | undefined {
  const candidates: LimitationStart[] = [];
  if (claims.types.some((type) => !isWageClaim(type))) {
    candidates.push({
      startsOn: claims.knewOrShouldHaveKnownAt,
      basis: 'Arbitration limitation: 1 year from when the applicant knew or should have known of the infringement (LDMAL Art.27 ¶1)',
    });
  }
  if (claims.hasWageClaim && claims.earliestEmploymentEndedOn !== undefined) {
    candidates.push({
      startsOn: claims.earliestEmploymentEndedOn,
      basis: 'Arbitration limitation for pay claims: 1 year from the end of the employment (LDMAL Art.27 ¶4)',
    });
  }
  return candidates.sort((a, b) => compare(a.startsOn, b.startsOn))[0];
}

export function isWageClaim(type: ClaimType): boolean {
  return (WAGE_CLAIM_TYPES as readonly ClaimType[]).includes(type);
}
