import { parseLegalDate, type LegalDate } from '../calendar/legal-date';
import { mayChangePeriod, mayViewPeriod, newPeriodOrg, periodDateProblems, type PeriodDates, type PeriodViewer } from './sensitive-period-rules';

const d = (value: string): LegalDate => parseLegalDate(value);

// National Day 2026 with its 7 lead days: the window opens on 2026-09-24.
function period(overrides: Partial<Record<keyof PeriodDates, unknown>> = {}): PeriodDates {
  return {
    startsOn: d('2026-10-01'),
    endsOn: d('2026-10-07'),
    leadDays: 7,
    milestones: [],
    ...overrides,
  } as PeriodDates;
}

const ORG = '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11';
const OTHER_ORG = '7d2e4f11-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const admin: PeriodViewer = { role: 'ADMIN', organizationId: ORG };
const supervisor: PeriodViewer = { role: 'SUPERVISOR', organizationId: ORG };
const mediator: PeriodViewer = { role: 'MEDIATOR', organizationId: ORG };

describe(periodDateProblems.name, () => {
  it('accepts a one-day period and milestones on the first day of the window and on the last day', () => {
    expect(periodDateProblems(period({ endsOn: d('2026-10-01') }))).toEqual([]);
    expect(periodDateProblems(period({ milestones: [{ on: d('2026-09-24') }, { on: d('2026-10-07') }] }))).toEqual([]);
  });

  it('names endsOn when the period ends before it starts', () => {
    expect(periodDateProblems(period({ endsOn: d('2026-09-30') }))).toEqual([
      { field: 'endsOn', code: 'INCONSISTENT', message: 'endsOn (2026-09-30) must not be before startsOn (2026-10-01)' },
    ]);
  });

  it('names startsOn when a PATCH moved only the start past the stored end', () => {
    const problems = periodDateProblems(period({ startsOn: d('2026-10-09') }), new Set(['startsOn']));
    expect(problems).toMatchObject([{ field: 'startsOn', code: 'INCONSISTENT' }]);
  });

  it('names endsOn when a PATCH sent both dates', () => {
    const problems = periodDateProblems(period({ startsOn: d('2026-10-09') }), new Set(['startsOn', 'endsOn']));
    expect(problems).toMatchObject([{ field: 'endsOn', code: 'INCONSISTENT' }]);
  });

  it('refuses a period longer than 366 days, which would be a year typed wrong', () => {
    expect(periodDateProblems(period({ startsOn: d('2026-01-01'), endsOn: d('2027-01-01') }))).toEqual([]);
    expect(periodDateProblems(period({ startsOn: d('2026-01-01'), endsOn: d('2027-01-02') }))).toMatchObject([{ field: 'endsOn', code: 'OUT_OF_RANGE' }]);
  });

  it('names each milestone outside [startsOn − leadDays, endsOn] by its index', () => {
    const problems = periodDateProblems(period({ milestones: [{ on: d('2026-09-23') }, { on: d('2026-10-03') }, { on: d('2026-10-08') }] }));
    expect(problems).toEqual([
      { field: 'milestones[0].on', code: 'OUT_OF_RANGE', message: 'milestones[0].on (2026-09-23) must be within the window 2026-09-24 to 2026-10-07' },
      { field: 'milestones[2].on', code: 'OUT_OF_RANGE', message: 'milestones[2].on (2026-10-08) must be within the window 2026-09-24 to 2026-10-07' },
    ]);
  });

  it('checks milestones against the lead days the period has after the change', () => {
    expect(periodDateProblems(period({ leadDays: 0, milestones: [{ on: d('2026-09-30') }] }))).toMatchObject([{ field: 'milestones[0].on' }]);
  });
});

describe(mayViewPeriod.name, () => {
  it('shows every role the global periods and its own organization’s, and an ADMIN every organization’s', () => {
    expect(mayViewPeriod(mediator, null)).toBe(true);
    expect(mayViewPeriod(mediator, ORG)).toBe(true);
    expect(mayViewPeriod(mediator, OTHER_ORG)).toBe(false);
    expect(mayViewPeriod(supervisor, OTHER_ORG)).toBe(false);
    expect(mayViewPeriod({ role: 'COURT_LIAISON', organizationId: OTHER_ORG }, OTHER_ORG)).toBe(true);
    expect(mayViewPeriod(admin, OTHER_ORG)).toBe(true);
  });
});

describe(mayChangePeriod.name, () => {
  it('lets a supervisor change only their own organization’s periods, not the global ones', () => {
    expect(mayChangePeriod(supervisor, ORG)).toBe(true);
    expect(mayChangePeriod(supervisor, null)).toBe(false);
    expect(mayChangePeriod(supervisor, OTHER_ORG)).toBe(false);
  });

  it('lets an ADMIN change any period and a mediator none', () => {
    expect(mayChangePeriod(admin, null)).toBe(true);
    expect(mayChangePeriod(admin, OTHER_ORG)).toBe(true);
    expect(mayChangePeriod(mediator, ORG)).toBe(false);
  });
});

describe(newPeriodOrg.name, () => {
  it('puts a supervisor’s period in their own organization whether they name it or not', () => {
    expect(newPeriodOrg(supervisor, undefined)).toBe(ORG);
    expect(newPeriodOrg(supervisor, ORG.toUpperCase())).toBe(ORG);
  });

  it('refuses a supervisor’s period for another organization or for every organization', () => {
    expect(newPeriodOrg(supervisor, OTHER_ORG)).toBeUndefined();
    expect(newPeriodOrg(supervisor, null)).toBeUndefined();
  });

  it('makes an ADMIN’s period global unless an organization is named', () => {
    expect(newPeriodOrg(admin, undefined)).toBeNull();
    expect(newPeriodOrg(admin, null)).toBeNull();
    expect(newPeriodOrg(admin, OTHER_ORG.toUpperCase())).toBe(OTHER_ORG);
  });

  it('gives other roles no organization to add periods to', () => {
    expect(newPeriodOrg(mediator, undefined)).toBeUndefined();
  });
});
