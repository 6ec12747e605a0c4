import type { DeadlineKind } from '../cases/machine/case.types';

/** How the console and alert messages name each deadline (Simplified Chinese, the users' language). */
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  ACCEPTANCE_DECISION: '受理决定期限',
  RESPONDENT_CONSENT: '被申请人同意调解期限',
  MEDIATION_PERIOD: '调解期限',
  JUDICIAL_CONFIRMATION_WINDOW: '司法确认申请期限',
  COURT_DECISION: '司法确认审查期限',
  PAYMENT_DUE: '履行期限',
  ARBITRATION_LIMITATION: '劳动仲裁时效',
};

export function deadlineLabel(kind: DeadlineKind, instalmentNo?: number | null): string {
  return kind === 'PAYMENT_DUE' && instalmentNo ? `第${instalmentNo}期${DEADLINE_LABELS[kind]}` : DEADLINE_LABELS[kind];
}
