import type { components } from '../../api/schema';
import type { Role } from '../../auth/session-store';
import { addDays, daysBetween } from './legal-dates';
import { PERIOD_LIMITS, type SensitivePeriod, type SensitivePeriodKind } from './risk-vocabulary';

export type PeriodBody = components['schemas']['CreateSensitivePeriodDto'];

/** The ADMIN's choice of "every organization" in the form; the API says it with orgId null. */
export const EVERY_ORGANIZATION = 'every';

/** The form's values with dates as YYYY-MM-DD strings; the form converts its date pickers' values to these. */
export interface PeriodDraft {
  readonly name: string;
  readonly kind: SensitivePeriodKind;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly leadDays: number;
  readonly milestones: readonly { readonly on: string; readonly label: string }[];
  readonly verified: boolean;
  readonly basis: string;
  /** Whether it raises levels; deactivating and reactivating are actions of the list, the form keeps what it was. */
  readonly active: boolean;
  /** An organization's id or EVERY_ORGANIZATION: an ADMIN's choice. A supervisor's periods are always their own. */
  readonly orgId?: string;
}

export type EndsOnProblem = 'endsBeforeStart' | 'tooLong';

/** The service's own check (sensitive-period-rules.ts): not before the start, at most 366 days counted inclusively. */
export function endsOnProblem(startsOn: string | undefined, endsOn: string | undefined): EndsOnProblem | undefined {
  if (!startsOn || !endsOn) return undefined;
  if (endsOn < startsOn) return 'endsBeforeStart';
  return daysBetween(startsOn, endsOn) + 1 > PERIOD_LIMITS.spanDaysMax ? 'tooLong' : undefined;
}

/** A milestone falls inside the window that raises levels: [startsOn − leadDays, endsOn]. */
export function milestoneWindow(startsOn: string, endsOn: string, leadDays: number): { from: string; to: string } {
  return { from: addDays(startsOn, -leadDays), to: endsOn };
}

export function isInside(on: string, window: { from: string; to: string }): boolean {
  return on >= window.from && on <= window.to;
}

/** The request body: names trimmed, the organization only when an ADMIN chose one (null for every organization). */
export function toPeriodBody(draft: PeriodDraft, role: Role): PeriodBody {
  const body: PeriodBody = {
    name: draft.name.trim(),
    kind: draft.kind,
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    leadDays: draft.leadDays,
    milestones: draft.milestones.map((milestone) => ({ on: milestone.on, label: milestone.label.trim() })),
    verified: draft.verified,
    basis: draft.basis.trim(),
    active: draft.active,
  };
  // The generated schema types orgId as an object (the DTO's decorator names no type); the service takes the uuid.
  if (role === 'ADMIN' && draft.orgId !== undefined) body.orgId = (draft.orgId === EVERY_ORGANIZATION ? null : draft.orgId) as PeriodBody['orgId'];
  return body;
}

/** A period as the form edits it. */
export function draftOfPeriod(period: SensitivePeriod): PeriodDraft {
  return {
    name: period.name,
    kind: period.kind,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    leadDays: period.leadDays,
    milestones: period.milestones.map(({ on, label }) => ({ on, label })),
    verified: period.verified,
    basis: period.basis,
    active: period.active,
    orgId: period.orgId ?? EVERY_ORGANIZATION,
  };
}

/**
 * A supervisor keeps their own organization's periods; a period of every organization (the seeded holidays) is the
 * ADMIN's, as the service decides (mayChangePeriod).
 */
export function mayChangePeriod(user: { role: Role; organizationId: string }, period: Pick<SensitivePeriod, 'orgId'>): boolean {
  if (user.role === 'ADMIN') return true;
  return user.role === 'SUPERVISOR' && period.orgId === user.organizationId;
}
