import fc from 'fast-check';
import { CalendarRangeError, InvalidLegalDateError } from './calendar.errors';
import {
  addDays,
  addYears,
  compare,
  datesBetween,
  dayOfWeek,
  diffDays,
  isValidLegalDate,
  isWeekend,
  legalDateOf,
  parseLegalDate,
  yearOf,
  type LegalDate,
} from './legal-date';

const d = (value: string): LegalDate => parseLegalDate(value);

// Epoch days 1000-01-01 .. 9999-12-31 relative to 1970-01-01.
const anyLegalDate = fc
  .integer({ min: diffDays(d('1970-01-01'), d('1000-01-01')), max: diffDays(d('1970-01-01'), d('9999-12-31')) })
  .map((offset) => addDays(d('1970-01-01'), offset));

describe(parseLegalDate.name, () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '1000-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(parseLegalDate(value)).toBe(value);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-04-31',
    '2026-2-3',
    '2026-02-3',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    ' 2026-01-01',
    '2026-01-01 ',
    '2026/01/01',
    '20260101',
    '2026-01-01T00:00Z',
    '0999-12-31',
    '+02026-01-01',
    '',
  ])('rejects %j', (value) => {
    expect(() => parseLegalDate(value)).toThrow(InvalidLegalDateError);
  });

  it.each([20260101, null, undefined, new Date('2026-01-01T00:00Z')])('rejects the non-string %p', (value) => {
    expect(() => parseLegalDate(value)).toThrow(InvalidLegalDateError);
  });

  it('throws an Error subclass that names the bad value', () => {
    const attempt = (): LegalDate => parseLegalDate('2026-02-30');
    expect(attempt).toThrow(Error);
    expect(attempt).toThrow('"2026-02-30"');
  });
});

describe(isValidLegalDate.name, () => {
  it('tells real calendar dates from look-alikes', () => {
    expect(isValidLegalDate('2024-02-29')).toBe(true);
    expect(isValidLegalDate('2023-02-29')).toBe(false);
    expect(isValidLegalDate(42)).toBe(false);
  });
});

describe(addDays.name, () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays(d('2026-01-31'), 1)).toBe('2026-02-01');
    expect(addDays(d('2025-12-20'), 15)).toBe('2026-01-04');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2026-10-08'), -30)).toBe('2026-09-08');
  });

  it('refuses fractional or non-finite day counts', () => {
    expect(() => addDays(d('2026-01-01'), 1.5)).toThrow(CalendarRangeError);
    expect(() => addDays(d('2026-01-01'), Number.NaN)).toThrow(CalendarRangeError);
  });

  it('refuses results outside the four-digit years', () => {
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(InvalidLegalDateError);
  });

  it('is undone by subtracting the same number of days', () => {
    fc.assert(
      fc.property(anyLegalDate, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const moved = safeAddDays(date, days);
        return moved === undefined || addDays(moved, -days) === date;
      }),
    );
  });
});

