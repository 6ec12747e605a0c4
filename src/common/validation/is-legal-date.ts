import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidLegalDate } from '../../calendar/legal-date';

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export function IsLegalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLegalDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => isValidLegalDate(value) },
    });
}
