import { addDays, compare, type LegalDate } from '../calendar/legal-date';
import type { CaseAccessFacts, CaseViewer } from '../cases/case-access-rules';
import type { FieldProblem } from '../common/errors/domain-error';

// Hardship assistance (困难职工兜底帮扶, issue 6): who may propose and decide, and the rules of a proposal that compare
// its fields with each other, with the case and with the date. Field formats are checked by the DTO first; these run
// on a well-formed request, and all their problems are answered together, one per field.

export const ASSISTANCE_KINDS = ['RELIEF_FUNDS', 'FESTIVAL_CONDOLENCE', 'LEGAL_AID', 'JOB_REFERRAL', 'MEDICAL_MUTUAL_AID', 'OTHER'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

export const ASSISTANCE_STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];

/** Money handed over (relief funds, a festival condolence payment or its goods' value, medical mutual aid): the amount is what is accounted for. */
export const AMOUNT_REQUIRED_KINDS = ['RELIEF_FUNDS', 'FESTIVAL_CONDOLENCE', 'MEDICAL_MUTUAL_AID'] as const satisfies readonly AssistanceKind[];

/**
 * Services, not money: legal aid is given by a lawyer or a legal-aid centre and a job referral by the employment
 * service, so a sum on them would be counted as money paid out when none was. OTHER may carry one or not.
 */
export const AMOUNT_FORBIDDEN_KINDS = ['LEGAL_AID', 'JOB_REFERRAL'] as const satisfies readonly AssistanceKind[];

/** A proposal may name the day it is planned for, such as the eve of a festival, up to this many days ahead. */
export const MAX_DAYS_AHEAD = 30;

export interface AssistanceDraft {
  /** The worker by position in the case's applicants; null or absent: the case as a whole. */
  readonly applicantPosition?: number | null;
  readonly kind: AssistanceKind;
  /** null or absent: no amount. */
  readonly amount?: string | null;
  readonly givenOn: string;
}

export interface AssistanceCaseFacts {
  readonly applicantCount: number;
  /** The case's legal receipt date: assistance recorded on a case is given because of it. */
  readonly receivedOn: LegalDate;
  readonly today: LegalDate;
}

export function assistanceProblems(draft: AssistanceDraft, facts: AssistanceCaseFacts): FieldProblem[] {
  return [...positionProblems(draft, facts), ...amountProblems(draft), ...givenOnProblems(draft, facts)];
}

function positionProblems(draft: AssistanceDraft, facts: AssistanceCaseFacts): FieldProblem[] {
  const position = draft.applicantPosition;
  if (position === undefined || position === null || position < facts.applicantCount) return [];
  const message = `applicantPosition must be between 0 and ${facts.applicantCount - 1}: the case lists ${facts.applicantCount} applicant${facts.applicantCount === 1 ? '' : 's'}`;
  return [{ field: 'applicantPosition', code: 'OUT_OF_RANGE', message }];
}

function amountProblems(draft: AssistanceDraft): FieldProblem[] {
  const hasAmount = draft.amount !== undefined && draft.amount !== null;
  if (!hasAmount && (AMOUNT_REQUIRED_KINDS as readonly string[]).includes(draft.kind)) {
    return [{ field: 'amount', code: 'REQUIRED', message: `amount is required for ${AMOUNT_REQUIRED_KINDS.join(', ')}` }];
  }
  if (hasAmount && (AMOUNT_FORBIDDEN_KINDS as readonly string[]).includes(draft.kind)) {
    return [{ field: 'amount', code: 'FORBIDDEN', message: `amount is not recorded for ${AMOUNT_FORBIDDEN_KINDS.join(' or ')}: they are services, not money` }];
  }
  return [];
}

function givenOnProblems(draft: AssistanceDraft, facts: AssistanceCaseFacts): FieldProblem[] {
  const givenOn = draft.givenOn as LegalDate;
  if (compare(givenOn, facts.receivedOn) < 0) {
    return [{ field: 'givenOn', code: 'OUT_OF_RANGE', message: `givenOn must not be before the case was received (${facts.receivedOn})` }];
  }
  const latest = addDays(facts.today, MAX_DAYS_AHEAD);
  if (compare(givenOn, latest) > 0) {
    return [{ field: 'givenOn', code: 'FUTURE_DATE', message: `givenOn may be planned at most ${MAX_DAYS_AHEAD} days ahead, up to ${latest}` }];
  }
  return [];
}

/** A period's list runs from `from` to `to`, both included. */
export function periodProblems(from: string, to: string): FieldProblem[] {
  if (compare(from as LegalDate, to as LegalDate) <= 0) return [];
  return [{ field: 'to', code: 'INCONSISTENT', message: 'to must not be before from' }];
}

/**
 * The assigned mediator, who knows the workers' situation, or a supervisor of the case's organization. A mediator
 * of the intake queue has not taken the case on; court liaisons and administrators do not handle union funds.
 */
export function mayProposeAssistance(viewer: CaseViewer, facts: CaseAccessFacts): boolean {
  switch (viewer.role) {
    case 'MEDIATOR':
      return facts.assignedMediatorId === viewer.id;
    case 'SUPERVISOR':
      return facts.organizationId === viewer.organizationId;
    case 'ADMIN':
    case 'COURT_LIAISON':
      return false;
  }
}

/** Only a supervisor of the case's organization approves or rejects. */
export function mayDecideAssistance(viewer: CaseViewer, facts: CaseAccessFacts): boolean {
  return viewer.role === 'SUPERVISOR' && facts.organizationId === viewer.organizationId;
}

/**
 * Four eyes on union funds: nobody approves what they proposed themselves, a supervisor included. Rejecting one's own
 * proposal is allowed, as the way to withdraw it.
 */
export function isSelfApproval(decision: 'APPROVE' | 'REJECT', proposedBy: string, deciderId: string): boolean {
  return decision === 'APPROVE' && proposedBy.toLowerCase() === deciderId.toLowerCase();
}
