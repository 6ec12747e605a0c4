import { isValidRiskRuleSet, riskRuleSetProblems } from './risk-rule-set-validation';
import { DEFAULT_RISK_RULES, RISK_RULE_IDS } from './risk-rules';

type Json = Record<string, unknown>;

/** A JSON copy of the default set, as an API body would carry it, with `edit` applied to it. */
function submitted(edit: (set: { version: unknown; rules: Json[] } & Json) => void = () => {}): unknown {
  const set = JSON.parse(JSON.stringify(DEFAULT_RISK_RULES)) as { version: unknown; rules: Json[] } & Json;
  edit(set);
  return set;
}

const at = (id: string) => RISK_RULE_IDS.indexOf(id as (typeof RISK_RULE_IDS)[number]);

function ruleOf(set: { rules: Json[] }, id: string): Json & { params: Json } {
  return set.rules[at(id)] as Json & { params: Json };
}

function codes(input: unknown) {
  return riskRuleSetProblems(input).map(({ field, code }) => ({ field, code }));
}

describe(riskRuleSetProblems.name, () => {
  it('accepts the default set, a tuned set and a set with disabled rules', () => {
    expect(codes(submitted())).toEqual([]);
    expect(
      codes(
        submitted((set) => {
          set.version = 2;
          ruleOf(set, 'AMOUNT').params.above = '50000';
          ruleOf(set, 'AMOUNT').level = 'ORANGE';
          ruleOf(set, 'COLLECTIVE_30').params.minWorkers = 50;
          ruleOf(set, 'HARDSHIP').enabled = false;
          ruleOf(set, 'FLAG_ORANGE').reasonTemplate = '需关注：{flags}';
        }),
      ),
    ).toEqual([]);
    expect(isValidRiskRuleSet(submitted())).toBe(true);
  });

  it('refuses something that is not a rule set at all', () => {
    expect(codes(null)).toEqual([{ field: 'ruleSet', code: 'INVALID_FORMAT' }]);
    expect(codes([])).toEqual([{ field: 'ruleSet', code: 'INVALID_FORMAT' }]);
    expect(isValidRiskRuleSet('rules')).toBe(false);
  });

  it.each([
    ['a missing version', (set: Json) => delete set.version, 'version', 'REQUIRED'],
    ['a version 0', (set: Json) => (set.version = 0), 'version', 'OUT_OF_RANGE'],
    ['a fractional version', (set: Json) => (set.version = 1.5), 'version', 'INVALID_FORMAT'],
    ['missing rules', (set: Json) => delete set.rules, 'rules', 'REQUIRED'],
    ['rules that are not a list', (set: Json) => (set.rules = {}), 'rules', 'INVALID_FORMAT'],
    ['an unknown field', (set: Json) => (set.owner = 'me'), 'owner', 'FORBIDDEN'],
  ])('reports %s', (_, edit, field, code) => {
    expect(codes(submitted(edit))).toEqual([{ field, code }]);
  });

  it.each([
    ['an unknown level', 'AMOUNT', (rule: Json) => (rule.level = 'PURPLE'), 'level', 'INVALID_FORMAT'],
    ['a missing level', 'AMOUNT', (rule: Json) => delete rule.level, 'level', 'REQUIRED'],
    ['enabled as a string', 'AMOUNT', (rule: Json) => (rule.enabled = 'yes'), 'enabled', 'INVALID_FORMAT'],
    ['an unknown rule field', 'AMOUNT', (rule: Json) => (rule.note = 'x'), 'note', 'FORBIDDEN'],
    ['missing params', 'AMOUNT', (rule: Json) => delete rule.params, 'params', 'REQUIRED'],
    ['a JSON number as the amount', 'AMOUNT', (rule: Json & { params: Json }) => (rule.params.above = 100000), 'params.above', 'INVALID_FORMAT'],
    ['an amount with three decimals', 'AMOUNT', (rule: Json & { params: Json }) => (rule.params.above = '100000.001'), 'params.above', 'INVALID_FORMAT'],
    ['a negative amount', 'AMOUNT', (rule: Json & { params: Json }) => (rule.params.above = '-1.00'), 'params.above', 'INVALID_FORMAT'],
    ['an unknown parameter', 'AMOUNT', (rule: Json & { params: Json }) => (rule.params.currency = 'CNY'), 'params.currency', 'FORBIDDEN'],
    ['a missing parameter', 'COLLECTIVE_10', (rule: Json & { params: Json }) => delete rule.params.minWorkers, 'params.minWorkers', 'REQUIRED'],
    ['a fractional worker count', 'COLLECTIVE_10', (rule: Json & { params: Json }) => (rule.params.minWorkers = 9.5), 'params.minWorkers', 'INVALID_FORMAT'],
    ['a worker count of 0', 'COLLECTIVE_10', (rule: Json & { params: Json }) => (rule.params.minWorkers = 0), 'params.minWorkers', 'OUT_OF_RANGE'],
    ['more months than intake accepts', 'ARREARS_WINTER', (rule: Json & { params: Json }) => (rule.params.minMonths = 121), 'params.minMonths', 'OUT_OF_RANGE'],
    ['an empty flag list', 'FLAG_RED', (rule: Json & { params: Json }) => (rule.params.flags = []), 'params.flags', 'TOO_FEW'],
    ['an unknown flag', 'FLAG_RED', (rule: Json & { params: Json }) => (rule.params.flags = ['EXTREME_ACT_THREAT', 'ANGRY']), 'params.flags[1]', 'INVALID_FORMAT'],
    ['a repeated flag', 'FLAG_RED', (rule: Json & { params: Json }) => (rule.params.flags = ['HARDSHIP', 'HARDSHIP']), 'params.flags', 'INCONSISTENT'],
    ['an unknown deadline kind', 'MISSED', (rule: Json & { params: Json }) => (rule.params.deadlineKinds = ['LATE']), 'params.deadlineKinds[0]', 'INVALID_FORMAT'],
    ['an unknown state', 'DEFAULT', (rule: Json & { params: Json }) => (rule.params.states = ['agreement']), 'params.states[0]', 'INVALID_FORMAT'],
    ['an unknown period kind', 'ARREARS_WINTER', (rule: Json & { params: Json }) => (rule.params.periodKinds = ['WINTER']), 'params.periodKinds[0]', 'INVALID_FORMAT'],
    ['an empty reason text', 'AMOUNT', (rule: Json) => (rule.reasonTemplate = '  '), 'reasonTemplate', 'OUT_OF_RANGE'],
    ['a reason text over 200 characters', 'AMOUNT', (rule: Json) => (rule.reasonTemplate = '长'.repeat(201)), 'reasonTemplate', 'OUT_OF_RANGE'],
    ['a placeholder the rule does not fill', 'AMOUNT', (rule: Json) => (rule.reasonTemplate = '涉及 {workerCount} 人'), 'reasonTemplate', 'INVALID_FORMAT'],
  ])('reports %s on %s', (_, id, edit, field, code) => {
    expect(codes(submitted((set) => edit(ruleOf(set, id))))).toEqual([{ field: `rules[${at(id)}].${field}`, code }]);
  });

  it('reports an unknown rule id without judging its parameters, and the rule it replaced as missing', () => {
    const problems = codes(submitted((set) => (ruleOf(set, 'HARDSHIP').id = 'POVERTY')));
    expect(problems).toEqual([
      { field: `rules[${at('HARDSHIP')}].id`, code: 'INVALID_FORMAT' },
      { field: 'rules', code: 'REQUIRED' },
    ]);
  });

  it('requires every rule, so that switching one off is explicit', () => {
    const [problem] = riskRuleSetProblems(submitted((set) => (set.rules = set.rules.filter(({ id }) => id !== 'MISSED'))));
    expect(problem).toEqual({ field: 'rules', code: 'REQUIRED', message: expect.stringContaining('MISSED') });
  });

  it('reports a rule named twice on the second occurrence', () => {
    expect(codes(submitted((set) => set.rules.push({ ...ruleOf(set, 'AMOUNT') })))).toEqual([
      { field: `rules[${RISK_RULE_IDS.length}].id`, code: 'INCONSISTENT' },
    ]);
  });

  it.each([
    ['COLLECTIVE_30', 'COLLECTIVE_10', 'minWorkers', 10],
    ['ARREARS_2', 'ARREARS_1', 'minMonths', 1],
  ])('refuses a %s threshold not above the %s one', (higher, _lower, param, lowerValue) => {
    expect(codes(submitted((set) => (ruleOf(set, higher).params[param] = lowerValue)))).toEqual([
      { field: `rules[${at(higher)}].params.${param}`, code: 'INCONSISTENT' },
    ]);
    expect(codes(submitted((set) => (ruleOf(set, higher).params[param] = lowerValue + 1)))).toEqual([]);
  });

  it('reports each bad field once and all bad fields together', () => {
    const problems = codes(
      submitted((set) => {
        set.version = -1;
        ruleOf(set, 'AMOUNT').level = 'PURPLE';
        ruleOf(set, 'AMOUNT').enabled = 1;
        ruleOf(set, 'FLAG_RED').params.flags = 'EXTREME_ACT_THREAT';
      }),
    );
    expect(problems).toEqual([
      { field: 'version', code: 'OUT_OF_RANGE' },
      { field: `rules[${at('AMOUNT')}].level`, code: 'INVALID_FORMAT' },
      { field: `rules[${at('AMOUNT')}].enabled`, code: 'INVALID_FORMAT' },
      { field: `rules[${at('FLAG_RED')}].params.flags`, code: 'INVALID_FORMAT' },
    ]);
  });
});
