import type { operations } from '../../api/schema';
import { isRiskLevel } from '../../cases/case-vocabulary';
import { pageFromSearch } from '../../common/page-params';

export type LedgerQuery = Required<Pick<NonNullable<operations['RiskScreeningsController_ledger']['parameters']['query']>, 'page' | 'pageSize'>> &
  Pick<NonNullable<operations['RiskScreeningsController_ledger']['parameters']['query']>, 'level'>;

export const LEDGER_PAGE_SIZES = [50, 100, 200, 500];
const DEFAULT_PAGE_SIZE = 100;

/** As the alert list does: values the API would refuse are dropped rather than turned into a 400. */
export function ledgerQueryFromSearch(search: URLSearchParams): LedgerQuery {
  const level = search.get('level') ?? '';
  return {
    level: isRiskLevel(level) ? level : undefined,
    ...pageFromSearch(search, LEDGER_PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

export function searchFromLedgerQuery(query: LedgerQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.level !== undefined) search.set('level', query.level);
  if (query.page !== 1) search.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(query.pageSize));
  return search;
}
