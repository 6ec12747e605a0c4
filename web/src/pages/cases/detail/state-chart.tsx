import { Alert, Descriptions, Flex, Steps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { FAILURE_REASONS, REFERRAL_ROUTES, REJECT_REASONS } from '../../../cases/events/event-fields';

type Stage = 'intake' | 'mediation' | 'agreement' | 'closure';
type StepStatus = 'wait' | 'process' | 'finish' | 'error';

const STAGES: readonly Stage[] = ['intake', 'mediation', 'agreement', 'closure'];

/** How far an open or closed case got: the stage of its state, or for a closed case the last stage it reached. */
export function reachedStage(detail: Pick<CaseDetail, 'state' | 'consent' | 'terms'>): Stage {
  const group = detail.state.split('.')[0];
  if (group !== 'closed') return group as Stage;
  if (detail.terms) return 'agreement';
  if (detail.consent) return 'mediation';
  return 'intake';
}

/** The status of each of the four steps (DOMAIN §3): a closed case finishes the closure step, an unresolved one in red. */
export function stepStatuses(detail: Pick<CaseDetail, 'state' | 'consent' | 'terms'>): StepStatus[] {
  const closed = detail.state.startsWith('closed.');
  const reached = STAGES.indexOf(reachedStage(detail));
  return STAGES.map((stage, index) => {
    if (stage === 'closure') return closed ? (detail.state === 'closed.resolved' ? 'finish' : 'error') : 'wait';
    if (index < reached) return 'finish';
    if (index > reached) return 'wait';
    if (closed) return 'finish';
    return detail.state === 'agreement.defaulted' ? 'error' : 'process';
  });
}

function stepContent(stage: Stage, detail: CaseDetail, t: TFunction): string | undefined {
  const group = detail.state.split('.')[0];
  if (stage === 'closure') return group === 'closed' ? t(`caseState.${detail.state}`) : undefined;
  return group === stage ? t(`caseState.${detail.state}`) : undefined;
}

const OUTCOME_CODES = ['RESOLVED', 'RESPONDENT_REFUSED', 'RESPONDENT_UNREACHABLE', 'RESPONDENT_NO_REPLY', 'MEDIATION_FAILED', 'DEADLINE_EXPIRED', 'REFUSED_TO_SIGN', 'WITHDRAWN', 'REJECTED', 'REFERRED'] as const;
type OutcomeCode = (typeof OUTCOME_CODES)[number];

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function reasonText(code: OutcomeCode, reason: string, t: TFunction): string {
  if (code === 'MEDIATION_FAILED' && oneOf(FAILURE_REASONS, reason)) return t(`caseFile.failureReason.${reason}`);
  if (code === 'REJECTED' && oneOf(REJECT_REASONS, reason)) return t(`caseFile.rejectReason.${reason}`);
  if (code === 'REFERRED' && oneOf(REFERRAL_ROUTES, reason)) return t(`caseFile.referralRoute.${reason}`);
  return reason;
}

/** `MEDIATION_FAILED:IRRECONCILABLE` → 调解不成 · 分歧无法弥合; an outcome the console does not know is shown as sent. */
export function outcomeText(outcome: string, t: TFunction): string {
  const [code, reason] = outcome.split(':');
  if (!oneOf(OUTCOME_CODES, code)) return outcome;
  const head = t(`caseFile.outcome.code.${code}`);
  return reason ? `${head} · ${reasonText(code, reason, t)}` : head;
}

function Outcome({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const advice = detail.advice as { nextStep?: string; basis?: string; limitationDueOn?: string; ifInterruptedDueOn?: string; courtFeedbackDue?: boolean } | null;
  const items = [
    { key: 'outcome', label: t('caseFile.outcome.title'), children: detail.outcome ? outcomeText(detail.outcome, t) : t('common.none') },
    { key: 'closedOn', label: t('caseFile.outcome.closedOn'), children: detail.closedOn ?? t('common.none') },
    ...(advice?.basis ? [{ key: 'advice', label: t('caseFile.outcome.advice'), children: advice.basis }] : []),
    ...(advice?.limitationDueOn ? [{ key: 'limitation', label: t('caseFile.outcome.limitationDueOn'), children: advice.limitationDueOn }] : []),
    ...(advice?.ifInterruptedDueOn ? [{ key: 'interrupted', label: t('caseFile.outcome.ifInterruptedDueOn'), children: advice.ifInterruptedDueOn }] : []),
  ];
  return (
    <Flex vertical gap="small" data-testid="case-outcome">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
      {advice?.courtFeedbackDue ? <Alert type="info" showIcon title={t('caseFile.outcome.courtFeedbackDue')} /> : null}
    </Flex>
  );
}

/** intake → mediation → agreement → closure, the current state named under its step. */
export function StateChart({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const statuses = stepStatuses(detail);
  const current = Math.max(0, statuses.findIndex((status) => status === 'process' || status === 'error'));
  return (
    <Flex vertical gap="middle" data-testid="state-chart">
      <Steps
        current={detail.state.startsWith('closed.') ? STAGES.length - 1 : current}
        items={STAGES.map((stage, index) => ({ key: stage, title: t(`caseFile.stage.${stage}`), content: stepContent(stage, detail, t), status: statuses[index] }))}
      />
      {detail.state.startsWith('closed.') ? <Outcome detail={detail} /> : null}
    </Flex>
  );
}
