import { placeholdersOf } from './risk-reason-text';
import { riskRuleSetProblems } from './risk-rule-set-validation';
import { DEFAULT_RISK_RULES, RISK_RULE_IDS, RISK_RULE_PLACEHOLDERS } from './risk-rules';

describe('DEFAULT_RISK_RULES', () => {
  it('is a valid version-1 rule set naming every rule once, in DOMAIN order', () => {
    expect(riskRuleSetProblems(DEFAULT_RISK_RULES)).toEqual([]);
    expect(DEFAULT_RISK_RULES.version).toBe(1);
    expect(DEFAULT_RISK_RULES.rules.map(({ id }) => id)).toEqual([...RISK_RULE_IDS]);
  });

  // DOMAIN §5, the rules table: minimum level and thresholds.
  it.each([
    ['COLLECTIVE_10', 'YELLOW', { minWorkers: 10 }],
    ['COLLECTIVE_30', 'ORANGE', { minWorkers: 30 }],
    ['MIGRANT_WAGE', 'YELLOW', { minMigrantWorkers: 1, claimTypes: ['WAGE_ARREARS'] }],
    ['ARREARS_1', 'YELLOW', { minMonths: 1 }],
    ['ARREARS_2', 'ORANGE', { minMonths: 2 }],
    ['ARREARS_WINTER', 'RED', { minMonths: 2, periodKinds: ['WINTER_WAGE_CAMPAIGN'] }],
    ['AMOUNT', 'YELLOW', { above: '100000.00' }],
    ['FLAG_RED', 'RED', { flags: ['EXTREME_ACT_THREAT', 'EMPLOYER_ABSCONDED'] }],
    ['FLAG_ORANGE', 'ORANGE', { flags: ['REPEAT_PETITIONER', 'EMPLOYER_CLOSING', 'MEDIA_ATTENTION'] }],
    ['HARDSHIP', 'YELLOW', { flags: ['HARDSHIP'] }],
    ['MISSED', 'ORANGE', { deadlineKinds: ['ACCEPTANCE_DECISION', 'PAYMENT_DUE', 'ARBITRATION_LIMITATION'] }],
    ['DEFAULT', 'ORANGE', { states: ['agreement.defaulted'] }],
  ])('%s gives %s with %j', (id, level, params) => {
    expect(DEFAULT_RISK_RULES.rules.find((rule) => rule.id === id)).toMatchObject({ level, params, enabled: true });
  });

  it('uses in each reason text every value its rule fills', () => {
    for (const rule of DEFAULT_RISK_RULES.rules) {
      expect(placeholdersOf(rule.reasonTemplate).sort()).toEqual([...RISK_RULE_PLACEHOLDERS[rule.id]].sort());
    }
  });
});
