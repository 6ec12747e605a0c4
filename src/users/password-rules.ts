import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// Attackers try these first (zxcvbn's list of leaked passwords); the list is lower-case, so we compare lower-case.
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export type PasswordProblemReason = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'SAME_AS_USERNAME';

export interface PasswordProblem {
  reason: PasswordProblemReason;
  message: string;
}

/**
 * The password policy (OWASP ASVS 2.1): length rather than character classes, and no password that is on a list of
 * common ones or merely repeats the username. Length counts characters, so a Chinese phrase counts as it reads.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      reason: 'TOO_SHORT',
      message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long; a phrase of several words is long and easy to remember.`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { reason: 'TOO_LONG', message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.` };
  }
  if (password.toLowerCase() === username.toLowerCase()) {
    return { reason: 'SAME_AS_USERNAME', message: 'The password must not be the username.' };
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    return {
      reason: 'COMMON',
      message: 'This password is on a list of commonly used passwords that attackers try first; choose a less predictable one.',
    };
  }
  return undefined;
}
