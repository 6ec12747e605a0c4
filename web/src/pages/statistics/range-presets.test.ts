import { describe, expect, it } from 'vitest';
import { isLegalDate, legalToday, presetRange } from './range-presets';
import { searchFromSummaryQuery, summaryQueryFrom } from './statistics-params';

describe(presetRange.name, () => {
  it('gives this month from its first day up to today', () => {
    expect(presetRange('thisMonth', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(presetRange('thisMonth', '2026-02-17')).toEqual({ from: '2026-02-01', to: '2026-02-17' });
  });

  it('gives the whole calendar quarter before the current one', () => {
    expect(presetRange('lastQuarter', '2026-12-01')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('lastQuarter', '2026-10-01')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetRange('lastQuarter', '2026-09-30')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    // In the first quarter, the last one is the previous year's fourth.
    expect(presetRange('lastQuarter', '2026-02-15')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('gives the twelve months up to and including today, as the demo acceptance counts them', () => {
    expect(presetRange('last12Months', '2026-11-25')).toEqual({ from: '2025-11-26', to: '2026-11-25' });
    expect(presetRange('last12Months', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetRange('last12Months', '2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});

describe(legalToday.name, () => {
  it('is the date in Beijing, whatever the browser’s zone', () => {
    // 16:30 UTC is already the next day at the office.
    expect(legalToday(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(legalToday(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });
});

describe('statistics address', () => {
  it('reads a valid period and grouping', () => {
    expect(summaryQueryFrom(new URLSearchParams('from=2026-07-01&to=2026-09-30&groupBy=mediator'), '2026-12-01')).toEqual({
      from: '2026-07-01',
      to: '2026-09-30',
      groupBy: 'mediator',
    });
  });

  it('falls back to the last twelve months for a missing, impossible or reversed period, and drops an unknown grouping', () => {
    const lastYear = { from: '2025-12-02', to: '2026-12-01', groupBy: undefined };
    expect(summaryQueryFrom(new URLSearchParams(''), '2026-12-01')).toEqual(lastYear);
    expect(summaryQueryFrom(new URLSearchParams('from=2026-02-30&to=2026-03-01&groupBy=colour'), '2026-12-01')).toEqual(lastYear);
    expect(summaryQueryFrom(new URLSearchParams('from=2026-09-30&to=2026-07-01'), '2026-12-01')).toEqual(lastYear);
    expect(isLegalDate('2026-2-3')).toBe(false);
  });

  it('reads back what it writes', () => {
    const query = { from: '2026-01-01', to: '2026-03-31', groupBy: 'source' as const };
    expect(summaryQueryFrom(searchFromSummaryQuery(query), '2026-12-01')).toEqual(query);
  });
});
