import dayjs, { type Dayjs } from 'dayjs';

/** A range of legal dates, both ends included, as the reports API takes them: YYYY-MM-DD. */
export interface LegalDateRange {
  readonly from: string;
  readonly to: string;
}

export const RANGE_PRESETS = ['thisMonth', 'lastQuarter', 'last12Months'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const LEGAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMAT = 'YYYY-MM-DD';

/** The office's date now: legal dates are Asia/Shanghai whatever the browser's own zone (DOMAIN §4). */
export function legalToday(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isLegalDate(value: string | null): value is string {
  return value !== null && LEGAL_DATE.test(value) && dayjs(value).format(FORMAT) === value;
}

function range(from: Dayjs, to: Dayjs): LegalDateRange {
  return { from: from.format(FORMAT), to: to.format(FORMAT) };
}

/**
 * The ranges a supervisor asks for most, relative to `today` (a legal date):
 * - thisMonth: the first of the month up to today;
 * - lastQuarter: the whole calendar quarter before the current one (the federation's quarterly return);
 * - last12Months: the year up to and including today, starting the day after the same date a year ago.
 */
export function presetRange(preset: RangePreset, today: string): LegalDateRange {
  const day = dayjs(today);
  switch (preset) {
    case 'thisMonth':
      return range(day.startOf('month'), day);
    case 'lastQuarter': {
      const startOfQuarter = day.month(day.month() - (day.month() % 3)).startOf('month');
      const previous = startOfQuarter.subtract(3, 'month');
      return range(previous, startOfQuarter.subtract(1, 'day'));
    }
    case 'last12Months':
      return range(day.subtract(12, 'month').add(1, 'day'), day);
  }
}
