import { daysBetween } from './legal-dates';

export type PeriodPhase = 'past' | 'inPeriod' | 'inLead' | 'upcoming';

interface PeriodDates {
  readonly startsOn: string;
  readonly endsOn: string;
  /** startsOn − leadDays, as the service computes it. */
  readonly windowOpensOn: string;
}

/** Where `today` stands against a period: its lead window already raises risk levels one step (DOMAIN §5). */
export function periodPhase(period: PeriodDates, today: string): PeriodPhase {
  if (today > period.endsOn) return 'past';
  if (today >= period.startsOn) return 'inPeriod';
  if (today >= period.windowOpensOn) return 'inLead';
  return 'upcoming';
}

/** How far ahead the dashboard looks for periods whose lead window has not opened yet. */
export const LOOKAHEAD_DAYS = 60;

/**
 * The periods a supervisor must prepare for: active ones that raise levels today, or whose lead window opens within the
 * lookahead; soonest first.
 */
export function periodsNeedingAttention<P extends PeriodDates & { readonly active: boolean }>(periods: readonly P[], today: string): P[] {
  return periods
    .filter((period) => {
      if (!period.active) return false;
      const phase = periodPhase(period, today);
      if (phase === 'past') return false;
      return phase !== 'upcoming' || daysBetween(today, period.windowOpensOn) <= LOOKAHEAD_DAYS;
    })
    .sort((a, b) => a.windowOpensOn.localeCompare(b.windowOpensOn) || a.startsOn.localeCompare(b.startsOn));
}
