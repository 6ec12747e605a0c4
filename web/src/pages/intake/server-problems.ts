import type { TFunction } from 'i18next';
import { describeProblem } from '../../api/error-text';
import type { FieldProblem } from '../../api/form-errors';
import type { intakeZhCN } from '../../i18n/areas/intake';

type Server = typeof intakeZhCN.server;
type FieldKey = Exclude<keyof Server, 'code'>;

const FIELD_KEYS = new Set<string>(['knewOrShouldHaveKnownAt', 'employmentEndedOn', 'receivedAt', 'idNumber', 'workerCount', 'migrantWorkers', 'arrearsMonths', 'courtOrgId', 'applicants', 'claims']);
const FOUNDATION_CODES = new Set(['REQUIRED', 'FORBIDDEN', 'ID_CHECKSUM', 'USCC_CHECKSUM']);

/** `applicants[3].employmentEndedOn` → `employmentEndedOn`: the rule is the same on every row. */
function lastNameOf(field: string): string {
  return field.replace(/\[\d+\]/g, '').split('.').at(-1) ?? field;
}

/**
 * The service's intake problems in the console's language. Its messages are English and name JSON paths; the intake
 * rules that compare fields (DOMAIN §2) get a sentence of their own, other codes a general word, unknown ones the
 * service's message.
 */
export function describeIntakeProblem(problem: FieldProblem, t: TFunction): string {
  if (FOUNDATION_CODES.has(problem.code)) return describeProblem(problem, t);
  const name = lastNameOf(problem.field);
  if (FIELD_KEYS.has(name)) {
    const specific = (t(`intake.server.${name as FieldKey}`, { returnObjects: true }) as Record<string, string>)[problem.code];
    if (specific) return specific;
  }
  const general = (t('intake.server.code', { returnObjects: true }) as Record<string, string>)[problem.code];
  return general ?? problem.message;
}
