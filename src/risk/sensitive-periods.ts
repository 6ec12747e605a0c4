import { addDays, compare, parseLegalDate, type LegalDate } from '../calendar/legal-date';

// Sensitive periods (DOMAIN §5): times when unpaid workers are most likely to escalate and the authorities expect
// wage disputes to be settled, so every case open then is screened one level higher. The window opens `leadDays`
// before the period, because the work of settling has to start before the holiday or the meeting, not on it.

export const SENSITIVE_PERIOD_KINDS = [
  'WINTER_WAGE_CAMPAIGN',
  'SPRING_FESTIVAL',
  'TWO_SESSIONS',
  'LABOUR_DAY',
  'NATIONAL_DAY',
  'PARTY_CONGRESS',
  'CUSTOM',
] as const;
export type SensitivePeriodKind = (typeof SENSITIVE_PERIOD_KINDS)[number];

export const DEFAULT_LEAD_DAYS = 7;

export interface SensitivePeriodMilestone {
  readonly on: LegalDate;
  readonly label: string;
}

export interface SensitivePeriod {
  readonly id: string;
  readonly name: string;
  readonly kind: SensitivePeriodKind;
  /** First and last day of the period itself, both included. */
  readonly startsOn: LegalDate;
  readonly endsOn: LegalDate;
  readonly leadDays: number;
  readonly milestones: readonly SensitivePeriodMilestone[];
  /** null: every organization; otherwise only the cases of that organization. */
  readonly orgId: string | null;
  readonly active: boolean;
  /** false for dates DOMAIN marks [U]: not yet published or chosen by the project, to be replaced when known. */
  readonly verified: boolean;
  /** Where the dates come from, in words a supervisor can check. */
  readonly basis: string;
}

/** inLead: asOf is in the lead days before startsOn; inPeriod: startsOn ≤ asOf ≤ endsOn. */
export type SensitiveWindowPhase = 'inLead' | 'inPeriod';

export interface SensitiveWindow {
  readonly period: SensitivePeriod;
  readonly phase: SensitiveWindowPhase;
}

/** The first day of the period's window: startsOn − leadDays. */
export function windowOpensOn(period: SensitivePeriod): LegalDate {
  return addDays(period.startsOn, -period.leadDays);
}

/** Active periods whose window [startsOn − leadDays, endsOn] contains asOf, in the order given. */
export function windowsAt(periods: readonly SensitivePeriod[], asOf: LegalDate): SensitiveWindow[] {
  return periods.flatMap((period) => {
    if (!period.active) return [];
    if (compare(asOf, windowOpensOn(period)) < 0 || compare(asOf, period.endsOn) > 0) return [];
    const phase: SensitiveWindowPhase = compare(asOf, period.startsOn) < 0 ? 'inLead' : 'inPeriod';
    return [{ period, phase }];
  });
}

/** A supervisor's period (e.g. a local PARTY_CONGRESS) concerns only the cases of their own organization. */
export function appliesToOrg(period: SensitivePeriod, orgId: string): boolean {
  return period.orgId === null || period.orgId === orgId;
}

const d = (value: string): LegalDate => parseLegalDate(value);

interface SeedPeriod {
  readonly id: string;
  readonly name: string;
  readonly kind: SensitivePeriodKind;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly milestones?: readonly { on: string; label: string }[];
  readonly verified: boolean;
  readonly basis: string;
}

function seeded(seed: SeedPeriod): SensitivePeriod {
  return {
    ...seed,
    startsOn: d(seed.startsOn),
    endsOn: d(seed.endsOn),
    leadDays: DEFAULT_LEAD_DAYS,
    milestones: (seed.milestones ?? []).map(({ on, label }) => ({ on: d(on), label })),
    orgId: null,
    active: true,
  };
}

const WINTER_BASIS =
  '根治欠薪冬季专项行动：11月15日至春节前；“两个清零”——政府投资和国有企业项目欠薪元旦前清零，其他欠薪春节前清零';

