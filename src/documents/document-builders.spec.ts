import type { Document } from 'docx';
import type { LegalDate } from '../calendar/legal-date';
import { readDocx } from '../../test/documents/docx-reader';
import { buildAcceptanceNotice } from './acceptance-notice.document';
import { buildCourtFeedbackLetter } from './court-feedback-letter.document';
import type { CaseHeading, CourtFeedbackLetterData, MediationAgreementData } from './document-data';
import { buildJudicialConfirmationApplication } from './judicial-confirmation-application.document';
import { buildMediationAgreement } from './mediation-agreement.document';
import { packDocx } from './official-layout';

async function textOf(document: Document): Promise<string> {
  return (await readDocx(await packDocx(document))).text;
}

const heading: CaseHeading = {
  caseNumber: 'LY-2026-000123',
  organizationName: '辽源市总工会劳动争议调解工作室',
  source: 'WALK_IN',
  workerCount: 1,
  collective: false,
  receivedOn: '2026-09-16',
  respondent: { name: '辽源市西安区某袜业有限公司', unifiedSocialCreditCode: '91220400MA0Y123459', legalRepresentative: '李强' },
  mediatorName: '王丽华',
};

const agreement: MediationAgreementData = {
  ...heading,
  applicants: [{ name: '张伟', idType: 'RESIDENT_ID', idNumber: '220402199003071231', isRepresentative: false }],
  facts: '申请人于2025年10月至2026年8月在被申请人处工作。',
  disputedMatters: '加班费及经济补偿数额',
  items: [
    { kind: 'OTHER_MONEY', description: '加班费', amount: '10010.00' },
    { kind: 'ECONOMIC_COMPENSATION', description: '解除劳动合同经济补偿', amount: '1001.05' },
  ],
  schedule: [{ no: 1, dueOn: '2026-10-09' as LegalDate, amount: '11011.05' }],
  agreedTotal: '11011.05',
  waiverOfOtherClaims: false,
  defaultClause: '逾期未付的，被申请人另行支付违约金人民币500元。',
  collectiveConsentRecorded: false,
  signatures: {},
};

describe(buildMediationAgreement.name, () => {
  it('writes an individual’s identity, each item in capitals, a single payment and the parties’ own default clause', async () => {
    const text = await textOf(buildMediationAgreement(agreement));
    expect(text).toContain('申请人：张伟，男，1990年3月7日出生，公民身份号码220402199003071231。');
    expect(text).toContain('1. 被申请人向申请人支付其他款项人民币10010.00元（大写：壹万零壹拾元整）。款项说明：加班费。');
    expect(text).toContain('2. 被申请人向申请人支付经济补偿人民币1001.05元（大写：壹仟零壹元零伍分）。');
    expect(text).toContain('以上款项合计人民币11011.05元（大写：壹万壹仟零壹拾壹元零伍分）。');
    expect(text).toContain('上述款项由被申请人按下列期限一次性支付：\n2026年10月9日前支付');
    expect(text).toContain('逾期未付的，被申请人另行支付违约金人民币500元。');
    expect(text).toContain('本协议仅解决上述争议事项');
    expect(text).not.toContain('附：申请人名单');
  });

  it('leaves the dates of signatures not yet given, and the effective date, for the hand', async () => {
    const text = await textOf(buildMediationAgreement(agreement));
    expect(text).toContain('本协议自双方当事人签名或者盖章、调解员签名并加盖调解组织印章之日起生效。');
    expect(text).toContain('（签署日期：　　　　年　　月　　日）');
    expect(text.split('\n').at(-1)).toBe('　　　　年　　月　　日');
  });

  it('prints another kind of identity document as it was recorded, without reading a sex or birth date into it', async () => {
    const text = await textOf(buildMediationAgreement({ ...agreement, applicants: [{ name: 'KIM Minsu', idType: 'OTHER', idNumber: 'M12345678', isRepresentative: false }] }));
    expect(text).toContain('申请人：KIM Minsu，证件号码M12345678。');
  });

  it('sends an entrusted case’s agreement to the court for a mediation statement instead of the 30-day note', async () => {
    const text = await textOf(buildMediationAgreement({ ...agreement, source: 'COURT_ENTRUSTED', courtName: '吉林省辽源市龙山区人民法院', courtCaseNumber: '（2026）吉0402民初1234号' }));
    expect(text).toContain('本案系吉林省辽源市龙山区人民法院委托调解的案件，本协议将提交人民法院依法审查并出具调解书。');
    expect(text).not.toContain('三十日内');
  });
});

const letter: CourtFeedbackLetterData = {
  ...heading,
  source: 'COURT_ENTRUSTED',
  courtName: '吉林省辽源市龙山区人民法院',
  courtCaseNumber: '（2026）吉0402民初1234号',
  workerCount: 12,
  collective: true,
  applicants: [
    { name: '刘强', isRepresentative: true },
    { name: '陈刚', isRepresentative: true },
    { name: '赵磊', isRepresentative: true },
  ],
  mediationPeriods: [{ startsOn: '2026-09-16', days: 7, pausedDays: 0, dueOn: '2026-09-23', status: 'MISSED', extension: false }],
  suspensions: [{ reason: 'PARTY_REQUEST', from: '2026-09-18', to: '2026-09-19', clockStopped: false }],
  sessions: [],
  claims: [{ type: 'WAGE_ARREARS', amount: '186000.00', description: '2026年6月至7月工资' }],
  outcome: 'DEADLINE_EXPIRED',
  closedOn: '2026-09-24',
  riskFlags: ['EMPLOYER_ABSCONDED'],
  nextStep: 'TRIAL_RESUMES',
};

