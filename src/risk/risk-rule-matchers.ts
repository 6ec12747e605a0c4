import { compareMoney, sumMoney, type Money } from '../cases/machine/money';
import type { RiskFacts } from './risk-facts';
import { CASE_STATE_LABELS, CLAIM_TYPE_LABELS, DEADLINE_KIND_LABELS, formatYuan, listOf, RISK_FLAG_LABELS, type ReasonValues } from './risk-reason-text';
import type {
  AmountParams,
  ArrearsParams,
  CaseStateParams,
  FlagParams,
  MigrantWageParams,
  MissedDeadlineParams,
  RiskRuleId,
  RiskRuleOf,
  RiskRuleParams,
  WinterArrearsParams,
  WorkerCountParams,
} from './risk-rules';
import type { SensitiveWindow } from './sensitive-periods';

// The condition behind each rule id (DOMAIN §5). A matcher answers the values its reason text needs when the rule
// matches and null when it does not; which level that gives and whether the rule runs at all is the rule set's business.

export interface MatchContext {
  readonly facts: RiskFacts;
  readonly totalClaimed: Money;
  /** The windows open at asOf for the case's organization. */
  readonly windows: readonly SensitiveWindow[];
}

type Matcher<P> = (params: P, context: MatchContext) => ReasonValues | null;

const workerCount: Matcher<WorkerCountParams> = ({ minWorkers }, { facts }) =>
  facts.workerCount >= minWorkers ? { workerCount: facts.workerCount, minWorkers } : null;

const migrantWage: Matcher<MigrantWageParams> = ({ minMigrantWorkers, claimTypes }, { facts }) => {
  const claimed = claimTypes.filter((type) => facts.claims.some((claim) => claim.type === type));
  if (facts.migrantWorkers < minMigrantWorkers || claimed.length === 0) return null;
  return { migrantWorkers: facts.migrantWorkers, claimTypes: listOf(claimed, CLAIM_TYPE_LABELS) };
};

const arrears: Matcher<ArrearsParams> = ({ minMonths }, { facts }) =>
  facts.arrearsMonths >= minMonths ? { arrearsMonths: facts.arrearsMonths, minMonths } : null;

// The campaign's lead days already raise the level through the window; the campaign's own dates are when unpaid
// wages must be cleared, so only those make long arrears RED.
const winterArrears: Matcher<WinterArrearsParams> = ({ minMonths, periodKinds }, { facts, windows }) => {
  const campaign = windows.find(({ period, phase }) => phase === 'inPeriod' && periodKinds.includes(period.kind));
  if (campaign === undefined || facts.arrearsMonths < minMonths) return null;
  return { arrearsMonths: facts.arrearsMonths, minMonths, periodName: campaign.period.name };
};

const amount: Matcher<AmountParams> = ({ above }, { totalClaimed }) =>
  compareMoney(totalClaimed, above) > 0 ? { totalClaimed: formatYuan(totalClaimed), above: formatYuan(above) } : null;

const flags: Matcher<FlagParams> = (params, { facts }) => {
  const raised = params.flags.filter((flag) => facts.riskFlags.includes(flag));
  return raised.length > 0 ? { flags: listOf(raised, RISK_FLAG_LABELS) } : null;
};

const missedDeadline: Matcher<MissedDeadlineParams> = ({ deadlineKinds }, { facts }) => {
  const missed = deadlineKinds.filter((kind) =>
    facts.deadlines.some((deadline) => deadline.kind === kind && deadline.status === 'MISSED'),
  );
  return missed.length > 0 ? { deadlines: listOf(missed, DEADLINE_KIND_LABELS) } : null;
};

const caseState: Matcher<CaseStateParams> = ({ states }, { facts }) =>
  states.includes(facts.state) ? { state: CASE_STATE_LABELS[facts.state] } : null;

const MATCHERS: { readonly [K in RiskRuleId]: Matcher<RiskRuleParams[K]> } = {
  COLLECTIVE_10: workerCount,
  COLLECTIVE_30: workerCount,
  MIGRANT_WAGE: migrantWage,
  ARREARS_1: arrears,
  ARREARS_2: arrears,
  ARREARS_WINTER: winterArrears,
  AMOUNT: amount,
  FLAG_RED: flags,
  FLAG_ORANGE: flags,
  HARDSHIP: flags,
  MISSED: missedDeadline,
  DEFAULT: caseState,
};

/** The reason values when `rule`'s condition holds, otherwise null; `enabled` is not looked at here. */
export function matchRule<K extends RiskRuleId>(rule: RiskRuleOf<K>, context: MatchContext): ReasonValues | null {
  const matcher: Matcher<RiskRuleParams[K]> = MATCHERS[rule.id];
  return matcher(rule.params, context);
}

/** The sum of every claim that names an amount. */
export function totalClaimedOf(facts: RiskFacts): Money {
  return sumMoney(facts.claims.flatMap((claim) => (claim.amount === undefined || claim.amount === null ? [] : [claim.amount])));
}
