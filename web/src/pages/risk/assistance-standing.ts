import type { components } from '../../api/schema';

type Assistance = components['schemas']['AssistanceResponseDto'];

export type AssistanceStanding = 'none' | 'proposed' | 'approved';

/**
 * Where a hardship case stands on assistance (困难职工帮扶) as of a date: approved help given by then, a proposal still
 * waiting for a second supervisor, or nothing, the case a supervisor must act on. Rejected proposals count as nothing.
 */
export function assistanceStanding(records: readonly Pick<Assistance, 'status' | 'givenOn'>[], asOf: string): AssistanceStanding {
  if (records.some((record) => record.status === 'APPROVED' && record.givenOn <= asOf)) return 'approved';
  if (records.some((record) => record.status === 'PROPOSED')) return 'proposed';
  return 'none';
}
