import { isOrderedRange, isWithinYears } from './report-range-rules';

describe('report range rules', () => {
  it('accepts a range of one day and refuses one that ends before it starts', () => {
    expect(isOrderedRange('2026-07-01', '2026-07-01')).toBe(true);
    expect(isOrderedRange('2026-07-02', '2026-07-01')).toBe(false);
  });

  it('accepts five years less a day and refuses exactly five years', () => {
    expect(isWithinYears('2021-01-01', '2025-12-31')).toBe(true);
    expect(isWithinYears('2021-01-01', '2026-01-01')).toBe(false);
  });

  it('ends a range from 29 February on the 27th five years on, as Civil Code Art.202 counts the years', () => {
    expect(isWithinYears('2024-02-29', '2029-02-27')).toBe(true);
    expect(isWithinYears('2024-02-29', '2029-02-28')).toBe(false);
  });

  it('leaves malformed dates to the date check of their own field', () => {
    expect(isOrderedRange('2026-02-30', '2026-01-01')).toBe(true);
    expect(isWithinYears(undefined, '2099-01-01')).toBe(true);
  });
});
