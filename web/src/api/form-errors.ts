import type { FormInstance } from 'antd';
import { hasCode } from './api-error';

/** One entry of VALIDATION_FAILED's details, as the service's validation pipe writes it. */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export type NamePath = (string | number)[];

export interface FormFieldError {
  readonly name: NamePath;
  readonly errors: string[];
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { field, code, message } = value as Record<string, unknown>;
  return typeof field === 'string' && field !== '' && typeof code === 'string' && typeof message === 'string';
}

/** The per-field problems of a VALIDATION_FAILED error; none for any other error. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!hasCode(error, 'VALIDATION_FAILED') || !Array.isArray(error.details)) return [];
  return error.details.filter(isFieldProblem);
}

/** The service names fields like `applicants[0].idNumber`; antd wants `['applicants', 0, 'idNumber']`. */
export function namePathOf(field: string): NamePath {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, name, index]) => (index === undefined ? name : Number(index)));
}

/** One antd field entry per field, in the order the service reported them, with every problem of that field. */
export function toFormFieldErrors(problems: readonly FieldProblem[], describe: (problem: FieldProblem) => string): FormFieldError[] {
  const byField = new Map<string, FormFieldError>();
  for (const problem of problems) {
    const entry = byField.get(problem.field) ?? { name: namePathOf(problem.field), errors: [] };
    entry.errors.push(describe(problem));
    byField.set(problem.field, entry);
  }
  return [...byField.values()];
}

export interface PlacedFieldErrors {
  /** How many problems now show under a field of the form. */
  readonly placed: number;
  /** Problems of fields the form does not have: the screen must show these itself, or they would be lost. */
  readonly unplaced: FieldProblem[];
}

/** Puts the service's field problems of `error` under the matching fields of `form`. */
export function showFieldErrors(form: FormInstance, error: unknown, describe: (problem: FieldProblem) => string): PlacedFieldErrors {
  const problems = fieldProblemsOf(error);
  if (problems.length === 0) return { placed: 0, unplaced: [] };
  form.setFields(toFormFieldErrors(problems, describe));
  // antd reports errors for the fields it has registered only, which is exactly "shown on the form".
  const registered = new Set(form.getFieldsError().map(({ name }) => JSON.stringify(name)));
  const unplaced = problems.filter((problem) => !registered.has(JSON.stringify(namePathOf(problem.field))));
  return { placed: problems.length - unplaced.length, unplaced };
}
