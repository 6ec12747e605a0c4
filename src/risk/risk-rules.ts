import type { RiskLevel } from '../cases/case-vocabulary';
import type { CaseState, ClaimType, DeadlineKind, RiskFlag } from '../cases/machine/case.types';
import type { Money } from '../cases/machine/money';
import type { SensitivePeriodKind } from './sensitive-periods';

// The screening rules of DOMAIN §5 as data. Thresholds are local policy [U] that supervisors and admins tune through
// the API, and every screening records the rule-set version it ran with, so the rules cannot live in code.

/** One explanation on a case; stored in cases.risk_reasons (jsonb), so this shape must not change. */
export interface RiskReason {
  ruleId: string;
  text: string;
}

export interface WorkerCountParams {
  readonly minWorkers: number;
}

export interface MigrantWageParams {
  readonly minMigrantWorkers: number;
  readonly claimTypes: readonly ClaimType[];
}

export interface ArrearsParams {
  readonly minMonths: number;
}

export interface WinterArrearsParams {
  readonly minMonths: number;
  /** Matches only while asOf is inside such a period itself; its lead days do not count. */
  readonly periodKinds: readonly SensitivePeriodKind[];
}

export interface AmountParams {
  /** Matches when the total claimed is strictly greater than this. */
  readonly above: Money;
}

export interface FlagParams {
  readonly flags: readonly RiskFlag[];
}

export interface MissedDeadlineParams {
  readonly deadlineKinds: readonly DeadlineKind[];
}

export interface CaseStateParams {
  readonly states: readonly CaseState[];
}

/** The parameters each rule takes; the id decides what the rule looks at. */
export interface RiskRuleParams {
  COLLECTIVE_10: WorkerCountParams;
  COLLECTIVE_30: WorkerCountParams;
  MIGRANT_WAGE: MigrantWageParams;
  ARREARS_1: ArrearsParams;
  ARREARS_2: ArrearsParams;
  ARREARS_WINTER: WinterArrearsParams;
  AMOUNT: AmountParams;
  FLAG_RED: FlagParams;
  FLAG_ORANGE: FlagParams;
  HARDSHIP: FlagParams;
  MISSED: MissedDeadlineParams;
  DEFAULT: CaseStateParams;
}

export type RiskRuleId = keyof RiskRuleParams;

/** In DOMAIN §5's order, which is also the order reasons are listed in by the default rule set. */
export const RISK_RULE_IDS = [
  'COLLECTIVE_10',
  'COLLECTIVE_30',
  'MIGRANT_WAGE',
  'ARREARS_1',
  'ARREARS_2',
  'ARREARS_WINTER',
  'AMOUNT',
  'FLAG_RED',
  'FLAG_ORANGE',
  'HARDSHIP',
  'MISSED',
  'DEFAULT',
] as const satisfies readonly RiskRuleId[];

export interface RiskRuleOf<K extends RiskRuleId> {
  readonly id: K;
  /** The level a match gives at least (DOMAIN §5 "Minimum"). */
  readonly level: RiskLevel;
  /** A disabled rule stays in the set, so re-enabling it brings back its tuned parameters. */
  readonly enabled: boolean;
  readonly params: RiskRuleParams[K];
  /** Simplified Chinese reason with {placeholders}; RISK_RULE_PLACEHOLDERS lists the ones each rule fills. */
  readonly reasonTemplate: string;
}

export type RiskRule = { [K in RiskRuleId]: RiskRuleOf<K> }[RiskRuleId];

export interface RiskRuleSet {
  /** Recorded with each screening; a changed rule set gets a new version. */
  readonly version: number;
  readonly rules: readonly RiskRule[];
}

