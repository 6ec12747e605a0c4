import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referring court's acknowledgement that it received the feedback letter of a delegated or entrusted case
 * (Invited Arts.21 and 26; DOMAIN §8). One per case: the primary key is what makes a repeated or concurrent
 * acknowledgement a no-op instead of a second record.
 */
export class CreateCourtHandoffs1767830400000 implements MigrationInterface {
  name = 'CreateCourtHandoffs1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE court_handoffs (
        case_id uuid NOT NULL,
        court_org_id uuid NOT NULL,
        acknowledged_by uuid NOT NULL,
        acknowledged_at timestamptz NOT NULL,
        note text,
        CONSTRAINT pk_court_handoffs PRIMARY KEY (case_id),
        CONSTRAINT fk_court_handoffs_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        CONSTRAINT fk_court_handoffs_court_org FOREIGN KEY (court_org_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_court_handoffs_acknowledged_by FOREIGN KEY (acknowledged_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_court_handoffs_note CHECK (note IS NULL OR char_length(note) BETWEEN 1 AND 1000)
      )`);
    await queryRunner.query('CREATE INDEX ix_court_handoffs_court_org ON court_handoffs (court_org_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE court_handoffs');
  }
}
