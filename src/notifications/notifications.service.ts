import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { maskPiiInText } from '../common/pii/mask-payload';
import { preparedQuery } from '../database/prepared-query';
import { NOTIFICATION_DELIVERY_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel';

export const NOTIFICATION_KINDS = ['CASE_ASSIGNED', 'ALERT_RAISED', 'ALERT_ESCALATED', 'COURT_DECISION', 'SCREENING_ALERTS'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotifyInput {
  readonly recipientIds: readonly string[];
  readonly organizationId: string;
  readonly kind: NotificationKind;
  readonly caseId?: string | null;
  readonly alertId?: string | null;
  /** The screening a SCREENING_ALERTS digest tells of; no other kind names one. */
  readonly screeningId?: string | null;
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
    const [ids] = await this.notifyMany(tx, [input]);
    return ids;
  }

  /**
   * notify() for many notices at once (a screening's alerts): one INSERT for all their rows and, per channel, one
   * for the deliveries and one for the delivery jobs. Answers each input's notification ids. Notifications are lists:
   * like every list they show personal data masked (DOMAIN §1).
   */
  async notifyMany(tx: EntityManager, inputs: readonly NotifyInput[]): Promise<string[][]> {
    const ids = inputs.map((input) => [...new Set(input.recipientIds)].map(() => randomUUID()));
    const rows = inputs.flatMap((input, i) => [...new Set(input.recipientIds)].map((recipientId, j) => ({ id: ids[i][j], recipientId, input })));
    if (rows.length === 0) return ids;
    await preparedQuery(
      tx,
      `INSERT INTO notifications (id, recipient_id, organization_id, kind, case_id, alert_id, screening_id, title, body, created_at)
       SELECT id, r, o, k, c, a, s, t, b, $10
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::text[]) AS v(id, r, o, k, c, a, s, t, b)`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.recipientId),
        rows.map((row) => row.input.organizationId),
        rows.map((row) => row.input.kind),
        rows.map((row) => row.input.caseId ?? null),
        rows.map((row) => row.input.alertId ?? null),
        rows.map((row) => row.input.screeningId ?? null),
        rows.map((row) => maskPiiInText(row.input.title)),
        rows.map((row) => maskPiiInText(row.input.body)),
        this.clock.now(),
      ],
    );
    for (const channel of this.channels) {
      const notificationIds = rows.map((row) => row.id);
      await preparedQuery(tx, 'INSERT INTO notification_deliveries (notification_id, channel) SELECT unnest($1::uuid[]), $2', [notificationIds, channel.name]);
      await this.jobs.sendMany<NotificationDeliveryJob>(
        tx,
        NOTIFICATION_DELIVERY_QUEUE,
        notificationIds.map((notificationId) => ({ data: { notificationId, channel: channel.name }, singletonKey: `${notificationId}:${channel.name}` })),
      );
    }
    return ids;
  }

  /** Active supervisors of an organization: who hears of every YELLOW-or-worse alert and every escalation. */
  async supervisorsOf(manager: EntityManager, organizationId: string): Promise<string[]> {
    const rows = await preparedQuery<{ id: string }[]>(manager, `SELECT id FROM users WHERE organization_id = $1 AND role = 'SUPERVISOR' AND active ORDER BY id`, [organizationId]);
    return rows.map((row) => row.id);
  }

  /** Active liaisons of the courts each case is linked to (referring or reviewing); a case without any is absent. */
  async liaisonsOfCases(manager: EntityManager, caseIds: readonly string[]): Promise<Map<string, string[]>> {
    if (caseIds.length === 0) return new Map();
    const rows = await preparedQuery<{ case_id: string; id: string }[]>(
      manager,
      `SELECT c.id AS case_id, u.id FROM cases c JOIN users u ON u.organization_id IN (c.court_org_id, c.review_court_id)
       WHERE c.id = ANY($1::uuid[]) AND u.role = 'COURT_LIAISON' AND u.active ORDER BY c.id, u.id`,
      [caseIds],
    );
    const byCase = new Map<string, string[]>();
    for (const row of rows) {
      const liaisons = byCase.get(row.case_id) ?? [];
      liaisons.push(row.id);
      byCase.set(row.case_id, liaisons);
    }
    return byCase;
  }
}
