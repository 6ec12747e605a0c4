import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ledger row's place in its ledger (most serious first, then by case number), as the screening sorted it before
 * writing it. The ledger is read a page at a time, and each page had sorted the whole ledger again: 0.5 s for a
 * city's 100,000 rows. Keyed by (screening_id, position), a page is a walk along the key, and a screening writes its
 * rows in key order rather than scattering them over an index of random case ids. Nothing else needs that index:
 * a case appears once in a ledger because the screening writes one row per case it read, in one statement.
 */
export class KeyScreeningLedgerByPosition1768348800000 implements MigrationInterface {
  name = 'KeyScreeningLedgerByPosition1768348800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE risk_screening_cases ADD COLUMN position integer');
    // The order the ledger was read in until now (LEDGER_ORDER_SQL at the time), so that existing ledgers keep theirs.
    await queryRunner.query(`
      UPDATE risk_screening_cases r SET position = o.position
      FROM (SELECT screening_id, case_id,
                   row_number() OVER (PARTITION BY screening_id
                                      ORDER BY array_position(ARRAY['BLUE', 'YELLOW', 'ORANGE', 'RED'], level) DESC, case_number COLLATE "C")::int AS position
            FROM risk_screening_cases) o
      WHERE r.screening_id = o.screening_id AND r.case_id = o.case_id`);
    await queryRunner.query('ALTER TABLE risk_screening_cases ALTER COLUMN position SET NOT NULL');
    await queryRunner.query('ALTER TABLE risk_screening_cases ADD CONSTRAINT chk_risk_screening_cases_position CHECK (position >= 1)');
    await queryRunner.query('ALTER TABLE risk_screening_cases DROP CONSTRAINT pk_risk_screening_cases');
    await queryRunner.query('ALTER TABLE risk_screening_cases ADD CONSTRAINT pk_risk_screening_cases PRIMARY KEY (screening_id, position)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE risk_screening_cases DROP CONSTRAINT pk_risk_screening_cases');
    await queryRunner.query('ALTER TABLE risk_screening_cases ADD CONSTRAINT pk_risk_screening_cases PRIMARY KEY (screening_id, case_id)');
    await queryRunner.query('ALTER TABLE risk_screening_cases DROP COLUMN position');
  }
}
