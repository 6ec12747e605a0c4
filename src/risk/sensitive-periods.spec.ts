import { addDays, parseLegalDate, type LegalDate } from '../calendar/legal-date';
import {
  appliesToOrg,
  DEFAULT_SENSITIVE_PERIODS,
  windowOpensOn,
  windowsAt,
  type SensitivePeriod,
  type SensitivePeriodKind,
} from './sensitive-periods';

const d = (value: string): LegalDate => parseLegalDate(value);

function period(overrides: Partial<SensitivePeriod> & Pick<SensitivePeriod, 'id'>): SensitivePeriod {
  return {
    name: '测试时期',
    kind: 'CUSTOM',
    startsOn: d('2026-07-20'),
    endsOn: d('2026-07-25'),
    leadDays: 7,
    milestones: [],
    orgId: null,
    active: true,
    verified: true,
    basis: '测试',
    ...overrides,
  };
}

const ids = (asOf: string, periods: readonly SensitivePeriod[] = DEFAULT_SENSITIVE_PERIODS) =>
  windowsAt(periods, d(asOf)).map(({ period: { id }, phase }) => `${id}:${phase}`);

describe('DEFAULT_SENSITIVE_PERIODS', () => {
  // DOMAIN §5 "Seeded defaults", row by row; verified=false where DOMAIN marks [U] or the dates are not yet published.
  const table: readonly [string, SensitivePeriodKind, string, string, boolean, [string, string][]][] = [
    ['winter-wage-campaign-2024-2025', 'WINTER_WAGE_CAMPAIGN', '2024-11-15', '2025-01-28', true, [['2024-12-31', '政府投资和国有企业项目欠薪清零（元旦前）'], ['2025-01-28', '其他欠薪清零（春节前）']]],
    ['winter-wage-campaign-2025-2026', 'WINTER_WAGE_CAMPAIGN', '2025-11-15', '2026-02-16', true, [['2025-12-31', '政府投资和国有企业项目欠薪清零（元旦前）'], ['2026-02-16', '其他欠薪清零（春节前）']]],
    ['winter-wage-campaign-2026-2027', 'WINTER_WAGE_CAMPAIGN', '2026-11-15', '2027-02-05', true, [['2026-12-31', '政府投资和国有企业项目欠薪清零（元旦前）'], ['2027-02-05', '其他欠薪清零（春节前）']]],
    ['spring-festival-2025', 'SPRING_FESTIVAL', '2025-01-28', '2025-02-04', true, [['2025-01-29', '春节（正月初一）']]],
    ['spring-festival-2026', 'SPRING_FESTIVAL', '2026-02-15', '2026-02-23', true, [['2026-02-17', '春节（正月初一）']]],
    ['spring-festival-2027', 'SPRING_FESTIVAL', '2027-02-05', '2027-02-08', false, [['2027-02-06', '春节（正月初一）']]],
    ['two-sessions-2025', 'TWO_SESSIONS', '2025-03-03', '2025-03-15', false, []],
    ['two-sessions-2026', 'TWO_SESSIONS', '2026-03-03', '2026-03-15', false, []],
    ['two-sessions-2027', 'TWO_SESSIONS', '2027-03-03', '2027-03-15', false, []],
    ['labour-day-2025', 'LABOUR_DAY', '2025-05-01', '2025-05-05', true, []],
    ['labour-day-2026', 'LABOUR_DAY', '2026-05-01', '2026-05-05', true, []],
    ['labour-day-2027', 'LABOUR_DAY', '2027-05-01', '2027-05-05', false, []],
    ['national-day-2025', 'NATIONAL_DAY', '2025-10-01', '2025-10-08', true, []],
    ['national-day-2026', 'NATIONAL_DAY', '2026-10-01', '2026-10-07', true, []],
    ['national-day-2027', 'NATIONAL_DAY', '2027-10-01', '2027-10-07', false, []],
  ];

  it('holds exactly the periods of the DOMAIN table', () => {
    expect(DEFAULT_SENSITIVE_PERIODS.map(({ id }) => id).sort()).toEqual(table.map(([id]) => id).sort());
  });

  it.each(table)('%s is a %s from %s to %s (verified: %s)', (id, kind, startsOn, endsOn, verified, milestones) => {
    const seeded = DEFAULT_SENSITIVE_PERIODS.find((candidate) => candidate.id === id);
    expect(seeded).toMatchObject({ kind, startsOn, endsOn, verified, leadDays: 7, orgId: null, active: true });
    expect(seeded!.milestones).toEqual(milestones.map(([on, label]) => ({ on, label })));
  });

  it('names every period in Chinese and says why an unverified one is unverified', () => {
    for (const seeded of DEFAULT_SENSITIVE_PERIODS) {
      expect(seeded.name).toMatch(/[\u4e00-\u9fff]/);
      expect(seeded.basis.startsWith('[U]')).toBe(!seeded.verified);
    }
  });

  // The eve is the day before Lunar New Year's Day, not the first holiday day: in 2026 the holiday starts on the 15th.
  it('ends each winter campaign on the eve of the Lunar New Year that follows it', () => {
    for (const year of [2025, 2026, 2027]) {
      const campaign = DEFAULT_SENSITIVE_PERIODS.find(({ id }) => id === `winter-wage-campaign-${year - 1}-${year}`)!;
      const festival = DEFAULT_SENSITIVE_PERIODS.find(({ id }) => id === `spring-festival-${year}`)!;
      expect(campaign.endsOn).toBe(addDays(festival.milestones[0].on, -1));
    }
  });
});

