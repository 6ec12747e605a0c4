// The closed vocabularies of the case chart (DOMAIN §2–§4). Each is an `as const` array so that DTO
// validation, database CHECKs and the machine read one list; the type is derived from the array.

export const CASE_SOURCES = [
  'WALK_IN',
  'HOTLINE',
  'ONLINE',
  'WRITTEN',
  'COURT_DELEGATED',
  'COURT_ENTRUSTED',
  'LABOR_INSPECTION',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** Sources whose file comes from a court: 委派 before filing, 委托 after filing. */
export const COURT_SOURCES = ['COURT_DELEGATED', 'COURT_ENTRUSTED'] as const satisfies readonly CaseSource[];

export const COURT_PROCEDURES = ['ORDINARY', 'SIMPLE'] as const;
export type CourtProcedure = (typeof COURT_PROCEDURES)[number];

export const CLAIM_TYPES = [
  'WAGE_ARREARS',
  'OVERTIME',
  'SOCIAL_INSURANCE',
  'ECONOMIC_COMPENSATION',
  'WORK_INJURY',
  'CONTRACT_TERMINATION',
  'LABOR_RELATIONSHIP',
  'OTHER',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Pay claims cannot become time-barred while the employment lasts (LDMAL Art.27 ¶4). */
export const WAGE_CLAIM_TYPES = ['WAGE_ARREARS', 'OVERTIME'] as const satisfies readonly ClaimType[];

export const EMPLOYMENT_RELATIONS = ['CURRENT', 'FORMER', 'DISPATCHED', 'UNCERTAIN'] as const;
export type EmploymentRelation = (typeof EMPLOYMENT_RELATIONS)[number];

export const RISK_FLAGS = [
  'EXTREME_ACT_THREAT',
  'EMPLOYER_ABSCONDED',
  'REPEAT_PETITIONER',
  'EMPLOYER_CLOSING',
  'HARDSHIP',
  'MEDIA_ATTENTION',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** Why a case is not taken on (#2). */
export const REJECT_REASONS = [
  'OUT_OF_SCOPE',
  'DUPLICATE',
  'ALREADY_BEFORE_ARBITRATION_OR_COURT',
  'INCOMPLETE',
  'OTHER',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Why the respondent does not take part (#5); NO_REPLY is the timer's, never a user's. */
export const REFUSAL_REASONS = ['REFUSED', 'UNREACHABLE', 'NO_REPLY'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export const CONSENT_CHANNELS = ['IN_PERSON', 'PHONE', 'WRITTEN', 'ONLINE'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const SUSPEND_REASONS = ['APPRAISAL', 'FORCE_MAJEURE', 'PARTY_REQUEST', 'OTHER'] as const;
export type SuspendReason = (typeof SUSPEND_REASONS)[number];

/**
 * Suspensions that stop the mediation clock: appraisal time is not counted (Online Art.26), and
 * force majeure by analogy with LDMAL Art.27 ¶3 [U]. Any other suspension leaves the clock running.
 */
export const CLOCK_STOPPING_SUSPEND_REASONS = ['APPRAISAL', 'FORCE_MAJEURE'] as const satisfies readonly SuspendReason[];

/** Why mediation ended without agreement (#12). */
export const FAILURE_REASONS = ['PARTY_UNWILLING', 'IRRECONCILABLE', 'PARTY_UNREACHABLE', 'OTHER'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** The agreement takes effect once all four have signed (Online Art.19; PML Art.29). */
export const SIGNATURE_PARTIES = ['APPLICANT', 'RESPONDENT', 'MEDIATOR', 'ORGANIZATION'] as const;
export type SignatureParty = (typeof SIGNATURE_PARTIES)[number];

export const AGREEMENT_ITEM_KINDS = [
  'WAGES',
  'WORK_INJURY_MEDICAL',
  'ECONOMIC_COMPENSATION',
  'DAMAGES',
  'SOCIAL_INSURANCE',
  'OTHER_MONEY',
  'NON_MONETARY',
] as const;
export type AgreementItemKind = (typeof AGREEMENT_ITEM_KINDS)[number];

/**
 * Items for which a payment order may be sought on a mediation agreement: pay, work-injury medical
 * costs, economic compensation or damages (LDMAL Art.16).
 */
export const PAYMENT_ORDER_ITEM_KINDS = [
  'WAGES',
  'WORK_INJURY_MEDICAL',
  'ECONOMIC_COMPENSATION',
  'DAMAGES',
] as const satisfies readonly AgreementItemKind[];

export const REFERRAL_ROUTES = ['PAYMENT_ORDER', 'ARBITRATION', 'LITIGATION', 'ENFORCEMENT'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

export const DEADLINE_KINDS = [
  'ACCEPTANCE_DECISION',
  'RESPONDENT_CONSENT',
  'MEDIATION_PERIOD',
  'JUDICIAL_CONFIRMATION_WINDOW',
  'COURT_DECISION',
  'PAYMENT_DUE',
  'ARBITRATION_LIMITATION',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** PENDING → MET | MISSED | CANCELLED; all three outcomes are final (DOMAIN §4). */
export const DEADLINE_STATUSES = ['PENDING', 'MET', 'MISSED', 'CANCELLED'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** FIXED is an agreed date (PAYMENT_DUE): the parties chose it, so it is never rolled. */
export const DEADLINE_UNITS = ['CALENDAR_DAYS', 'WORKING_DAYS', 'YEARS', 'FIXED'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const JUDICIAL_CONFIRMATION_STATUSES = ['NONE', 'REQUESTED', 'CONFIRMED', 'REFUSED', 'WITHDRAWN'] as const;
export type JudicialConfirmationStatus = (typeof JUDICIAL_CONFIRMATION_STATUSES)[number];

export const ROLES = ['ADMIN', 'SUPERVISOR', 'MEDIATOR', 'COURT_LIAISON'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_KINDS = ['UNION', 'COURT'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** One string everywhere: machine, request `type`, audit `action`, job payload (STYLE §2). */
export const CASE_EVENT_TYPES = [
  'ACCEPT',
  'REJECT',
  'ASSIGN_MEDIATOR',
  'RESPONDENT_CONSENTS',
  'RESPONDENT_REFUSES',
  'SCHEDULE_SESSION',
  'RECORD_SESSION',
  'EXTEND',
  'SUSPEND',
  'RESUME',
  'REACH_AGREEMENT',
  'MEDIATION_FAILED',
  'DEADLINE_EXPIRED',
  'SIGN',
  'REFUSE_TO_SIGN',
  'WITHDRAW',
  'REQUEST_JUDICIAL_CONFIRMATION',
  'CONFIRM_JUDICIALLY',
  'REFUSE_CONFIRMATION',
  'RECORD_PERFORMANCE',
  'PERFORMED_IN_FULL',
  'REPORT_DEFAULT',
  'REFER',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Every state of the chart, dotted as the API shows it (DOMAIN §3). */
export const CASE_STATES = [
  'intake.registered',
  'intake.awaitingConsent',
  'mediation.active',
  'mediation.suspended',
  'agreement.signing',
  'agreement.effective',
  'agreement.judicialReview',
  'agreement.confirmed',
  'agreement.defaulted',
  'closed.resolved',
  'closed.failed',
  'closed.rejected',
  'closed.withdrawn',
  'closed.referred',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CLOSED_STATES = [
  'closed.resolved',
  'closed.failed',
  'closed.rejected',
  'closed.withdrawn',
  'closed.referred',
] as const satisfies readonly CaseState[];
export type ClosedState = (typeof CLOSED_STATES)[number];

/** A dispute of ten or more workers is collective and acts through representatives (LDMAL Art.7). */
export const COLLECTIVE_WORKER_COUNT = 10;

/** How a closed case ended; `closed.failed` records one of the first six (DOMAIN §3 Effects). */
export type CaseOutcome =
  | 'RESPONDENT_REFUSED'
  | 'RESPONDENT_UNREACHABLE'
  | 'RESPONDENT_NO_REPLY'
  | `MEDIATION_FAILED:${FailureReason}`
  | 'DEADLINE_EXPIRED'
  | 'REFUSED_TO_SIGN'
  | 'RESOLVED'
  | 'WITHDRAWN'
  | `REJECTED:${RejectReason}`
  | `REFERRED:${ReferralRoute}`;

export function isCourtSource(source: CaseSource): boolean {
  return (COURT_SOURCES as readonly CaseSource[]).includes(source);
}
