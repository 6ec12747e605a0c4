import { organizationKindFor, roleFitsOrganization, rolesMisfitting } from './role-organization-rules';
import { ROLES } from './role';

describe(roleFitsOrganization.name, () => {
  it('places a court liaison only in a COURT organization', () => {
    expect(roleFitsOrganization('COURT_LIAISON', 'COURT')).toBe(true);
    expect(roleFitsOrganization('COURT_LIAISON', 'UNION')).toBe(false);
  });

  it.each(['ADMIN', 'SUPERVISOR', 'MEDIATOR'] as const)('places %s only in a UNION organization', (role) => {
    expect(roleFitsOrganization(role, 'UNION')).toBe(true);
    expect(roleFitsOrganization(role, 'COURT')).toBe(false);
  });

  it('gives every role exactly one organization kind', () => {
    for (const role of ROLES) {
      expect([roleFitsOrganization(role, 'UNION'), roleFitsOrganization(role, 'COURT')].filter(Boolean)).toHaveLength(1);
      expect(roleFitsOrganization(role, organizationKindFor(role))).toBe(true);
    }
  });
});

describe(rolesMisfitting.name, () => {
  it('names each role that a change of kind would strand, once', () => {
    expect(rolesMisfitting(['MEDIATOR', 'SUPERVISOR', 'MEDIATOR'], 'COURT')).toEqual(['MEDIATOR', 'SUPERVISOR']);
  });

  it('finds nothing when every role fits the new kind', () => {
    expect(rolesMisfitting(['COURT_LIAISON'], 'COURT')).toEqual([]);
    expect(rolesMisfitting([], 'UNION')).toEqual([]);
  });
});
