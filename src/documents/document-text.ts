import type { AgreementItemKind, CaseOutcome, CaseSource, ClaimType, RejectReason, SuspendReason } from '../cases/machine/case.types';
import { chineseDate, rmbInCapitals, rmbInFigures } from './chinese-numerals';
import type { CaseHeading, NamedApplicant, RespondentParty } from './document-data';

// The wording the four documents share: labels for the case vocabularies and the phrases courts expect.

export const CLAIM_LABELS: Record<ClaimType, string> = {
  WAGE_ARREARS: '支付拖欠的劳动报酬',
  OVERTIME: '支付加班费',
  SOCIAL_INSURANCE: '社会保险',
  ECONOMIC_COMPENSATION: '支付经济补偿',
  WORK_INJURY: '工伤保险待遇',
  CONTRACT_TERMINATION: '解除或者终止劳动合同',
  LABOR_RELATIONSHIP: '确认劳动关系',
  OTHER: '其他请求',
};

export const ITEM_LABELS: Record<AgreementItemKind, string> = {
  WAGES: '劳动报酬',
  WORK_INJURY_MEDICAL: '工伤医疗费',
  ECONOMIC_COMPENSATION: '经济补偿',
  DAMAGES: '赔偿金',
  SOCIAL_INSURANCE: '社会保险费',
  OTHER_MONEY: '其他款项',
  NON_MONETARY: '非金钱义务',
};

export const SUSPEND_REASON_LABELS: Record<SuspendReason, string> = {
  APPRAISAL: '鉴定',
  FORCE_MAJEURE: '不可抗力',
  PARTY_REQUEST: '当事人申请',
  OTHER: '其他原因',
};

const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  OUT_OF_SCOPE: '不属于调解受理范围',
  DUPLICATE: '重复申请',
  ALREADY_BEFORE_ARBITRATION_OR_COURT: '纠纷已进入仲裁或者诉讼程序',
  INCOMPLETE: '申请材料不全',
  OTHER: '其他原因',
};

const REFERRAL_LABELS = { PAYMENT_ORDER: '申请支付令', ARBITRATION: '劳动争议仲裁', LITIGATION: '诉讼', ENFORCEMENT: '申请强制执行' } as const;

/** How the case ended, as a sentence for the court. */
export function outcomeText(outcome: CaseOutcome): string {
  const [kind, detail] = outcome.split(':') as [string, string | undefined];
  switch (kind) {
    case 'RESPONDENT_REFUSED':
      return '被申请人明确表示不同意调解。';
    case 'RESPONDENT_UNREACHABLE':
      return '经多次联系，无法联系到被申请人，调解无法进行。';
    case 'RESPONDENT_NO_REPLY':
      return '被申请人在规定期限内未答复是否同意调解，视为不同意调解。';
    case 'MEDIATION_FAILED':
      return `经调解，${FAILURE_TEXT[detail ?? 'OTHER'] ?? FAILURE_TEXT.OTHER}，调解不成。`;
    case 'DEADLINE_EXPIRED':
      return '调解期限届满，双方未能达成调解协议。';
    case 'REFUSED_TO_SIGN':
      return '双方就调解方案形成一致意见后，一方当事人拒绝在调解协议上签字。';
    case 'RESOLVED':
      return '调解协议已履行完毕，纠纷已化解。';
    case 'WITHDRAWN':
      return '申请人撤回调解申请。';
    case 'REJECTED':
      return `经审查，因${REJECT_REASON_LABELS[detail as RejectReason] ?? '其他原因'}，不予受理。`;
    case 'REFERRED':
      return `被申请人未按调解协议履行，申请人已转入${REFERRAL_LABELS[detail as keyof typeof REFERRAL_LABELS] ?? '其他'}程序。`;
    default:
      return '调解终结。';
  }
}

const FAILURE_TEXT: Record<string, string> = {
  PARTY_UNWILLING: '当事人不愿继续调解',
  IRRECONCILABLE: '双方分歧较大，无法达成一致意见',
  PARTY_UNREACHABLE: '当事人无法联系',
  OTHER: '双方未能达成一致意见',
};

/** "人民币186000.00元（大写：壹拾捌万陆仟元整）": every amount in figures and in capitals (DOMAIN §8). */
export function amountText(amount: string): string {
  return `人民币${rmbInFigures(amount)}元（大写：${rmbInCapitals(amount)}）`;
}

/** One worker by name; several by the first representative (or first worker) and the number: 刘强等12人. */
export function applicantsTitle(applicants: readonly NamedApplicant[], workerCount: number): string {
  if (applicants.length === 1 && workerCount === 1) return applicants[0].name;
  const lead = applicants.find((applicant) => applicant.isRepresentative) ?? applicants[0];
  return `${lead.name}等${workerCount}人`;
}

export function representativeNames(applicants: readonly NamedApplicant[]): string[] {
  return applicants.filter((applicant) => applicant.isRepresentative).map((applicant) => applicant.name);
}

/** 被申请人 with what identifies a company: name, USCC, legal representative, address. */
export function respondentText(respondent: RespondentParty): string {
  const parts = [respondent.name];
  if (respondent.unifiedSocialCreditCode !== undefined) parts.push(`统一社会信用代码${respondent.unifiedSocialCreditCode}`);
  if (respondent.address !== undefined) parts.push(`住所地${respondent.address}`);
  return `${parts.join('，')}。`;
}

/** The project and its general contractor, which matter in construction wage cases (农民工工资支付). */
export function projectText(respondent: RespondentParty): string | undefined {
  if (respondent.projectName === undefined) return undefined;
  const contractor = respondent.generalContractor === undefined ? '' : `，总承包单位为${respondent.generalContractor}`;
  return `涉及项目：${respondent.projectName}${contractor}。`;
}

/** 委派 or 委托, for court-referred cases. */
export function referralWord(source: CaseSource): string | undefined {
  if (source === 'COURT_DELEGATED') return '委派';
  if (source === 'COURT_ENTRUSTED') return '委托';
  return undefined;
}

/** "（系吉林省辽源市龙山区人民法院委派调解的案件，法院案号（2026）吉0402民诉前调1号）", or '' for other sources. */
export function courtReferralText(heading: CaseHeading): string {
  const word = referralWord(heading.source);
  if (word === undefined) return '';
  const court = heading.courtName ?? '人民法院';
  const number = heading.courtCaseNumber === undefined ? '' : `，法院案号${heading.courtCaseNumber}`;
  return `（系${court}${word}调解的案件${number}）`;
}

export function dateOrBlank(date: string | undefined, blank: string): string {
  return date === undefined ? blank : chineseDate(date);
}

/** 1 → 一 … 10 → 十, for section numbers: 一、二、… */
export function sectionNumber(index: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (index <= 0 || index >= 20) throw new RangeError(`section ${index} is out of range`);
  return index < 10 ? digits[index] : `十${digits[index - 10]}`;
}
