import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen with the migration, like the vocabularies of CreateCases: a new kind is a new migration.
const KINDS = ['RELIEF_FUNDS', 'FESTIVAL_CONDOLENCE', 'LEGAL_AID', 'JOB_REFERRAL', 'MEDICAL_MUTUAL_AID', 'OTHER'];
const AMOUNT_REQUIRED = ['RELIEF_FUNDS', 'FESTIVAL_CONDOLENCE', 'MEDICAL_MUTUAL_AID'];
const AMOUNT_FORBIDDEN = ['LEGAL_AID', 'JOB_REFERRAL'];
const STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'];

const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * Hardship assistance (困难职工兜底帮扶) given to the workers of a case, or to the case as a whole: a mediator or
 * supervisor proposes, another supervisor approves or rejects, and each step is in the case's audit chain. A record
 * is never deleted, and once decided it never changes again; the database holds both, not only the service.
 */
export class CreateHardshipAssistance1767916800000 implements MigrationInterface {
  name = 'CreateHardshipAssistance1767916800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // organization_id is the case's, copied when the record is proposed (cases never change organization), so that a
    // period's records of one organization are read from one index.
    await queryRunner.query(`
      CREATE TABLE assistance_records (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        case_id uuid NOT NULL,
        applicant_position integer,
        kind text NOT NULL,
        amount numeric(14,2),
        given_on date NOT NULL,
        note text NOT NULL,
        status text NOT NULL DEFAULT 'PROPOSED',
        proposed_by uuid NOT NULL,
        proposed_at timestamptz NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        decision_note text,
        CONSTRAINT pk_assistance_records PRIMARY KEY (id),
        CONSTRAINT fk_assistance_records_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_assistance_records_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        -- MATCH SIMPLE: a record for the case as a whole (no position) is not checked against an applicant.
        CONSTRAINT fk_assistance_records_applicant FOREIGN KEY (case_id, applicant_position)
          REFERENCES case_applicants (case_id, position) ON DELETE RESTRICT,
        CONSTRAINT fk_assistance_records_proposed_by FOREIGN KEY (proposed_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_assistance_records_decided_by FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_assistance_records_kind CHECK (kind IN (${list(KINDS)})),
        CONSTRAINT chk_assistance_records_status CHECK (status IN (${list(STATUSES)})),
        CONSTRAINT chk_assistance_records_applicant_position CHECK (applicant_position >= 0),
        CONSTRAINT chk_assistance_records_amount CHECK (amount > 0),
        -- Money handed over is always recorded with its amount; a service (legal aid, a job referral) never is.
        CONSTRAINT chk_assistance_records_amount_required CHECK (amount IS NOT NULL OR kind NOT IN (${list(AMOUNT_REQUIRED)})),
        CONSTRAINT chk_assistance_records_amount_forbidden CHECK (amount IS NULL OR kind NOT IN (${list(AMOUNT_FORBIDDEN)})),
        CONSTRAINT chk_assistance_records_note CHECK (char_length(note) BETWEEN 1 AND 1000),
        CONSTRAINT chk_assistance_records_decision CHECK (
          (status = 'PROPOSED') = (decided_by IS NULL)
          AND (status = 'PROPOSED') = (decided_at IS NULL)
          AND (status <> 'REJECTED' OR decision_note IS NOT NULL)
          AND (status <> 'PROPOSED' OR decision_note IS NULL)
        ),
        -- Four eyes: whoever proposed a record does not approve it.
        CONSTRAINT chk_assistance_records_four_eyes CHECK (status <> 'APPROVED' OR decided_by <> proposed_by),
        CONSTRAINT chk_assistance_records_decision_note CHECK (char_length(decision_note) BETWEEN 1 AND 500)
      )`);

    // A case's records; the screening asks which cases have approved assistance since a date.
    await queryRunner.query('CREATE INDEX ix_assistance_records_case_given_on ON assistance_records (case_id, given_on)');
    await queryRunner.query(`CREATE INDEX ix_assistance_records_case_approved ON assistance_records (case_id, given_on) WHERE status = 'APPROVED'`);
    // A period's records of an organization (the supervisor's list and the statistics).
    await queryRunner.query('CREATE INDEX ix_assistance_records_org_given_on ON assistance_records (organization_id, given_on)');

    // A decision is final, and what was proposed is what was decided on: only a PROPOSED row changes, and only in its
    // decision columns. Without this a later UPDATE could quietly rewrite an approved amount.
    await queryRunner.query(`
      CREATE FUNCTION assistance_records_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'PROPOSED' THEN
          RAISE EXCEPTION 'assistance record % is % and cannot change', OLD.id, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        IF (NEW.id, NEW.organization_id, NEW.case_id, NEW.applicant_position, NEW.kind, NEW.amount, NEW.given_on, NEW.note,
            NEW.proposed_by, NEW.proposed_at)
           IS DISTINCT FROM
           (OLD.id, OLD.organization_id, OLD.case_id, OLD.applicant_position, OLD.kind, OLD.amount, OLD.given_on, OLD.note,
            OLD.proposed_by, OLD.proposed_at) THEN
          RAISE EXCEPTION 'only the decision of assistance record % may change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_assistance_records_guard BEFORE UPDATE ON assistance_records
      FOR EACH ROW EXECUTE FUNCTION assistance_records_guard()`);

    // The table is covered by the default privileges CreateAuditTrail gave tiaojie_app; records are never deleted.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tiaojie_app') THEN
          REVOKE DELETE, TRUNCATE ON assistance_records FROM tiaojie_app;
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE assistance_records');
    await queryRunner.query('DROP FUNCTION assistance_records_guard()');
  }
}
