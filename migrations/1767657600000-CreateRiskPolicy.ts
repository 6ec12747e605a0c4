import { MigrationInterface, QueryRunner } from 'typeorm';

const PERIOD_KINDS = ['WINTER_WAGE_CAMPAIGN', 'SPRING_FESTIVAL', 'TWO_SESSIONS', 'LABOUR_DAY', 'NATIONAL_DAY', 'PARTY_CONGRESS', 'CUSTOM'];

// A migration is frozen once committed, so the seeded periods and rules are spelled out here as DEFAULT_SENSITIVE_PERIODS
// and DEFAULT_RISK_RULES stood when it was written, rather than imported from code that will change (the 2027 dates are
// to be replaced once published): a fresh database and an old one must hold the same seed. A later correction of the
// defaults is a new migration that updates the seeded rows by code.
const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

interface SeedPeriod {
  code: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  milestones: { on: string; label: string }[];
  verified: boolean;
  basis: string;
}

const WINTER_BASIS =
  '根治欠薪冬季专项行动：11月15日至春节前；“两个清零”——政府投资和国有企业项目欠薪元旦前清零，其他欠薪春节前清零';
const NOTICE_2025 = '国务院办公厅关于2025年部分节假日安排的通知（2024-11-12）';
const NOTICE_2026 = '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）';
const TWO_SESSIONS_BASIS = '[U] 项目预设区间：全国两会通常于3月上旬开幕，会期以当年公告为准';
const UNPUBLISHED_2027 = '[U] 2027年放假通知尚未发布（通常于前一年11月发布），发布后替换';

function winter(startYear: number, eve: string): SeedPeriod {
  return {
    code: `winter-wage-campaign-${startYear}-${startYear + 1}`,
    name: `${startYear}—${startYear + 1}年根治欠薪冬季专项行动`,
    kind: 'WINTER_WAGE_CAMPAIGN',
    startsOn: `${startYear}-11-15`,
    endsOn: eve,
    milestones: [
      { on: `${startYear}-12-31`, label: '政府投资和国有企业项目欠薪清零（元旦前）' },
      { on: eve, label: '其他欠薪清零（春节前）' },
    ],
    verified: true,
    basis: WINTER_BASIS,
  };
}

function springFestival(year: number, startsOn: string, endsOn: string, newYearsDay: string, basis: string, verified: boolean): SeedPeriod {
  return { code: `spring-festival-${year}`, name: `${year}年春节`, kind: 'SPRING_FESTIVAL', startsOn, endsOn, milestones: [{ on: newYearsDay, label: '春节（正月初一）' }], verified, basis };
}

function twoSessions(year: number): SeedPeriod {
  return { code: `two-sessions-${year}`, name: `${year}年全国两会`, kind: 'TWO_SESSIONS', startsOn: `${year}-03-03`, endsOn: `${year}-03-15`, milestones: [], verified: false, basis: TWO_SESSIONS_BASIS };
}

function labourDay(year: number, basis: string, verified: boolean): SeedPeriod {
  return { code: `labour-day-${year}`, name: `${year}年劳动节`, kind: 'LABOUR_DAY', startsOn: `${year}-05-01`, endsOn: `${year}-05-05`, milestones: [], verified, basis };
}

function nationalDay(year: number, name: string, endsOn: string, basis: string, verified: boolean): SeedPeriod {
  return { code: `national-day-${year}`, name, kind: 'NATIONAL_DAY', startsOn: `${year}-10-01`, endsOn, milestones: [], verified, basis };
}

/** DOMAIN §5's seeded defaults for 2025–2027, every one global, active and with 7 lead days. */
const SEED_PERIODS: SeedPeriod[] = [
  winter(2024, '2025-01-28'),
  springFestival(2025, '2025-01-28', '2025-02-04', '2025-01-29', NOTICE_2025, true),
  twoSessions(2025),
  labourDay(2025, NOTICE_2025, true),
  nationalDay(2025, '2025年国庆节、中秋节', '2025-10-08', NOTICE_2025, true),
  winter(2025, '2026-02-16'),
  springFestival(2026, '2026-02-15', '2026-02-23', '2026-02-17', NOTICE_2026, true),
  twoSessions(2026),
  labourDay(2026, NOTICE_2026, true),
  nationalDay(2026, '2026年国庆节', '2026-10-07', NOTICE_2026, true),
  winter(2026, '2027-02-05'),
  springFestival(2027, '2027-02-05', '2027-02-08', '2027-02-06', `${UNPUBLISHED_2027}；暂按法定4天（除夕至正月初三）`, false),
  twoSessions(2027),
  labourDay(2027, `${UNPUBLISHED_2027}；暂按5月1日至5日`, false),
  nationalDay(2027, '2027年国庆节', '2027-10-07', `${UNPUBLISHED_2027}；暂按10月1日至7日`, false),
];

