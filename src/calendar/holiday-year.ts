import { InvalidCalendarDataError, InvalidLegalDateError } from './calendar.errors';
import { compare, datesBetween, isWeekend, parseLegalDate, yearOf, type LegalDate } from './legal-date';

/** One year's State Council notice as stored in data/<year>.json. */
export interface HolidayYearInput {
  readonly year: number;
  readonly version: number;
  readonly source: string;
  readonly holidays: readonly HolidayRangeInput[];
  readonly makeUpWorkdays: readonly string[];
}

export interface HolidayRangeInput {
  readonly from: string;
  readonly to: string;
  readonly name: string;
}

export interface HolidayYear {
  readonly year: number;
  readonly version: number;
  readonly source: string;
  readonly holidays: readonly HolidayRange[];
  readonly makeUpWorkdays: readonly LegalDate[];
}

export interface HolidayRange {
  readonly from: LegalDate;
  readonly to: LegalDate;
  readonly name: string;
}

/** A validated year with its holidays expanded to single days for O(1) lookups. */
export interface HolidayYearIndex {
  readonly data: HolidayYear;
  readonly holidayNames: ReadonlyMap<LegalDate, string>;
  readonly makeUpWorkdays: ReadonlySet<LegalDate>;
}

// A wrong year table silently moves every deadline computed from it, so bad data is refused
// at load time rather than trusted.
export function loadHolidayYear(input: HolidayYearInput): HolidayYearIndex {
  assertHeader(input);
  const data: HolidayYear = {
    year: input.year,
    version: input.version,
    source: input.source,
    holidays: input.holidays.map((range) => parseRange(input.year, range)),
    makeUpWorkdays: input.makeUpWorkdays.map((date) => parseMakeUpWorkday(input.year, date)),
  };
  const holidayNames = expandHolidays(data);
  const makeUpWorkdays = collectMakeUpWorkdays(data, holidayNames);
  return { data, holidayNames, makeUpWorkdays };
}

function assertHeader(input: HolidayYearInput): void {
  if (!Number.isInteger(input.year) || input.year < 1000 || input.year > 9999) {
    throw new InvalidCalendarDataError(input.year, 'year must be a four-digit integer');
  }
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw new InvalidCalendarDataError(input.year, 'version must be a positive integer');
  }
  if (typeof input.source !== 'string' || input.source.trim() === '') {
    throw new InvalidCalendarDataError(input.year, 'source must name the notice');
  }
}

function parseRange(year: number, range: HolidayRangeInput): HolidayRange {
  const from = parseDateOfYear(year, range.from);
  const to = parseDateOfYear(year, range.to);
  if (compare(from, to) > 0) throw new InvalidCalendarDataError(year, `holiday ${from}..${to} ends before it starts`);
  if (typeof range.name !== 'string' || range.name.trim() === '') {
    throw new InvalidCalendarDataError(year, `holiday ${from}..${to} has no name`);
  }
  return { from, to, name: range.name };
}

// The State Council only ever moves work onto a Saturday or Sunday; a weekday here is a typo.
function parseMakeUpWorkday(year: number, value: string): LegalDate {
  const date = parseDateOfYear(year, value);
  if (!isWeekend(date)) throw new InvalidCalendarDataError(year, `make-up workday ${date} is not a Saturday or Sunday`);
  return date;
}

function parseDateOfYear(year: number, value: string): LegalDate {
  const date = parseOrExplain(year, value);
  if (yearOf(date) !== year) throw new InvalidCalendarDataError(year, `${date} is not in ${year}`);
  return date;
}

function parseOrExplain(year: number, value: string): LegalDate {
  try {
    return parseLegalDate(value);
  } catch (error) {
    if (error instanceof InvalidLegalDateError) throw new InvalidCalendarDataError(year, error.message);
    throw error;
  }
}

function expandHolidays(data: HolidayYear): Map<LegalDate, string> {
  const names = new Map<LegalDate, string>();
  for (const range of data.holidays) {
    for (const date of datesBetween(range.from, range.to)) {
      if (names.has(date)) throw new InvalidCalendarDataError(data.year, `holidays overlap on ${date}`);
      names.set(date, range.name);
    }
  }
  return names;
}

function collectMakeUpWorkdays(data: HolidayYear, holidayNames: ReadonlyMap<LegalDate, string>): Set<LegalDate> {
  const days = new Set<LegalDate>();
  for (const date of data.makeUpWorkdays) {
    if (holidayNames.has(date)) {
      throw new InvalidCalendarDataError(data.year, `${date} is both a holiday and a make-up workday`);
    }
    if (days.has(date)) throw new InvalidCalendarDataError(data.year, `make-up workday ${date} is listed twice`);
    days.add(date);
  }
  return days;
}
