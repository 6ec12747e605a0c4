import { dayOfYear, daysInYear } from './legal-dates';

export interface Segment {
  /** Percent of the year's width from 1 January. */
  readonly left: number;
  readonly width: number;
}

/** Where the days `from`…`to` (both included) sit on a bar for `year`; undefined when none of them is in that year. */
export function segmentInYear(from: string, to: string, year: number): Segment | undefined {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  if (to < first || from > last || to < from) return undefined;
  const length = daysInYear(year);
  const start = from < first ? 0 : dayOfYear(from);
  const end = to > last ? length : dayOfYear(to) + 1;
  return { left: (start / length) * 100, width: ((end - start) / length) * 100 };
}

/** Where one day's middle sits, in percent; undefined outside the year. */
export function dayInYear(date: string, year: number): number | undefined {
  if (!date.startsWith(`${year}-`)) return undefined;
  return ((dayOfYear(date) + 0.5) / daysInYear(year)) * 100;
}
