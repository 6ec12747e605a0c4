import { RISK_LEVELS } from '../cases/case-vocabulary';
import { CASE_SOURCES, CASE_STATES, CLAIM_TYPES, CLOSED_STATES, DEADLINE_KINDS } from '../cases/machine/case.types';
import { DEADLINE_LABELS } from '../deadlines/deadline-labels';
import { RISK_LEVEL_LABELS } from '../risk-assessment/risk-labels';
import { CASE_STATE_LABELS, CLAIM_TYPE_LABELS } from '../risk/risk-reason-text';
import { NO_MEDIATOR_LABEL, OUTCOME_LABELS, SOURCE_LABELS } from './report-labels';
import {
  CLOSED_OUTCOMES,
  OPEN_GROUP_KEY,
  type ClaimTypeCount,
  type CountByKey,
  type ReportGroupBy,
  type SummaryCounts,
  type SummaryGroup,
} from './summary-report';

// Turns the rows of summary-queries.ts into the report: numbers come from PostgreSQL as they are; here they only get
// their labels, their zeros and their order.

/** A row of the totals or groups query. */
export interface CountsRow {
  readonly received: number;
  readonly workersCovered: number;
  readonly collectiveCases: number;
  readonly open: number;
  readonly resolved: number;
  readonly failed: number;
  readonly withdrawn: number;
  readonly referred: number;
  readonly rejected: number;
  readonly closed: number;
  readonly agreements: number;
  readonly averageDays: string | null;
  readonly p90Days: number | null;
  readonly claimed: string;
  readonly agreed: string;
  readonly paid: string;
  readonly successRate: string | null;
}

export interface GroupRow extends CountsRow {
  readonly key: string | null;
  readonly label: string | null;
}

export interface DistributionRow {
  readonly dimension: 'source' | 'claimType' | 'state' | 'riskLevel' | 'deadlineMissed' | 'judicialConfirmation';
  readonly key: string;
  readonly count: number;
  readonly amount: string | null;
}

const decimalOrNull = (value: string | null): number | null => (value === null ? null : Number(value));

export function toCounts(row: CountsRow): SummaryCounts {
  return {
    received: row.received,
    workersCovered: row.workersCovered,
    collectiveCases: row.collectiveCases,
    open: row.open,
    outcomes: {
      resolved: row.resolved,
      failed: row.failed,
      withdrawn: row.withdrawn,
      referred: row.referred,
      rejected: row.rejected,
      total: row.closed,
    },
    successRate: decimalOrNull(row.successRate),
    agreements: row.agreements,
    averageDaysToAgreement: decimalOrNull(row.averageDays),
    p90DaysToAgreement: row.p90Days,
    amounts: { claimed: row.claimed, agreed: row.agreed, paid: row.paid },
  };
}

/** Every key of `vocabulary` in its order, with the count the rows give it or zero. */
function countsOver(rows: readonly DistributionRow[], dimension: DistributionRow['dimension'], vocabulary: readonly string[], labels: Readonly<Record<string, string>>): CountByKey[] {
  const counts = new Map(rows.filter((row) => row.dimension === dimension).map((row) => [row.key, row.count]));
  return vocabulary.map((key) => ({ key, label: labels[key], count: counts.get(key) ?? 0 }));
}

const OPEN_STATES = CASE_STATES.filter((state) => !(CLOSED_STATES as readonly string[]).includes(state));

export function toDistributions(rows: readonly DistributionRow[]) {
  const byKey = (dimension: DistributionRow['dimension']) => new Map(rows.filter((row) => row.dimension === dimension).map((row) => [row.key, row]));
  const claimRows = byKey('claimType');
  const judicial = byKey('judicialConfirmation');
  const missed = countsOver(rows, 'deadlineMissed', DEADLINE_KINDS, DEADLINE_LABELS);
  return {
    receivedBySource: countsOver(rows, 'source', CASE_SOURCES, SOURCE_LABELS),
    receivedByClaimType: CLAIM_TYPES.map(
      (key): ClaimTypeCount => ({ key, label: CLAIM_TYPE_LABELS[key], count: claimRows.get(key)?.count ?? 0, claimed: claimRows.get(key)?.amount ?? '0.00' }),
    ),
    openByState: countsOver(rows, 'state', OPEN_STATES, CASE_STATE_LABELS),
    openByRiskLevel: countsOver(rows, 'riskLevel', RISK_LEVELS, RISK_LEVEL_LABELS),
    deadlinesMissed: { total: missed.reduce((sum, kind) => sum + kind.count, 0), byKind: missed },
    judicialConfirmations: {
      requested: judicial.get('REQUESTED')?.count ?? 0,
      granted: judicial.get('GRANTED')?.count ?? 0,
      refused: judicial.get('REFUSED')?.count ?? 0,
    },
  };
}

const ENUM_ORDERS: Partial<Record<ReportGroupBy, readonly string[]>> = {
  source: CASE_SOURCES,
  claimType: CLAIM_TYPES,
  outcome: [...CLOSED_OUTCOMES, OPEN_GROUP_KEY],
};

const ENUM_LABELS: Partial<Record<ReportGroupBy, Readonly<Record<string, string>>>> = {
  source: SOURCE_LABELS,
  claimType: CLAIM_TYPE_LABELS,
  outcome: OUTCOME_LABELS,
};

function labelOf(groupBy: ReportGroupBy, row: GroupRow): string {
  if (groupBy === 'mediator') return row.label ?? NO_MEDIATOR_LABEL;
  return ENUM_LABELS[groupBy]?.[row.key ?? ''] ?? row.key ?? '';
}

/** Vocabulary order for codes, months in time order, mediators by name with the unassigned cases last. */
function compareGroups(groupBy: ReportGroupBy): (a: SummaryGroup, b: SummaryGroup) => number {
  const order = ENUM_ORDERS[groupBy];
  if (order !== undefined) return (a, b) => order.indexOf(a.key ?? '') - order.indexOf(b.key ?? '');
  if (groupBy === 'mediator') {
    return (a, b) => Number(a.key === null) - Number(b.key === null) || a.label.localeCompare(b.label, 'zh-CN') || (a.key ?? '').localeCompare(b.key ?? '');
  }
  return (a, b) => (a.key ?? '').localeCompare(b.key ?? '');
}

export function toGroups(groupBy: ReportGroupBy, rows: readonly GroupRow[]): SummaryGroup[] {
  return rows.map((row) => ({ key: row.key, label: labelOf(groupBy, row), ...toCounts(row) })).sort(compareGroups(groupBy));
}
