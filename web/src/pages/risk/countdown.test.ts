import { describe, expect, it } from 'vitest';
import { timeLeft } from './countdown';

const NOW = new Date('2026-12-01T06:00:00Z');

describe(timeLeft.name, () => {
  it('counts whole days, hours and minutes until a due time more than a day away', () => {
    expect(timeLeft('2026-12-03T09:30:00Z', NOW)).toEqual({ urgency: 'later', days: 2, hours: 3, minutes: 30 });
  });

  it('calls under 24 hours soon: an ORANGE alert is due within a day, a RED one within two hours', () => {
    expect(timeLeft('2026-12-01T08:00:00Z', NOW)).toEqual({ urgency: 'soon', days: 0, hours: 2, minutes: 0 });
    expect(timeLeft('2026-12-02T05:59:00Z', NOW).urgency).toBe('soon');
    expect(timeLeft('2026-12-02T06:00:00Z', NOW).urgency).toBe('later');
  });

  it('rounds a part-minute up, so that "0 minutes left" never shows while time remains', () => {
    expect(timeLeft('2026-12-01T06:00:01Z', NOW)).toEqual({ urgency: 'soon', days: 0, hours: 0, minutes: 1 });
  });

  it('says how long ago a passed due time was, and that the moment itself is overdue', () => {
    expect(timeLeft('2026-12-01T04:45:00Z', NOW)).toEqual({ urgency: 'overdue', days: 0, hours: 1, minutes: 15 });
    expect(timeLeft('2026-12-01T06:00:00Z', NOW).urgency).toBe('overdue');
  });
});
