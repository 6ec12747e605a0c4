import type { operations } from '../../api/schema';
import { isLegalDate, presetRange, type RangePreset } from './range-presets';

export type SummaryQuery = operations['ReportsController_summary']['parameters']['query'];
export type GroupBy = NonNullable<SummaryQuery['groupBy']>;

const GROUP_BYS: Record<GroupBy, true> = { month: true, source: true, claimType: true, mediator: true, outcome: true };
export const GROUP_BY_OPTIONS = Object.keys(GROUP_BYS) as GroupBy[];
export const DEFAULT_PRESET: RangePreset = 'last12Months';

function isGroupBy(value: string | null): value is GroupBy {
  return value !== null && Object.hasOwn(GROUP_BYS, value);
}

/**
 * The period and grouping live in the address, so that a supervisor can bookmark "last quarter by mediator" and send
 * it on. Without a valid period, or with one that ends before it starts, the last twelve months up to `today`.
 */
export function summaryQueryFrom(search: URLSearchParams, today: string): SummaryQuery {
  const from = search.get('from');
  const to = search.get('to');
  const groupBy = search.get('groupBy');
  const range = isLegalDate(from) && isLegalDate(to) && from <= to ? { from, to } : presetRange(DEFAULT_PRESET, today);
  return { ...range, groupBy: isGroupBy(groupBy) ? groupBy : undefined };
}

export function searchFromSummaryQuery(query: SummaryQuery): URLSearchParams {
  const search = new URLSearchParams({ from: query.from, to: query.to });
  if (query.groupBy) search.set('groupBy', query.groupBy);
  return search;
}
