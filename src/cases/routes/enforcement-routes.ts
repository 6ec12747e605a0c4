import { compare, diffDays, type LegalDate } from '../../calendar/legal-date';
import { hasOverdueInstalment, hasPaymentOrderItem, isWagesOnly } from '../machine/case-agreement';
import { statusAsOf } from '../machine/case-deadlines';
import type { CaseContext, DeadlineEntry } from '../machine/case.context';
import type { CalendarDue, LegalCalendar } from '../machine/case.events';
import type { CaseState, ReferralRoute, RiskFlag } from '../machine/case.types';
import { compareMoney } from '../machine/money';

// The enforcement-route advisor of DOMAIN §6: which ways of making the employer perform (or of taking an unresolved
// dispute further) are open on a given day, and how long each stays open. Pure: the case and the day come in as
// arguments, so the same case read on the same asOf always gets the same advice.

export const ENFORCEMENT_ROUTES = [
  'JUDICIAL_CONFIRMATION',
  'COURT_MEDIATION_STATEMENT',
  'ARBITRATION_REVIEW',
  'PAYMENT_ORDER',
  'ARBITRATION',
  'LITIGATION',
  'ENFORCEMENT',
] as const;
export type EnforcementRoute = (typeof ENFORCEMENT_ROUTES)[number];

export interface RouteAdvice {
  readonly route: EnforcementRoute;
  readonly open: boolean;
  /** Why the route is open or closed, in Simplified Chinese for the console. */
  readonly reason: string;
  /** The article the route rests on, e.g. "CPL Art.205". */
  readonly basis: string;
  /** The last day to take the route (rolled past rest days), when the route has a countdown. */
  readonly deadlineOn?: LegalDate;
  /** Whole days from asOf to deadlineOn; only on an open route, so never negative. */
  readonly daysLeft?: number;
  /** ARBITRATION after failed/rejected/withdrawn: closure + 1 year, "possibly", if mediation interrupted the limitation [U]. */
  readonly ifInterruptedDueOn?: LegalDate;
  /** False when a date shown here falls in, or runs through, a year without a holiday notice. */
  readonly calendarVerified: boolean;
  readonly notes: readonly string[];
}

export interface RoutesAdvice {
  readonly asOf: LegalDate;
  readonly routes: readonly RouteAdvice[];
}

export interface RouteAdviceInput {
  readonly state: CaseState;
  readonly context: CaseContext;
  /** Kept on the case row, not in the machine context. */
  readonly riskFlags: readonly RiskFlag[];
}

/** The periods the advisor counts; HolidayCalendar satisfies it. */
export type RouteCalendar = Pick<LegalCalendar, 'addCalendarDays' | 'addYears'>;

/** Judicial confirmation is applied for within 30 days of the agreement taking effect (CPL Art.205). */
export const JUDICIAL_CONFIRMATION_DAYS = 30;
/** Arbitration review is applied for within 15 days of the agreement taking effect (2017 arbitration rules Art.74). */
export const ARBITRATION_REVIEW_DAYS = 15;
/** Enforcement is applied for within 2 years of the last day for performance (CPL Art.250). */
export const ENFORCEMENT_YEARS = 2;
const LIMITATION_YEARS = 1;

const AGREEMENT_IN_FORCE: readonly CaseState[] = [
  'agreement.effective',
  'agreement.judicialReview',
  'agreement.confirmed',
  'agreement.defaulted',
];
const CLOSED_UNRESOLVED: readonly CaseState[] = ['closed.failed', 'closed.rejected', 'closed.withdrawn'];

const STATE_LABELS: Record<CaseState, string> = {
  'intake.registered': '待受理',
  'intake.awaitingConsent': '待被申请人同意调解',
  'mediation.active': '调解中',
  'mediation.suspended': '调解中止',
  'agreement.signing': '调解协议签署中',
  'agreement.effective': '调解协议已生效',
  'agreement.judicialReview': '司法确认审查中',
  'agreement.confirmed': '已司法确认',
  'agreement.defaulted': '协议未履行',
  'closed.resolved': '已履行结案',
  'closed.failed': '调解不成结案',
  'closed.rejected': '不予受理',
  'closed.withdrawn': '申请人撤回',
  'closed.referred': '已转出结案',
};

