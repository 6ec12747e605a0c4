import { addYears, compare, legalDateOf, LEGAL_TIME_ZONE, parseLegalDate, type LegalDate } from '../calendar/legal-date';
import type { FieldProblem } from '../common/errors/domain-error';
import { AMOUNT_REQUIRED_CLAIM_TYPES, type ApplicantIdType } from './case-vocabulary';
import { sumMoney, toFen } from './machine/money';
import {
  COLLECTIVE_WORKER_COUNT,
  isCourtSource,
  type CaseSource,
  type ClaimType,
  type CourtProcedure,
  type EmploymentRelation,
  type OrgKind,
} from './machine/case.types';

// The intake rules of DOMAIN §2 that compare fields with each other, with the clock or with what the database knows.
// Field-level formats are checked by the DTO first; these run on a request whose every field is well-formed, and all
// their problems are answered together, one per field.

export interface ApplicantDraft {
  readonly name: string;
  readonly idType: ApplicantIdType;
  readonly idNumber: string;
  readonly employmentRelation: EmploymentRelation;
  readonly employmentEndedOn?: string;
  readonly migrantWorker: boolean;
  readonly isRepresentative: boolean;
}

export interface ClaimDraft {
  readonly type: ClaimType;
  readonly amount?: string;
}

export interface IntakeDraft {
  readonly source: CaseSource;
  readonly courtOrgId?: string;
  readonly courtCaseNumber?: string;
  readonly courtProcedure?: CourtProcedure;
  readonly receivedAt: string;
  readonly applicants: readonly ApplicantDraft[];
  readonly claims: readonly ClaimDraft[];
  readonly workerCount: number;
  readonly migrantWorkers: number;
  readonly arrearsMonths?: number;
  readonly knewOrShouldHaveKnownAt: string;
  readonly relatedCaseId?: string;
}

/** What the service looked up for the rules; each is undefined when the draft did not name the thing. */
export interface IntakeFacts {
  readonly now: Date;
  readonly timeZone?: string;
  /** The kind of the organization courtOrgId names; null when there is no such organization. */
  readonly courtOrgKind?: OrgKind | null;
  /** Whether relatedCaseId names a case the creating user may see. */
  readonly relatedCaseVisible?: boolean;
}

/** Receipt times a little ahead of the server are clock skew between the clerk's device and ours. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
/** Older files belong to a data migration, not to intake. */
export const MAX_YEARS_BACK = 2;
export const REPRESENTATIVES_MIN = 3;
export const REPRESENTATIVES_MAX = 5;
/** numeric(14,2): twelve integer digits. */
const MAX_TOTAL_FEN = 99_999_999_999_999n;

/** The legal date of receipt: the Asia/Shanghai calendar date of the instant (2026-09-15T17:30Z → 2026-09-16). */
export function legalReceiptDate(receivedAt: string, timeZone: string = LEGAL_TIME_ZONE): LegalDate {
  return legalDateOf(receivedAt, timeZone);
}

export function isCollective(workerCount: number): boolean {
  return workerCount >= COLLECTIVE_WORKER_COUNT;
}

/** Every cross-field problem of the draft, at most one per field, in field order. */
export function intakeProblems(draft: IntakeDraft, facts: IntakeFacts): FieldProblem[] {
  const receivedOn = legalReceiptDate(draft.receivedAt, facts.timeZone);
  return firstPerField([
    ...courtProblems(draft, facts),
    ...receivedAtProblems(draft, facts),
    ...applicantProblems(draft, receivedOn),
    ...compositionProblems(draft),
    ...migrantWorkerProblems(draft),
    ...arrearsProblems(draft),
    ...claimProblems(draft),
    ...knewProblems(draft, receivedOn),
    ...relatedCaseProblems(draft, facts),
  ]);
}

function problem(field: string, code: string, message: string): FieldProblem {
  return { field, code, message };
}

