import { MigrationInterface, QueryRunner } from 'typeorm';

const CASE_STATES = [
  'intake.registered',
  'intake.awaitingConsent',
  'mediation.active',
  'mediation.suspended',
  'agreement.signing',
  'agreement.effective',
  'agreement.judicialReview',
  'agreement.confirmed',
  'agreement.defaulted',
  'closed.resolved',
  'closed.failed',
  'closed.rejected',
  'closed.withdrawn',
  'closed.referred',
];
const SOURCES = ['WALK_IN', 'HOTLINE', 'ONLINE', 'WRITTEN', 'COURT_DELEGATED', 'COURT_ENTRUSTED', 'LABOR_INSPECTION'];
const RISK_FLAGS = ['EXTREME_ACT_THREAT', 'EMPLOYER_ABSCONDED', 'REPEAT_PETITIONER', 'EMPLOYER_CLOSING', 'HARDSHIP', 'MEDIA_ATTENTION'];
const CLAIM_TYPES = [
  'WAGE_ARREARS',
  'OVERTIME',
  'SOCIAL_INSURANCE',
  'ECONOMIC_COMPENSATION',
  'WORK_INJURY',
  'CONTRACT_TERMINATION',
  'LABOR_RELATIONSHIP',
  'OTHER',
];
const DEADLINE_KINDS = [
  'ACCEPTANCE_DECISION',
  'RESPONDENT_CONSENT',
  'MEDIATION_PERIOD',
  'JUDICIAL_CONFIRMATION_WINDOW',
  'COURT_DECISION',
  'PAYMENT_DUE',
  'ARBITRATION_LIMITATION',
];

// A migration is frozen once committed, so the vocabularies are spelled out here rather than imported from code
// that may change later; a new state or kind is a new migration.
const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * Cases and their parties, claims and deadline rows (DOMAIN §2–§4). The machine snapshot is the source of truth for
 * the case's state and deadlines; `state` and the `deadlines` table are its projections for queries, kept in the
 * same transaction. PII (ID numbers, phones) is stored encrypted next to an HMAC blind index for exact search.
 */
