import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { Organization } from './admin-queries';
import { UserForm } from './user-form';
import { confirmationProblem, displayNameProblem, organizationKindFor, passwordProblem, usernameProblem } from './user-form-rules';

describe('user form rules', () => {
  it('takes a username as the service stores it: trimmed, lower-case, a letter first, 3–32 of letters, digits, _ . -', () => {
    expect(usernameProblem(' WangJH ')).toBeUndefined();
    expect(usernameProblem('li.na-2')).toBeUndefined();
    expect(usernameProblem('')).toBe('usernameRequired');
    expect(usernameProblem('   ')).toBe('usernameRequired');
    expect(usernameProblem('ab')).toBe('usernameInvalid');
    expect(usernameProblem('2wang')).toBe('usernameInvalid');
    expect(usernameProblem('wang jh')).toBe('usernameInvalid');
    expect(usernameProblem('王建华')).toBe('usernameInvalid');
    expect(usernameProblem(`a${'b'.repeat(31)}`)).toBeUndefined();
    expect(usernameProblem(`a${'b'.repeat(32)}`)).toBe('usernameInvalid');
  });

  it('wants a display name of 1–50 characters', () => {
    expect(displayNameProblem('王建华')).toBeUndefined();
    expect(displayNameProblem(' ')).toBe('displayNameRequired');
    expect(displayNameProblem('张'.repeat(50))).toBeUndefined();
    expect(displayNameProblem('张'.repeat(51))).toBe('displayNameTooLong');
  });

  it('wants a password of 10–256 characters, counted as read, that is not the username', () => {
    expect(passwordProblem(undefined, 'wangjh')).toBe('passwordRequired');
    expect(passwordProblem('short-pw1', 'wangjh')).toBe('passwordTooShort');
    expect(passwordProblem('mediation-desk-2026', 'wangjh')).toBeUndefined();
    // Ten Chinese characters are ten characters, not thirty bytes.
    expect(passwordProblem('调解工作室的新同事来了', 'wangjh')).toBeUndefined();
    expect(passwordProblem('调解工作室的新同事', 'wangjh')).toBe('passwordTooShort');
    expect(passwordProblem('x'.repeat(257), 'wangjh')).toBe('passwordTooLong');
    expect(passwordProblem('Zhangsan-01', ' zhangsan-01 ')).toBe('passwordSameAsUsername');
  });

  it('wants the confirmation to repeat the password exactly', () => {
    expect(confirmationProblem('mediation-desk-2026', 'mediation-desk-2026')).toBeUndefined();
    expect(confirmationProblem('mediation-desk-2026', 'Mediation-desk-2026')).toBe('passwordMismatch');
  });

  it('puts court liaisons in courts and everyone else in the union', () => {
    expect(organizationKindFor('COURT_LIAISON')).toBe('COURT');
    expect(organizationKindFor('MEDIATOR')).toBe('UNION');
    expect(organizationKindFor('ADMIN')).toBe('UNION');
  });
});

const STUDIO: Organization = {
  id: '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11',
  name: '辽源市总工会职工服务中心劳动争议调解工作室',
  kind: 'UNION',
  region: '吉林省辽源市',
  caseNumberPrefix: 'LY',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const COURT: Organization = { ...STUDIO, id: '6b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a12', name: '辽源市龙山区人民法院', kind: 'COURT', caseNumberPrefix: 'LSF' };

type User = ReturnType<typeof userEvent.setup>;

/** Pasting is what a busy administrator does, and typing letter by letter makes the test slow on a shared machine. */
async function fill(user: User, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

function renderForm(onSubmit = vi.fn(async () => undefined)) {
  render(<UserForm organizations={[STUDIO, COURT]} onSubmit={onSubmit} onCancel={() => undefined} />);
  return onSubmit;
}

// Each test renders antd's whole form; on two shared cores that takes a few seconds.
describe(UserForm.name, { timeout: 20_000 }, () => {
  it('names every missing or malformed field and sends nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fill(user, '用户名', '9x');
    await fill(user, '初始密码', 'short');
    await fill(user, '确认密码', 'shorter');
    await user.click(screen.getByRole('button', { name: '保 存' }));
    // antd settles each field's rules on its own promise: one message shown does not mean the others are.
    expect(await screen.findByText('以字母开头，3–32 个字符，只能包含字母、数字、_ . -')).toBeTruthy();
    expect(await screen.findByText('请输入姓名')).toBeTruthy();
    expect(await screen.findByText('密码至少 10 个字符')).toBeTruthy();
    expect(await screen.findByText('两次输入的密码不一致')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses the username as the password', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fill(user, '用户名', 'Mediator-2026');
    await fill(user, '姓名', '李娜');
    await fill(user, '初始密码', 'mediator-2026');
    await fill(user, '确认密码', 'mediator-2026');
    await user.click(screen.getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('密码不能与用户名相同')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends a new mediator of the only studio with the username as the service stores it', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await fill(user, '用户名', ' LiNa ');
    await fill(user, '姓名', ' 李娜 ');
    await fill(user, '初始密码', 'mediation-desk-2026');
    await fill(user, '确认密码', 'mediation-desk-2026');
    await user.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ username: 'lina', displayName: '李娜', role: 'MEDIATOR', organizationId: STUDIO.id, password: 'mediation-desk-2026' });
  });

  it.each([
    ['USERNAME_TAKEN', 409, '用户名', 'The username lina is already taken (usernames ignore case).'],
    ['WEAK_PASSWORD', 422, '初始密码', 'This password is on a list of commonly used passwords that attackers try first; choose a less predictable one.'],
  ] as const)('shows the service’s %s under the field it is about', async (code, status, label, message) => {
    const user = userEvent.setup();
    renderForm(vi.fn(async () => Promise.reject(new ApiError(status, code, message, 'req-1'))));
    await fill(user, '用户名', 'lina');
    await fill(user, '姓名', '李娜');
    await fill(user, '初始密码', 'password-123');
    await fill(user, '确认密码', 'password-123');
    await user.click(screen.getByRole('button', { name: '保 存' }));
    const shown = await screen.findByText(message);
    const field = screen.getByLabelText(label).closest('.ant-form-item');
    expect(field?.contains(shown)).toBe(true);
    expect(screen.queryByRole('alert', { name: message })).toBeNull();
  });

  it('shows validation details from the service under their fields', async () => {
    const user = userEvent.setup();
    const details = [{ field: 'displayName', code: 'TOO_LONG', message: 'displayName must be shorter than or equal to 50 characters' }];
    renderForm(vi.fn(async () => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', 'req-2', details))));
    await fill(user, '用户名', 'lina');
    await fill(user, '姓名', '李娜');
    await fill(user, '初始密码', 'password-123');
    await fill(user, '确认密码', 'password-123');
    await user.click(screen.getByRole('button', { name: '保 存' }));
    expect(await screen.findByText('displayName must be shorter than or equal to 50 characters')).toBeTruthy();
  });
});