function firstPerField(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((candidate) => {
    if (seen.has(candidate.field)) return false;
    seen.add(candidate.field);
    return true;
  });
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A court refers a case delegated (委派, before filing) or entrusted (委托, after filing); nobody else names a court. */
export function courtProblems(draft: IntakeDraft, facts: IntakeFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fromCourt = isCourtSource(draft.source);
  const entrusted = draft.source === 'COURT_ENTRUSTED';
  if (fromCourt && !present(draft.courtOrgId)) {
    problems.push(problem('courtOrgId', 'REQUIRED', `courtOrgId is required for a ${draft.source} case`));
  } else if (!fromCourt && present(draft.courtOrgId)) {
    problems.push(problem('courtOrgId', 'FORBIDDEN', `courtOrgId is only for court sources, not ${draft.source}`));
  } else if (fromCourt && facts.courtOrgKind !== 'COURT') {
    problems.push(problem('courtOrgId', 'INCONSISTENT', 'courtOrgId must name a COURT organization'));
  }
  if (entrusted && !present(draft.courtCaseNumber)) {
    problems.push(problem('courtCaseNumber', 'REQUIRED', 'courtCaseNumber is required for an entrusted case, which the court has filed'));
  } else if (!fromCourt && present(draft.courtCaseNumber)) {
    problems.push(problem('courtCaseNumber', 'FORBIDDEN', `courtCaseNumber is only for court sources, not ${draft.source}`));
  }
  if (entrusted && !present(draft.courtProcedure)) {
    problems.push(problem('courtProcedure', 'REQUIRED', 'courtProcedure is required for an entrusted case: it sets the mediation period'));
  } else if (!entrusted && present(draft.courtProcedure)) {
    problems.push(problem('courtProcedure', 'FORBIDDEN', `courtProcedure is only for COURT_ENTRUSTED cases, not ${draft.source}`));
  }
  return problems;
}

export function receivedAtProblems(draft: IntakeDraft, facts: IntakeFacts): FieldProblem[] {
  const receivedAt = new Date(draft.receivedAt).getTime();
  if (receivedAt > facts.now.getTime() + CLOCK_SKEW_MS) {
    return [problem('receivedAt', 'FUTURE_DATE', 'receivedAt must not be in the future')];
  }
  const today = legalDateOf(facts.now, facts.timeZone ?? LEGAL_TIME_ZONE);
  const earliest = addYears(today, -MAX_YEARS_BACK);
  if (compare(legalReceiptDate(draft.receivedAt, facts.timeZone), earliest) < 0) {
    return [problem('receivedAt', 'OUT_OF_RANGE', `receivedAt must be at most ${MAX_YEARS_BACK} years back (on or after ${earliest})`)];
  }
  return [];
}

export function applicantProblems(draft: IntakeDraft, receivedOn: LegalDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const firstWithId = new Map<string, number>();
  draft.applicants.forEach((applicant, index) => {
    const path = `applicants[${index}]`;
    if (present(applicant.employmentEndedOn)) {
      if (applicant.employmentRelation !== 'FORMER') {
        problems.push(problem(`${path}.employmentEndedOn`, 'FORBIDDEN', `${path}.employmentEndedOn is only for FORMER employees`));
      } else if (compare(parseLegalDate(applicant.employmentEndedOn), receivedOn) > 0) {
        problems.push(problem(`${path}.employmentEndedOn`, 'FUTURE_DATE', `${path}.employmentEndedOn must be no later than the legal receipt date ${receivedOn}`));
      }
    }
    // One person cannot apply twice in one case; a duplicate is a copy-and-paste slip in a long collective list.
    const identity = `${applicant.idType}:${applicant.idNumber}`;
    const first = firstWithId.get(identity);
    if (first === undefined) firstWithId.set(identity, index);
    else problems.push(problem(`${path}.idNumber`, 'INCONSISTENT', `${path}.idNumber repeats applicants[${first}].idNumber`));
  });
  return problems;
}

/**
 * LDMAL Art.7: ten or more workers make a collective dispute, which acts through 3–5 elected representatives. An
 * individual case names every worker and has nobody representing others.
 */
export function compositionProblems(draft: IntakeDraft): FieldProblem[] {
  const count = draft.applicants.length;
  if (!isCollective(draft.workerCount)) {
    const problems = draft.applicants.flatMap((applicant, index) =>
      applicant.isRepresentative
        ? [problem(`applicants[${index}].isRepresentative`, 'INCONSISTENT', 'An individual case (fewer than 10 workers) has no representatives')]
        : [],
    );
    if (count !== draft.workerCount) {
      problems.unshift(problem('workerCount', 'INCONSISTENT', `An individual case lists every worker: workerCount must equal the ${count} applicants`));
    }
    return problems;
  }
  const problems: FieldProblem[] = [];
  if (count > draft.workerCount) {
    problems.push(problem('workerCount', 'INCONSISTENT', `workerCount must be at least the ${count} applicants`));
  }
  const representatives = draft.applicants.filter((applicant) => applicant.isRepresentative).length;
  if (representatives < REPRESENTATIVES_MIN) {
    problems.push(problem('applicants', 'TOO_FEW', `A collective case needs ${REPRESENTATIVES_MIN}–${REPRESENTATIVES_MAX} representatives; ${representatives} marked`));
  } else if (representatives > REPRESENTATIVES_MAX) {
    problems.push(problem('applicants', 'TOO_MANY', `A collective case needs ${REPRESENTATIVES_MIN}–${REPRESENTATIVES_MAX} representatives; ${representatives} marked`));
  }
  return problems;
}

export function migrantWorkerProblems(draft: IntakeDraft): FieldProblem[] {
  const flagged = draft.applicants.filter((applicant) => applicant.migrantWorker).length;
  if (draft.migrantWorkers < flagged || draft.migrantWorkers > draft.workerCount) {
    return [problem('migrantWorkers', 'OUT_OF_RANGE', `migrantWorkers must be between ${flagged} (applicants flagged migrantWorker) and ${draft.workerCount} (workerCount)`)];
  }
  return [];
}

function hasWageArrearsClaim(draft: IntakeDraft): boolean {
  return draft.claims.some((claim) => claim.type === 'WAGE_ARREARS');
}

/** Months of arrears drive the wage-arrears risk rules, so they are asked whenever unpaid wages are claimed. */
export function arrearsProblems(draft: IntakeDraft): FieldProblem[] {
  if (hasWageArrearsClaim(draft) && !present(draft.arrearsMonths)) {
    return [problem('arrearsMonths', 'REQUIRED', 'arrearsMonths is required with a WAGE_ARREARS claim')];
  }
  if (!hasWageArrearsClaim(draft) && present(draft.arrearsMonths) && draft.arrearsMonths !== 0) {
    return [problem('arrearsMonths', 'INCONSISTENT', 'arrearsMonths must be 0 without a WAGE_ARREARS claim')];
  }
  return [];
}

export function claimProblems(draft: IntakeDraft): FieldProblem[] {
  const problems = draft.claims.flatMap((claim, index) =>
    (AMOUNT_REQUIRED_CLAIM_TYPES as readonly ClaimType[]).includes(claim.type) && !present(claim.amount)
      ? [problem(`claims[${index}].amount`, 'REQUIRED', `claims[${index}].amount is required for a ${claim.type} claim`)]
      : [],
  );
  if (toFen(totalClaimed(draft.claims)) > MAX_TOTAL_FEN) {
    problems.push(problem('claims', 'OUT_OF_RANGE', 'The claimed amounts must add up to at most 999999999999.99'));
  }
  return problems;
}

/** The sum of the amounts given, "0.00" when none is. */
export function totalClaimed(claims: readonly ClaimDraft[]): string {
  return sumMoney(claims.flatMap((claim) => (present(claim.amount) ? [claim.amount as string] : [])));
}

export function knewProblems(draft: IntakeDraft, receivedOn: LegalDate): FieldProblem[] {
  if (compare(parseLegalDate(draft.knewOrShouldHaveKnownAt), receivedOn) > 0) {
    return [problem('knewOrShouldHaveKnownAt', 'FUTURE_DATE', `knewOrShouldHaveKnownAt must be no later than the legal receipt date ${receivedOn}`)];
  }
  return [];
}

export function relatedCaseProblems(draft: IntakeDraft, facts: IntakeFacts): FieldProblem[] {
  if (present(draft.relatedCaseId) && facts.relatedCaseVisible !== true) {
    return [problem('relatedCaseId', 'INCONSISTENT', 'relatedCaseId must name an existing case that you can see')];
  }
  return [];
}
