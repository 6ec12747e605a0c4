import fc from 'fast-check';
import { CalendarRangeError, InvalidCalendarDataError } from './calendar.errors';
import data2026 from './data/2026.json';
import { defaultHolidayCalendar, HolidayCalendar } from './holiday-calendar';
import { addDays, compare, datesBetween, diffDays, parseLegalDate, yearOf, type LegalDate } from './legal-date';

const d = (value: string): LegalDate => parseLegalDate(value);
const calendar = defaultHolidayCalendar();

describe(HolidayCalendar.name, () => {
  describe('worked examples (DOMAIN §4)', () => {
    it.each([
      { id: 'E1', days: 15, start: '2026-09-16', lastDay: '2026-10-01', due: '2026-10-08', why: 'day 15 is Oct 1 and the holiday runs through Oct 7' },
      { id: 'E2', days: 15, start: '2026-02-05', lastDay: '2026-02-20', due: '2026-02-24', why: 'day 15 is Feb 20, inside the Feb 15–23 holiday' },
      { id: 'E4', days: 30, start: '2026-04-05', lastDay: '2026-05-05', due: '2026-05-06', why: 'day 30 is May 5, a holiday' },
      { id: 'E5', days: 15, start: '2026-09-05', lastDay: '2026-09-20', due: '2026-09-20', why: 'Sunday Sep 20 is a make-up workday, so it does not roll' },
      { id: 'E6', days: 30, start: '2026-01-16', lastDay: '2026-02-15', due: '2026-02-24', why: 'day 30 is Feb 15, inside the holiday' },
      { id: 'E7', days: 7, start: '2026-06-12', lastDay: '2026-06-19', due: '2026-06-22', why: 'day 7 is Jun 19 and the holiday runs Jun 19–21' },
      { id: 'E9', days: 15, start: '2025-12-20', lastDay: '2026-01-04', due: '2026-01-04', why: 'Sunday Jan 4 is a make-up workday, and 2025 and 2026 both have data' },
      { id: 'E11', days: 15, start: '2025-01-20', lastDay: '2025-02-04', due: '2025-02-05', why: 'day 15 is Feb 4, a holiday' },
      { id: 'E12', days: 10, start: '2026-10-08', lastDay: '2026-10-18', due: '2026-10-19', why: 'an EXTEND of 10 days from the rolled due date; day 10 is a Sunday' },
    ])('$id: $days days from $start are due on $due, verified ($why)', ({ days, start, lastDay, due }) => {
      expect(calendar.addCalendarDays(d(start), days)).toEqual({
        dueOn: due,
        verified: true,
        rolled: due !== lastDay,
        unrolledDueOn: lastDay,
      });
    });

    it('E10: 15 days from 2026-12-20 are due on 2027-01-04, unverified because 2027 has no data', () => {
      expect(calendar.addCalendarDays(d('2026-12-20'), 15)).toEqual({
        dueOn: '2027-01-04',
        verified: false,
        rolled: false,
        unrolledDueOn: '2027-01-04',
      });
    });

    it.each([
      { id: 'E3', start: '2026-02-13', due: '2026-02-25', why: 'Sat Feb 14 (make-up), then Feb 24 and Feb 25 after the holiday' },
      { id: 'E8', start: '2026-09-30', due: '2026-10-10', why: 'Oct 8, Oct 9, then Sat Oct 10 (make-up)' },
    ])('$id: 3 working days from $start are due on $due, verified ($why)', ({ start, due }) => {
      expect(calendar.addWorkingDays(d(start), 3)).toEqual({ dueOn: due, verified: true });
    });

    it('E13: a 10-day APPRAISAL pause moves a 15-day period received 2026-03-02 from 03-17 to 03-27', () => {
      const received = d('2026-03-02');
      const pausedDays = diffDays(d('2026-03-09'), d('2026-03-19'));

      expect(calendar.addCalendarDays(received, 15).dueOn).toBe('2026-03-17');
      expect(pausedDays).toBe(10);
      expect(calendar.addCalendarDays(received, 15 + pausedDays)).toMatchObject({ dueOn: '2026-03-27', verified: true, rolled: false });
    });

    it('E13: resuming on 2026-03-20 instead adds 11 days, lands on Saturday 03-28 and rolls to 03-30', () => {
      const pausedDays = diffDays(d('2026-03-09'), d('2026-03-20'));

      expect(calendar.addCalendarDays(d('2026-03-02'), 15 + pausedDays)).toEqual({
        dueOn: '2026-03-30',
        verified: true,
        rolled: true,
        unrolledDueOn: '2026-03-28',
      });
    });

    it('E14: one year from 2025-10-01 lands on the National Day holiday, is due 2026-10-08, watched from 2026-09-08', () => {
      const limitation = calendar.addYears(d('2025-10-01'), 1);

      expect(limitation).toEqual({ dueOn: '2026-10-08', verified: true, rolled: true, unrolledDueOn: '2026-10-01' });
      expect(addDays(limitation.dueOn, -30)).toBe('2026-09-08');
    });
  });

  describe('rest days', () => {
    it.each([
      ['a statutory holiday on a weekday', '2026-10-05', true],
      ['a statutory holiday on a weekend', '2026-10-03', true],
      ['an ordinary Saturday', '2026-03-28', true],
      ['an ordinary Sunday', '2026-03-29', true],
      ['a make-up Saturday', '2026-10-10', false],
      ['a make-up Sunday', '2026-09-20', false],
      ['an ordinary weekday', '2026-03-30', false],
    ])('treats %s (%s) as restDay = %s', (_, date, restDay) => {
      expect(calendar.isRestDay(d(date))).toBe(restDay);
      expect(calendar.isWorkingDay(d(date))).toBe(!restDay);
    });

    it('counts only weekends as rest days in a year without data', () => {
      expect(calendar.isRestDay(d('2027-01-01'))).toBe(false);
      expect(calendar.isRestDay(d('2027-01-02'))).toBe(true);
      expect(calendar.isVerified(d('2027-01-01'))).toBe(false);
      expect(calendar.isVerified(d('2026-12-31'))).toBe(true);
    });

    it('knows which years have data', () => {
      expect(calendar.hasYear(2025)).toBe(true);
      expect(calendar.hasYear(2026)).toBe(true);
      expect(calendar.hasYear(2027)).toBe(false);
      expect(calendar.loadedYears()).toEqual([2025, 2026]);
    });
  });

  describe('dayInfo', () => {
    it('names the holiday of a holiday', () => {
      expect(calendar.dayInfo(d('2026-10-01'))).toEqual({
        date: '2026-10-01', restDay: true, holiday: '国庆节', makeUpWorkday: false, weekend: false, verified: true,
      });
    });

    it('marks a make-up weekend day as a working day', () => {
      expect(calendar.dayInfo(d('2026-02-14'))).toEqual({
        date: '2026-02-14', restDay: false, makeUpWorkday: true, weekend: true, verified: true,
      });
    });

    it('marks a day in a year without data as unverified', () => {
      expect(calendar.dayInfo(d('2027-10-01'))).toEqual({
        date: '2027-10-01', restDay: false, makeUpWorkday: false, weekend: false, verified: false,
      });
    });
  });

  describe('addCalendarDays', () => {
    it('returns the start itself for 0 days on a working day', () => {
      expect(calendar.addCalendarDays(d('2026-03-30'), 0)).toEqual({
        dueOn: '2026-03-30', verified: true, rolled: false, unrolledDueOn: '2026-03-30',
      });
    });

    it('rolls 0 days from a rest day to the next working day', () => {
      expect(calendar.addCalendarDays(d('2026-10-01'), 0).dueOn).toBe('2026-10-08');
    });

    it('is unverified when the start lies in a year without data, even if the due date does not', () => {
      expect(calendar.addCalendarDays(d('2024-12-25'), 15)).toMatchObject({ dueOn: '2025-01-09', verified: false });
    });

    it('is unverified when the period spans a year without data', () => {
      expect(calendar.addCalendarDays(d('2026-12-01'), 400)).toMatchObject({ verified: false });
    });

    it.each([-1, 3661, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p days', (days) => {
      expect(() => calendar.addCalendarDays(d('2026-01-01'), days)).toThrow(CalendarRangeError);
    });

    it('accepts the longest allowed period of 3660 days', () => {
      expect(calendar.addCalendarDays(d('2026-01-01'), 3660).unrolledDueOn).toBe('2036-01-09');
    });
  });

  describe('addWorkingDays', () => {
    it('counts a make-up weekend day as a working day', () => {
      expect(calendar.addWorkingDays(d('2026-02-13'), 1)).toEqual({ dueOn: '2026-02-14', verified: true });
    });

    it('is unverified when it runs into a year without data', () => {
      expect(calendar.addWorkingDays(d('2026-12-30'), 3)).toEqual({ dueOn: '2027-01-04', verified: false });
    });

    it.each([0, -1, 1001, 2.5])('refuses %p working days', (workingDays) => {
      expect(() => calendar.addWorkingDays(d('2026-01-01'), workingDays)).toThrow(CalendarRangeError);
    });
  });

  describe('addYears', () => {
    it('ends a period starting on Feb 29 on Feb 28 of a common year (Civil Code Art.202)', () => {
      expect(calendar.addYears(d('2024-02-29'), 1)).toEqual({
        dueOn: '2025-02-28', verified: false, rolled: false, unrolledDueOn: '2025-02-28',
      });
    });

    it('rolls a year-end date that is a rest day', () => {
      expect(calendar.addYears(d('2025-02-15'), 1)).toMatchObject({ dueOn: '2026-02-24', rolled: true, verified: true });
    });

    it.each([0, 11, 1.5])('refuses %p years', (years) => {
      expect(() => calendar.addYears(d('2025-01-01'), years)).toThrow(CalendarRangeError);
    });
  });

  describe('year', () => {
    it('returns the notice with every rest day of the year', () => {
      const year = calendar.year(2026);

      expect(year).toMatchObject({ year: 2026, version: 1, source: data2026.source });
      expect(year?.holidays).toHaveLength(7);
      expect(year?.restDays).toHaveLength(117);
      expect(year?.restDays).toContain('2026-02-15');
      expect(year?.restDays).toContain('2026-03-28');
      expect(year?.restDays).not.toContain('2026-01-04');
      expect(year?.restDays).not.toContain('2026-03-30');
    });

    it('has 248 working days in each shipped year, as the notices intend', () => {
      expect(calendar.year(2025)?.restDays).toHaveLength(365 - 248);
      expect(calendar.year(2026)?.restDays).toHaveLength(365 - 248);
    });

    it('returns undefined for a year without data', () => {
      expect(calendar.year(2027)).toBeUndefined();
    });
  });

  describe('construction', () => {
    it('refuses the same year twice', () => {
      expect(() => new HolidayCalendar([data2026, data2026])).toThrow(InvalidCalendarDataError);
    });

    it('refuses a year whose dates belong to another year', () => {
      expect(() => new HolidayCalendar([{ ...data2026, year: 2027 }])).toThrow(InvalidCalendarDataError);
    });

    it('works with no data at all, treating every answer as unverified', () => {
      const empty = new HolidayCalendar([]);
      expect(empty.addCalendarDays(d('2026-09-16'), 15)).toEqual({
        dueOn: '2026-10-01', verified: false, rolled: false, unrolledDueOn: '2026-10-01',
      });
    });
  });

  describe('properties', () => {
    const FIRST = d('2024-06-01');
    const LAST = d('2027-06-30');
    const startDate = fc.integer({ min: 0, max: diffDays(FIRST, LAST) }).map((offset) => addDays(FIRST, offset));
    const calendarDays = fc.integer({ min: 0, max: 400 });
    const workingDays = fc.integer({ min: 1, max: 300 });
    const ordered = <T>(arbitrary: fc.Arbitrary<T>, order: (a: T, b: T) => number): fc.Arbitrary<[T, T]> =>
      fc.tuple(arbitrary, arbitrary).map(([a, b]) => (order(a, b) <= 0 ? [a, b] : [b, a]));
    const countWorkingDays = (from: LegalDate, to: LegalDate): number =>
      datesBetween(addDays(from, 1), to).filter((date) => calendar.isWorkingDay(date)).length;
    const onlyKnownYears = (from: LegalDate, to: LegalDate): boolean =>
      yearOf(from) >= 2025 && yearOf(to) <= 2026;

    it('never puts a due date on a rest day', () => {
      fc.assert(
        fc.property(startDate, calendarDays, (start, days) => calendar.isWorkingDay(calendar.addCalendarDays(start, days).dueOn)),
        { numRuns: 500 },
      );
    });

    it('never ends before start + n, and rolls only over rest days', () => {
      fc.assert(
        fc.property(startDate, calendarDays, (start, days) => {
          const { dueOn, unrolledDueOn } = calendar.addCalendarDays(start, days);
          const skipped = datesBetween(unrolledDueOn, addDays(dueOn, -1));
          return unrolledDueOn === addDays(start, days) && compare(dueOn, unrolledDueOn) >= 0
            && skipped.every((date) => calendar.isRestDay(date));
        }),
        { numRuns: 500 },
      );
    });

    it('is monotonic in the number of days', () => {
      fc.assert(
        fc.property(startDate, ordered(calendarDays, (a, b) => a - b), (start, [fewer, more]) =>
          compare(calendar.addCalendarDays(start, fewer).dueOn, calendar.addCalendarDays(start, more).dueOn) <= 0),
        { numRuns: 500 },
      );
    });

    it('is monotonic in the start date', () => {
      fc.assert(
        fc.property(ordered(startDate, compare), calendarDays, ([earlier, later], days) =>
          compare(calendar.addCalendarDays(earlier, days).dueOn, calendar.addCalendarDays(later, days).dueOn) <= 0),
        { numRuns: 500 },
      );
    });

    it('is verified exactly when every year from start to due date has data', () => {
      fc.assert(
        fc.property(startDate, calendarDays, (start, days) => {
          const { dueOn, verified } = calendar.addCalendarDays(start, days);
          return verified === onlyKnownYears(start, dueOn);
        }),
        { numRuns: 500 },
      );
    });

    it('puts the n-th working day on a working day with exactly n working days after start', () => {
      fc.assert(
        fc.property(startDate, workingDays, (start, n) => {
          const { dueOn, verified } = calendar.addWorkingDays(start, n);
          return calendar.isWorkingDay(dueOn) && countWorkingDays(start, dueOn) === n
            && verified === onlyKnownYears(start, dueOn);
        }),
        { numRuns: 300 },
      );
    });

    it('moves the n-th working day strictly later as n grows', () => {
      const fewerAndMore = fc.tuple(workingDays, fc.integer({ min: 1, max: 100 })).map(([n, extra]) => [n, n + extra] as const);
      fc.assert(
        fc.property(startDate, fewerAndMore, (start, [fewer, more]) =>
          compare(calendar.addWorkingDays(start, fewer).dueOn, calendar.addWorkingDays(start, more).dueOn) < 0),
        { numRuns: 300 },
      );
    });
  });
});
