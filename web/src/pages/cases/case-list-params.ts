import type { operations } from '../../api/schema';
import { isCaseSource, isCaseState, isCaseStateGroup, isRiskLevel } from '../../cases/case-vocabulary';
import { pageFromSearch } from '../../common/page-params';

export type CaseListQuery = NonNullable<operations['CasesController_list']['parameters']['query']>;
export type CaseSort = NonNullable<CaseListQuery['sort']>;

export const DEFAULT_SORT: CaseSort = '-receivedAt';
export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];
const SORTS: readonly CaseSort[] = ['receivedAt', '-receivedAt', 'caseNumber', '-caseNumber', 'updatedAt', '-updatedAt', 'riskLevel', '-riskLevel'];

/**
 * The list's filters live in the address, so that a filtered list can be bookmarked, shared and returned to with
 * Back; values the API would refuse are dropped rather than turned into a 400.
 */
export function queryFromSearch(search: URLSearchParams): CaseListQuery {
  const state = search.get('state') ?? '';
  const source = search.get('source') ?? '';
  const riskLevel = search.get('riskLevel') ?? '';
  const sort = search.get('sort') ?? '';
  return {
    state: isCaseState(state) || isCaseStateGroup(state) ? state : undefined,
    source: isCaseSource(source) ? source : undefined,
    riskLevel: isRiskLevel(riskLevel) ? riskLevel : undefined,
    q: search.get('q')?.trim() || undefined,
    mine: search.get('mine') === 'true' ? true : undefined,
    open: search.get('open') === 'true' ? true : search.get('open') === 'false' ? false : undefined,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as CaseSort) : DEFAULT_SORT,
    ...pageFromSearch(search, PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

/** The address for a query, leaving defaults out so that the plain list stays at a plain /cases. */
export function searchFromQuery(query: CaseListQuery): URLSearchParams {
  const search = new URLSearchParams();
  const defaults: CaseListQuery = { sort: DEFAULT_SORT, page: 1, pageSize: DEFAULT_PAGE_SIZE };
  for (const [key, value] of Object.entries(query) as [keyof CaseListQuery, CaseListQuery[keyof CaseListQuery]][]) {
    if (value !== undefined && value !== defaults[key]) search.set(key, String(value));
  }
  return search;
}
