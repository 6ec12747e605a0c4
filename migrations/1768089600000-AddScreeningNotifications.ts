import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'CASE_ASSIGNED', 'ALERT_RAISED', 'ALERT_ESCALATED', 'COURT_DECISION'`;

/**
 * A screening tells each person once, with a digest of the alerts it raised for them, instead of once per alert (the
 * first screening in a sensitive period raises one on nearly every case). The digest names its screening so that the
 * console can open the ledger; only a digest names one.
 */
export class AddScreeningNotifications1768089600000 implements MigrationInterface {
  name = 'AddScreeningNotifications1768089600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Screenings are never deleted, so the foreign key needs no index on this side to stay cheap.
    await queryRunner.query(`
      ALTER TABLE notifications
        ADD COLUMN screening_id uuid,
        ADD CONSTRAINT fk_notifications_screening FOREIGN KEY (screening_id) REFERENCES risk_screenings (id) ON DELETE RESTRICT,
        DROP CONSTRAINT chk_notifications_kind,
        ADD CONSTRAINT chk_notifications_kind CHECK (kind IN (${KINDS_BEFORE}, 'SCREENING_ALERTS')),
        ADD CONSTRAINT chk_notifications_screening CHECK ((kind = 'SCREENING_ALERTS') = (screening_id IS NOT NULL))`);
  }

  // The digests are what people were told; going back refuses rather than deleting them.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM notifications WHERE kind = 'SCREENING_ALERTS') THEN
          RAISE EXCEPTION 'notifications hold screening digests (kind SCREENING_ALERTS): the old kinds cannot describe them';
        END IF;
      END $$`);
    await queryRunner.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT chk_notifications_screening,
        DROP CONSTRAINT chk_notifications_kind,
        ADD CONSTRAINT chk_notifications_kind CHECK (kind IN (${KINDS_BEFORE})),
        DROP CONSTRAINT fk_notifications_screening,
        DROP COLUMN screening_id`);
  }
}
