import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
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

/** Rejects unknown fields, converts declared types, and answers 400 VALIDATION_FAILED with per-field details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    stopAtFirstError: true,
    exceptionFactory: (errors) => new ValidationError(toFieldProblems(errors)),
  });
}
