import { describe, expect, it } from 'vitest';
import { endsOnProblem, EVERY_ORGANIZATION, isInside, mayChangePeriod, milestoneWindow, toPeriodBody, type PeriodDraft } from './sensitive-period-rules';

const DRAFT: PeriodDraft = {
  name: '  市第九次党代会 ',
  kind: 'PARTY_CONGRESS',
  startsOn: '2026-06-08',
  endsOn: '2026-06-12',
  leadDays: 7,
  milestones: [{ on: '2026-06-08', label: ' 开幕 ' }],
  verified: false,
  basis: ' 市委办公室通知 ',
  active: true,
  orgId: EVERY_ORGANIZATION,
};

describe(endsOnProblem.name, () => {
  it('accepts a one-day period and refuses an end before the start', () => {
    expect(endsOnProblem('2026-06-08', '2026-06-08')).toBeUndefined();
    expect(endsOnProblem('2026-06-08', '2026-06-07')).toBe('endsBeforeStart');
  });

  it('allows 366 days counted inclusively, and not one more (a year typed wrong)', () => {
    expect(endsOnProblem('2027-01-01', '2028-01-01')).toBeUndefined();
    expect(endsOnProblem('2027-01-01', '2028-01-02')).toBe('tooLong');
  });

  it('says nothing until both dates are there', () => {
    expect(endsOnProblem(undefined, '2026-06-07')).toBeUndefined();
  });
});

describe(milestoneWindow.name, () => {
  it('opens leadDays before the start and closes on the last day', () => {
    const window = milestoneWindow('2026-10-01', '2026-10-07', 7);
    expect(window).toEqual({ from: '2026-09-24', to: '2026-10-07' });
    expect(isInside('2026-09-24', window)).toBe(true);
    expect(isInside('2026-09-23', window)).toBe(false);
    expect(isInside('2026-10-08', window)).toBe(false);
  });
});

describe(toPeriodBody.name, () => {
  it("sends a supervisor's period without an organization: the service makes it their own", () => {
    expect(toPeriodBody(DRAFT, 'SUPERVISOR')).toEqual({
      name: '市第九次党代会',
      kind: 'PARTY_CONGRESS',
      startsOn: '2026-06-08',
      endsOn: '2026-06-12',
      leadDays: 7,
      milestones: [{ on: '2026-06-08', label: '开幕' }],
      verified: false,
      basis: '市委办公室通知',
      active: true,
    });
  });

  it("sends an ADMIN's choice: null for every organization, or the organization's id", () => {
    expect(toPeriodBody(DRAFT, 'ADMIN').orgId).toBeNull();
    expect(toPeriodBody({ ...DRAFT, orgId: 'b3c1f6a4-0000-4000-8000-000000000001' }, 'ADMIN').orgId).toBe('b3c1f6a4-0000-4000-8000-000000000001');
  });
});

describe(mayChangePeriod.name, () => {
  const supervisor = { role: 'SUPERVISOR' as const, organizationId: 'org-1' };
  it("lets a supervisor change their own organization's periods only, not the ones of every organization", () => {
    expect(mayChangePeriod(supervisor, { orgId: 'org-1' })).toBe(true);
    expect(mayChangePeriod(supervisor, { orgId: null })).toBe(false);
    expect(mayChangePeriod(supervisor, { orgId: 'org-2' })).toBe(false);
    expect(mayChangePeriod({ role: 'ADMIN', organizationId: 'org-9' }, { orgId: null })).toBe(true);
    expect(mayChangePeriod({ role: 'MEDIATOR', organizationId: 'org-1' }, { orgId: 'org-1' })).toBe(false);
  });
});