/** DOMAIN §5's thresholds, rule-set version 1. */
const SEED_RULES = [
  { id: 'COLLECTIVE_10', level: 'YELLOW', enabled: true, params: { minWorkers: 10 }, reasonTemplate: '集体争议：涉及 {workerCount} 名劳动者（≥{minWorkers}）' },
  { id: 'COLLECTIVE_30', level: 'ORANGE', enabled: true, params: { minWorkers: 30 }, reasonTemplate: '较大规模集体争议：涉及 {workerCount} 名劳动者（≥{minWorkers}）' },
  {
    id: 'MIGRANT_WAGE',
    level: 'YELLOW',
    enabled: true,
    params: { minMigrantWorkers: 1, claimTypes: ['WAGE_ARREARS'] },
    reasonTemplate: '农民工欠薪：涉及 {migrantWorkers} 名农民工，请求事项含{claimTypes}',
  },
  { id: 'ARREARS_1', level: 'YELLOW', enabled: true, params: { minMonths: 1 }, reasonTemplate: '拖欠工资 {arrearsMonths} 个月（≥{minMonths}）' },
  { id: 'ARREARS_2', level: 'ORANGE', enabled: true, params: { minMonths: 2 }, reasonTemplate: '连续欠薪：拖欠工资 {arrearsMonths} 个月（≥{minMonths}）' },
  {
    id: 'ARREARS_WINTER',
    level: 'RED',
    enabled: true,
    params: { minMonths: 2, periodKinds: ['WINTER_WAGE_CAMPAIGN'] },
    reasonTemplate: '{periodName}期间拖欠工资 {arrearsMonths} 个月（≥{minMonths}）',
  },
  { id: 'AMOUNT', level: 'YELLOW', enabled: true, params: { above: '100000.00' }, reasonTemplate: '请求金额较大：合计 ¥{totalClaimed}（>¥{above}）' },
  { id: 'FLAG_RED', level: 'RED', enabled: true, params: { flags: ['EXTREME_ACT_THREAT', 'EMPLOYER_ABSCONDED'] }, reasonTemplate: '高危情形：{flags}' },
  {
    id: 'FLAG_ORANGE',
    level: 'ORANGE',
    enabled: true,
    params: { flags: ['REPEAT_PETITIONER', 'EMPLOYER_CLOSING', 'MEDIA_ATTENTION'] },
    reasonTemplate: '风险情形：{flags}',
  },
  { id: 'HARDSHIP', level: 'YELLOW', enabled: true, params: { flags: ['HARDSHIP'] }, reasonTemplate: '困难情形：{flags}' },
  {
    id: 'MISSED',
    level: 'ORANGE',
    enabled: true,
    params: { deadlineKinds: ['ACCEPTANCE_DECISION', 'PAYMENT_DUE', 'ARBITRATION_LIMITATION'] },
    reasonTemplate: '期限已逾期：{deadlines}',
  },
  { id: 'DEFAULT', level: 'ORANGE', enabled: true, params: { states: ['agreement.defaulted'] }, reasonTemplate: '调解协议未按期履行（{state}）' },
];

/**
 * Sensitive periods and versioned risk rule sets (DOMAIN §5), seeded with the defaults, plus the revision counter that
 * lets every instance cache both and still notice a change made by any other instance.
 *
 * Periods are deactivated, never deleted, and a rule-set version never changes once written: screenings and alerts
 * name them. The application role therefore may not DELETE periods nor UPDATE or DELETE rule sets, and only reads the
 * revision.
 */
