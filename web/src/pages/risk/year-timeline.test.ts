import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, shanghaiDate } from './legal-dates';
import { dayInYear, segmentInYear } from './year-timeline';

describe('legal dates', () => {
  it('takes the calendar day in Asia/Shanghai, whatever the browser zone', () => {
    expect(shanghaiDate(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(shanghaiDate(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
  });

  it('adds and counts days across months and leap years', () => {
    expect(addDays('2026-10-01', -7)).toBe('2026-09-24');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-15', '2027-02-05')).toBe(82);
  });
});

describe(segmentInYear.name, () => {
  it('places a period by its days, both ends included', () => {
    const segment = segmentInYear('2026-01-01', '2026-01-10', 2026);
    expect(segment?.left).toBe(0);
    expect(segment?.width).toBeCloseTo((10 / 365) * 100);
  });

  it('clips a period that crosses the new year, as the winter campaign does', () => {
    const end = segmentInYear('2026-11-15', '2027-02-05', 2026);
    expect((end?.left ?? 0) + (end?.width ?? 0)).toBeCloseTo(100);
    expect(segmentInYear('2026-11-15', '2027-02-05', 2027)?.left).toBe(0);
  });

  it('has nothing to draw for a period wholly in another year', () => {
    expect(segmentInYear('2025-10-01', '2025-10-08', 2026)).toBeUndefined();
  });
});

describe(dayInYear.name, () => {
  it('is the middle of the day, and nothing outside the year', () => {
    expect(dayInYear('2026-01-01', 2026)).toBeCloseTo((0.5 / 365) * 100);
    expect(dayInYear('2027-01-01', 2026)).toBeUndefined();
  });
});
