import type { TFunction } from 'i18next';

/**
 * The pager's count: the service counts at most 10,000 rows past the page, and says so with `totalExact: false`,
 * so a long trail reads "more than 10,000" rather than a figure that looks exact and is not.
 */
export function auditTotalText(t: TFunction, total: number, exact: boolean): string {
  return exact ? t('common.total', { total }) : t('audit.totalMoreThan', { total });
}
