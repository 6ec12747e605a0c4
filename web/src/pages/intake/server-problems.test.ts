import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { describeIntakeProblem } from './server-problems';

const t = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe(describeIntakeProblem.name, () => {
  it('words the cross-field intake rules by field, on any row', () => {
    const problem = { field: 'applicants[2].employmentEndedOn', code: 'FUTURE_DATE', message: 'applicants[2].employmentEndedOn must be no later than the legal receipt date 2026-11-30' };
    expect(describeIntakeProblem(problem, t)).toBe('离职日期不能晚于受理日期');
    expect(describeIntakeProblem(problem, en)).toBe('The last day of employment must be no later than the date of receipt');
    expect(describeIntakeProblem({ field: 'knewOrShouldHaveKnownAt', code: 'FUTURE_DATE', message: 'x' }, t)).toBe('不能晚于受理日期');
  });

  it('leaves the foundation’s codes to the foundation, and falls back to a word per code, then to the service’s message', () => {
    expect(describeIntakeProblem({ field: 'applicants[0].idNumber', code: 'ID_CHECKSUM', message: 'x' }, t)).toBe('身份证号码校验位不正确');
    expect(describeIntakeProblem({ field: 'respondent.address', code: 'INVALID_FORMAT', message: 'x' }, t)).toBe('格式不正确');
    expect(describeIntakeProblem({ field: 'respondent.address', code: 'SOMETHING_NEW', message: 'as the service says' }, t)).toBe('as the service says');
  });
});
