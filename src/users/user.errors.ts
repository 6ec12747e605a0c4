import { DomainError } from '../common/errors/domain-error';
import type { OrganizationKind } from '../organizations/organization-kind';
import type { PasswordProblem } from './password-rules';
import type { Role } from './role';

export class UserError extends DomainError {
  static notFound(id: string): UserError {
    return new UserError('NOT_FOUND', `User ${id} was not found.`);
  }

  static usernameTaken(username: string): UserError {
    return new UserError('USERNAME_TAKEN', `The username ${username} is already taken (usernames ignore case).`, { username });
  }

  static roleOrganizationMismatch(role: Role, kind: OrganizationKind): UserError {
    const fits = role === 'COURT_LIAISON' ? 'a COURT organization' : 'a UNION organization';
    return new UserError('ROLE_ORGANIZATION_MISMATCH', `A user with the role ${role} belongs to ${fits}, not to a ${kind} organization.`, {
      role,
      organizationKind: kind,
    });
  }

  static lastActiveAdmin(): UserError {
    return new UserError(
      'LAST_ACTIVE_ADMIN',
      'This is the last active administrator: make another user an active ADMIN before deactivating or demoting this one.',
    );
  }

  static weakPassword(problem: PasswordProblem): UserError {
    return new UserError('WEAK_PASSWORD', problem.message, { reason: problem.reason });
  }
}
