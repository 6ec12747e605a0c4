import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { maskPiiInText } from '../common/pii/mask-payload';
import { NOTIFICATION_DELIVERY_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel';

export type NotificationKind = 'CASE_ASSIGNED' | 'ALERT_RAISED' | 'ALERT_ESCALATED' | 'COURT_DECISION';

export interface NotifyInput {
  readonly recipientIds: readonly string[];
  readonly organizationId: string;
  readonly kind: NotificationKind;
  readonly caseId?: string | null;
  readonly alertId?: string | null;
  readonly title: string;
  readonly body: string;
}

export interface NotificationDeliveryJob {
  readonly notificationId: string;
  readonly channel: string;
}

/**
 * The outbox: notifications are rows written in the transaction of the change that causes them, so a rolled-back
 * change tells nobody and a committed one cannot lose its notice. External channels get one delivery job each,
 * queued in the same transaction.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: readonly NotificationChannel[],
  ) {}

  async notify(tx: EntityManager, input: NotifyInput): Promise<string[]> {
    const recipients = [...new Set(input.recipientIds)];
    if (recipients.length === 0) return [];
    // Notifications are lists: like every list they show personal data masked (DOMAIN §1).
    const rows = (await tx.query(
      `INSERT INTO notifications (recipient_id, organization_id, kind, case_id, alert_id, title, body, created_at)
       SELECT r, $2, $3, $4, $5, $6, $7, $8 FROM unnest($1::uuid[]) AS r RETURNING id`,
      [recipients, input.organizationId, input.kind, input.caseId ?? null, input.alertId ?? null, maskPiiInText(input.title), maskPiiInText(input.body), this.clock.now()],
    )) as { id: string }[];
    for (const channel of this.channels) {
      for (const { id } of rows) {
        await tx.query('INSERT INTO notification_deliveries (notification_id, channel) VALUES ($1, $2)', [id, channel.name]);
        const job: NotificationDeliveryJob = { notificationId: id, channel: channel.name };
        await this.jobs.send(tx, NOTIFICATION_DELIVERY_QUEUE, job, { singletonKey: `${id}:${channel.name}` });
      }
    }
    return rows.map((row) => row.id);
  }

  /** Active supervisors of an organization: who hears of every YELLOW-or-worse alert and every escalation. */
  async supervisorsOf(manager: EntityManager, organizationId: string): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM users WHERE organization_id = $1 AND role = 'SUPERVISOR' AND active ORDER BY id`, [organizationId])) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Active liaisons of the courts a case is linked to (referring or reviewing). */
  async liaisonsOfCase(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT u.id FROM cases c JOIN users u ON u.organization_id IN (c.court_org_id, c.review_court_id)
       WHERE c.id = $1 AND u.role = 'COURT_LIAISON' AND u.active ORDER BY u.id`,
      [caseId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