export class CreateCases1767398400000 implements MigrationInterface {
  name = 'CreateCases1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Numbers are taken with INSERT … ON CONFLICT DO UPDATE … RETURNING inside the creating transaction: the row lock
    // serialises concurrent intakes of one organization and year, and a rolled-back intake leaves at most a gap.
    await queryRunner.query(`
      CREATE TABLE case_number_sequences (
        organization_id uuid NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        CONSTRAINT pk_case_number_sequences PRIMARY KEY (organization_id, year),
        CONSTRAINT fk_case_number_sequences_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT chk_case_number_sequences_year CHECK (year BETWEEN 2000 AND 9999),
        CONSTRAINT chk_case_number_sequences_last_value CHECK (last_value >= 1)
      )`);

    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        case_number text NOT NULL,
        source text NOT NULL,
        court_org_id uuid,
        court_case_number text,
        court_procedure text,
        review_court_id uuid,
        received_at timestamptz NOT NULL,
        received_on date NOT NULL,
        state text NOT NULL,
        version integer NOT NULL,
        machine_version integer NOT NULL,
        snapshot jsonb NOT NULL,
        assigned_mediator_id uuid,
        worker_count integer NOT NULL,
        migrant_workers integer NOT NULL,
        arrears_months integer NOT NULL DEFAULT 0,
        collective boolean GENERATED ALWAYS AS (worker_count >= 10) STORED,
        total_claimed numeric(14,2) NOT NULL DEFAULT 0,
        knew_or_should_have_known_at date,
        risk_flags text[] NOT NULL DEFAULT '{}',
        risk_level text NOT NULL DEFAULT 'BLUE',
        risk_reasons jsonb NOT NULL DEFAULT '[]',
        respondent_name text NOT NULL,
        respondent jsonb NOT NULL,
        respondent_contact_phone_enc text,
        respondent_contact_phone_index text,
        related_case_id uuid,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CONSTRAINT pk_cases PRIMARY KEY (id),
        CONSTRAINT uq_cases_org_case_number UNIQUE (organization_id, case_number),
        CONSTRAINT fk_cases_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_cases_court_org FOREIGN KEY (court_org_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_cases_review_court FOREIGN KEY (review_court_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_cases_assigned_mediator FOREIGN KEY (assigned_mediator_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_cases_related_case FOREIGN KEY (related_case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        CONSTRAINT fk_cases_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_cases_case_number CHECK (case_number ~ '^[A-Z]{2,6}-[0-9]{4}-[0-9]{6,}$'),
        CONSTRAINT chk_cases_source CHECK (source IN (${list(SOURCES)})),
        CONSTRAINT chk_cases_state CHECK (state IN (${list(CASE_STATES)})),
        CONSTRAINT chk_cases_version CHECK (version >= 1),
        CONSTRAINT chk_cases_machine_version CHECK (machine_version >= 1),
        CONSTRAINT chk_cases_snapshot CHECK (jsonb_typeof(snapshot) = 'object'),
        CONSTRAINT chk_cases_court_procedure CHECK (court_procedure IN ('ORDINARY', 'SIMPLE')),
        CONSTRAINT chk_cases_court_case_number CHECK (char_length(court_case_number) BETWEEN 5 AND 64),
        -- DOMAIN §2: a court case names its court; only an entrusted (filed) case has a procedure and always a number.
        CONSTRAINT chk_cases_court_fields CHECK (
          (source IN ('COURT_DELEGATED', 'COURT_ENTRUSTED')) = (court_org_id IS NOT NULL)
          AND (source = 'COURT_ENTRUSTED') = (court_procedure IS NOT NULL)
          AND (source <> 'COURT_ENTRUSTED' OR court_case_number IS NOT NULL)
          AND (source IN ('COURT_DELEGATED', 'COURT_ENTRUSTED') OR court_case_number IS NULL)
        ),
        CONSTRAINT chk_cases_worker_count CHECK (worker_count >= 1),
        CONSTRAINT chk_cases_migrant_workers CHECK (migrant_workers BETWEEN 0 AND worker_count),
        CONSTRAINT chk_cases_arrears_months CHECK (arrears_months BETWEEN 0 AND 120),
        CONSTRAINT chk_cases_total_claimed CHECK (total_claimed >= 0),
        CONSTRAINT chk_cases_risk_flags CHECK (risk_flags <@ ARRAY[${list(RISK_FLAGS)}]::text[]),
        CONSTRAINT chk_cases_risk_level CHECK (risk_level IN ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
        CONSTRAINT chk_cases_risk_reasons CHECK (jsonb_typeof(risk_reasons) = 'array'),
        CONSTRAINT chk_cases_respondent_name CHECK (char_length(respondent_name) BETWEEN 1 AND 200),
        CONSTRAINT chk_cases_respondent CHECK (jsonb_typeof(respondent) = 'object'),
        CONSTRAINT chk_cases_respondent_contact_phone CHECK ((respondent_contact_phone_enc IS NULL) = (respondent_contact_phone_index IS NULL)),
        CONSTRAINT chk_cases_related_case CHECK (related_case_id <> id),
        CONSTRAINT chk_cases_closed_at CHECK (closed_at IS NULL OR state LIKE 'closed.%')
      )`);
    await queryRunner.query('CREATE INDEX ix_cases_org_state ON cases (organization_id, state)');
    await queryRunner.query('CREATE INDEX ix_cases_org_received_at ON cases (organization_id, received_at)');
    await queryRunner.query('CREATE INDEX ix_cases_org_risk_level ON cases (organization_id, risk_level)');
    await queryRunner.query('CREATE INDEX ix_cases_assigned_mediator ON cases (assigned_mediator_id) WHERE assigned_mediator_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX ix_cases_court_org ON cases (court_org_id) WHERE court_org_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX ix_cases_review_court ON cases (review_court_id) WHERE review_court_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX ix_cases_related_case ON cases (related_case_id) WHERE related_case_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX ix_cases_respondent_contact_phone_index ON cases (respondent_contact_phone_index) WHERE respondent_contact_phone_index IS NOT NULL');

    await queryRunner.query(`
      CREATE TABLE case_applicants (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        position integer NOT NULL,
        name text NOT NULL,
        id_type text NOT NULL,
        id_number_enc text NOT NULL,
        id_number_index text NOT NULL,
        phone_enc text NOT NULL,
        phone_index text NOT NULL,
        employment_relation text NOT NULL,
        employment_ended_on date,
        migrant_worker boolean NOT NULL,
        is_representative boolean NOT NULL,
        CONSTRAINT pk_case_applicants PRIMARY KEY (id),
        CONSTRAINT uq_case_applicants_case_position UNIQUE (case_id, position),
        CONSTRAINT fk_case_applicants_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT chk_case_applicants_position CHECK (position >= 0),
        CONSTRAINT chk_case_applicants_name CHECK (char_length(name) BETWEEN 1 AND 100),
        CONSTRAINT chk_case_applicants_id_type CHECK (id_type IN ('RESIDENT_ID', 'OTHER')),
        CONSTRAINT chk_case_applicants_employment_relation CHECK (employment_relation IN ('CURRENT', 'FORMER', 'DISPATCHED', 'UNCERTAIN')),
        CONSTRAINT chk_case_applicants_employment_ended_on CHECK (employment_ended_on IS NULL OR employment_relation = 'FORMER')
      )`);
    await queryRunner.query('CREATE INDEX ix_case_applicants_id_number_index ON case_applicants (id_number_index)');
    await queryRunner.query('CREATE INDEX ix_case_applicants_phone_index ON case_applicants (phone_index)');

    await queryRunner.query(`
      CREATE TABLE case_claims (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        position integer NOT NULL,
        type text NOT NULL,
        amount numeric(14,2),
        description text NOT NULL,
        CONSTRAINT pk_case_claims PRIMARY KEY (id),
        CONSTRAINT uq_case_claims_case_position UNIQUE (case_id, position),
        CONSTRAINT fk_case_claims_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT chk_case_claims_position CHECK (position >= 0),
        CONSTRAINT chk_case_claims_type CHECK (type IN (${list(CLAIM_TYPES)})),
        CONSTRAINT chk_case_claims_amount CHECK (amount > 0),
        CONSTRAINT chk_case_claims_amount_required CHECK (amount IS NOT NULL OR type NOT IN ('WAGE_ARREARS', 'OVERTIME', 'ECONOMIC_COMPENSATION')),
        CONSTRAINT chk_case_claims_description CHECK (char_length(description) BETWEEN 1 AND 2000)
      )`);

    // The projection of the machine's context.deadlines, one row per entry key; the id is what durable timers and
    // DEADLINE_EXPIRED name, so an upsert by (case_id, key) keeps it stable.
    await queryRunner.query(`
      CREATE TABLE deadlines (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        key text NOT NULL,
        position integer NOT NULL,
        kind text NOT NULL,
        starts_on date NOT NULL,
        days integer NOT NULL,
        unit text NOT NULL,
        paused_days integer NOT NULL DEFAULT 0,
        paused_since date,
        due_on date NOT NULL,
        status text NOT NULL,
        calendar_verified boolean NOT NULL,
        basis text NOT NULL,
        instalment_no integer,
        supersedes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_deadlines PRIMARY KEY (id),
        CONSTRAINT uq_deadlines_case_key UNIQUE (case_id, key),
        CONSTRAINT fk_deadlines_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
        CONSTRAINT chk_deadlines_position CHECK (position >= 0),
        CONSTRAINT chk_deadlines_kind CHECK (kind IN (${list(DEADLINE_KINDS)})),
        CONSTRAINT chk_deadlines_days CHECK (days >= 0),
        CONSTRAINT chk_deadlines_unit CHECK (unit IN ('CALENDAR_DAYS', 'WORKING_DAYS', 'YEARS', 'FIXED')),
        CONSTRAINT chk_deadlines_paused_days CHECK (paused_days >= 0),
        CONSTRAINT chk_deadlines_due_on CHECK (due_on >= starts_on),
        CONSTRAINT chk_deadlines_status CHECK (status IN ('PENDING', 'MET', 'MISSED', 'CANCELLED')),
        CONSTRAINT chk_deadlines_instalment_no CHECK (instalment_no IS NULL OR (instalment_no >= 1 AND kind = 'PAYMENT_DUE'))
      )`);
    await queryRunner.query('CREATE INDEX ix_deadlines_status_due_on ON deadlines (status, due_on)');
    await queryRunner.query('CREATE INDEX ix_deadlines_case ON deadlines (case_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE deadlines');
    await queryRunner.query('DROP TABLE case_claims');
    await queryRunner.query('DROP TABLE case_applicants');
    await queryRunner.query('DROP TABLE cases');
    await queryRunner.query('DROP TABLE case_number_sequences');
  }
}
