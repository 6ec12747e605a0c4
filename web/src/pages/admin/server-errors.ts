import type { FormInstance } from 'antd';
import { ApiError, type ApiErrorCode } from '../../api/api-error';
import { showFieldErrors, type FieldProblem } from '../../api/form-errors';

/**
 * Puts a refused save where the user will look: VALIDATION_FAILED under each field, and the codes that are about one
 * field (a taken username, a weak password) under that field. Returns true when the whole error now shows on the form;
 * otherwise the screen shows it above the form.
 */
export function placeServerError(
  form: FormInstance,
  error: unknown,
  fieldOfCode: Partial<Record<ApiErrorCode, string>>,
  describeProblem: (problem: FieldProblem) => string,
  describeError: (error: unknown) => string,
): boolean {
  const field = error instanceof ApiError ? fieldOfCode[error.code] : undefined;
  if (field !== undefined) {
    form.setFields([{ name: field, errors: [describeError(error)] }]);
    return form.getFieldsError().some(({ name }) => name.join('.') === field);
  }
  const { placed, unplaced } = showFieldErrors(form, error, describeProblem);
  return placed > 0 && unplaced.length === 0;
}
