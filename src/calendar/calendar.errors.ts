// Plain Error subclasses: the calendar is a pure core, so the application layer decides which
// domain error code (usually VALIDATION_FAILED) each of these becomes.

export class InvalidLegalDateError extends Error {
  override readonly name = 'InvalidLegalDateError';

  constructor(readonly value: unknown, reason: string) {
    super(`Invalid legal date ${typeof value === 'string' ? `"${value}"` : String(value)}: ${reason}`);
  }
}

export class CalendarRangeError extends Error {
  override readonly name = 'CalendarRangeError';

  constructor(readonly argument: string, readonly value: unknown, readonly allowed: string) {
    super(`${argument} must be ${allowed}, got ${String(value)}`);
  }
}

export class InvalidCalendarDataError extends Error {
  override readonly name = 'InvalidCalendarDataError';

  constructor(readonly year: unknown, reason: string) {
    super(`Invalid holiday data for year ${String(year)}: ${reason}`);
  }
}