// The campaign runs to Spring Festival eve, and its "two zeros" are the two dates by which arrears must be cleared.
function winterCampaign(startYear: number, eve: string): SensitivePeriod {
  const endYear = startYear + 1;
  return seeded({
    id: `winter-wage-campaign-${startYear}-${endYear}`,
    name: `${startYear}—${endYear}年根治欠薪冬季专项行动`,
    kind: 'WINTER_WAGE_CAMPAIGN',
    startsOn: `${startYear}-11-15`,
    endsOn: eve,
    milestones: [
      { on: `${startYear}-12-31`, label: '政府投资和国有企业项目欠薪清零（元旦前）' },
      { on: eve, label: '其他欠薪清零（春节前）' },
    ],
    verified: true,
    basis: WINTER_BASIS,
  });
}

function springFestival(year: number, startsOn: string, endsOn: string, newYearsDay: string, basis: string, verified = true): SensitivePeriod {
  return seeded({
    id: `spring-festival-${year}`,
    name: `${year}年春节`,
    kind: 'SPRING_FESTIVAL',
    startsOn,
    endsOn,
    milestones: [{ on: newYearsDay, label: '春节（正月初一）' }],
    verified,
    basis,
  });
}

function twoSessions(year: number): SensitivePeriod {
  return seeded({
    id: `two-sessions-${year}`,
    name: `${year}年全国两会`,
    kind: 'TWO_SESSIONS',
    startsOn: `${year}-03-03`,
    endsOn: `${year}-03-15`,
    verified: false,
    basis: '[U] 项目预设区间：全国两会通常于3月上旬开幕，会期以当年公告为准',
  });
}

function labourDay(year: number, basis: string, verified = true): SensitivePeriod {
  return seeded({
    id: `labour-day-${year}`,
    name: `${year}年劳动节`,
    kind: 'LABOUR_DAY',
    startsOn: `${year}-05-01`,
    endsOn: `${year}-05-05`,
    verified,
    basis,
  });
}

function nationalDay(year: number, name: string, endsOn: string, basis: string, verified = true): SensitivePeriod {
  return seeded({ id: `national-day-${year}`, name, kind: 'NATIONAL_DAY', startsOn: `${year}-10-01`, endsOn, verified, basis });
}

const NOTICE_2025 = '国务院办公厅关于2025年部分节假日安排的通知（2024-11-12）';
const NOTICE_2026 = '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）';
const UNPUBLISHED_2027 = '[U] 2027年放假通知尚未发布（通常于前一年11月发布），发布后替换';

/** The seeded defaults of DOMAIN §5 for 2025–2027; each organization may add its own. */
export const DEFAULT_SENSITIVE_PERIODS: readonly SensitivePeriod[] = Object.freeze([
  winterCampaign(2024, '2025-01-28'),
  springFestival(2025, '2025-01-28', '2025-02-04', '2025-01-29', NOTICE_2025),
  twoSessions(2025),
  labourDay(2025, NOTICE_2025),
  nationalDay(2025, '2025年国庆节、中秋节', '2025-10-08', NOTICE_2025),
  winterCampaign(2025, '2026-02-16'),
  springFestival(2026, '2026-02-15', '2026-02-23', '2026-02-17', NOTICE_2026),
  twoSessions(2026),
  labourDay(2026, NOTICE_2026),
  nationalDay(2026, '2026年国庆节', '2026-10-07', NOTICE_2026),
  winterCampaign(2026, '2027-02-05'),
  springFestival(2027, '2027-02-05', '2027-02-08', '2027-02-06', `${UNPUBLISHED_2027}；暂按法定4天（除夕至正月初三）`, false),
  twoSessions(2027),
  labourDay(2027, `${UNPUBLISHED_2027}；暂按5月1日至5日`, false),
  nationalDay(2027, '2027年国庆节', '2027-10-07', `${UNPUBLISHED_2027}；暂按10月1日至7日`, false),
]);