describe(buildCourtFeedbackLetter.name, () => {
  it('asks an entrusting court to resume the trial, and suggests preservation and priority for absconded wage debtors', async () => {
    const text = await textOf(buildCourtFeedbackLetter(letter));
    expect(text.split('\n')[0]).toBe('委托调解反馈函');
    expect(text).toContain('申请人：刘强等12人（集体劳动争议，劳动者代表：刘强、陈刚、赵磊）。');
    expect(text).toContain('本案调解期限为7日，自2026年9月16日起算，至2026年9月23日届满。');
    expect(text).toContain('2026年9月18日至2026年9月19日因当事人申请暂停调解，调解期限连续计算。');
    expect(text).toContain('调解期间未能组织双方当事人进行调解。');
    expect(text).toContain('调解期限届满，双方未能达成调解协议。');
    expect(text).toContain('被申请人存在经营者逃匿情形，为防止财产转移，建议贵院依申请人申请及时采取财产保全措施');
    expect(text).toContain('先予执行（《中华人民共和国民事诉讼法》第一百零九条）');
    expect(text).toContain('本案为集体劳动争议，涉及劳动者12人');
    expect(text).toContain('请贵院依法恢复审理');
  });

  it('reports a resolved case with its agreement attached, and no points in dispute', async () => {
    const resolved: CourtFeedbackLetterData = {
      ...letter,
      source: 'COURT_DELEGATED',
      outcome: 'RESOLVED',
      riskFlags: [],
      agreement: { effectiveOn: '2026-09-20', agreedTotal: '186000.00' },
    };
    delete (resolved as { nextStep?: string }).nextStep;
    const text = await textOf(buildCourtFeedbackLetter(resolved));
    expect(text.split('\n')[0]).toBe('委派调解反馈函');
    expect(text).toContain('经调解，双方当事人达成调解协议，协议于2026年9月20日生效，约定被申请人支付人民币186000.00元（大写：壹拾捌万陆仟元整）。');
    expect(text).toContain('附件：调解协议书（调解案号LY-2026-000123）');
    expect(text).not.toContain('争议焦点');
    expect(text).not.toContain('财产保全');
  });

  it('keeps the facts of terms that were never signed as the undisputed facts', async () => {
    const text = await textOf(
      buildCourtFeedbackLetter({ ...letter, outcome: 'REFUSED_TO_SIGN', terms: { facts: '双方确认欠薪月份为6月至7月。', disputedMatters: '支付期限' }, closingNote: '被申请人对分期安排反悔' }),
    );
    expect(text).toContain('四、争议焦点\n支付期限');
    expect(text).toContain('双方当事人对以下事实无异议：双方确认欠薪月份为6月至7月。');
    expect(text).toContain('具体情况：被申请人对分期安排反悔');
  });
});

describe(buildJudicialConfirmationApplication.name, () => {
  it('leaves the court for the parties to name when no court is linked, and the date until filed', async () => {
    const text = await textOf(
      buildJudicialConfirmationApplication({
        ...heading,
        applicants: [{ name: '张伟', isRepresentative: false }],
        items: agreement.items,
        schedule: agreement.schedule,
        agreedTotal: agreement.agreedTotal,
        effectiveOn: '2026-09-18',
        confirmationWindowEndsOn: '2026-10-19',
      }),
    );
    expect(text).toContain('申请人（劳动者一方）：张伟。');
    expect(text).toContain('此致\n＿＿＿＿＿＿＿＿人民法院');
    expect(text).toContain('上述款项合计人民币11011.05元（大写：壹万壹仟零壹拾壹元零伍分），2026年10月9日前支付人民币11011.05元');
    expect(text.split('\n').at(-1)).toBe('　　　　年　　月　　日');
  });
});

describe(buildAcceptanceNotice.name, () => {
  it('gives a delegated case’s 30-day period with its extension and what happens after', async () => {
    const text = await textOf(
      buildAcceptanceNotice({
        ...heading,
        source: 'COURT_DELEGATED',
        courtName: '吉林省辽源市龙山区人民法院',
        applicants: [{ name: '张伟', isRepresentative: false }],
        acceptedOn: '2026-09-17',
        mediationPeriod: { startsOn: '2026-09-16', days: 30, extendedDays: 10, dueOn: '2026-10-26' },
        region: '吉林省辽源市',
      }),
    );
    expect(text).toContain('张伟：\n你与辽源市西安区某袜业有限公司劳动争议一案的调解申请（系吉林省辽源市龙山区人民法院委派调解的案件）');
    expect(text).toContain('本案调解期限为30日（《最高人民法院关于人民法院特邀调解的规定》第二十七条），自2026年9月16日起算，经双方当事人同意延长10日，至2026年10月26日届满。');
    expect(text).toContain('案件将退回人民法院依法登记立案');
    expect(text).toContain('联系地址：吉林省辽源市辽源市总工会劳动争议调解工作室');
  });
});
