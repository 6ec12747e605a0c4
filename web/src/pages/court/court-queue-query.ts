import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import type { components } from '../../api/schema';
import { unwrap } from '../../api/unwrap';

export type CourtQueue = components['schemas']['CourtQueueResponseDto'];
export type ReferredCase = CourtQueue['referred'][number];
export type AwaitingConfirmation = CourtQueue['awaitingConfirmation'][number];
export type FeedbackDue = CourtQueue['feedbackDue'][number];

const COURT_QUEUE = ['court-queue'] as const;

export function useCourtQueue() {
  return useQuery({
    queryKey: COURT_QUEUE,
    queryFn: () => unwrap(api.GET('/api/court/queue')),
    refetchInterval: 60_000,
  });
}

export function useAcknowledgeFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, note }: { caseId: string; note?: string }) =>
      unwrap(api.POST('/api/cases/{id}/handoff/acknowledge', { params: { path: { id: caseId } }, body: note ? { note } : {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: COURT_QUEUE }),
  });
}

/** The letter is generated on request and saved under the service's name for it (委派调解反馈函-….docx). */
export function downloadFeedbackLetter(item: Pick<FeedbackDue, 'caseId' | 'caseNumber'>): Promise<string> {
  return downloadFile(
    api.GET('/api/cases/{id}/documents/{kind}', { params: { path: { id: item.caseId, kind: 'court-feedback-letter' } }, parseAs: 'blob' }),
    `feedback-letter-${item.caseNumber}.docx`,
  );
}
