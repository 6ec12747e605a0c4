import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { LEGAL_TIME_ZONE, legalDateOf } from '../calendar/legal-date';
import type { CaseAccessFacts, CaseViewer } from '../cases/case-access-rules';
import type { RiskLevel } from '../cases/case-vocabulary';
import type { DeadlineKind } from '../cases/machine/case.types';
import { expiresAt } from '../deadlines/deadline-timers';
import { compareLevels } from '../risk/risk-level';

// The rules of DOMAIN §5 "Alerts" and "Response by level" that need no database: when a risk alert opens or rises,
// when an alert is due, who sees and who handles it, and when a RED one is escalated.

/** COURT_DECISION alerts are not a kind of their own: they are DEADLINE_* alerts whose deadline is a COURT_DECISION. */
export const ALERT_KINDS = ['RISK_LEVEL', 'DEADLINE_WARNING', 'DEADLINE_MISSED', 'LIMITATION_WATCH', 'SENSITIVE_PERIOD'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** OPEN → ACKNOWLEDGED → RESOLVED; resolving an OPEN alert acknowledges it on the way. */
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const RISK_SCOPE_REF = 'risk';

const HOUR_MS = 3_600_000;

/** Response times by level (DOMAIN §5 "Response by level"); BLUE is routine and has none. */
export const RESPONSE_TIME = {
  YELLOW: { workingDays: 3 },
  ORANGE: { hours: 24 },
  RED: { hours: 2 },
} as const;

/**
 * When the response to an alert raised at `raisedAt` is due. YELLOW allows three working days on the legal calendar
 * and ends, like any legal day, at 24:00 Asia/Shanghai on the last of them; ORANGE and RED are counted in hours
 * because "same-day contact" and "immediate" do not wait for working days.
 */
export function defaultDueBy(level: RiskLevel, raisedAt: Date, calendar: HolidayCalendar, timeZone: string = LEGAL_TIME_ZONE): Date | null {
  switch (level) {
    case 'BLUE':
      return null;
    case 'YELLOW':
      return expiresAt(calendar.addWorkingDays(legalDateOf(raisedAt, timeZone), RESPONSE_TIME.YELLOW.workingDays).dueOn);
    case 'ORANGE':
      return new Date(raisedAt.getTime() + RESPONSE_TIME.ORANGE.hours * HOUR_MS);
    case 'RED':
      return new Date(raisedAt.getTime() + RESPONSE_TIME.RED.hours * HOUR_MS);
  }
}

export interface RiskAlertHistory {
  /** The level of the case's unresolved RISK_LEVEL alert, if it has one. */
  readonly openLevel?: RiskLevel;
  /** The highest level among its resolved RISK_LEVEL alerts, if any. */
  readonly highestResolvedLevel?: RiskLevel;
}

export type RiskAlertDecision = 'OPEN' | 'RAISE_IN_PLACE' | 'NONE';

/**
 * What a risk assessment at `level` does to the case's RISK_LEVEL alert: a risk alert starts at YELLOW; a higher
 * level raises the unresolved one in place and a lower or equal one leaves it; once resolved, only a level above
 * every resolved one opens a new alert, so resolving a YELLOW alert is not undone by the next YELLOW screening.
 */
export function riskAlertDecision(level: RiskLevel, history: RiskAlertHistory): RiskAlertDecision {
  if (compareLevels(level, 'YELLOW') < 0) return 'NONE';
  if (history.openLevel !== undefined) return compareLevels(level, history.openLevel) > 0 ? 'RAISE_IN_PLACE' : 'NONE';
  if (history.highestResolvedLevel !== undefined && compareLevels(level, history.highestResolvedLevel) <= 0) return 'NONE';
  return 'OPEN';
}

export interface ScopedAlert {
  readonly kind: AlertKind;
  readonly scopeRef: string;
  readonly deadlineId?: string | null;
  readonly windowId?: string | null;
}

/**
 * Why `alert`'s scopeRef does not follow DOMAIN §5's table, or undefined when it does. Uniqueness is per
 * (case, kind, scopeRef), so two writers spelling one scope differently would open the same alert twice.
 */
export function scopeRefProblem(alert: ScopedAlert): string | undefined {
  const deadlineId = alert.deadlineId?.toLowerCase();
  const windowId = alert.windowId?.toLowerCase();
  switch (alert.kind) {
    case 'RISK_LEVEL':
      return alert.scopeRef === RISK_SCOPE_REF ? undefined : `a RISK_LEVEL alert's scopeRef is '${RISK_SCOPE_REF}'`;
    case 'DEADLINE_WARNING':
      return deadlineId !== undefined && new RegExp(`^${deadlineId}:\\d+$`).test(alert.scopeRef) ? undefined : "a DEADLINE_WARNING alert's scopeRef is 'deadlineId:offset'";
    case 'DEADLINE_MISSED':
      return deadlineId !== undefined && alert.scopeRef === deadlineId ? undefined : "a DEADLINE_MISSED alert's scopeRef is its deadlineId";
    case 'SENSITIVE_PERIOD':
      return windowId !== undefined && alert.scopeRef === windowId ? undefined : "a SENSITIVE_PERIOD alert's scopeRef is its windowId";
    case 'LIMITATION_WATCH':
      return /^limitation:\d{4}-\d{2}-\d{2}$/.test(alert.scopeRef) ? undefined : "a LIMITATION_WATCH alert's scopeRef is 'limitation:dueOn'";
  }
}

/** The levels a court liaison is shown on linked cases, besides alerts about the court's own decision deadline. */
export const LIAISON_ALERT_LEVELS: readonly RiskLevel[] = ['ORANGE', 'RED'];
export const LIAISON_DEADLINE_KIND: DeadlineKind = 'COURT_DECISION';

export interface AlertVisibilityFacts {
  readonly level: RiskLevel;
  readonly deadlineKind: DeadlineKind | null;
}

/**
 * The alert-level part of visibility; the case-level part is case access (DOMAIN §1). A liaison is shown what
 * concerns the court: ORANGE and RED alerts, and alerts about its COURT_DECISION deadline (DOMAIN §5 "Visibility").
 */
export function roleSeesAlert(viewer: Pick<CaseViewer, 'role'>, alert: AlertVisibilityFacts): boolean {
  if (viewer.role !== 'COURT_LIAISON') return true;
  return LIAISON_ALERT_LEVELS.includes(alert.level) || alert.deadlineKind === LIAISON_DEADLINE_KIND;
}

/** roleSeesAlert as a WHERE condition over `alerts` aliased `alias`, or undefined when the role sees every level. */
export function roleAlertFilterSql(viewer: Pick<CaseViewer, 'role'>, alias = 'a'): string | undefined {
  if (viewer.role !== 'COURT_LIAISON') return undefined;
  const levels = LIAISON_ALERT_LEVELS.map((level) => `'${level}'`).join(', ');
  return `(${alias}.level IN (${levels}) OR ${alias}.deadline_kind = '${LIAISON_DEADLINE_KIND}')`;
}

/**
 * Who acts on an alert: a supervisor of the case's organization and the case's assigned mediator. Administrators
 * read only (DOMAIN §1); a liaison is informed but the studio responds; a queue mediator has not taken the case on.
 */
export function mayHandleAlert(viewer: CaseViewer, facts: Pick<CaseAccessFacts, 'organizationId' | 'assignedMediatorId'>): boolean {
  switch (viewer.role) {
    case 'SUPERVISOR':
      return facts.organizationId === viewer.organizationId;
    case 'MEDIATOR':
      return facts.assignedMediatorId === viewer.id;
    case 'ADMIN':
    case 'COURT_LIAISON':
      return false;
  }
}

export interface EscalationFacts {
  readonly level: RiskLevel;
  readonly status: AlertStatus;
  readonly escalated: boolean;
  /** When the alert reached its current level: raised at it, or raised to it in place. */
  readonly levelSince: Date;
}

/** When a RED alert that nobody acknowledged is escalated: `minutes` after it turned RED. */
export function escalationDueAt(levelSince: Date, minutes: number): Date {
  return new Date(levelSince.getTime() + minutes * 60_000);
}

export type EscalationVerdict = 'ESCALATE' | 'NOT_YET' | 'STALE';

/**
 * DOMAIN §5 "Escalation": a RED alert still OPEN after the configured minutes is escalated, once. An acknowledged,
 * resolved or already escalated alert is STALE, which is what makes a repeated or late job harmless.
 */
export function escalationVerdict(alert: EscalationFacts, now: Date, minutes: number): EscalationVerdict {
  if (alert.level !== 'RED' || alert.status !== 'OPEN' || alert.escalated) return 'STALE';
  return now.getTime() < escalationDueAt(alert.levelSince, minutes).getTime() ? 'NOT_YET' : 'ESCALATE';
}
