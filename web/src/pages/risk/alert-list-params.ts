import { isRiskLevel } from '../../cases/case-vocabulary';
import { isAlertKind, isAlertStatus, type AlertQuery } from './risk-vocabulary';
import { pageFromSearch } from '../../common/page-params';

export const ALERT_PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

/** As the case list does: values the API would refuse are dropped rather than turned into a 400. */
export function alertQueryFromSearch(search: URLSearchParams): AlertQuery {
  const level = search.get('level') ?? '';
  const kind = search.get('kind') ?? '';
  const status = search.get('status') ?? '';
  return {
    level: isRiskLevel(level) ? level : undefined,
    kind: isAlertKind(kind) ? kind : undefined,
    status: isAlertStatus(status) ? status : undefined,
    escalated: search.get('escalated') === 'true' ? true : undefined,
    ...pageFromSearch(search, ALERT_PAGE_SIZES, DEFAULT_PAGE_SIZE),
  };
}

export function searchFromAlertQuery(query: AlertQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const isDefault = (key === 'page' && value === 1) || (key === 'pageSize' && value === DEFAULT_PAGE_SIZE);
    if (value !== undefined && !isDefault) search.set(key, String(value));
  }
  return search;
}
