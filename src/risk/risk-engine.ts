import type { RiskLevel } from '../cases/case-vocabulary';
import type { LegalDate } from '../calendar/legal-date';
import type { RiskFacts } from './risk-facts';
import { maxLevel, raiseLevel } from './risk-level';
import { matchRule, totalClaimedOf, type MatchContext } from './risk-rule-matchers';
import { renderReason } from './risk-reason-text';
import type { RiskReason, RiskRule, RiskRuleSet } from './risk-rules';
import { appliesToOrg, windowsAt, type SensitivePeriod, type SensitiveWindow } from './sensitive-periods';

// DOMAIN §5: the level is the highest of the matching rules, then one step higher inside any sensitive window.
// Pure: the caller passes asOf (today for the stored level, any date for a screening) and the rule set it records.

/** The reason id of the window raise; not a rule, so no rule set can switch it off or reuse the id. */
export const SENSITIVE_PERIOD_REASON_ID = 'SENSITIVE_PERIOD';

export interface RiskAssessment {
  /** baseLevel raised one step inside a window (RED stays RED). */
  readonly level: RiskLevel;
  /** The highest level of the matching rules, BLUE if none: what SENSITIVE_PERIOD alerts are opened on. */
  readonly baseLevel: RiskLevel;
  /** One per matching rule in rule-set order, then the window raise if it changed the level. */
  readonly reasons: RiskReason[];
  /** Ids of the periods whose window contains asOf (they raise the level; for a RED case they would have). */
  readonly windows: string[];
}

interface Match {
  readonly rule: RiskRule;
  readonly reason: RiskReason;
}

export function assessRisk(
  facts: RiskFacts,
  asOf: LegalDate,
  periods: readonly SensitivePeriod[],
  ruleSet: RiskRuleSet,
): RiskAssessment {
  const windows = windowsAt(
    periods.filter((period) => appliesToOrg(period, facts.orgId)),
    asOf,
  );
  const matches = matchingRules(ruleSet, { facts, totalClaimed: totalClaimedOf(facts), windows });
  const baseLevel = maxLevel(matches.map(({ rule }) => rule.level));
  // Several windows at once (the winter campaign and Spring Festival) are one season of pressure, not two.
  const level = windows.length > 0 ? raiseLevel(baseLevel) : baseLevel;
  const reasons = matches.map(({ reason }) => reason);
  if (level !== baseLevel) reasons.push(windowRaiseReason(windows));
  return { level, baseLevel, reasons, windows: windows.map(({ period }) => period.id) };
}

function matchingRules(ruleSet: RiskRuleSet, context: MatchContext): Match[] {
  return ruleSet.rules.flatMap((rule) => {
    if (!rule.enabled) return [];
    const values = matchRule(rule, context);
    return values === null ? [] : [{ rule, reason: { ruleId: rule.id, text: renderReason(rule.reasonTemplate, values) } }];
  });
}

function windowRaiseReason(windows: readonly SensitiveWindow[]): RiskReason {
  const where = windows.map(({ period, phase }) =>
    phase === 'inLead'
      ? `临近${period.name}（${period.startsOn}开始）`
      : `${period.name}期间（${period.startsOn}至${period.endsOn}）`,
  );
  return { ruleId: SENSITIVE_PERIOD_REASON_ID, text: `敏感时期，风险等级上调一级：${where.join('；')}` };
}
