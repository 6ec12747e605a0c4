import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { JOB_QUEUES, NOTIFICATION_DELIVERY_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type OutgoingNotification } from './notification-channel';
import type { NotificationDeliveryJob } from './notifications.service';

export type DeliveryOutcome = 'DELIVERED' | 'ALREADY_DELIVERED' | 'RETRYING' | 'FAILED' | 'UNKNOWN';

const ATTEMPTS = (JOB_QUEUES.find((queue) => queue.name === NOTIFICATION_DELIVERY_QUEUE)?.retryLimit ?? 0) + 1;

/** Hands each notification to its external channel; a failure is recorded and retried by the queue's policy. */
@Injectable()
export class NotificationDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationDeliveryWorker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: readonly NotificationChannel[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.channels.length === 0) return;
    await this.jobs.work<NotificationDeliveryJob>(NOTIFICATION_DELIVERY_QUEUE, async (job) => {
      if ((await this.deliver(job.data)) === 'RETRYING') throw new Error(`delivery of notification ${job.data.notificationId} failed; retrying`);
    });
  }

  async deliver(job: NotificationDeliveryJob): Promise<DeliveryOutcome> {
    const channel = this.channels.find((candidate) => candidate.name === job.channel);
    const [row] = (await this.dataSource.query(
      `SELECT d.status, d.attempts, n.id, n.kind, n.title, n.body, n.case_id, n.alert_id, n.screening_id, n.created_at,
              u.id AS user_id, u.username, u.display_name, u.role
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = n.recipient_id
       WHERE d.notification_id = $1 AND d.channel = $2`,
      [job.notificationId, job.channel],
    )) as DeliveryRow[];
    if (!row || !channel) return 'UNKNOWN';
    if (row.status !== 'PENDING') return 'ALREADY_DELIVERED';
    try {
      await channel.deliver(outgoing(row));
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= ATTEMPTS;
      await this.dataSource.query(
        `UPDATE notification_deliveries SET attempts = $3, last_error = $4, status = $5 WHERE notification_id = $1 AND channel = $2`,
        [job.notificationId, job.channel, attempts, String((error as Error).message).slice(0, 500), failed ? 'FAILED' : 'PENDING'],
      );
      if (failed) this.logger.error({ notificationId: job.notificationId, channel: job.channel, attempts }, 'notification delivery gave up');
      return failed ? 'FAILED' : 'RETRYING';
    }
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = $3, last_error = NULL WHERE notification_id = $1 AND channel = $2`,
      [job.notificationId, job.channel, this.clock.now()],
    );
    return 'DELIVERED';
  }
}

interface DeliveryRow {
  status: string;
  attempts: number;
  id: string;
  kind: string;
  title: string;
  body: string;
  case_id: string | null;
  alert_id: string | null;
  screening_id: string | null;
  created_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  role: string;
}

function outgoing(row: DeliveryRow): OutgoingNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    caseId: row.case_id,
    alertId: row.alert_id,
    screeningId: row.screening_id,
    createdAt: row.created_at.toISOString(),
    recipient: { id: row.user_id, username: row.username, displayName: row.display_name, role: row.role },
  };
}
