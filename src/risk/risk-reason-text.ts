import type { CaseState, ClaimType, DeadlineKind, RiskFlag } from '../cases/machine/case.types';
import { fromFen, toFen, type Money } from '../cases/machine/money';

// Reasons are read by mediators and supervisors in Simplified Chinese, so the codes a rule matched are shown by their
// Chinese names. Templates are data (risk-rules.ts); only the vocabulary lives here.

export type ReasonValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([A-Za-z]\w*)\}/g;

export const RISK_FLAG_LABELS: Readonly<Record<RiskFlag, string>> = {
  EXTREME_ACT_THREAT: '扬言采取极端行为',
  EMPLOYER_ABSCONDED: '用人单位负责人逃匿',
  REPEAT_PETITIONER: '反复信访',
  EMPLOYER_CLOSING: '用人单位停业关闭',
  HARDSHIP: '劳动者生活困难',
  MEDIA_ATTENTION: '媒体关注',
};

export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, string>> = {
  ACCEPTANCE_DECISION: '受理决定期限',
  RESPONDENT_CONSENT: '被申请人同意调解期限',
  MEDIATION_PERIOD: '调解期限',
  JUDICIAL_CONFIRMATION_WINDOW: '司法确认申请期限',
  COURT_DECISION: '法院审查期限',
  PAYMENT_DUE: '协议履行期限',
  ARBITRATION_LIMITATION: '仲裁时效',
};

export const CLAIM_TYPE_LABELS: Readonly<Record<ClaimType, string>> = {
  WAGE_ARREARS: '拖欠工资',
  OVERTIME: '加班费',
  SOCIAL_INSURANCE: '社会保险',
  ECONOMIC_COMPENSATION: '经济补偿',
  WORK_INJURY: '工伤待遇',
  CONTRACT_TERMINATION: '解除劳动合同',
  LABOR_RELATIONSHIP: '确认劳动关系',
  OTHER: '其他',
};

export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  'intake.registered': '已登记',
  'intake.awaitingConsent': '待被申请人同意',
  'mediation.active': '调解中',
  'mediation.suspended': '调解中止',
  'agreement.signing': '协议签署中',
  'agreement.effective': '协议已生效',
  'agreement.judicialReview': '司法确认审查中',
  'agreement.confirmed': '已司法确认',
  'agreement.defaulted': '协议未履行',
  'closed.resolved': '已履行结案',
  'closed.failed': '调解不成',
  'closed.rejected': '不予受理',
  'closed.withdrawn': '已撤回',
  'closed.referred': '已转入其他程序',
};

/** The {names} a template uses, each once, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Fills {name} from `values`; a name without a value stays visible rather than vanishing from the sentence. */
export function renderReason(template: string, values: ReasonValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** "186000" → "186,000.00": the grouping Chinese finance forms use, without going through a float. */
export function formatYuan(amount: Money): string {
  const [yuan, fen] = fromFen(toFen(amount)).split('.');
  return `${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen}`;
}

/** Chinese enumeration comma: "反复信访、媒体关注". */
export function listOf<T extends string>(codes: readonly T[], labels: Readonly<Record<T, string>>): string {
  return codes.map((code) => labels[code]).join('、');
}
