import type { components } from '../api/schema';

export type CaseSummary = components['schemas']['CaseSummaryResponseDto'];
export type CaseDetail = components['schemas']['CaseDetailResponseDto'];
export type CaseState = CaseSummary['state'];
export type CaseSource = CaseSummary['source'];
export type RiskLevel = CaseSummary['riskLevel'];
export type ClaimType = CaseDetail['claims'][number]['type'];

// The schema gives these as types only; a Record over each type is the list a select needs, and it stops compiling
// when the service adds or drops a value and schema.d.ts is regenerated.
const STATES: Record<CaseState, true> = {
  'intake.registered': true,
  'intake.awaitingConsent': true,
  'mediation.active': true,
  'mediation.suspended': true,
  'agreement.signing': true,
  'agreement.effective': true,
  'agreement.judicialReview': true,
  'agreement.confirmed': true,
  'agreement.defaulted': true,
  'closed.resolved': true,
  'closed.failed': true,
  'closed.rejected': true,
  'closed.withdrawn': true,
  'closed.referred': true,
};
const SOURCES: Record<CaseSource, true> = {
  WALK_IN: true,
  HOTLINE: true,
  ONLINE: true,
  WRITTEN: true,
  COURT_DELEGATED: true,
  COURT_ENTRUSTED: true,
  LABOR_INSPECTION: true,
};
const LEVELS: Record<RiskLevel, true> = { BLUE: true, YELLOW: true, ORANGE: true, RED: true };
const CLAIM_TYPE_SET: Record<ClaimType, true> = {
  WAGE_ARREARS: true,
  OVERTIME: true,
  SOCIAL_INSURANCE: true,
  ECONOMIC_COMPENSATION: true,
  WORK_INJURY: true,
  CONTRACT_TERMINATION: true,
  LABOR_RELATIONSHIP: true,
  OTHER: true,
};

export const CASE_STATES = Object.keys(STATES) as CaseState[];
export const CASE_SOURCES = Object.keys(SOURCES) as CaseSource[];
/** Lowest to highest. */
export const RISK_LEVELS = Object.keys(LEVELS) as RiskLevel[];
export const CLAIM_TYPES = Object.keys(CLAIM_TYPE_SET) as ClaimType[];

/** The list filter also takes a whole stage: `mediation` covers mediation.active and mediation.suspended. */
export const CASE_STATE_GROUPS = ['intake', 'mediation', 'agreement', 'closed'] as const;
export type CaseStateGroup = (typeof CASE_STATE_GROUPS)[number];

export function statesOfGroup(group: CaseStateGroup): CaseState[] {
  return CASE_STATES.filter((state) => state.startsWith(`${group}.`));
}

export function isCaseState(value: string): value is CaseState {
  return Object.hasOwn(STATES, value);
}

export function isCaseStateGroup(value: string): value is CaseStateGroup {
  return (CASE_STATE_GROUPS as readonly string[]).includes(value);
}

export function isCaseSource(value: string): value is CaseSource {
  return Object.hasOwn(SOURCES, value);
}

export function isRiskLevel(value: string): value is RiskLevel {
  return Object.hasOwn(LEVELS, value);
}

export function isClaimType(value: string): value is ClaimType {
  return Object.hasOwn(CLAIM_TYPE_SET, value);
}
