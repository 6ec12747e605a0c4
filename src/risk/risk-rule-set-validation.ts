import { RISK_LEVELS } from '../cases/case-vocabulary';
import { CASE_STATES, CLAIM_TYPES, DEADLINE_KINDS, RISK_FLAGS } from '../cases/machine/case.types';
import { MONEY_INPUT_PATTERN } from '../cases/machine/money';
import type { FieldProblem } from '../common/errors/domain-error';
import { placeholdersOf } from './risk-reason-text';
import { RISK_RULE_IDS, RISK_RULE_PLACEHOLDERS, type RiskRuleId, type RiskRuleParams, type RiskRuleSet } from './risk-rules';
import { SENSITIVE_PERIOD_KINDS } from './sensitive-periods';

// Rule sets arrive as JSON from supervisors and admins, so every field is checked here before a set is stored, and all
// problems are answered at once, at most one per field, with the codes of DOMAIN §2. The set must name every rule
// exactly once: a rule is switched off with `enabled: false`, never by leaving it out by mistake.

type ParamSpec =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'money' }
  | { readonly kind: 'codes'; readonly allowed: readonly string[] };

type ParamSpecs<P> = { readonly [N in keyof P]-?: ParamSpec };

const WORKERS: ParamSpec = { kind: 'integer', min: 1, max: 100_000 };
// Intake accepts 0–120 months of arrears (DOMAIN §2); a higher threshold could never match.
const MONTHS: ParamSpec = { kind: 'integer', min: 1, max: 120 };
const FLAGS: ParamSpec = { kind: 'codes', allowed: RISK_FLAGS };

const PARAM_SPECS: { readonly [K in RiskRuleId]: ParamSpecs<RiskRuleParams[K]> } = {
  COLLECTIVE_10: { minWorkers: WORKERS },
  COLLECTIVE_30: { minWorkers: WORKERS },
  MIGRANT_WAGE: { minMigrantWorkers: WORKERS, claimTypes: { kind: 'codes', allowed: CLAIM_TYPES } },
  ARREARS_1: { minMonths: MONTHS },
  ARREARS_2: { minMonths: MONTHS },
  ARREARS_WINTER: { minMonths: MONTHS, periodKinds: { kind: 'codes', allowed: SENSITIVE_PERIOD_KINDS } },
  AMOUNT: { above: { kind: 'money' } },
  FLAG_RED: { flags: FLAGS },
  FLAG_ORANGE: { flags: FLAGS },
  HARDSHIP: { flags: FLAGS },
  MISSED: { deadlineKinds: { kind: 'codes', allowed: DEADLINE_KINDS } },
  DEFAULT: { states: { kind: 'codes', allowed: CASE_STATES } },
};

/** A lower tier must have the lower threshold, or the higher tier's level would be reached first. */
const TIERS: readonly { lower: RiskRuleId; higher: RiskRuleId; param: string }[] = [
  { lower: 'COLLECTIVE_10', higher: 'COLLECTIVE_30', param: 'minWorkers' },
  { lower: 'ARREARS_1', higher: 'ARREARS_2', param: 'minMonths' },
];

const RULE_SET_FIELDS = ['version', 'rules'];
const RULE_FIELDS = ['id', 'level', 'enabled', 'params', 'reasonTemplate'];
const TEMPLATE_MAX_LENGTH = 200;

type Json = Record<string, unknown>;

const problem = (field: string, code: string, message: string): FieldProblem => ({ field, code, message });

export function isValidRiskRuleSet(input: unknown): input is RiskRuleSet {
  return riskRuleSetProblems(input).length === 0;
}

/** Every problem of a submitted rule set, at most one per field; empty when the set may be stored. */
export function riskRuleSetProblems(input: unknown): FieldProblem[] {
  if (!isObject(input)) return [problem('ruleSet', 'INVALID_FORMAT', 'a rule set must be an object')];
  return firstPerField([
    ...unknownFields(input, RULE_SET_FIELDS, ''),
    ...integerProblems(input.version, 'version', 1, Number.MAX_SAFE_INTEGER),
    ...rulesProblems(input.rules),
  ]);
}

