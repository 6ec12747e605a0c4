import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A screening's ledger row records a case as it stood that day (number, state, mediator's name are copied), and
 * cases are never deleted, so the foreign key to cases guarded against nothing that happens. Checking it cost every
 * screening a key-share lock on each case it screened: 100,000 row locks, each a dirtied page and a WAL record, and
 * 1.5–2 s of the ledger insert on the bench's city. The key to the screening itself stays.
 */
export class DropScreeningLedgerCaseKey1768176000000 implements MigrationInterface {
  name = 'DropScreeningLedgerCaseKey1768176000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE risk_screening_cases DROP CONSTRAINT fk_risk_screening_cases_case');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE risk_screening_cases ADD CONSTRAINT fk_risk_screening_cases_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT',
    );
  }
}
