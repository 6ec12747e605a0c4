import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hardship cases of a screening's ledger, which every page of it counts (those in the ledger, those without
 * assistance): a small share of a city's cases, one in twenty in the bench's. Without it each page scanned all
 * 100,000 rows of the ledger and tested their reasons, ~0.5 s; the index holds only the hardship rows, so the
 * screening's insert barely pays for it. The predicate is the one readLedgerPage writes (HARDSHIP_SQL), or PostgreSQL
 * would not use it.
 */
export class IndexScreeningLedgerHardship1768435200000 implements MigrationInterface {
  name = 'IndexScreeningLedgerHardship1768435200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_risk_screening_cases_hardship ON risk_screening_cases (screening_id) WHERE reasons @> '[{"ruleId": "HARDSHIP"}]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_risk_screening_cases_hardship');
  }
}
