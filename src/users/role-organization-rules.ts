import type { OrganizationKind } from '../organizations/organization-kind';
import type { Role } from './role';

/**
 * A court liaison speaks for the referring court, so they sit in a COURT organization; everybody else, the
 * administrator included, works for the union's mediation studio (DOMAIN §1).
 */
export function organizationKindFor(role: Role): OrganizationKind {
  return role === 'COURT_LIAISON' ? 'COURT' : 'UNION';
}

export function roleFitsOrganization(role: Role, kind: OrganizationKind): boolean {
  return organizationKindFor(role) === kind;
}

/** The roles among `roles` that would no longer fit if their organization became `kind`. */
export function rolesMisfitting(roles: readonly Role[], kind: OrganizationKind): Role[] {
  return [...new Set(roles)].filter((role) => !roleFitsOrganization(role, kind));
}
