import {
  caseScopeOf,
  caseScopeSql,
  isCaseVisible,
  mayRevealPii,
  relationFor,
  seesRawPii,
  type CaseAccessFacts,
  type CaseViewer,
} from './case-access-rules';

const STUDIO = 'org-studio';
const OTHER_STUDIO = 'org-other-studio';
const COURT = 'org-court-0402';
const REVIEW_COURT = 'org-court-0403';

const viewers = {
  supervisor: { id: 'u-zhao', role: 'SUPERVISOR', organizationId: STUDIO },
  assigned: { id: 'u-wang', role: 'MEDIATOR', organizationId: STUDIO },
  colleague: { id: 'u-liu', role: 'MEDIATOR', organizationId: STUDIO },
  admin: { id: 'u-admin', role: 'ADMIN', organizationId: STUDIO },
  foreignSupervisor: { id: 'u-sun', role: 'SUPERVISOR', organizationId: OTHER_STUDIO },
  foreignMediator: { id: 'u-zhou', role: 'MEDIATOR', organizationId: OTHER_STUDIO },
  liaison: { id: 'u-chen', role: 'COURT_LIAISON', organizationId: COURT },
  reviewLiaison: { id: 'u-qian', role: 'COURT_LIAISON', organizationId: REVIEW_COURT },
} satisfies Record<string, CaseViewer>;

function facts(overrides: Partial<CaseAccessFacts> = {}): CaseAccessFacts {
  return { organizationId: STUDIO, state: 'mediation.active', assignedMediatorId: 'u-wang', courtOrgId: null, reviewCourtId: null, ...overrides };
}

const queued = facts({ state: 'intake.registered', assignedMediatorId: null });
const awaitingConsentQueued = facts({ state: 'intake.awaitingConsent', assignedMediatorId: null });
const unassignedInMediation = facts({ assignedMediatorId: null });
const courtCase = facts({ courtOrgId: COURT, reviewCourtId: REVIEW_COURT });

describe(isCaseVisible.name, () => {
  it.each([
    ['supervisor', facts(), true],
    ['supervisor', unassignedInMediation, true],
    ['supervisor', facts({ organizationId: OTHER_STUDIO }), false],
    ['assigned', facts(), true],
    ['assigned', facts({ state: 'closed.resolved' }), true],
    ['colleague', facts(), false],
    ['colleague', queued, true],
    ['colleague', awaitingConsentQueued, true],
    ['colleague', unassignedInMediation, false],
    ['colleague', facts({ state: 'intake.registered' }), false],
    ['foreignMediator', queued, false],
    ['foreignMediator', facts({ organizationId: OTHER_STUDIO, assignedMediatorId: 'u-wang' }), false],
    ['admin', facts(), true],
    ['admin', facts({ organizationId: OTHER_STUDIO }), false],
    ['foreignSupervisor', facts(), false],
    ['liaison', courtCase, true],
    ['liaison', facts({ courtOrgId: COURT }), true],
    ['liaison', facts(), false],
    ['reviewLiaison', courtCase, true],
    ['reviewLiaison', facts({ reviewCourtId: REVIEW_COURT }), true],
    ['reviewLiaison', facts({ courtOrgId: COURT }), false],
  ] as const)('%s → %o: %s', (viewer, caseFacts, visible) => {
    expect(isCaseVisible(viewers[viewer], caseFacts)).toBe(visible);
  });
});

describe(caseScopeSql.name, () => {
  it('scopes a supervisor and an administrator to their organization', () => {
    expect(caseScopeSql(caseScopeOf(viewers.admin))).toEqual({ where: 'c.organization_id = :scopeOrganizationId', params: { scopeOrganizationId: STUDIO } });
  });

  it('scopes a mediator to their cases and the unassigned intake queue of their organization', () => {
    const scope = caseScopeSql(caseScopeOf(viewers.colleague), 'k');

    expect(scope.where).toBe(
      "(k.organization_id = :scopeOrganizationId AND (k.assigned_mediator_id = :scopeMediatorId OR (k.assigned_mediator_id IS NULL AND k.state LIKE 'intake.%')))",
    );
    expect(scope.params).toEqual({ scopeOrganizationId: STUDIO, scopeMediatorId: 'u-liu' });
  });

  it('scopes a court liaison to the cases their court referred or reviews', () => {
    expect(caseScopeSql(caseScopeOf(viewers.liaison))).toEqual({
      where: '(c.court_org_id = :scopeCourtOrgId OR c.review_court_id = :scopeCourtOrgId)',
      params: { scopeCourtOrgId: COURT },
    });
  });
});

describe(relationFor.name, () => {
  const none = { isAssignedMediator: false, isOrgMediator: false, isReviewCourtLiaison: false, isSystem: false };

  it.each([
    ['assigned', facts(), { role: 'MEDIATOR', isAssignedMediator: true, isOrgMediator: true }],
    ['colleague', queued, { role: 'MEDIATOR', isOrgMediator: true }],
    ['foreignMediator', queued, { role: 'MEDIATOR' }],
    ['supervisor', facts(), { role: 'SUPERVISOR' }],
    ['admin', facts(), { role: 'ADMIN' }],
    ['reviewLiaison', courtCase, { role: 'COURT_LIAISON', isReviewCourtLiaison: true }],
    // The referring court's liaison does not rule on the agreement unless it is also the reviewing court.
    ['liaison', courtCase, { role: 'COURT_LIAISON' }],
  ] as const)('%s', (viewer, caseFacts, expected) => {
    expect(relationFor(viewers[viewer], caseFacts)).toEqual({ ...none, ...expected });
  });
});

describe(seesRawPii.name, () => {
  it('shows raw PII to the assigned mediator only', () => {
    expect(seesRawPii(viewers.assigned, facts())).toBe(true);
    for (const viewer of [viewers.supervisor, viewers.colleague, viewers.admin, viewers.liaison]) {
      expect(seesRawPii(viewer, courtCase)).toBe(false);
    }
  });
});

describe(mayRevealPii.name, () => {
  it.each([
    ['assigned', facts(), true],
    ['colleague', queued, false],
    ['colleague', facts(), false],
    ['supervisor', facts(), true],
    ['admin', facts(), false],
    ['liaison', courtCase, true],
    ['reviewLiaison', courtCase, true],
    ['liaison', facts(), false],
  ] as const)('%s → %o: %s', (viewer, caseFacts, allowed) => {
    expect(mayRevealPii(viewers[viewer], caseFacts)).toBe(allowed);
  });
});
