import { DomainError } from '../common/errors/domain-error';
import type { Role } from '../users/role';

export class AuthError extends DomainError {
  /** One answer for an unknown user, a wrong password and a deactivated account: none of them may be told apart. */
  static invalidCredentials(): AuthError {
    return new AuthError('INVALID_CREDENTIALS', 'The username or password is incorrect.');
  }

  static tooManyAttempts(retryAfterSeconds: number): AuthError {
    return new AuthError(
      'TOO_MANY_REQUESTS',
      `Too many failed sign-ins; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }

  static missingToken(): AuthError {
    return new AuthError('UNAUTHENTICATED', 'Sign in first: a valid bearer token is required.');
  }

  static invalidToken(): AuthError {
    return new AuthError('UNAUTHENTICATED', 'The bearer token is not valid; sign in again.');
  }

  static expiredToken(): AuthError {
    return new AuthError('UNAUTHENTICATED', 'The session has expired; sign in again.');
  }

  static accountDeactivated(): AuthError {
    return new AuthError('UNAUTHENTICATED', 'This account is deactivated; ask an administrator to reactivate it.');
  }

  static sessionRevoked(): AuthError {
    return new AuthError('UNAUTHENTICATED', 'The session has ended because the password or the status of the account changed; sign in again.');
  }

  static roleNotAllowed(role: Role, allowed: readonly Role[]): AuthError {
    return new AuthError('FORBIDDEN', `This needs the role ${allowed.join(' or ')}; you are signed in as ${role}.`);
  }

  static currentPasswordIncorrect(): AuthError {
    return new AuthError('CURRENT_PASSWORD_INCORRECT', 'The current password is incorrect.');
  }
}
