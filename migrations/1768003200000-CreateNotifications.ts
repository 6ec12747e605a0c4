import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications, written in the same transaction as the change that causes them (an outbox), and the
 * deliveries of each one to the external channels configured (webhook towards an SMS or e-mail gateway).
 */
export class CreateNotifications1768003200000 implements MigrationInterface {
  name = 'CreateNotifications1768003200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        kind text NOT NULL,
        case_id uuid,
        alert_id uuid,
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CONSTRAINT pk_notifications PRIMARY KEY (id),
        CONSTRAINT fk_notifications_recipient FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_notifications_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_notifications_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        CONSTRAINT fk_notifications_alert FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE RESTRICT,
        CONSTRAINT chk_notifications_kind CHECK (kind IN ('CASE_ASSIGNED', 'ALERT_RAISED', 'ALERT_ESCALATED', 'COURT_DECISION')),
        CONSTRAINT chk_notifications_title CHECK (char_length(title) BETWEEN 1 AND 200),
        CONSTRAINT chk_notifications_body CHECK (char_length(body) BETWEEN 1 AND 2000)
      )`);
    await queryRunner.query('CREATE INDEX ix_notifications_recipient_created ON notifications (recipient_id, created_at DESC)');
    await queryRunner.query('CREATE INDEX ix_notifications_recipient_unread ON notifications (recipient_id) WHERE read_at IS NULL');

    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        notification_id uuid NOT NULL,
        channel text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        delivered_at timestamptz,
        CONSTRAINT pk_notification_deliveries PRIMARY KEY (notification_id, channel),
        CONSTRAINT fk_notification_deliveries_notification FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE,
        CONSTRAINT chk_notification_deliveries_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notification_deliveries');
    await queryRunner.query('DROP TABLE notifications');
  }
}
