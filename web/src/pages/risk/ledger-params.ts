import type { operations } from '../../api/schema';
import { isRiskLevel } from '../../cases/case-vocabulary';

export type LedgerQuery = Required<Pick<NonNullable<operations['RiskScreeningsController_ledger']['parameters']['query']>, 'page' | 'pageSize'>> &
  Pick<NonNullable<operations['RiskScreeningsController_ledger']['parameters']['query']>, 'level'>;

export const LEDGER_PAGE_SIZES = [50, 100, 200, 500];
const DEFAULT_PAGE_SIZE = 100;

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** As the alert list does: values the API would refuse are dropped rather than turned into a 400. */
export function ledgerQueryFromSearch(search: URLSearchParams): LedgerQuery {
  const level = search.get('level') ?? '';
  const pageSize = positiveInt(search.get('pageSize'));
  return {
    level: isRiskLevel(level) ? level : undefined,
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: pageSize !== undefined && LEDGER_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function searchFromLedgerQuery(query: LedgerQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.level !== undefined) search.set('level', query.level);
  if (query.page !== 1) search.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(query.pageSize));
  return search;
}
