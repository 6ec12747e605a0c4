import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Strips surrounding whitespace from a string; anything else is left for the validators to refuse. */
export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const TrimLowerCase = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const TrimUpperCase = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));

/** Query strings carry text: `?active=true` becomes a boolean, any other text stays and fails @IsBoolean. */
export const BooleanFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * A field that may be left out but not sent as null. @IsOptional would let null through to a NOT NULL column, which
 * would surface as a 500 instead of a 400 naming the field.
 */
export const OmittableNotNull = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** `?page=2` arrives as text; digits become a number, anything else stays as given and fails @IsInt. */
export const IntFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value));