const REFERRAL_LABELS: Record<ReferralRoute, string> = {
  PAYMENT_ORDER: '支付令程序',
  ARBITRATION: '劳动争议仲裁',
  LITIGATION: '诉讼',
  ENFORCEMENT: '强制执行',
};

/** What every route reads: the case, the day, and the facts derived from them once. */
interface Facts {
  readonly state: CaseState;
  readonly context: CaseContext;
  readonly riskFlags: readonly RiskFlag[];
  readonly asOf: LegalDate;
  readonly calendar: RouteCalendar;
  readonly agreementInForce: boolean;
  /** A judicial-confirmation ruling, or for an entrusted case the court's mediation statement, exists. */
  readonly confirmed: boolean;
  /** The agreement is not being performed: reported as defaulted, or an instalment fell due before asOf unpaid. */
  readonly inDefault: boolean;
  readonly somethingUnpaid: boolean;
}

type RouteRule = (facts: Facts) => RouteAdvice;

const RULES: Record<EnforcementRoute, RouteRule> = {
  JUDICIAL_CONFIRMATION: judicialConfirmation,
  COURT_MEDIATION_STATEMENT: courtMediationStatement,
  ARBITRATION_REVIEW: arbitrationReview,
  PAYMENT_ORDER: paymentOrder,
  ARBITRATION: arbitration,
  LITIGATION: litigation,
  ENFORCEMENT: enforcement,
};

/** DOMAIN §6: the seven routes, always all of them and in this order, each open or closed with its reason. */
export function adviseRoutes(input: RouteAdviceInput, asOf: LegalDate, calendar: RouteCalendar): RoutesAdvice {
  const facts = factsOf(input, asOf, calendar);
  return { asOf, routes: ENFORCEMENT_ROUTES.map((route) => RULES[route](facts)) };
}

function factsOf(input: RouteAdviceInput, asOf: LegalDate, calendar: RouteCalendar): Facts {
  const { state, context } = input;
  const agreementInForce = AGREEMENT_IN_FORCE.includes(state);
  return {
    state,
    context,
    riskFlags: input.riskFlags,
    asOf,
    calendar,
    agreementInForce,
    confirmed: context.judicialConfirmation.status === 'CONFIRMED',
    // Instalments, not PAYMENT_DUE rows: rows of an agreement the court refused stay MISSED but bind nobody (#20).
    inDefault: agreementInForce && (state === 'agreement.defaulted' || hasOverdueInstalment(context.instalments, asOf)),
    somethingUnpaid: context.agreedTotal !== undefined && compareMoney(context.paidTotal, context.agreedTotal) < 0,
  };
}

// --- the routes ---

function judicialConfirmation(f: Facts): RouteAdvice {
  const route = base('JUDICIAL_CONFIRMATION', 'CPL Art.205');
  if (f.context.source === 'COURT_ENTRUSTED') {
    return closed(route, '法院委托调解（诉中）案件由委托法院出具调解书，不适用司法确认，见 COURT_MEDIATION_STATEMENT');
  }
  const window = f.context.effectiveOn === undefined ? undefined : f.calendar.addCalendarDays(f.context.effectiveOn, JUDICIAL_CONFIRMATION_DAYS);
  if (f.state !== 'agreement.effective' || window === undefined) {
    return closed(withDue(route, window), confirmationStateReason(f, '司法确认'));
  }
  if (compare(f.asOf, window.dueOn) > 0) {
    return closed(withDue(route, window), `申请期限（协议生效之日起30日）已于 ${window.dueOn} 届满`);
  }
  return open(countdown(route, window, f.asOf), '调解协议已生效，双方可在生效之日起30日内共同申请司法确认', [
    '须双方当事人共同申请：法院邀请调解的，向作出邀请的人民法院提出；调解组织自行调解的，向当事人住所地、标的物所在地或调解组织所在地的基层人民法院提出（CPL Art.205）',
    ...(f.context.source === 'COURT_DELEGATED' ? ['委派调解案件默认向委派法院申请（Invited Art.19）'] : []),
    '法院一般在受理后约15日内作出裁定；确认有效的，一方拒绝履行时另一方可申请强制执行',
  ]);
}

