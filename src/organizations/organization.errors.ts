import { DomainError } from '../common/errors/domain-error';
import type { OrganizationKind } from './organization-kind';

export class OrganizationError extends DomainError {
  static notFound(id: string): OrganizationError {
    return new OrganizationError('NOT_FOUND', `Organization ${id} was not found.`);
  }

  static prefixTaken(prefix: string): OrganizationError {
    return new OrganizationError('CASE_NUMBER_PREFIX_TAKEN', `The case number prefix ${prefix} is already used by another organization; choose another.`, {
      caseNumberPrefix: prefix,
    });
  }

  static kindChangeStrandsUsers(kind: OrganizationKind, roles: readonly string[]): OrganizationError {
    return new OrganizationError(
      'ROLE_ORGANIZATION_MISMATCH',
      `The organization cannot become a ${kind} organization: it has users with the role ${roles.join(', ')}, `
        + 'which only fits the other kind. Move or re-role those users first.',
      { kind, roles },
    );
  }
}
