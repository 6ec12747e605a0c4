import { InvalidCalendarDataError } from './calendar.errors';
import data2025 from './data/2025.json';
import data2026 from './data/2026.json';
import { loadHolidayYear, type HolidayYearInput } from './holiday-year';
import { parseLegalDate } from './legal-date';

const valid: HolidayYearInput = {
  year: 2026,
  version: 1,
  source: 'test notice',
  holidays: [
    { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
    { from: '2026-09-25', to: '2026-09-27', name: '中秋节' },
  ],
  makeUpWorkdays: ['2026-09-20', '2026-10-10'],
};

const withChanges = (changes: Partial<HolidayYearInput>): HolidayYearInput => ({ ...valid, ...changes });

// The table in DOMAIN §4, checked against the State Council notices; the JSON must say the same.
const DOMAIN_TABLE = {
  2025: {
    holidays: '01-01; 01-28..02-04; 04-04..06; 05-01..05; 05-31..06-02; 10-01..08',
    makeUpWorkdays: '01-26, 02-08, 04-27, 09-28, 10-11',
  },
  2026: {
    holidays: '01-01..03; 02-15..23; 04-04..06; 05-01..05; 06-19..21; 09-25..27; 10-01..07',
    makeUpWorkdays: '01-04, 02-14, 02-28, 05-09, 09-20, 10-10',
  },
} as const;

function asDomainTable(input: HolidayYearInput): { holidays: string; makeUpWorkdays: string } {
  const range = ({ from, to }: { from: string; to: string }): string => {
    if (from === to) return from.slice(5);
    const sameMonth = from.slice(5, 7) === to.slice(5, 7);
    return `${from.slice(5)}..${sameMonth ? to.slice(8) : to.slice(5)}`;
  };
  return {
    holidays: input.holidays.map(range).join('; '),
    makeUpWorkdays: input.makeUpWorkdays.map((date) => date.slice(5)).join(', '),
  };
}

describe(loadHolidayYear.name, () => {
  describe('the shipped data', () => {
    it.each([data2025, data2026])('matches the DOMAIN §4 table for $year', (input) => {
      expect(asDomainTable(input)).toEqual(DOMAIN_TABLE[input.year as keyof typeof DOMAIN_TABLE]);
    });

    it('cites the State Council notice for each year', () => {
      expect(data2025.source).toBe('国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)');
      expect(data2026.source).toBe('国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)');
    });

    it('names the 2026 Mid-Autumn Festival separately from National Day', () => {
      expect(data2026.holidays.map((holiday) => holiday.name)).toEqual([
        '元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节',
      ]);
    });

    it.each([data2025, data2026])('passes validation for $year', (input) => {
      expect(() => loadHolidayYear(input)).not.toThrow();
    });
  });

  it('expands holiday ranges into single named days', () => {
    const index = loadHolidayYear(valid);
    expect(index.holidayNames.size).toBe(10);
    expect(index.holidayNames.get(parseLegalDate('2026-10-07'))).toBe('国庆节');
    expect(index.makeUpWorkdays.has(parseLegalDate('2026-10-10'))).toBe(true);
  });

  it('rejects a date listed as both a holiday and a make-up workday', () => {
    const input = withChanges({ makeUpWorkdays: ['2026-09-20', '2026-10-03'] });
    expect(() => loadHolidayYear(input)).toThrow(InvalidCalendarDataError);
    expect(() => loadHolidayYear(input)).toThrow('2026-10-03 is both a holiday and a make-up workday');
  });

  it('rejects a holiday outside the stated year', () => {
    const input = withChanges({ holidays: [{ from: '2025-10-01', to: '2025-10-07', name: '国庆节' }] });
    expect(() => loadHolidayYear(input)).toThrow('2025-10-01 is not in 2026');
  });

  it('rejects a holiday that runs into the next year', () => {
    const input = withChanges({ holidays: [{ from: '2026-12-31', to: '2027-01-01', name: '元旦' }] });
    expect(() => loadHolidayYear(input)).toThrow('2027-01-01 is not in 2026');
  });

  it('rejects a make-up workday outside the stated year', () => {
    const input = withChanges({ makeUpWorkdays: ['2025-09-28'] });
    expect(() => loadHolidayYear(input)).toThrow('2025-09-28 is not in 2026');
  });

  it('rejects a holiday that ends before it starts', () => {
    const input = withChanges({ holidays: [{ from: '2026-10-07', to: '2026-10-01', name: '国庆节' }] });
    expect(() => loadHolidayYear(input)).toThrow('ends before it starts');
  });

  it('rejects overlapping holidays', () => {
    const input = withChanges({
      holidays: [
        { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
        { from: '2026-10-07', to: '2026-10-08', name: '中秋节' },
      ],
    });
    expect(() => loadHolidayYear(input)).toThrow('holidays overlap on 2026-10-07');
  });

  it('rejects a make-up workday that is not a weekend day', () => {
    const input = withChanges({ makeUpWorkdays: ['2026-10-09'] });
    expect(() => loadHolidayYear(input)).toThrow('is not a Saturday or Sunday');
  });

  it('rejects a make-up workday listed twice', () => {
    const input = withChanges({ makeUpWorkdays: ['2026-10-10', '2026-10-10'] });
    expect(() => loadHolidayYear(input)).toThrow('listed twice');
  });

  it.each(['2026-02-30', '2026-2-14'])('rejects the malformed date %j', (date) => {
    const input = withChanges({ makeUpWorkdays: [date] });
    expect(() => loadHolidayYear(input)).toThrow(InvalidCalendarDataError);
  });

  it.each<[string, Partial<HolidayYearInput>]>([
    ['a fractional year', { year: 2026.5 }],
    ['a version below 1', { version: 0 }],
    ['an empty source', { source: ' ' }],
  ])('rejects %s', (_, changes) => {
    expect(() => loadHolidayYear(withChanges(changes))).toThrow(InvalidCalendarDataError);
  });

  it('rejects a holiday without a name', () => {
    const input = withChanges({ holidays: [{ from: '2026-10-01', to: '2026-10-07', name: '' }] });
    expect(() => loadHolidayYear(input)).toThrow('has no name');
  });
});