function courtMediationStatement(f: Facts): RouteAdvice {
  const route = base('COURT_MEDIATION_STATEMENT', 'Invited Art.20');
  if (f.context.source !== 'COURT_ENTRUSTED') return closed(route, '仅适用于法院委托调解（诉中）案件');
  if (f.state !== 'agreement.effective') return closed(route, confirmationStateReason(f, '出具调解书'));
  return open(route, '委托调解达成的协议已生效，可请委托法院依协议出具调解书', [
    '由委托法院审查后出具民事调解书，无申请期限',
    '调解书经双方签收后即具有法律效力，一方不履行的，另一方可申请强制执行',
  ]);
}

function arbitrationReview(f: Facts): RouteAdvice {
  const route = base('ARBITRATION_REVIEW', '2017 Labour Arbitration Rules Art.74');
  if (f.context.source === 'COURT_DELEGATED' || f.context.source === 'COURT_ENTRUSTED') {
    return closed(route, '法院委派、委托调解案件不适用仲裁审查');
  }
  const window = f.context.effectiveOn === undefined ? undefined : f.calendar.addCalendarDays(f.context.effectiveOn, ARBITRATION_REVIEW_DAYS);
  if (f.state !== 'agreement.effective' || window === undefined) {
    return closed(withDue(route, window), confirmationStateReason(f, '仲裁审查'));
  }
  if (compare(f.asOf, window.dueOn) > 0) {
    return closed(withDue(route, window), `申请期限（协议生效之日起15日）已于 ${window.dueOn} 届满`);
  }
  return open(countdown(route, window, f.asOf), '调解协议已生效，双方可在生效之日起15日内共同申请仲裁审查（仅供参考）', [
    '双方共同向劳动人事争议仲裁委员会申请，审查通过的出具仲裁调解书',
    '仅供参考：仲裁审查所需时间尚未确认',
  ]);
}

function paymentOrder(f: Facts): RouteAdvice {
  const route = base('PAYMENT_ORDER', 'LDMAL Art.16; CPL Arts.225–228');
  const notes = [
    '无申请期限',
    '法院收到申请后5日内通知是否受理，受理后15日内发出支付令；债务人自收到之日起15日内清偿或提出书面异议（CPL Arts.225–228）',
    '债务人提出异议致支付令失效的，劳动者可持调解协议直接向人民法院起诉（Interp-I Art.13）',
    ...(f.riskFlags.includes('EMPLOYER_ABSCONDED')
      ? ['用人单位已逃匿（EMPLOYER_ABSCONDED）：支付令无法送达，不宜申请支付令，宜选择仲裁或诉讼并及时申请财产保全']
      : []),
  ];
  const blocked = paymentOrderBlocker(f);
  if (blocked !== undefined) return closed(route, blocked, notes);
  return open(route, '用人单位未按调解协议履行给付义务，劳动者可持协议向有管辖权的基层人民法院申请支付令', notes);
}

function paymentOrderBlocker(f: Facts): string | undefined {
  if (!f.agreementInForce) return agreementAbsentReason(f);
  if (f.confirmed) return '协议已经司法确认（或法院已出具调解书），可直接申请强制执行，无需支付令';
  if (!f.inDefault) return `尚无到期未付的分期款（截至 ${f.asOf}）`;
  if (!hasPaymentOrderItem(f.context.terms)) return '协议不含劳动报酬、工伤医疗费、经济补偿或赔偿金事项，不能申请支付令（LDMAL Art.16）';
  if (!f.somethingUnpaid) return '协议款项已全部付清';
  return undefined;
}

function arbitration(f: Facts): RouteAdvice {
  if (CLOSED_UNRESOLVED.includes(f.state)) return arbitrationAfterClosure(f);
  const route = base('ARBITRATION', 'LDMAL Arts.15, 27');
  if (!f.agreementInForce) return closed(route, agreementAbsentReason(f));
  if (f.confirmed) return closed(route, '协议已经司法确认（或法院已出具调解书），应申请强制执行');
  if (!f.inDefault) return closed(withLimitation(route, f), `协议正在履行，尚无到期未付的分期款（截至 ${f.asOf}）`);
  return limitationCountdown(route, f, '用人单位不履行调解协议，劳动者可依法申请劳动争议仲裁（LDMAL Art.15）', []);
}