describe(windowsAt.name, () => {
  const july = period({ id: 'july' });

  it('opens the window leadDays before the period', () => {
    expect(windowOpensOn(july)).toBe('2026-07-13');
  });

  it.each([
    ['2026-07-12', []],
    ['2026-07-13', ['july:inLead']],
    ['2026-07-19', ['july:inLead']],
    ['2026-07-20', ['july:inPeriod']],
    ['2026-07-25', ['july:inPeriod']],
    ['2026-07-26', []],
  ])('on %s finds %j', (asOf, expected) => {
    expect(ids(asOf, [july])).toEqual(expected);
  });

  it('has no lead time when leadDays is 0', () => {
    const noLead = period({ id: 'no-lead', leadDays: 0 });
    expect(ids('2026-07-19', [noLead])).toEqual([]);
    expect(ids('2026-07-20', [noLead])).toEqual(['no-lead:inPeriod']);
  });

  it('ignores an inactive period', () => {
    expect(ids('2026-07-22', [period({ id: 'off', active: false })])).toEqual([]);
  });

  it('finds every overlapping default window', () => {
    expect(ids('2026-02-16')).toEqual(['winter-wage-campaign-2025-2026:inPeriod', 'spring-festival-2026:inPeriod']);
    expect(ids('2026-02-08')).toEqual(['winter-wage-campaign-2025-2026:inPeriod', 'spring-festival-2026:inLead']);
  });

  it.each([
    ['2026-09-23', []],
    ['2026-09-24', ['national-day-2026:inLead']],
    ['2026-10-01', ['national-day-2026:inPeriod']],
    ['2026-10-07', ['national-day-2026:inPeriod']],
    ['2026-10-08', []],
    ['2025-10-08', ['national-day-2025:inPeriod']],
    ['2025-10-09', []],
    ['2026-11-07', []],
    ['2026-11-08', ['winter-wage-campaign-2026-2027:inLead']],
    ['2026-11-15', ['winter-wage-campaign-2026-2027:inPeriod']],
    ['2026-07-15', []],
  ])('finds the default windows on %s: %j', (asOf, expected) => {
    expect(ids(asOf)).toEqual(expected);
  });
});

describe(appliesToOrg.name, () => {
  it('applies a period without orgId to every organization and an org period only to its own', () => {
    expect(appliesToOrg(period({ id: 'all' }), 'org-a')).toBe(true);
    expect(appliesToOrg(period({ id: 'mine', orgId: 'org-a' }), 'org-a')).toBe(true);
    expect(appliesToOrg(period({ id: 'theirs', orgId: 'org-b' }), 'org-a')).toBe(false);
  });
});
