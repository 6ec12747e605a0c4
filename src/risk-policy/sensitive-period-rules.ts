import { addDays, compare, diffDays, type LegalDate } from '../calendar/legal-date';
import type { FieldProblem } from '../common/errors/domain-error';
import type { Role } from '../users/role';

// The checks on a sensitive period that compare its fields, and who may see or change which period. Field formats
// (dates, ranges, lengths) are the DTOs' job; this runs on the period as it would be stored, so a PATCH of startsOn
// alone is checked against the endsOn and milestones already there.

export const MAX_LEAD_DAYS = 60;
export const MAX_MILESTONES = 20;
/**
 * Longer than any real period (the winter campaign runs about 90 days): a year typed wrong (2062 for 2026) would
 * otherwise raise every case of every organization for decades.
 */
export const MAX_PERIOD_DAYS = 366;

export interface PeriodDates {
  readonly startsOn: LegalDate;
  readonly endsOn: LegalDate;
  readonly leadDays: number;
  readonly milestones: readonly { readonly on: LegalDate }[];
}

const problem = (field: string, code: string, message: string): FieldProblem => ({ field, code, message });

/**
 * Problems of the dates taken together: the period ends on or after it starts, lasts at most MAX_PERIOD_DAYS, and each
 * milestone falls inside its window [startsOn − leadDays, endsOn]. `changed` names the fields a PATCH sent, so that an
 * order problem is reported on the date the caller touched.
 */
export function periodDateProblems(period: PeriodDates, changed?: ReadonlySet<string>): FieldProblem[] {
  const field = changed !== undefined && !changed.has('endsOn') && changed.has('startsOn') ? 'startsOn' : 'endsOn';
  if (compare(period.endsOn, period.startsOn) < 0) {
    return [problem(field, 'INCONSISTENT', `endsOn (${period.endsOn}) must not be before startsOn (${period.startsOn})`)];
  }
  const days = diffDays(period.startsOn, period.endsOn) + 1;
  if (days > MAX_PERIOD_DAYS) {
    return [problem(field, 'OUT_OF_RANGE', `a period lasts at most ${MAX_PERIOD_DAYS} days; ${period.startsOn} to ${period.endsOn} is ${days}`)];
  }
  const opensOn = addDays(period.startsOn, -period.leadDays);
  return period.milestones.flatMap(({ on }, index) =>
    compare(on, opensOn) < 0 || compare(on, period.endsOn) > 0
      ? [problem(`milestones[${index}].on`, 'OUT_OF_RANGE', `milestones[${index}].on (${on}) must be within the window ${opensOn} to ${period.endsOn}`)]
      : [],
  );
}

export interface PeriodViewer {
  readonly role: Role;
  readonly organizationId: string;
}

/** Everyone needs the calendar: global periods and their own organization's; an ADMIN sees every organization's. */
export function mayViewPeriod(viewer: PeriodViewer, orgId: string | null): boolean {
  return viewer.role === 'ADMIN' || orgId === null || orgId === viewer.organizationId;
}

/**
 * A global period raises every organization's cases, so only an ADMIN changes one (the seeded defaults included); a
 * supervisor changes the periods of their own organization.
 */
export function mayChangePeriod(viewer: PeriodViewer, orgId: string | null): boolean {
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'SUPERVISOR' && orgId !== null && orgId === viewer.organizationId;
}

/**
 * The organization a new period belongs to: a supervisor's always their own (left out or named), an ADMIN's the one
 * named or, when none is, every organization. undefined when the viewer may not place a period there.
 */
export function newPeriodOrg(viewer: PeriodViewer, requested: string | null | undefined): string | null | undefined {
  const named = typeof requested === 'string' ? requested.toLowerCase() : requested;
  if (viewer.role === 'ADMIN') return named ?? null;
  if (viewer.role !== 'SUPERVISOR') return undefined;
  return named === undefined || named === viewer.organizationId ? viewer.organizationId : undefined;
}