/** What each rule can put into its reason text. */
export const RISK_RULE_PLACEHOLDERS: { readonly [K in RiskRuleId]: readonly string[] } = {
  COLLECTIVE_10: ['workerCount', 'minWorkers'],
  COLLECTIVE_30: ['workerCount', 'minWorkers'],
  MIGRANT_WAGE: ['migrantWorkers', 'claimTypes'],
  ARREARS_1: ['arrearsMonths', 'minMonths'],
  ARREARS_2: ['arrearsMonths', 'minMonths'],
  ARREARS_WINTER: ['arrearsMonths', 'minMonths', 'periodName'],
  AMOUNT: ['totalClaimed', 'above'],
  FLAG_RED: ['flags'],
  FLAG_ORANGE: ['flags'],
  HARDSHIP: ['flags'],
  MISSED: ['deadlines'],
  DEFAULT: ['state'],
};

/** The thresholds of DOMAIN §5, version 1. */
export const DEFAULT_RISK_RULES: RiskRuleSet = {
  version: 1,
  rules: [
    // LDMAL Art.7: ten or more workers make a collective dispute.
    {
      id: 'COLLECTIVE_10',
      level: 'YELLOW',
      enabled: true,
      params: { minWorkers: 10 },
      reasonTemplate: '集体争议：涉及 {workerCount} 名劳动者（≥{minWorkers}）',
    },
    {
      id: 'COLLECTIVE_30',
      level: 'ORANGE',
      enabled: true,
      params: { minWorkers: 30 },
      reasonTemplate: '较大规模集体争议：涉及 {workerCount} 名劳动者（≥{minWorkers}）',
    },
    {
      id: 'MIGRANT_WAGE',
      level: 'YELLOW',
      enabled: true,
      params: { minMigrantWorkers: 1, claimTypes: ['WAGE_ARREARS'] },
      reasonTemplate: '农民工欠薪：涉及 {migrantWorkers} 名农民工，请求事项含{claimTypes}',
    },
    {
      id: 'ARREARS_1',
      level: 'YELLOW',
      enabled: true,
      params: { minMonths: 1 },
      reasonTemplate: '拖欠工资 {arrearsMonths} 个月（≥{minMonths}）',
    },
    {
      id: 'ARREARS_2',
      level: 'ORANGE',
      enabled: true,
      params: { minMonths: 2 },
      reasonTemplate: '连续欠薪：拖欠工资 {arrearsMonths} 个月（≥{minMonths}）',
    },
    {
      id: 'ARREARS_WINTER',
      level: 'RED',
      enabled: true,
      params: { minMonths: 2, periodKinds: ['WINTER_WAGE_CAMPAIGN'] },
      reasonTemplate: '{periodName}期间拖欠工资 {arrearsMonths} 个月（≥{minMonths}）',
    },
    {
      id: 'AMOUNT',
      level: 'YELLOW',
      enabled: true,
      params: { above: '100000.00' },
      reasonTemplate: '请求金额较大：合计 ¥{totalClaimed}（>¥{above}）',
    },
    {
      id: 'FLAG_RED',
      level: 'RED',
      enabled: true,
      params: { flags: ['EXTREME_ACT_THREAT', 'EMPLOYER_ABSCONDED'] },
      reasonTemplate: '高危情形：{flags}',
    },
    {
      id: 'FLAG_ORANGE',
      level: 'ORANGE',
      enabled: true,
      params: { flags: ['REPEAT_PETITIONER', 'EMPLOYER_CLOSING', 'MEDIA_ATTENTION'] },
      reasonTemplate: '风险情形：{flags}',
    },
    {
      id: 'HARDSHIP',
      level: 'YELLOW',
      enabled: true,
      params: { flags: ['HARDSHIP'] },
      reasonTemplate: '困难情形：{flags}',
    },
    {
      id: 'MISSED',
      level: 'ORANGE',
      enabled: true,
      params: { deadlineKinds: ['ACCEPTANCE_DECISION', 'PAYMENT_DUE', 'ARBITRATION_LIMITATION'] },
      reasonTemplate: '期限已逾期：{deadlines}',
    },
    {
      id: 'DEFAULT',
      level: 'ORANGE',
      enabled: true,
      params: { states: ['agreement.defaulted'] },
      reasonTemplate: '调解协议未按期履行（{state}）',
    },
  ],
};