describe(diffDays.name, () => {
  it('counts whole days, positive when the second date is later', () => {
    expect(diffDays(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(diffDays(d('2026-03-19'), d('2026-03-09'))).toBe(-10);
    expect(diffDays(d('2026-03-09'), d('2026-03-09'))).toBe(0);
  });

  it('inverts addDays', () => {
    fc.assert(
      fc.property(anyLegalDate, anyLegalDate, (from, to) => addDays(from, diffDays(from, to)) === to),
    );
  });
});

describe(dayOfWeek.name, () => {
  it('numbers days from Sunday = 0', () => {
    expect(dayOfWeek(d('2026-09-20'))).toBe(0);
    expect(dayOfWeek(d('2026-02-13'))).toBe(5);
    expect(dayOfWeek(d('2026-10-10'))).toBe(6);
    expect(dayOfWeek(d('1970-01-01'))).toBe(4);
  });

  it('agrees with isWeekend', () => {
    expect(isWeekend(d('2026-03-28'))).toBe(true);
    expect(isWeekend(d('2026-03-29'))).toBe(true);
    expect(isWeekend(d('2026-03-30'))).toBe(false);
  });
});

describe(compare.name, () => {
  it('orders dates chronologically', () => {
    expect(compare(d('2025-12-31'), d('2026-01-01'))).toBe(-1);
    expect(compare(d('2026-01-01'), d('2026-01-01'))).toBe(0);
    expect(compare(d('2026-10-08'), d('2026-09-30'))).toBe(1);
  });

  it('matches the sign of diffDays', () => {
    fc.assert(fc.property(anyLegalDate, anyLegalDate, (a, b) => compare(a, b) === -Math.sign(diffDays(a, b))));
  });
});

describe(datesBetween.name, () => {
  it('lists every date with both ends included', () => {
    expect(datesBetween(d('2026-02-27'), d('2026-03-02'))).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(datesBetween(d('2026-03-02'), d('2026-03-01'))).toEqual([]);
  });
});

describe(addYears.name, () => {
  it('keeps the same month and day when it exists', () => {
    expect(addYears(d('2025-10-01'), 1)).toBe('2026-10-01');
    expect(addYears(d('2024-02-29'), 4)).toBe('2028-02-29');
  });

  it('falls back to the last day of the month when the day does not exist (Civil Code Art.202)', () => {
    expect(addYears(d('2024-02-29'), 1)).toBe('2025-02-28');
    expect(addYears(d('2024-02-29'), -1)).toBe('2023-02-28');
  });

  it('refuses fractional years', () => {
    expect(() => addYears(d('2024-02-29'), 0.5)).toThrow(CalendarRangeError);
  });

  it('always lands in the target year and never later than the same day of month', () => {
    fc.assert(
      fc.property(anyLegalDate, fc.integer({ min: -10, max: 10 }), (date, years) => {
        fc.pre(yearOf(date) + years >= 1000 && yearOf(date) + years <= 9999);
        const result = addYears(date, years);
        return yearOf(result) === yearOf(date) + years && result.slice(5, 7) === date.slice(5, 7) && result.slice(8) <= date.slice(8);
      }),
    );
  });
});

describe(legalDateOf.name, () => {
  it.each([
    ['2026-09-15T17:30Z', '2026-09-16'],
    ['2026-09-15T15:59:59.999Z', '2026-09-15'],
    ['2026-09-15T16:00:00.000Z', '2026-09-16'],
    ['2026-09-16T00:30+08:00', '2026-09-16'],
    ['2026-09-15T23:59:59-05:00', '2026-09-16'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2026-09-15T17:30:00.123456Z', '2026-09-16'],
  ])('puts the instant %s on the Asia/Shanghai date %s', (instant, expected) => {
    expect(legalDateOf(instant)).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(legalDateOf(new Date(Date.UTC(2026, 8, 15, 17, 30)))).toBe('2026-09-16');
  });

  it('uses another time zone only when told', () => {
    expect(legalDateOf('2026-09-15T17:30Z', 'UTC')).toBe('2026-09-15');
    expect(legalDateOf('2026-09-15T17:30Z', 'America/New_York')).toBe('2026-09-15');
  });

  it('answers each call for its own instant and zone, one after another, as a kept answer must not blur them', () => {
    const calls: [string, string | undefined, string][] = [
      ['2026-09-15T15:59:59.999Z', undefined, '2026-09-15'],
      ['2026-09-15T16:00:00.000Z', undefined, '2026-09-16'],
      ['2026-09-15T16:00:00.000Z', 'UTC', '2026-09-15'],
      ['2026-09-15T16:00:30.000Z', undefined, '2026-09-16'],
      ['1900-06-30T15:54:00Z', undefined, '1900-06-30'],
      ['1900-06-30T15:54:30Z', undefined, '1900-07-01'],
    ];
    for (const [instant, zone, expected] of calls) expect(legalDateOf(instant, zone)).toBe(expected);
  });

  it.each(['2026-09-15T17:30', '2026-09-15', '2026-02-30T10:00Z', 'yesterday', ''])(
    'rejects %j, which is not an instant with an explicit offset',
    (instant) => {
      expect(() => legalDateOf(instant)).toThrow(InvalidLegalDateError);
    },
  );

  it('rejects an invalid Date', () => {
    expect(() => legalDateOf(new Date(Number.NaN))).toThrow(InvalidLegalDateError);
  });
});

describe('legal-date arithmetic under a host time zone with DST', () => {
  const originalTz = process.env.TZ;

  beforeEach(() => {
    process.env.TZ = 'America/Los_Angeles';
  });

  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('still steps one calendar day at a time across the spring-forward night', () => {
    expect(addDays(d('2026-03-07'), 1)).toBe('2026-03-08');
    expect(addDays(d('2026-03-08'), 1)).toBe('2026-03-09');
    expect(diffDays(d('2026-03-07'), d('2026-11-02'))).toBe(240);
    expect(legalDateOf('2026-03-08T09:30Z')).toBe('2026-03-08');
  });
});

function safeAddDays(date: LegalDate, days: number): LegalDate | undefined {
  try {
    return addDays(date, days);
  } catch (error) {
    if (error instanceof InvalidLegalDateError) return undefined;
    throw error;
  }
}
