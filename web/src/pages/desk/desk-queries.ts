import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { unwrap } from '../../api/unwrap';
import { CASE_STATE_GROUPS, RISK_LEVELS } from '../../cases/case-vocabulary';
import { addDays, legalDateOf } from './legal-date';

export type DeadlineItem = components['schemas']['DeadlineListItemDto'];
export type Alert = components['schemas']['AlertResponseDto'];

/** What a desk shows: a mediator's own work, or (for a supervisor) the studio's. */
export interface DeskScope {
  readonly mine: boolean;
}

/** How many cases of each stage the desk lists; "view all" opens the case list with the same filter. */
export const CASES_SHOWN = 10;
export const DEADLINE_HORIZON_DAYS = 7;
/** New alerts and deadlines should reach an open desk within a minute, as notifications do. */
const POLL_MS = 60_000;

export function useCasesByStage({ mine }: DeskScope) {
  return useQueries({
    queries: CASE_STATE_GROUPS.map((state) => ({
      queryKey: ['cases', { state, mine: mine || undefined, sort: '-updatedAt', pageSize: CASES_SHOWN }],
      queryFn: () =>
        unwrap(api.GET('/api/cases', { params: { query: { state, mine: mine || undefined, sort: '-updatedAt', pageSize: CASES_SHOWN } } })),
    })),
  });
}

/**
 * The studio's unassigned cases still in intake (DOMAIN §1): a mediator sees them beside their own, so the list is
 * the intake stage without an assigned mediator. Oldest first: the acceptance decision is due 3 working days after receipt.
 */
export function useIntakeQueue() {
  return useQuery({
    queryKey: ['cases', { state: 'intake', sort: 'receivedAt', pageSize: 100 }],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { state: 'intake', sort: 'receivedAt', pageSize: 100 } } })),
    select: (page) => page.items.filter((item) => item.assignedMediator === null),
    refetchInterval: POLL_MS,
  });
}

export function useDeadlinesDue({ mine }: DeskScope, now: Date = new Date()) {
  const dueBefore = addDays(legalDateOf(now), DEADLINE_HORIZON_DAYS);
  return useQuery({
    queryKey: ['deadlines', { mine, dueBefore, status: 'PENDING' }],
    queryFn: () => unwrap(api.GET('/api/deadlines', { params: { query: { mine: mine || undefined, dueBefore, status: 'PENDING', pageSize: 200 } } })),
    refetchInterval: POLL_MS,
  });
}

const levelRank = (alert: Alert) => RISK_LEVELS.indexOf(alert.level);

/** Unresolved alerts, OPEN and ACKNOWLEDGED alike: both still wait for someone to act. Highest level first. */
export function useUnresolvedAlerts({ mine }: DeskScope) {
  return useQueries({
    queries: (['OPEN', 'ACKNOWLEDGED'] as const).map((status) => ({
      queryKey: ['alerts', { mine, status }],
      queryFn: () => unwrap(api.GET('/api/alerts', { params: { query: { mine: mine || undefined, status, pageSize: 100 } } })),
      refetchInterval: POLL_MS,
    })),
    combine: (results) => ({
      items: results.every((result) => result.data)
        ? results.flatMap((result) => result.data?.items ?? []).sort((a, b) => levelRank(b) - levelRank(a) || b.raisedAt.localeCompare(a.raisedAt))
        : undefined,
      error: results.find((result) => result.error)?.error ?? null,
      isPending: results.some((result) => result.isPending),
      refetch: () => results.forEach((result) => void result.refetch()),
    }),
  });
}
