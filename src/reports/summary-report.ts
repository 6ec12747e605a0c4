import type { Money } from '../cases/machine/money';
import type { AssistanceSummary } from '../hardship/hardship-assistance.service';

// The shape of the statistics summary (issue 6 item 1). JSON is the source of truth; the CSV and XLSX files are
// renderings of this object and never compute a number of their own.

export const REPORT_GROUP_BYS = ['month', 'source', 'claimType', 'mediator', 'outcome'] as const;
export type ReportGroupBy = (typeof REPORT_GROUP_BYS)[number];

/** How a case closed, read from its final state (`closed.resolved` → RESOLVED). */
export const CLOSED_OUTCOMES = ['RESOLVED', 'FAILED', 'WITHDRAWN', 'REFERRED', 'REJECTED'] as const;
export type ClosedOutcome = (typeof CLOSED_OUTCOMES)[number];

/** The `outcome` group of a case that is still open. */
export const OPEN_GROUP_KEY = 'OPEN';

/** The longest range one summary covers: `to` must come before the same date five years after `from`. */
export const MAX_REPORT_YEARS = 5;

export interface OutcomeCounts {
  readonly resolved: number;
  readonly failed: number;
  readonly withdrawn: number;
  readonly referred: number;
  readonly rejected: number;
  readonly total: number;
}

export interface SummaryAmounts {
  /** Sum of the claims of the cases received in the range (decimal yuan, two decimals). */
  readonly claimed: Money;
  /** Sum of agreedTotal of the agreements that took effect in the range. */
  readonly agreed: Money;
  /** Sum of the payments whose paidOn lies in the range. */
  readonly paid: Money;
}

/** The main counts: for the whole scope (`totals`) and, with groupBy, for each group. */
export interface SummaryCounts {
  readonly received: number;
  readonly workersCovered: number;
  readonly collectiveCases: number;
  readonly open: number;
  readonly outcomes: OutcomeCounts;
  /** resolved / (total − rejected), four decimals; null when nothing but rejections (or nothing) closed. */
  readonly successRate: number | null;
  readonly agreements: number;
  /** Mean calendar days from the legal receipt date to effectiveOn, one decimal; null without agreements. */
  readonly averageDaysToAgreement: number | null;
  /** percentile_disc(0.9): the smallest observed day count that at least 90 % of the agreements did not exceed. */
  readonly p90DaysToAgreement: number | null;
  readonly amounts: SummaryAmounts;
}

export interface SummaryGroup extends SummaryCounts {
  /** The month (YYYY-MM), source, claim type, mediator id or outcome; null for cases with no mediator. */
  readonly key: string | null;
  readonly label: string;
}

export interface CountByKey {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

export interface ClaimTypeCount extends CountByKey {
  /** Sum of this type's claimed amounts. */
  readonly claimed: Money;
}

export interface SummaryReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly currency: 'CNY';
  /** When the report was computed; the open counts are as of this instant. */
  readonly generatedAt: string;
  readonly groupBy: ReportGroupBy | null;
  readonly totals: SummaryCounts;
  readonly receivedBySource: readonly CountByKey[];
  /** A case with claims of several types counts once under each. */
  readonly receivedByClaimType: readonly ClaimTypeCount[];
  readonly openByState: readonly CountByKey[];
  readonly openByRiskLevel: readonly CountByKey[];
  readonly deadlinesMissed: { readonly total: number; readonly byKind: readonly CountByKey[] };
  readonly judicialConfirmations: { readonly requested: number; readonly granted: number; readonly refused: number };
  /**
   * Approved hardship assistance (困难职工兜底帮扶) given in the range, by givenOn. Null for a court liaison: assistance is
   * the union's own business, not part of a referral.
   */
  readonly assistance: AssistanceSummary | null;
  readonly groups: readonly SummaryGroup[];
}
