import { DomainError } from '../common/errors/domain-error';
import type { RefusedDecision } from './machine/case-decision';

/** Refusals of a case event, in the order DOMAIN §3 Invariant 7 checks them. */
export class CaseEventError extends DomainError {
  static versionConflict(currentVersion: number): CaseEventError {
    return new CaseEventError('VERSION_CONFLICT', 'Someone else changed this case first; reload it and try again.', { currentVersion });
  }

  static badIfMatch(): DomainError {
    return new DomainError('VALIDATION_FAILED', 'If-Match must be a quoted case version such as "3".', [
      { field: 'If-Match', code: 'INVALID_FORMAT', message: 'If-Match must be a quoted case version such as "3"' },
    ]);
  }

  static refused(refusal: RefusedDecision): CaseEventError {
    switch (refusal.code) {
      case 'EVENT_NOT_ALLOWED_FOR_ROLE':
        return new CaseEventError(refusal.code, refusal.message, { reason: refusal.reason });
      case 'INVALID_TRANSITION':
        return new CaseEventError(refusal.code, refusal.message, { allowedEvents: refusal.allowedEvents });
      case 'GUARD_REJECTED':
        return new CaseEventError(refusal.code, refusal.message, { guard: refusal.guard, rule: refusal.rule });
    }
  }
}

/**
 * `"3"`, `W/"3"` or a bare `3` (lenient with hand-written clients); `*` only asks that the case exist (RFC 9110).
 * Anything else is a client error.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '' || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw CaseEventError.badIfMatch();
  return Number(match[1]);
}
