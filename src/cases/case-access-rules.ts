import type { SenderRelation } from './machine/case-senders';
import type { Role } from './machine/case.types';

// Who sees which case and how (DOMAIN §1). Pure: the service feeds it the signed-in user and the case row's facts.
// A case outside the scope is answered 404, exactly like one that does not exist.

export interface CaseViewer {
  readonly id: string;
  readonly role: Role;
  readonly organizationId: string;
}

/** The columns of a case row that access depends on. */
export interface CaseAccessFacts {
  readonly organizationId: string;
  readonly state: string;
  readonly assignedMediatorId: string | null;
  readonly courtOrgId: string | null;
  readonly reviewCourtId: string | null;
}

export type CaseScope =
  /** SUPERVISOR (everything), ADMIN (read-only, masked): the cases of their own organization. */
  | { readonly kind: 'ORGANIZATION'; readonly organizationId: string }
  /** MEDIATOR: their assigned cases, plus the organization's unassigned cases still in intake (the queue). */
  | { readonly kind: 'MEDIATOR'; readonly organizationId: string; readonly mediatorId: string }
  /** COURT_LIAISON: cases their court referred (courtOrgId) or reviews (reviewCourtId). */
  | { readonly kind: 'COURT'; readonly courtOrgId: string };

export interface SqlCondition {
  /** A boolean SQL expression with TypeORM-style named parameters (`:scopeOrganizationId`). */
  readonly where: string;
  readonly params: Readonly<Record<string, string>>;
}

export function caseScopeOf(viewer: CaseViewer): CaseScope {
  switch (viewer.role) {
    case 'SUPERVISOR':
    case 'ADMIN':
      return { kind: 'ORGANIZATION', organizationId: viewer.organizationId };
    case 'MEDIATOR':
      return { kind: 'MEDIATOR', organizationId: viewer.organizationId, mediatorId: viewer.id };
    case 'COURT_LIAISON':
      return { kind: 'COURT', courtOrgId: viewer.organizationId };
  }
}

export function isInIntakeQueue(facts: Pick<CaseAccessFacts, 'state' | 'assignedMediatorId'>): boolean {
  return facts.assignedMediatorId === null && facts.state.startsWith('intake.');
}

export function isCaseVisible(viewer: CaseViewer, facts: CaseAccessFacts): boolean {
  const scope = caseScopeOf(viewer);
  switch (scope.kind) {
    case 'ORGANIZATION':
      return facts.organizationId === scope.organizationId;
    case 'MEDIATOR':
      return facts.organizationId === scope.organizationId && (facts.assignedMediatorId === scope.mediatorId || isInIntakeQueue(facts));
    case 'COURT':
      return facts.courtOrgId === scope.courtOrgId || facts.reviewCourtId === scope.courtOrgId;
  }
}

/** The same scope as isCaseVisible, as a WHERE condition over the `cases` table aliased `alias`. */
export function caseScopeSql(scope: CaseScope, alias = 'c'): SqlCondition {
  switch (scope.kind) {
    case 'ORGANIZATION':
      return { where: `${alias}.organization_id = :scopeOrganizationId`, params: { scopeOrganizationId: scope.organizationId } };
    case 'MEDIATOR':
      return {
        where:
          `(${alias}.organization_id = :scopeOrganizationId AND (${alias}.assigned_mediator_id = :scopeMediatorId`
          + ` OR (${alias}.assigned_mediator_id IS NULL AND ${alias}.state LIKE 'intake.%')))`,
        params: { scopeOrganizationId: scope.organizationId, scopeMediatorId: scope.mediatorId },
      };
    case 'COURT':
      return {
        where: `(${alias}.court_org_id = :scopeCourtOrgId OR ${alias}.review_court_id = :scopeCourtOrgId)`,
        params: { scopeCourtOrgId: scope.courtOrgId },
      };
  }
}

/** How the viewer relates to the case, as the machine's sender rules need it (DOMAIN §3 Senders). */
export function relationFor(viewer: CaseViewer, facts: CaseAccessFacts): SenderRelation {
  const mediator = viewer.role === 'MEDIATOR';
  return {
    role: viewer.role,
    isAssignedMediator: mediator && facts.assignedMediatorId === viewer.id,
    isOrgMediator: mediator && facts.organizationId === viewer.organizationId,
    isReviewCourtLiaison: viewer.role === 'COURT_LIAISON' && facts.reviewCourtId === viewer.organizationId,
    isSystem: false,
  };
}

/** Raw PII appears in a case detail only for the mediator who works the case (DOMAIN §1); everyone else sees masks. */
export function seesRawPii(viewer: CaseViewer, facts: CaseAccessFacts): boolean {
  return viewer.role === 'MEDIATOR' && facts.assignedMediatorId === viewer.id;
}

/**
 * Reveal is open to the assigned mediator, a supervisor of the case's organization and the liaison of a linked court
 * (DOMAIN §1). Administrators read masked data only; a queue mediator has not taken the case on.
 */
export function mayRevealPii(viewer: CaseViewer, facts: CaseAccessFacts): boolean {
  switch (viewer.role) {
    case 'MEDIATOR':
      return facts.assignedMediatorId === viewer.id;
    case 'SUPERVISOR':
      return facts.organizationId === viewer.organizationId;
    case 'COURT_LIAISON':
      return facts.courtOrgId === viewer.organizationId || facts.reviewCourtId === viewer.organizationId;
    case 'ADMIN':
      return false;
  }
}
