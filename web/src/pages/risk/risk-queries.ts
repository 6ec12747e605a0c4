import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import type { AlertQuery } from './risk-vocabulary';

/** Query keys of the risk screens; a change to alerts, screenings or periods invalidates everything under its key. */
export const RISK_KEYS = {
  alerts: ['alerts'] as const,
  screenings: ['risk-screenings'] as const,
  periods: ['sensitive-periods'] as const,
  openCounts: ['risk-open-counts'] as const,
};

export function useAlerts(query: AlertQuery) {
  return useQuery({
    queryKey: [...RISK_KEYS.alerts, query],
    queryFn: () => unwrap(api.GET('/api/alerts', { params: { query } })),
  });
}

export function useScreenings() {
  return useQuery({
    queryKey: RISK_KEYS.screenings,
    queryFn: () => unwrap(api.GET('/api/risk-screenings')),
  });
}

export function useSensitivePeriods(query: { year?: number; active?: boolean }) {
  return useQuery({
    queryKey: [...RISK_KEYS.periods, query],
    queryFn: () => unwrap(api.GET('/api/sensitive-periods', { params: { query } })),
  });
}
