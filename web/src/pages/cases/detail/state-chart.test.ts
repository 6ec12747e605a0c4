import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/i18n';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { outcomeText, reachedStage, stepStatuses } from './state-chart';

type Facts = Pick<CaseDetail, 'state' | 'consent' | 'terms'>;

const at = (state: CaseDetail['state'], extra: Partial<Facts> = {}): Facts => ({ state, consent: null, terms: null, ...extra });

describe('the state chart steps', () => {
  it('marks the current stage as in progress and the earlier ones done', () => {
    expect(stepStatuses(at('intake.registered'))).toEqual(['process', 'wait', 'wait', 'wait']);
    expect(stepStatuses(at('mediation.suspended'))).toEqual(['finish', 'process', 'wait', 'wait']);
    expect(stepStatuses(at('agreement.judicialReview'))).toEqual(['finish', 'finish', 'process', 'wait']);
  });

  it('shows a defaulted agreement in red', () => {
    expect(stepStatuses(at('agreement.defaulted'))).toEqual(['finish', 'finish', 'error', 'wait']);
  });

  it('closes a resolved case in green and an unresolved one in red, at the last stage it reached', () => {
    expect(stepStatuses(at('closed.resolved', { consent: {}, terms: {} }))).toEqual(['finish', 'finish', 'finish', 'finish']);
    expect(stepStatuses(at('closed.rejected'))).toEqual(['finish', 'wait', 'wait', 'error']);
    expect(reachedStage(at('closed.failed', { consent: {} }))).toBe('mediation');
    expect(stepStatuses(at('closed.failed', { consent: {} }))).toEqual(['finish', 'finish', 'wait', 'error']);
  });
});

describe(outcomeText.name, () => {
  const t = i18n.getFixedT('zh-CN');

  it('words an outcome and its reason from the vocabulary the reason came from', () => {
    expect(outcomeText('MEDIATION_FAILED:IRRECONCILABLE', t)).toBe('调解不成 · 分歧无法弥合');
    expect(outcomeText('REJECTED:DUPLICATE', t)).toBe('不予受理 · 重复申请');
    expect(outcomeText('REFERRED:PAYMENT_ORDER', t)).toBe('已转其他途径 · 支付令');
    expect(outcomeText('RESPONDENT_NO_REPLY', t)).toBe('被申请人逾期未答复');
  });

  it('shows an outcome it does not know as the service sent it', () => {
    expect(outcomeText('SOMETHING_NEW:X', t)).toBe('SOMETHING_NEW:X');
    expect(outcomeText('MEDIATION_FAILED:NEW_REASON', t)).toBe('调解不成 · NEW_REASON');
  });
});
