import { act, render, screen } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { fieldProblemsOf, namePathOf, showFieldErrors, toFormFieldErrors, type FieldProblem } from './form-errors';

const asIs = (problem: FieldProblem) => problem.message;

function validationFailed(details: unknown): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', 'The request has invalid fields.', 'req-1', details);
}

describe(namePathOf.name, () => {
  it.each([
    ['username', ['username']],
    ['respondent.name', ['respondent', 'name']],
    ['applicants[0].idNumber', ['applicants', 0, 'idNumber']],
    ['claims[12]', ['claims', 12]],
    ['workers[3].bank.account', ['workers', 3, 'bank', 'account']],
  ])('turns %s into %j', (field, path) => {
    expect(namePathOf(field)).toEqual(path);
  });
});

describe(fieldProblemsOf.name, () => {
  it('reads the problems of VALIDATION_FAILED and skips malformed entries', () => {
    const problem = { field: 'username', code: 'REQUIRED', message: 'username is required' };
    expect(fieldProblemsOf(validationFailed([problem, { field: '', code: 'X', message: 'no field' }, 'junk', null]))).toEqual([problem]);
  });

  it('finds none in other errors, even with details', () => {
    expect(fieldProblemsOf(new ApiError(409, 'INVALID_TRANSITION', 'No.', 'req-2', [{ field: 'x', code: 'Y', message: 'z' }]))).toEqual([]);
    expect(fieldProblemsOf(new Error('network'))).toEqual([]);
  });
});

describe(toFormFieldErrors.name, () => {
  it('gives one entry per field with all its messages, in the order reported', () => {
    const fields = toFormFieldErrors(
      [
        { field: 'applicants[1].phone', code: 'INVALID_FORMAT', message: 'phone is not a mainland mobile number' },
        { field: 'username', code: 'REQUIRED', message: 'username is required' },
        { field: 'applicants[1].phone', code: 'OTHER', message: 'second problem' },
      ],
      (problem) => `${problem.code}: ${problem.message}`,
    );
    expect(fields).toEqual([
      { name: ['applicants', 1, 'phone'], errors: ['INVALID_FORMAT: phone is not a mainland mobile number', 'OTHER: second problem'] },
      { name: ['username'], errors: ['REQUIRED: username is required'] },
    ]);
  });
});

describe(showFieldErrors.name, () => {
  function renderForm(): FormInstance {
    let captured: FormInstance | undefined;
    function Probe() {
      const [form] = Form.useForm();
      captured = form;
      return (
        <Form form={form}>
          <Form.Item name="username" label="username">
            <Input />
          </Form.Item>
          <Form.Item name={['applicants', 0, 'idNumber']} label="idNumber">
            <Input />
          </Form.Item>
        </Form>
      );
    }
    render(<Probe />);
    return captured!;
  }

  it('shows each problem under its field, nested ones included, and returns those the form has no field for', async () => {
    const form = renderForm();
    const unknown = { field: 'respondent.name', code: 'REQUIRED', message: 'respondent.name is required' };
    let result: ReturnType<typeof showFieldErrors> | undefined;
    act(() => {
      result = showFieldErrors(
        form,
        validationFailed([
          { field: 'username', code: 'REQUIRED', message: 'username is required' },
          { field: 'applicants[0].idNumber', code: 'ID_CHECKSUM', message: 'the check digit is wrong' },
          unknown,
        ]),
        asIs,
      );
    });
    expect(result).toEqual({ placed: 2, unplaced: [unknown] });
    expect(await screen.findByText('username is required')).toBeTruthy();
    expect(await screen.findByText('the check digit is wrong')).toBeTruthy();
    expect(form.getFieldError(['applicants', 0, 'idNumber'])).toEqual(['the check digit is wrong']);
  });

  it('leaves the form alone for an error that is not about fields', () => {
    const form = renderForm();
    expect(showFieldErrors(form, new ApiError(412, 'VERSION_CONFLICT', 'Changed.', 'req-3'), asIs)).toEqual({ placed: 0, unplaced: [] });
    expect(form.getFieldsError().flatMap((field) => field.errors)).toEqual([]);
  });
});
