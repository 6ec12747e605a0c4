import type { components } from '../../api/schema';

export type Role = components['schemas']['UserResponseDto']['role'];
export type OrganizationKind = components['schemas']['OrganizationResponseDto']['kind'];

// The service's rules (src/users/dto/create-user.dto.ts, password-rules.ts), checked before sending so that the
// common mistakes are named at once; the service stays the judge (a common password is only known there).
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
export const DISPLAY_NAME_MAX_LENGTH = 50;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const ROLE_LIST: Record<Role, true> = { MEDIATOR: true, SUPERVISOR: true, COURT_LIAISON: true, ADMIN: true };
export const ROLES = Object.keys(ROLE_LIST) as Role[];

/** The message key under admin.users.form of what is wrong, or undefined. */
export type UserFormProblem =
  | 'usernameRequired'
  | 'usernameInvalid'
  | 'displayNameRequired'
  | 'displayNameTooLong'
  | 'passwordRequired'
  | 'passwordTooShort'
  | 'passwordTooLong'
  | 'passwordSameAsUsername'
  | 'passwordMismatch';

/** The service trims the username and stores it lower-case, so `WangJH ` is the same account as `wangjh`. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function usernameProblem(username: string | undefined): UserFormProblem | undefined {
  const normalized = normalizeUsername(username ?? '');
  if (normalized === '') return 'usernameRequired';
  return USERNAME_PATTERN.test(normalized) ? undefined : 'usernameInvalid';
}

export function displayNameProblem(displayName: string | undefined): UserFormProblem | undefined {
  const trimmed = (displayName ?? '').trim();
  if (trimmed === '') return 'displayNameRequired';
  return [...trimmed].length > DISPLAY_NAME_MAX_LENGTH ? 'displayNameTooLong' : undefined;
}

/** Length counts characters as people read them, so a Chinese phrase of ten characters is long enough. */
export function passwordProblem(password: string | undefined, username: string | undefined): UserFormProblem | undefined {
  if (!password) return 'passwordRequired';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'passwordTooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'passwordTooLong';
  if (username && password.toLowerCase() === normalizeUsername(username)) return 'passwordSameAsUsername';
  return undefined;
}

export function confirmationProblem(password: string | undefined, confirmation: string | undefined): UserFormProblem | undefined {
  return password === confirmation ? undefined : 'passwordMismatch';
}

/** A court liaison sits in a court; everybody else, the administrator included, in the union's studio (DOMAIN §1). */
export function organizationKindFor(role: Role | undefined): OrganizationKind {
  return role === 'COURT_LIAISON' ? 'COURT' : 'UNION';
}
