import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import type { CaseEventType } from './event-form-types';

export interface CaseEventRequest {
  readonly caseId: string;
  /** The version the user saw: sent as If-Match, so a change by someone else in between answers 412. */
  readonly version: number;
  readonly type: CaseEventType;
  readonly payload: Record<string, unknown>;
  /** The same key for retries of one submission: a repeated click replays the first answer instead of acting twice. */
  readonly idempotencyKey: string;
}

/** Every query of one case starts with ['case', id]: the detail, its history, routes, assistance. */
export function caseQueryKey(caseId: string, ...part: string[]): string[] {
  return ['case', caseId, ...part];
}

export function sendCaseEvent(request: CaseEventRequest): Promise<unknown> {
  return unwrap(
    api.POST('/api/cases/{id}/events', {
      params: { path: { id: request.caseId }, header: { 'If-Match': `"${request.version}"`, 'Idempotency-Key': request.idempotencyKey } },
      // The schema types the body as the union of every payload; the registry built this one for `type`.
      body: { type: request.type, ...request.payload } as never,
    }),
  );
}

/** Sends one event; whatever the answer, the case is read again, since a refusal may mean it moved on. */
export function useSendCaseEvent(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendCaseEvent,
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) }),
  });
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
