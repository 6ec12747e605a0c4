import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isValidLegalDate, legalDateOf } from '../../calendar/legal-date';
import { isOtherIdNumber, residentIdProblem } from '../../common/validation/china-ids';

// Field-level checks of DOMAIN §2 that the shared decorators do not cover. Each constraint carries the detail code the
// validation pipe reports; messages name the field and never repeat a value, which may be PII (DOMAIN §1).

/** An ISO 8601 instant with seconds optional and an explicit Z or ±HH:MM offset. */
export const INSTANT_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstantWithOffset(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT_WITH_OFFSET.exec(value);
  return match !== null && isValidLegalDate(match[1]) && !Number.isNaN(new Date(value).getTime());
}

interface CodedConstraint {
  readonly name: string;
  readonly code: string;
  validate(value: unknown, args: ValidationArguments): boolean;
  message(args: ValidationArguments): string;
}

function coded(constraints: readonly CodedConstraint[], options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) => {
    for (const constraint of constraints) {
      registerDecorator({
        name: constraint.name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: (args: ValidationArguments) => constraint.message(args), ...options, context: { code: constraint.code } },
        validator: { validate: (value: unknown, args?: ValidationArguments) => constraint.validate(value, args as ValidationArguments) },
      });
    }
  };
}

/** "2026-09-15T17:30:00Z" or "2026-09-16T01:30:00+08:00": without an offset the server's zone would be guessed. */
export function IsInstantWithOffset(options?: ValidationOptions): PropertyDecorator {
  return coded(
    [
      {
        name: 'isInstantWithOffset',
        code: 'INVALID_FORMAT',
        validate: isInstantWithOffset,
        message: ({ property }) => `${property} must be a timestamp with an offset, such as 2026-09-16T09:30:00+08:00`,
      },
    ],
    options,
  );
}

// class-validator runs outside dependency injection; a birth date is a plausibility check, not a legal period, so
// the wall clock is good enough for it (as in IsResidentId).
const wallClockToday = (): string => legalDateOf(new Date());

function idTypeOf(args: ValidationArguments): unknown {
  return (args.object as { idType?: unknown }).idType;
}

/**
 * The applicant's ID number as its sibling `idType` says: a resident ID (GB 11643, ISO 7064 MOD 11-2 check
 * character, real birth date) or another document number.
 */
export function IsApplicantIdNumber(options?: ValidationOptions): PropertyDecorator {
  return coded(
    [
      {
        name: 'isApplicantIdNumber',
        code: 'INVALID_FORMAT',
        validate: (value, args) => {
          if (idTypeOf(args) !== 'RESIDENT_ID') return isOtherIdNumber(value);
          const problem = residentIdProblem(value, wallClockToday());
          return problem === undefined || problem === 'CHECKSUM';
        },
        message: (args) => {
          if (idTypeOf(args) !== 'RESIDENT_ID') return `${args.property} must be 5–32 letters, digits or hyphens`;
          return residentIdProblem(args.value, wallClockToday()) === 'BIRTH_DATE'
            ? `${args.property} must contain a real birth date (YYYYMMDD in characters 7–14) from 1900 up to today`
            : `${args.property} must be a resident ID: 17 digits followed by a digit or X`;
        },
      },
      {
        name: 'applicantIdNumberChecksum',
        code: 'ID_CHECKSUM',
        validate: (value, args) => idTypeOf(args) !== 'RESIDENT_ID' || residentIdProblem(value, wallClockToday()) !== 'CHECKSUM',
        message: ({ property }) => `${property} has a wrong check character; a digit may be mistyped`,
      },
    ],
    options,
  );
}