function arbitrationAfterClosure(f: Facts): RouteAdvice {
  const route = base('ARBITRATION', 'LDMAL Arts.14, 27');
  if (f.context.source === 'COURT_ENTRUSTED') {
    return closed({ ...route, basis: 'Invited Art.21' }, '委托调解未成，案件由法院恢复审理，不另行申请仲裁');
  }
  const possibly = f.context.closedOn === undefined ? undefined : f.calendar.addYears(f.context.closedOn, LIMITATION_YEARS);
  const delegated = f.context.source === 'COURT_DELEGATED' ? ['委派调解未成的，委派法院依法立案（Invited Art.21）'] : [];
  return limitationCountdown(route, f, `${STATE_LABELS[f.state]}，劳动者可在仲裁时效内申请劳动争议仲裁`, delegated, possibly);
}

/** The limitation countdown of the ARBITRATION route; without a limitation row there is none (DOMAIN §6). */
function limitationCountdown(route: Draft, f: Facts, reason: string, notes: readonly string[], possibly?: CalendarDue): RouteAdvice {
  const limitation = limitationOf(f);
  if (limitation === undefined) {
    return open(route, reason, [...notes, '无仲裁时效记录（如工资类请求在劳动关系存续期间不受时效限制，LDMAL Art.27 ¶4），不作倒计时']);
  }
  const due: CalendarDue = { dueOn: limitation.dueOn, verified: limitation.calendarVerified };
  const shown = possibly === undefined ? withDue(route, due) : possiblyInterrupted(withDue(route, due), possibly);
  const possiblyNote =
    possibly === undefined ? [] : [`时效截止日按保守口径计算；如调解申请被认定中断时效（存在争议），时效可能延至 ${possibly.dueOn}`];
  if (compare(f.asOf, limitation.dueOn) > 0) {
    return closed(shown, `仲裁时效已于 ${limitation.dueOn} 届满（保守口径）`, [...notes, ...possiblyNote]);
  }
  return open(countdown(shown, due, f.asOf), reason, [...notes, ...possiblyNote]);
}

function possiblyInterrupted(route: Draft, possibly: CalendarDue): Draft {
  return { ...route, ifInterruptedDueOn: possibly.dueOn, calendarVerified: route.calendarVerified && possibly.verified };
}

function litigation(f: Facts): RouteAdvice {
  const wagesOnly = isWagesOnly(f.context.terms);
  const delegated = f.context.source === 'COURT_DELEGATED';
  const route = base('LITIGATION', litigationBasis(wagesOnly, delegated));
  if (!f.agreementInForce) return closed(route, agreementAbsentReason(f));
  if (f.confirmed) return closed(route, '协议已经司法确认（或法院已出具调解书），应申请强制执行');
  if (!f.inDefault) return closed(route, `协议正在履行，尚无到期未付的分期款（截至 ${f.asOf}）`);
  if (!wagesOnly && !delegated) {
    return closed(route, '协议含劳动报酬以外的事项，不能就协议直接起诉，应先申请劳动争议仲裁（Interp-I Art.51）');
  }
  const reason = wagesOnly
    ? '用人单位不履行仅涉劳动报酬的调解协议，劳动者可直接向人民法院起诉（Interp-I Art.51）'
    : '委派调解达成的协议未履行，当事人可向委派法院起诉（Invited Art.25）';
  return open(route, reason, litigationNotes(f));
}

function litigationBasis(wagesOnly: boolean, delegated: boolean): string {
  if (wagesOnly && delegated) return 'Interp-I Art.51; Invited Art.25';
  return delegated ? 'Invited Art.25' : 'Interp-I Art.51';
}

function litigationNotes(f: Facts): string[] {
  const limitation = limitationOf(f);
  return [
    '按普通民事纠纷受理，诉讼时效以法院认定为准',
    limitation === undefined
      ? '本案无劳动争议仲裁时效记录'
      : `如改为申请仲裁，仲裁时效截止 ${limitation.dueOn}（LDMAL Art.27）${limitation.calendarVerified ? '' : '，该日期所在年度节假日安排尚未公布'}`,
  ];
}

