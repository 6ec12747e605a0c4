import { addYears, compare, isValidLegalDate } from '../calendar/legal-date';
import { MAX_REPORT_YEARS } from './summary-report';

// Which [from, to] ranges a summary accepts. Both ends are legal dates and both are included. A range that ends before
// it starts is a client's mistake, better named than answered with zeros; the five-year cap keeps one request from
// scanning a whole province's history.

/** False only when both are valid dates and `to` comes before `from`; a malformed date is its own field's problem. */
export function isOrderedRange(from: unknown, to: unknown): boolean {
  if (!isValidLegalDate(from) || !isValidLegalDate(to)) return true;
  return compare(from, to) <= 0;
}

/** False only when both are valid dates and `to` falls on or after the same date `years` after `from`. */
export function isWithinYears(from: unknown, to: unknown, years: number = MAX_REPORT_YEARS): boolean {
  if (!isValidLegalDate(from) || !isValidLegalDate(to)) return true;
  return compare(to, addYears(from, years)) < 0;
}
