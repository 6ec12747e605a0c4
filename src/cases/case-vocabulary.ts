import type { ClaimType } from './machine/case.types';

// Intake and list vocabularies that the machine does not need; the machine's own lists live in machine/case.types.ts.

export const APPLICANT_ID_TYPES = ['RESIDENT_ID', 'OTHER'] as const;
export type ApplicantIdType = (typeof APPLICANT_ID_TYPES)[number];

/** BLUE < YELLOW < ORANGE < RED (DOMAIN §5), in that order. */
export const RISK_LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Claims that cannot be weighed without a sum: pay, overtime pay and economic compensation (DOMAIN §2). */
export const AMOUNT_REQUIRED_CLAIM_TYPES = ['WAGE_ARREARS', 'OVERTIME', 'ECONOMIC_COMPENSATION'] as const satisfies readonly ClaimType[];

/** The groups of the chart's dotted states, usable as a list filter (`state=mediation`). */
export const CASE_STATE_GROUPS = ['intake', 'mediation', 'agreement', 'closed'] as const;
export type CaseStateGroup = (typeof CASE_STATE_GROUPS)[number];
