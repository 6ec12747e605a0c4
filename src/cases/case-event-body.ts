import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ValidationError } from '../common/errors/domain-error';
import { toFieldProblems } from '../common/errors/validation-pipe';
import { EVENT_PAYLOADS } from './dto/case-event-payloads';
import { CASE_EVENT_TYPES, CaseEventType } from './machine/case.types';

export interface ParsedEventBody {
  type: CaseEventType;
  payload: Record<string, unknown>;
}

function isEventType(value: unknown): value is CaseEventType {
  return typeof value === 'string' && (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * `{type, ...payload}` checked against the payload shape of that type. This runs in the service, after the case was
 * found, because DOMAIN §3 Invariant 7 answers 404 before 400 and the shape depends on the type.
 */
export function parseEventBody(body: unknown): ParsedEventBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw ValidationError.field('body', 'INVALID_FORMAT', 'The body must be a JSON object {type, ...payload}.');
  }
  const { type, ...rest } = body as Record<string, unknown>;
  if (type === undefined) throw ValidationError.field('type', 'REQUIRED', 'type is required');
  if (!isEventType(type)) {
    throw ValidationError.field('type', 'INVALID_FORMAT', `type must be one of ${CASE_EVENT_TYPES.join(', ')}`);
  }
  const instance = plainToInstance(EVENT_PAYLOADS[type], rest);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: true } });
  if (errors.length > 0) throw new ValidationError(toFieldProblems(errors));
  return { type, payload: JSON.parse(JSON.stringify(instance)) as Record<string, unknown> };
}
