import { ERROR_STATUS, ErrorCode } from './error-codes';

/** Root of every error the application raises on purpose; the global filter turns it into the response envelope. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class ValidationError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('VALIDATION_FAILED', `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}.`, problems);
  }

  static field(field: string, code: string, message: string): ValidationError {
    return new ValidationError([{ field, code, message }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id === undefined ? `${what} was not found.` : `${what} ${id} was not found.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your role may not do this.') {
    super('FORBIDDEN', message);
  }
}
