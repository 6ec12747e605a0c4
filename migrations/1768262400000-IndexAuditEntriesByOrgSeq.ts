import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A supervisor reads and exports their organization's trail in seq order (newest page first, or the whole file), and
 * `(org_id, at)` could only find the rows, not their order: PostgreSQL collected every row of the organization and
 * sorted them to hand back fifty, or walked the whole table backwards by its key hoping the organization's rows came
 * soon, whichever its statistics favoured at the time. `(org_id, seq)` gives the page and the export stream in order.
 * It replaces `(org_id, at)` rather than joining it, so that an append still updates as many indexes as before: an
 * organization's time window is found through `ix_audit_entries_at` or by walking `(org_id, seq)` with a filter.
 * Building the index holds off appends while it runs: 2.7 s on a table of 1.1 million rows shaped like this one.
 */
export class IndexAuditEntriesByOrgSeq1768262400000 implements MigrationInterface {
  name = 'IndexAuditEntriesByOrgSeq1768262400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX ix_audit_entries_org_seq ON audit_entries (org_id, seq)');
    await queryRunner.query('DROP INDEX ix_audit_entries_org_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX ix_audit_entries_org_at ON audit_entries (org_id, at)');
    await queryRunner.query('DROP INDEX ix_audit_entries_org_seq');
  }
}
