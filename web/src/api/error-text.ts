import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiErrorCode } from './api-error';
import type { FieldProblem } from './form-errors';

type TranslatedCode = Extract<ApiErrorCode, 'NETWORK_ERROR' | 'VERSION_CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND' | 'TOO_MANY_REQUESTS' | 'INTERNAL' | 'INVALID_CREDENTIALS' | 'UNAUTHENTICATED'>;

// The service words its messages for API clients, in English; these codes get the console's own words. Other codes
// carry specific messages (which transition, which guard) that a generic sentence would lose.
const CODE_TEXT = {
  NETWORK_ERROR: 'errors.network',
  VERSION_CONFLICT: 'errors.versionConflict',
  FORBIDDEN: 'errors.forbidden',
  NOT_FOUND: 'errors.notFound',
  TOO_MANY_REQUESTS: 'errors.tooManyRequests',
  INTERNAL: 'errors.internal',
  INVALID_CREDENTIALS: 'login.invalidCredentials',
  UNAUTHENTICATED: 'login.sessionExpired',
} as const satisfies Record<TranslatedCode, string>;

const PROBLEM_CODES = ['REQUIRED', 'FORBIDDEN', 'ID_CHECKSUM', 'USCC_CHECKSUM'] as const;
type TranslatedProblem = (typeof PROBLEM_CODES)[number];

function isTranslatedCode(code: ApiErrorCode): code is TranslatedCode {
  return Object.hasOwn(CODE_TEXT, code);
}

function isTranslatedProblem(code: string): code is TranslatedProblem {
  return (PROBLEM_CODES as readonly string[]).includes(code);
}

export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return isTranslatedCode(error.code) ? t(CODE_TEXT[error.code]) : error.message;
  return error instanceof Error && error.message ? error.message : t('errors.title');
}

export function describeProblem(problem: FieldProblem, t: TFunction): string {
  return isTranslatedProblem(problem.code) ? t(`validation.${problem.code}`) : problem.message;
}

/** Error and field-problem texts in the current language. */
export function useErrorText(): { describeError(error: unknown): string; describeProblem(problem: FieldProblem): string } {
  const { t } = useTranslation();
  return { describeError: (error) => describeError(error, t), describeProblem: (problem) => describeProblem(problem, t) };
}
