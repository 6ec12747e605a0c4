import { isRiskLevel } from '../../cases/case-vocabulary';
import { isAlertKind, isAlertStatus, type AlertQuery } from './risk-vocabulary';

export const ALERT_PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** As the case list does: values the API would refuse are dropped rather than turned into a 400. */
export function alertQueryFromSearch(search: URLSearchParams): AlertQuery {
  const level = search.get('level') ?? '';
  const kind = search.get('kind') ?? '';
  const status = search.get('status') ?? '';
  const pageSize = positiveInt(search.get('pageSize'));
  return {
    level: isRiskLevel(level) ? level : undefined,
    kind: isAlertKind(kind) ? kind : undefined,
    status: isAlertStatus(status) ? status : undefined,
    escalated: search.get('escalated') === 'true' ? true : undefined,
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: pageSize !== undefined && ALERT_PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
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
