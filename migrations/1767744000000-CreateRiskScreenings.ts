import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risk screenings (the 台账 ledger a supervisor prints before a sensitive date) and the cases each one screened, as
 * they stood then. A scheduled screening runs once per organization and legal date, whichever instance runs it.
 */
export class CreateRiskScreenings1767744000000 implements MigrationInterface {
  name = 'CreateRiskScreenings1767744000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE risk_screenings (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        as_of date NOT NULL,
        trigger text NOT NULL,
        run_by uuid,
        windows jsonb NOT NULL,
        rule_set_version integer NOT NULL,
        cases_screened integer NOT NULL,
        counts jsonb NOT NULL,
        alerts_raised integer NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT pk_risk_screenings PRIMARY KEY (id),
        CONSTRAINT fk_risk_screenings_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_risk_screenings_run_by FOREIGN KEY (run_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_risk_screenings_trigger CHECK (trigger IN ('SCHEDULED', 'ON_DEMAND')),
        CONSTRAINT chk_risk_screenings_run_by CHECK ((trigger = 'SCHEDULED') = (run_by IS NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX ux_risk_screenings_scheduled ON risk_screenings (organization_id, as_of) WHERE trigger = 'SCHEDULED'`);
    await queryRunner.query('CREATE INDEX ix_risk_screenings_org_created ON risk_screenings (organization_id, created_at DESC)');

    await queryRunner.query(`
      CREATE TABLE risk_screening_cases (
        screening_id uuid NOT NULL,
        case_id uuid NOT NULL,
        case_number text NOT NULL,
        state text NOT NULL,
        mediator_id uuid,
        mediator_name text,
        level text NOT NULL,
        base_level text NOT NULL,
        reasons jsonb NOT NULL,
        CONSTRAINT pk_risk_screening_cases PRIMARY KEY (screening_id, case_id),
        CONSTRAINT fk_risk_screening_cases_screening FOREIGN KEY (screening_id) REFERENCES risk_screenings (id) ON DELETE CASCADE,
        CONSTRAINT fk_risk_screening_cases_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        CONSTRAINT chk_risk_screening_cases_level CHECK (level IN ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
        CONSTRAINT chk_risk_screening_cases_base_level CHECK (base_level IN ('BLUE', 'YELLOW', 'ORANGE', 'RED'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE risk_screening_cases');
    await queryRunner.query('DROP TABLE risk_screenings');
  }
}
