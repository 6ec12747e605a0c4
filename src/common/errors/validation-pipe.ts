import { ArgumentMetadata, ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationError } from './domain-error';

const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'FORBIDDEN',
  isDefined: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  min: 'OUT_OF_RANGE',
  max: 'OUT_OF_RANGE',
  minLength: 'OUT_OF_RANGE',
  maxLength: 'OUT_OF_RANGE',
  arrayMinSize: 'TOO_FEW',
  arrayMaxSize: 'TOO_MANY',
  arrayNotEmpty: 'TOO_FEW',
  minDate: 'OUT_OF_RANGE',
  maxDate: 'OUT_OF_RANGE',
};

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

function problemOf(error: ClassValidatorError, field: string): FieldProblem {
  const constraints = error.constraints ?? {};
  const names = Object.keys(constraints);
  if (names.includes('whitelistValidation')) {
    return { field, code: 'FORBIDDEN', message: `${field} is not a known field` };
  }
  if (error.value === undefined || error.value === null) {
    return { field, code: 'REQUIRED', message: `${field} is required` };
  }
  const name = names[0] ?? 'invalid';
  const custom = (error.contexts?.[name] as { code?: string } | undefined)?.code;
  return { field, code: custom ?? CONSTRAINT_CODES[name] ?? 'INVALID_FORMAT', message: constraints[name] ?? `${field} is invalid` };
}

/** Flattens class-validator's tree into one problem per bad field, with paths like `applicants[0].idNumber`. */
export function toFieldProblems(errors: ClassValidatorError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = error.constraints && Object.keys(error.constraints).length > 0 ? [problemOf(error, field)] : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** Deeper than any body the API takes (a case body nests 3 levels); class-transformer recurses once per level. */
export const MAX_BODY_DEPTH = 32;

/** Measured without recursion, so that the check cannot overflow the stack itself. */
export function deeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * A few thousand nested arrays or objects are a valid JSON body of a few kilobytes, and class-transformer overflows
 * the stack on them (500): they are refused before it runs.
 */
class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom' && deeperThan(value, MAX_BODY_DEPTH)) {
      throw ValidationError.field(metadata.data ?? metadata.type, 'TOO_DEEP', `${metadata.data ?? metadata.type} nests deeper than ${MAX_BODY_DEPTH} levels`);
    }
    return super.transform(value, metadata);
  }
}

/** Rejects unknown fields, converts declared types, and answers 400 VALIDATION_FAILED with per-field details. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationError(toFieldProblems(errors)),
  });
}
