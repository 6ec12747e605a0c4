import { describe, expect, it } from 'vitest';
import type { ScreeningSummary } from './risk-vocabulary';
import { screeningTrend } from './screening-trend';

function run(asOf: string, createdAt: string, counts: [number, number, number, number]): ScreeningSummary {
  const [BLUE, YELLOW, ORANGE, RED] = counts;
  return { id: `${asOf}-${createdAt}`, asOf, trigger: 'SCHEDULED', casesScreened: BLUE + YELLOW + ORANGE + RED, counts: { BLUE, YELLOW, ORANGE, RED }, alertsRaised: 0, createdAt };
}

describe(screeningTrend.name, () => {
  it('puts the dates in order, oldest first, with each level as one series', () => {
    const trend = screeningTrend([run('2026-12-01', '2026-12-01T00:00:00Z', [5, 2, 1, 0]), run('2026-11-30', '2026-11-30T00:00:00Z', [6, 1, 0, 0])]);
    expect(trend).toEqual({ dates: ['2026-11-30', '2026-12-01'], counts: { BLUE: [6, 5], YELLOW: [1, 2], ORANGE: [0, 1], RED: [0, 0] } });
  });

  it('shows a date screened twice by its latest run', () => {
    const trend = screeningTrend([run('2026-09-24', '2026-09-24T00:00:00Z', [4, 0, 0, 0]), run('2026-09-24', '2026-09-24T03:00:00Z', [1, 2, 1, 0]), run('2026-09-24', '2026-09-24T01:00:00Z', [9, 9, 9, 9])]);
    expect(trend.dates).toEqual(['2026-09-24']);
    expect(trend.counts).toEqual({ BLUE: [1], YELLOW: [2], ORANGE: [1], RED: [0] });
  });

  it('is empty without screenings', () => {
    expect(screeningTrend([])).toEqual({ dates: [], counts: { BLUE: [], YELLOW: [], ORANGE: [], RED: [] } });
  });
});