function enforcement(f: Facts): RouteAdvice {
  const route = base('ENFORCEMENT', 'CPL Art.250');
  if (!f.confirmed) return closed(route, '协议未经司法确认，也无法院调解书，不能直接申请强制执行');
  const last = lastInstalmentDueOn(f.context);
  const period = last === undefined ? undefined : f.calendar.addYears(last, ENFORCEMENT_YEARS);
  const shown = withDue(route, period);
  if (!f.agreementInForce) return closed(shown, agreementAbsentReason(f));
  if (!hasOverdueInstalment(f.context.instalments, f.asOf)) return closed(shown, `尚无逾期未付的分期款（截至 ${f.asOf}）`);
  if (period !== undefined && compare(f.asOf, period.dueOn) > 0) {
    return closed(shown, `申请执行期间已于 ${period.dueOn} 届满`);
  }
  return open(period === undefined ? shown : countdown(shown, period, f.asOf), '确认裁定（或调解书）已生效而用人单位逾期未履行，可向人民法院申请强制执行', [
    '向作出确认裁定或调解书的人民法院申请执行',
    '申请执行的期间为二年，分期履行的从最后一期履行期限届满之日起计算（CPL Art.250）',
  ]);
}

// --- shared pieces ---

type Draft = { -readonly [K in keyof RouteAdvice]: RouteAdvice[K] };

function base(route: EnforcementRoute, basis: string): Draft {
  return { route, open: false, reason: '', basis, calendarVerified: true, notes: [] };
}

function withDue(route: Draft, due: CalendarDue | undefined): Draft {
  if (due === undefined) return route;
  return { ...route, deadlineOn: due.dueOn, calendarVerified: route.calendarVerified && due.verified };
}

function countdown(route: Draft, due: CalendarDue, asOf: LegalDate): Draft {
  return { ...withDue(route, due), daysLeft: diffDays(asOf, due.dueOn) };
}

function open(route: Draft, reason: string, notes: readonly string[] = []): RouteAdvice {
  return { ...route, open: true, reason, notes: [...route.notes, ...notes] };
}

function closed(route: Draft, reason: string, notes: readonly string[] = []): RouteAdvice {
  const { daysLeft: _daysLeft, ...rest } = route;
  return { ...rest, open: false, reason, notes: [...route.notes, ...notes] };
}

function withLimitation(route: Draft, f: Facts): Draft {
  const limitation = limitationOf(f);
  return limitation === undefined ? route : withDue(route, { dueOn: limitation.dueOn, verified: limitation.calendarVerified });
}

/** The running limitation, or the last one that ran out; a cancelled or met one no longer counts. */
function limitationOf(f: Facts): DeadlineEntry | undefined {
  return f.context.deadlines
    .filter((entry) => entry.kind === 'ARBITRATION_LIMITATION')
    .filter((entry) => ['PENDING', 'MISSED'].includes(statusAsOf(entry, f.asOf)))
    .at(-1);
}

function lastInstalmentDueOn(context: CaseContext): LegalDate | undefined {
  return context.instalments.map((instalment) => instalment.dueOn).sort(compare).at(-1);
}

/** Why a route that needs an agreement in force is closed in this state. */
function agreementAbsentReason(f: Facts): string {
  switch (f.state) {
    case 'closed.resolved':
      return '调解协议已全部履行，案件已结';
    case 'closed.referred':
      return f.context.referral === undefined
        ? '案件已转出结案'
        : `案件已转${REFERRAL_LABELS[f.context.referral.route]}，本案已结`;
    case 'agreement.signing':
      return '调解协议尚未生效（签署中）';
    default:
      return CLOSED_UNRESOLVED.includes(f.state)
        ? `案件已结（${STATE_LABELS[f.state]}），没有生效的调解协议`
        : `尚未达成调解协议（当前：${STATE_LABELS[f.state]}）`;
  }
}

/** Why a route taken right after the agreement takes effect is closed in this state. */
function confirmationStateReason(f: Facts, what: string): string {
  const { status, appliedOn, rulingNumber } = f.context.judicialConfirmation;
  if (f.state === 'agreement.judicialReview') return `已于 ${appliedOn ?? '—'} 向法院申请${f.context.source === 'COURT_ENTRUSTED' ? '出具调解书' : '司法确认'}，法院审查中`;
  if (status === 'CONFIRMED') {
    return f.context.source === 'COURT_ENTRUSTED' ? `法院已出具调解书（${rulingNumber ?? '—'}）` : `协议已经司法确认（${rulingNumber ?? '—'}）`;
  }
  if (f.agreementInForce) return `协议已不在“已生效”状态（当前：${STATE_LABELS[f.state]}），不能再申请${what}`;
  return agreementAbsentReason(f);
}
