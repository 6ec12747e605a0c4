import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-rules';

describe(passwordProblem.name, () => {
  it('accepts a long uncommon password', () => {
    expect(passwordProblem('correct horse battery staple', 'wangjh')).toBeUndefined();
  });

  it('refuses fewer than 10 characters and says how long it must be', () => {
    expect(passwordProblem('Tr0ub4dor', 'wangjh')).toMatchObject({ reason: 'TOO_SHORT', message: expect.stringContaining('at least 10') });
    expect(passwordProblem('Tr0ub4dor&', 'wangjh')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(passwordProblem('调解员每天都要认真工作', 'wangjh')).toBeUndefined();
    expect(passwordProblem('😀😀😀😀😀😀😀😀😀', 'wangjh')?.reason).toBe('TOO_SHORT');
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('x'.repeat(PASSWORD_MAX_LENGTH) + 'y', 'wangjh')?.reason).toBe('TOO_LONG');
    expect(passwordProblem('xy'.repeat(PASSWORD_MAX_LENGTH / 2), 'wangjh')).toBeUndefined();
  });

  it('refuses a password from the common-password list, whatever its case', () => {
    expect(passwordProblem('password123', 'wangjh')).toMatchObject({ reason: 'COMMON', message: expect.stringContaining('commonly used') });
    expect(passwordProblem('PassWord123', 'wangjh')?.reason).toBe('COMMON');
    expect(passwordProblem('QWERTYUIOP', 'wangjh')?.reason).toBe('COMMON');
  });

  it('refuses the username as the password, whatever its case', () => {
    expect(passwordProblem('zhouqiang1', 'zhouqiang1')?.reason).toBe('SAME_AS_USERNAME');
    expect(passwordProblem('ZhouQiang01', 'zhouqiang01')?.reason).toBe('SAME_AS_USERNAME');
  });
});