function rulesProblems(rules: unknown): FieldProblem[] {
  if (rules === undefined) return [problem('rules', 'REQUIRED', 'rules is required')];
  if (!Array.isArray(rules)) return [problem('rules', 'INVALID_FORMAT', 'rules must be an array')];
  return [...rules.flatMap((rule, index) => ruleProblems(rule, `rules[${index}]`)), ...setProblems(rules)];
}

function ruleProblems(rule: unknown, path: string): FieldProblem[] {
  if (!isObject(rule)) return [problem(path, 'INVALID_FORMAT', `${path} must be an object`)];
  const problems = [
    ...unknownFields(rule, RULE_FIELDS, path),
    ...codeProblems(rule.level, `${path}.level`, RISK_LEVELS),
    ...booleanProblems(rule.enabled, `${path}.enabled`),
  ];
  if (rule.id === undefined) return [problem(`${path}.id`, 'REQUIRED', `${path}.id is required`), ...problems];
  if (!isRuleId(rule.id)) {
    return [problem(`${path}.id`, 'INVALID_FORMAT', `${path}.id must be one of ${RISK_RULE_IDS.join(', ')}`), ...problems];
  }
  return [
    ...problems,
    ...paramsProblems(rule.params, `${path}.params`, PARAM_SPECS[rule.id]),
    ...templateProblems(rule.reasonTemplate, `${path}.reasonTemplate`, RISK_RULE_PLACEHOLDERS[rule.id]),
  ];
}

function paramsProblems(params: unknown, path: string, specs: Readonly<Record<string, ParamSpec>>): FieldProblem[] {
  if (params === undefined) return [problem(path, 'REQUIRED', `${path} is required`)];
  if (!isObject(params)) return [problem(path, 'INVALID_FORMAT', `${path} must be an object`)];
  return [
    ...unknownFields(params, Object.keys(specs), path),
    ...Object.entries(specs).flatMap(([name, spec]) => paramProblems(params[name], `${path}.${name}`, spec)),
  ];
}

function paramProblems(value: unknown, field: string, spec: ParamSpec): FieldProblem[] {
  switch (spec.kind) {
    case 'integer':
      return integerProblems(value, field, spec.min, spec.max);
    case 'money':
      return moneyProblems(value, field);
    case 'codes':
      return codeListProblems(value, field, spec.allowed);
  }
}

function templateProblems(template: unknown, field: string, allowed: readonly string[]): FieldProblem[] {
  if (template === undefined) return [problem(field, 'REQUIRED', `${field} is required`)];
  if (typeof template !== 'string') return [problem(field, 'INVALID_FORMAT', `${field} must be a string`)];
  if (template.trim().length === 0 || template.length > TEMPLATE_MAX_LENGTH) {
    return [problem(field, 'OUT_OF_RANGE', `${field} must be 1–${TEMPLATE_MAX_LENGTH} characters`)];
  }
  const unknown = placeholdersOf(template).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return [];
  return [problem(field, 'INVALID_FORMAT', `${field} uses {${unknown.join('}, {')}}; this rule fills only {${allowed.join('}, {')}}`)];
}

function setProblems(rules: readonly unknown[]): FieldProblem[] {
  const ids = rules.map((rule) => (isObject(rule) && isRuleId(rule.id) ? rule.id : undefined));
  const repeated = ids.flatMap((id, index) =>
    id !== undefined && ids.indexOf(id) < index ? [problem(`rules[${index}].id`, 'INCONSISTENT', `${id} appears more than once`)] : [],
  );
  const missing = RISK_RULE_IDS.filter((id) => !ids.includes(id));
  const absent = missing.length === 0 ? [] : [problem('rules', 'REQUIRED', `rules must include ${missing.join(', ')}; disable a rule instead of leaving it out`)];
  return [...repeated, ...absent, ...tierProblems(rules, ids)];
}

