import { CalendarRangeError, InvalidLegalDateError } from './calendar.errors';

declare const legalDateBrand: unique symbol;

/**
 * A calendar date in the legal time zone, always 'YYYY-MM-DD'. Periods are counted in whole
 * days (CPL Art.85), so a legal date carries no time and no offset; only parseLegalDate,
 * legalDateOf and the arithmetic below produce one.
 */
export type LegalDate = string & { readonly [legalDateBrand]: 'LegalDate' };

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** All legal dates are Asia/Shanghai dates (DOMAIN §4); China has had no DST since 1991. */
export const LEGAL_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;

// Four-digit years from 1000 keep Date.UTC away from its 0–99 → 1900s mapping and keep the
// string order equal to the date order, which compare() relies on.
const LEGAL_DATE_PATTERN = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

// An instant without an explicit offset would be read in the server's local zone.
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// Building an Intl formatter is far slower than using one, and one per zone is enough.
const formatters = new Map<string, Intl.DateTimeFormat>();

const SATURDAY: Weekday = 6;
const SUNDAY: Weekday = 0;

export function isValidLegalDate(value: unknown): value is LegalDate {
  return invalidReason(value) === undefined;
}

/** Strict: '2026-2-3', '2026-02-30' and '2026-02-03T00:00Z' are all rejected. */
export function parseLegalDate(value: unknown): LegalDate {
  const reason = invalidReason(value);
  if (reason !== undefined) throw new InvalidLegalDateError(value, reason);
  return value as LegalDate;
}

export function addDays(date: LegalDate, days: number): LegalDate {
  assertSafeInteger('days', days);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function diffDays(from: LegalDate, to: LegalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function dayOfWeek(date: LegalDate): Weekday {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay() as Weekday;
}

export function isWeekend(date: LegalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === SATURDAY || weekday === SUNDAY;
}

export function compare(a: LegalDate, b: LegalDate): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function yearOf(date: LegalDate): number {
  return Number(date.slice(0, 4));
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesBetween(from: LegalDate, to: LegalDate): LegalDate[] {
  const length = Math.max(0, diffDays(from, to) + 1);
  return Array.from({ length }, (_, offset) => addDays(from, offset));
}

/**
 * The same date `years` later. Civil Code Art.202: when the end month has no such day, the
 * period ends on the last day of that month, so 2024-02-29 + 1 year is 2025-02-28.
 */
export function addYears(date: LegalDate, years: number): LegalDate {
  assertSafeInteger('years', years);
  const { year, month, day } = partsOf(date);
  const targetYear = year + years;
  return formatParts(targetYear, month, Math.min(day, daysInMonth(targetYear, month)));
}

/** The calendar date that `instant` falls on in `timeZone` (Asia/Shanghai unless told). */
export function legalDateOf(instant: Date | string, timeZone: string = LEGAL_TIME_ZONE): LegalDate {
  // Every request asks for today several times and formatToParts is slow. Since 1980 every zone's offset is a whole
  // number of minutes, so a date cannot change within a minute: the last answer is kept for its minute.
  const at = toInstant(instant);
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute >= WHOLE_MINUTE_OFFSETS_SINCE && lastLegalDate?.timeZone === timeZone && lastLegalDate.minute === minute) return lastLegalDate.date;
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  const date = formatParts(part('year'), part('month'), part('day'));
  lastLegalDate = { timeZone, minute, date };
  return date;
}

const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1980, 0, 1) / 60_000;
let lastLegalDate: { readonly timeZone: string; readonly minute: number; readonly date: LegalDate } | undefined;

function invalidReason(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'expected a string';
  const match = LEGAL_DATE_PATTERN.exec(value);
  if (match === null) return 'expected YYYY-MM-DD with a year from 1000';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return 'month out of range';
  if (day < 1 || day > daysInMonth(year, month)) return 'no such day in that month';
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partsOf(date: LegalDate): { year: number; month: number; day: number } {
  return { year: yearOf(date), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function formatParts(year: number, month: number, day: number): LegalDate {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return parseLegalDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

function toEpochDay(date: LegalDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LegalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return formatParts(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

function toInstant(instant: Date | string): Date {
  if (typeof instant === 'string') assertInstantString(instant);
  const parsed = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(parsed.getTime())) throw new InvalidLegalDateError(instant, 'not a valid instant');
  return parsed;
}

function assertInstantString(instant: string): void {
  const match = INSTANT_PATTERN.exec(instant);
  if (match === null || !isValidLegalDate(match[1])) {
    throw new InvalidLegalDateError(instant, 'expected an ISO 8601 instant with Z or ±HH:MM');
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  // ISO calendar and Latin digits whatever the host's ICU defaults are.
  const formatter = new Intl.DateTimeFormat('en-US-u-ca-iso8601-nu-latn', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  formatters.set(timeZone, formatter);
  return formatter;
}

function assertSafeInteger(argument: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new CalendarRangeError(argument, value, 'an integer');
}
