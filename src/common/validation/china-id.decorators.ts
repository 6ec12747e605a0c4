import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { legalDateOf } from '../../calendar/legal-date';
import { isMoney, isMoneyFormat, isPhone, residentIdProblem, usccProblem } from './china-ids';

/**
 * class-validator decorators for DOMAIN §2's identifiers and amounts. Each sets the `code` that the validation pipe
 * puts into `details[]` through the constraint's context. Messages name the field but never repeat the value, because
 * error messages must not carry raw PII (DOMAIN §1).
 */

type DetailCode = 'INVALID_FORMAT' | 'OUT_OF_RANGE' | 'ID_CHECKSUM' | 'USCC_CHECKSUM';

interface Constraint {
  name: string;
  code: DetailCode;
  validate(value: unknown): boolean;
  message(field: string, value: unknown): string;
}

export interface ResidentIdValidationOptions extends ValidationOptions {
  /** Today's Asia/Shanghai date, YYYY-MM-DD, that a birth date may not pass. */
  today?: () => string;
}

// class-validator runs outside dependency injection, so the injected Clock cannot reach it. The birth date is a
// plausibility check, not a legal period; the wall clock is good enough for it.
const wallClockToday = (): string => legalDateOf(new Date());

/** 18 characters, a real birth date from 1900 up to today, and the GB 11643 check character (x or X). */
export function IsResidentId(options: ResidentIdValidationOptions = {}): PropertyDecorator {
  const { today = wallClockToday, ...validationOptions } = options;
  return constrain(validationOptions, [
    {
      name: 'isResidentId',
      code: 'INVALID_FORMAT',
      // Format problems only; a wrong check character is reported by the next constraint with its own code.
      validate: (value) => {
        const problem = residentIdProblem(value, today());
        return problem === undefined || problem === 'CHECKSUM';
      },
      message: (field, value) =>
        residentIdProblem(value, today()) === 'BIRTH_DATE'
          ? `${field} must contain a real birth date (YYYYMMDD in characters 7–14) from 1900 up to today`
          : `${field} must be a resident ID: 17 digits followed by a digit or X`,
    },
    {
      name: 'residentIdChecksum',
      code: 'ID_CHECKSUM',
      validate: (value) => residentIdProblem(value, today()) !== 'CHECKSUM',
      message: (field) => `${field} has a wrong check character; a digit may be mistyped`,
    },
  ]);
}

/** A GB 32100 unified social credit code: 18 upper-case characters with its MOD 31 check character. */
export function IsUscc(options: ValidationOptions = {}): PropertyDecorator {
  return constrain(options, [
    {
      name: 'isUscc',
      code: 'INVALID_FORMAT',
      validate: (value) => usccProblem(value) !== 'FORMAT',
      message: (field) =>
        `${field} must be a unified social credit code: 18 upper-case characters from 0-9 and A-Y without I, O, S, V, Z`,
    },
    {
      name: 'usccChecksum',
      code: 'USCC_CHECKSUM',
      validate: (value) => usccProblem(value) !== 'CHECKSUM',
      message: (field) => `${field} has a wrong check character; a character may be mistyped`,
    },
  ]);
}

/** A mobile number (13812345678) or a landline with its area code (0437-3221234). */
export function IsPhone(options: ValidationOptions = {}): PropertyDecorator {
  return constrain(options, [
    {
      name: 'isPhone',
      code: 'INVALID_FORMAT',
      validate: isPhone,
      message: (field) => `${field} must be an 11-digit mobile number starting with 1 (13x-19x) or a landline with its area code such as 0437-3221234`,
    },
  ]);
}

/** A string amount with up to 12 integer digits and 2 decimals, greater than 0; JSON numbers are refused. */
export function IsMoney(options: ValidationOptions = {}): PropertyDecorator {
  return constrain(options, [
    {
      name: 'isMoney',
      code: 'INVALID_FORMAT',
      validate: isMoneyFormat,
      message: (field, value) =>
        typeof value === 'number'
          ? `${field} must be sent as a string such as "12800.00"; JSON numbers are refused because they lose precision`
          : `${field} must be an amount such as "12800.00": up to 12 digits and 2 decimals`,
    },
    {
      name: 'isPositiveMoney',
      code: 'OUT_OF_RANGE',
      validate: (value) => !isMoneyFormat(value) || isMoney(value),
      message: (field) => `${field} must be greater than 0`,
    },
  ]);
}

function constrain(options: ValidationOptions, constraints: readonly Constraint[]): PropertyDecorator {
  return (target, propertyName) => {
    for (const constraint of constraints) {
      registerDecorator({
        name: constraint.name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: {
          message: (args: ValidationArguments) => constraint.message(args.property, args.value),
          ...options,
          context: { ...(options.context as object | undefined), code: constraint.code },
        },
        validator: { validate: (value: unknown) => constraint.validate(value) },
      });
    }
  };
}