function tierProblems(rules: readonly unknown[], ids: readonly (RiskRuleId | undefined)[]): FieldProblem[] {
  return TIERS.flatMap(({ lower, higher, param }) => {
    const lowerValue = paramOf(rules[ids.indexOf(lower)], param);
    const higherIndex = ids.indexOf(higher);
    const higherValue = paramOf(rules[higherIndex], param);
    if (!Number.isSafeInteger(lowerValue) || !Number.isSafeInteger(higherValue)) return [];
    if ((higherValue as number) > (lowerValue as number)) return [];
    const field = `rules[${higherIndex}].params.${param}`;
    return [problem(field, 'INCONSISTENT', `${higher}.${param} must be greater than ${lower}.${param} (${String(lowerValue)})`)];
  });
}

function paramOf(rule: unknown, name: string): unknown {
  return isObject(rule) && isObject(rule.params) ? rule.params[name] : undefined;
}

function integerProblems(value: unknown, field: string, min: number, max: number): FieldProblem[] {
  if (value === undefined) return [problem(field, 'REQUIRED', `${field} is required`)];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return [problem(field, 'INVALID_FORMAT', `${field} must be an integer`)];
  if (value < min || value > max) return [problem(field, 'OUT_OF_RANGE', `${field} must be ${min}–${max}`)];
  return [];
}

// JSON numbers are refused for money, as at intake (DOMAIN §2): 100000.10 would arrive as 100000.1 at best.
function moneyProblems(value: unknown, field: string): FieldProblem[] {
  if (value === undefined) return [problem(field, 'REQUIRED', `${field} is required`)];
  if (typeof value !== 'string' || !MONEY_INPUT_PATTERN.test(value)) {
    return [problem(field, 'INVALID_FORMAT', `${field} must be a decimal string such as "100000.00"`)];
  }
  return [];
}

function booleanProblems(value: unknown, field: string): FieldProblem[] {
  if (value === undefined) return [problem(field, 'REQUIRED', `${field} is required`)];
  return typeof value === 'boolean' ? [] : [problem(field, 'INVALID_FORMAT', `${field} must be true or false`)];
}

function codeProblems(value: unknown, field: string, allowed: readonly string[]): FieldProblem[] {
  if (value === undefined) return [problem(field, 'REQUIRED', `${field} is required`)];
  if (typeof value === 'string' && allowed.includes(value)) return [];
  return [problem(field, 'INVALID_FORMAT', `${field} must be one of ${allowed.join(', ')}`)];
}

function codeListProblems(value: unknown, field: string, allowed: readonly string[]): FieldProblem[] {
  if (value === undefined) return [problem(field, 'REQUIRED', `${field} is required`)];
  if (!Array.isArray(value)) return [problem(field, 'INVALID_FORMAT', `${field} must be an array`)];
  if (value.length === 0) return [problem(field, 'TOO_FEW', `${field} must name at least one code`)];
  const invalid = value.flatMap((code, index) => codeProblems(code, `${field}[${index}]`, allowed));
  if (invalid.length > 0) return invalid;
  if (new Set(value).size !== value.length) return [problem(field, 'INCONSISTENT', `${field} must not repeat a code`)];
  return [];
}

function unknownFields(value: Json, known: readonly string[], path: string): FieldProblem[] {
  return Object.keys(value)
    .filter((name) => !known.includes(name))
    .map((name) => {
      const field = path === '' ? name : `${path}.${name}`;
      return problem(field, 'FORBIDDEN', `${field} is not a known field`);
    });
}

function firstPerField(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter(({ field }) => {
    if (seen.has(field)) return false;
    seen.add(field);
    return true;
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRuleId(value: unknown): value is RiskRuleId {
  return typeof value === 'string' && (RISK_RULE_IDS as readonly string[]).includes(value);
}
