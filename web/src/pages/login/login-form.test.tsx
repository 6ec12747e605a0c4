import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import type { Credentials } from '../../auth/sign-in';
import { LoginForm } from './login-form';

// No pause between keystrokes: the form is what is tested, not the keyboard's speed.
const user = userEvent.setup({ delay: null });

function renderForm(onSignIn: (credentials: Credentials) => Promise<unknown> = () => Promise.resolve()) {
  const spy = vi.fn(onSignIn);
  render(<LoginForm onSignIn={spy} />);
  return { onSignIn: spy, username: screen.getByLabelText('用户名'), password: screen.getByLabelText('密码'), submit: screen.getByRole('button', { name: /登\s*录/ }) };
}

describe(LoginForm.name, () => {
  it('puts the cursor in the username field', () => {
    const { username } = renderForm();
    expect(document.activeElement).toBe(username);
  });

  it('asks for both fields and does not sign in while either is missing', async () => {
    const { onSignIn, submit } = renderForm();
    await user.click(submit);
    // antd settles each field's rules on its own promise: one message shown does not mean the others are.
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(onSignIn).not.toHaveBeenCalled();
  });

  it('refuses a username of blanks and one longer than 64 characters', async () => {
    const { onSignIn, username, password } = renderForm();
    await user.type(username, '   ');
    await user.type(password, 'secret-phrase{Enter}');
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    await user.clear(username);
    await user.click(username);
    await user.paste('a'.repeat(65));
    expect(await screen.findByText('用户名不超过 64 个字符')).toBeTruthy();
    expect(onSignIn).not.toHaveBeenCalled();
  });

  it('signs in on Enter with the username trimmed and the password as typed', async () => {
    const { onSignIn, username, password } = renderForm();
    await user.type(username, '  wangjh ');
    await user.type(password, ' pass phrase {Enter}');
    await waitFor(() => expect(onSignIn).toHaveBeenCalledWith({ username: 'wangjh', password: ' pass phrase ' }));
  });

  it('shows a refused sign-in above the form with its request id, and clears the password', async () => {
    const refusal = new ApiError(401, 'INVALID_CREDENTIALS', 'The username or password is incorrect.', 'req-123');
    const { username, password } = renderForm(() => Promise.reject(refusal));
    await user.type(username, 'wangjh');
    await user.type(password, 'wrong{Enter}');
    const alert = await screen.findByTestId('login-error');
    expect(alert.textContent).toContain('用户名或密码错误。');
    expect(alert.textContent).toContain('req-123');
    await waitFor(() => expect((password as HTMLInputElement).value).toBe(''));
  });

  it("puts the service's field problems under their fields instead of above the form", async () => {
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'The request has 1 invalid field.', 'req-9', [
      { field: 'username', code: 'OUT_OF_RANGE', message: 'username must be shorter than or equal to 64 characters' },
    ]);
    const { username, password } = renderForm(() => Promise.reject(invalid));
    await user.type(username, 'wangjh');
    await user.type(password, 'secret{Enter}');
    expect(await screen.findByText('username must be shorter than or equal to 64 characters')).toBeTruthy();
    expect(screen.queryByTestId('login-error')).toBeNull();
  });
});
