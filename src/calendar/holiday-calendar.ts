import { CalendarRangeError, InvalidCalendarDataError } from './calendar.errors';
import data2025 from './data/2025.json';
import data2026 from './data/2026.json';
import { loadHolidayYear, type HolidayYear, type HolidayYearIndex, type HolidayYearInput } from './holiday-year';
import { addDays, addYears, datesBetween, isWeekend, parseLegalDate, yearOf, type LegalDate } from './legal-date';

export interface DayInfo {
  readonly date: LegalDate;
  readonly restDay: boolean;
  readonly holiday?: string;
  readonly makeUpWorkday: boolean;
  readonly weekend: boolean;
  /** False when the year has no holiday data, so only weekends were treated as rest days. */
  readonly verified: boolean;
}

export interface RolledDueDate {
  readonly dueOn: LegalDate;
  readonly verified: boolean;
  readonly rolled: boolean;
  /** The last day of the period before the rest-day roll. */
  readonly unrolledDueOn: LegalDate;
}

export interface WorkingDayDueDate {
  readonly dueOn: LegalDate;
  readonly verified: boolean;
}

export interface HolidayYearView extends HolidayYear {
  readonly restDays: readonly LegalDate[];
}

const MAX_CALENDAR_DAYS = 3660;
const MAX_WORKING_DAYS = 1000;
const MAX_YEARS = 10;

/**
 * Counts statutory periods over the State Council's holiday notices. A year without a notice
 * still answers, treating only weekends as rest days, but marks the answer unverified so the
 * deadline can be recomputed once the notice is loaded (DOMAIN §4).
 */
export class HolidayCalendar {
  private readonly years: ReadonlyMap<number, HolidayYearIndex>;

  constructor(data: readonly HolidayYearInput[]) {
    this.years = indexByYear(data.map(loadHolidayYear));
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  loadedYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  isVerified(date: LegalDate): boolean {
    return this.hasYear(yearOf(date));
  }

  isRestDay(date: LegalDate): boolean {
    const index = this.years.get(yearOf(date));
    if (index?.holidayNames.has(date) === true) return true;
    if (index?.makeUpWorkdays.has(date) === true) return false;
    return isWeekend(date);
  }

  isWorkingDay(date: LegalDate): boolean {
    return !this.isRestDay(date);
  }

  dayInfo(date: LegalDate): DayInfo {
    const index = this.years.get(yearOf(date));
    const holiday = index?.holidayNames.get(date);
    return {
      date,
      restDay: this.isRestDay(date),
      ...(holiday === undefined ? {} : { holiday }),
      makeUpWorkday: index?.makeUpWorkdays.has(date) === true,
      weekend: isWeekend(date),
      verified: index !== undefined,
    };
  }

  /**
   * CPL Art.85: the start day is not counted, so the period's last day is start + days; when
   * that day is a rest day the period ends on the next working day. A make-up weekend day is a
   * working day and does not roll (a project choice, DOMAIN §4 [U]).
   */
  addCalendarDays(start: LegalDate, days: number): RolledDueDate {
    assertWithin('days', days, 0, MAX_CALENDAR_DAYS);
    return this.rollFrom(start, addDays(start, days));
  }

  /** The `workingDays`-th working day after start; make-up workdays count. */
  addWorkingDays(start: LegalDate, workingDays: number): WorkingDayDueDate {
    assertWithin('workingDays', workingDays, 1, MAX_WORKING_DAYS);
    let dueOn = start;
    let counted = 0;
    while (counted < workingDays) {
      dueOn = addDays(dueOn, 1);
      if (this.isWorkingDay(dueOn)) counted += 1;
    }
    return { dueOn, verified: this.coversEveryYear(start, dueOn) };
  }

  /** Civil Code Art.202 gives the last day of a period in years; CPL Art.85 then rolls it. */
  addYears(start: LegalDate, years: number): RolledDueDate {
    assertWithin('years', years, 1, MAX_YEARS);
    return this.rollFrom(start, addYears(start, years));
  }

  /** The stored notice for `year` with every rest day spelled out, or undefined without data. */
  year(year: number): HolidayYearView | undefined {
    const index = this.years.get(year);
    if (index === undefined) return undefined;
    const wholeYear = datesBetween(parseLegalDate(`${year}-01-01`), parseLegalDate(`${year}-12-31`));
    return { ...index.data, restDays: wholeYear.filter((date) => this.isRestDay(date)) };
  }

  private rollFrom(start: LegalDate, unrolledDueOn: LegalDate): RolledDueDate {
    let dueOn = unrolledDueOn;
    while (this.isRestDay(dueOn)) dueOn = addDays(dueOn, 1);
    return {
      dueOn,
      verified: this.coversEveryYear(start, dueOn),
      rolled: dueOn !== unrolledDueOn,
      unrolledDueOn,
    };
  }

  // A period is only as trustworthy as the least-known year it touches.
  private coversEveryYear(from: LegalDate, to: LegalDate): boolean {
    for (let year = yearOf(from); year <= yearOf(to); year += 1) {
      if (!this.hasYear(year)) return false;
    }
    return true;
  }
}

/** The calendar built from the notices shipped in data/. */
export function defaultHolidayCalendar(): HolidayCalendar {
  return new HolidayCalendar([data2025, data2026]);
}

function indexByYear(indexes: readonly HolidayYearIndex[]): Map<number, HolidayYearIndex> {
  const byYear = new Map<number, HolidayYearIndex>();
  for (const index of indexes) {
    if (byYear.has(index.data.year)) throw new InvalidCalendarDataError(index.data.year, 'year given twice');
    byYear.set(index.data.year, index);
  }
  return byYear;
}

function assertWithin(argument: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CalendarRangeError(argument, value, `an integer from ${min} to ${max}`);
  }
}
