import { RISK_LEVELS, type RiskLevel } from '../../cases/case-vocabulary';
import type { ScreeningSummary } from './risk-vocabulary';

export interface ScreeningTrend {
  /** Screening dates, oldest first, each once. */
  readonly dates: string[];
  /** Per level, the count of each date's screening, aligned with `dates`. */
  readonly counts: Record<RiskLevel, number[]>;
}

/**
 * The counts over time. A date screened more than once (the 08:00 run and a supervisor's re-run) shows its latest run:
 * the one with the rules and facts in force last.
 */
export function screeningTrend(screenings: readonly ScreeningSummary[]): ScreeningTrend {
  const latestByDate = new Map<string, ScreeningSummary>();
  for (const screening of screenings) {
    const seen = latestByDate.get(screening.asOf);
    if (!seen || seen.createdAt < screening.createdAt) latestByDate.set(screening.asOf, screening);
  }
  const dates = [...latestByDate.keys()].sort();
  const counts = Object.fromEntries(RISK_LEVELS.map((level) => [level, dates.map((date) => latestByDate.get(date)?.counts[level] ?? 0)])) as Record<RiskLevel, number[]>;
  return { dates, counts };
}