export class CreateRiskPolicy1767657600000 implements MigrationInterface {
  name = 'CreateRiskPolicy1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sensitive_periods (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code text,
        name text NOT NULL,
        kind text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        lead_days integer NOT NULL DEFAULT 7,
        milestones jsonb NOT NULL DEFAULT '[]',
        organization_id uuid,
        active boolean NOT NULL DEFAULT true,
        verified boolean NOT NULL DEFAULT true,
        basis text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CONSTRAINT pk_sensitive_periods PRIMARY KEY (id),
        CONSTRAINT uq_sensitive_periods_code UNIQUE (code),
        CONSTRAINT fk_sensitive_periods_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_sensitive_periods_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_sensitive_periods_updated_by FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_sensitive_periods_code CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT chk_sensitive_periods_name CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 100),
        CONSTRAINT chk_sensitive_periods_kind CHECK (kind IN (${list(PERIOD_KINDS)})),
        CONSTRAINT chk_sensitive_periods_dates CHECK (ends_on >= starts_on),
        CONSTRAINT chk_sensitive_periods_lead_days CHECK (lead_days BETWEEN 0 AND 60),
        CONSTRAINT chk_sensitive_periods_milestones CHECK (jsonb_typeof(milestones) = 'array'),
        CONSTRAINT chk_sensitive_periods_basis CHECK (char_length(basis) <= 500)
      )`);
    await queryRunner.query('CREATE INDEX ix_sensitive_periods_organization ON sensitive_periods (organization_id) WHERE organization_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX ix_sensitive_periods_starts_on ON sensitive_periods (starts_on)');

    // The rules column holds the rule array; the version is the key, and the current set is the highest version.
    await queryRunner.query(`
      CREATE TABLE risk_rule_sets (
        version integer NOT NULL,
        rules jsonb NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT pk_risk_rule_sets PRIMARY KEY (version),
        CONSTRAINT fk_risk_rule_sets_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_risk_rule_sets_version CHECK (version >= 1),
        CONSTRAINT chk_risk_rule_sets_rules CHECK (jsonb_typeof(rules) = 'array'),
        CONSTRAINT chk_risk_rule_sets_note CHECK (char_length(note) <= 500)
      )`);

    // Bumped by a statement trigger on every change to either table, by any writer (an operator's psql included), in
    // the writer's transaction. Values come from a sequence, which never hands one out twice, so a revision seen once
    // always stands for the same contents, even when the transaction that produced it rolled back. The trigger runs as
    // the owner, so the application role only reads the revision: setting it back by hand would revive a stale cache.
    await queryRunner.query('CREATE SEQUENCE risk_policy_revision_seq AS bigint');
    await queryRunner.query(`
      CREATE TABLE risk_policy_revisions (
        singleton boolean NOT NULL DEFAULT true,
        revision bigint NOT NULL,
        CONSTRAINT pk_risk_policy_revisions PRIMARY KEY (singleton),
        CONSTRAINT chk_risk_policy_revisions_singleton CHECK (singleton)
      )`);
    await queryRunner.query(`INSERT INTO risk_policy_revisions (revision) VALUES (nextval('risk_policy_revision_seq'))`);
    await queryRunner.query(`
      CREATE FUNCTION risk_policy_bump_revision() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        UPDATE risk_policy_revisions SET revision = nextval('risk_policy_revision_seq');
        RETURN NULL;
      END
      $$`);
    for (const table of ['sensitive_periods', 'risk_rule_sets']) {
      await queryRunner.query(
        `CREATE TRIGGER trg_${table}_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION risk_policy_bump_revision()`,
      );
    }

    for (const period of SEED_PERIODS) {
      await queryRunner.query(
        `INSERT INTO sensitive_periods (code, name, kind, starts_on, ends_on, lead_days, milestones, verified, basis)
         VALUES ($1, $2, $3, $4, $5, 7, $6, $7, $8)`,
        [period.code, period.name, period.kind, period.startsOn, period.endsOn, JSON.stringify(period.milestones), period.verified, period.basis],
      );
    }
    await queryRunner.query(`INSERT INTO risk_rule_sets (version, rules, note) VALUES (1, $1, $2)`, [JSON.stringify(SEED_RULES), 'DOMAIN §5 默认阈值']);

    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tiaojie_app') THEN
          REVOKE DELETE, TRUNCATE ON sensitive_periods FROM tiaojie_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON risk_rule_sets FROM tiaojie_app;
          REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON risk_policy_revisions FROM tiaojie_app;
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE risk_rule_sets');
    await queryRunner.query('DROP TABLE sensitive_periods');
    await queryRunner.query('DROP FUNCTION risk_policy_bump_revision()');
    await queryRunner.query('DROP TABLE risk_policy_revisions');
    await queryRunner.query('DROP SEQUENCE risk_policy_revision_seq');
  }
}
