import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ALERT_ESCALATION_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { AlertNotifier } from './alert-notifier';
import { alertColumns, levelSince, type AlertView } from './alert-row';
import { escalationDueAt, escalationVerdict } from './alert-rules';
import type { AlertEscalationJob } from './alerts.service';
import { isUuid } from '../common/uuid';

/** What an escalation job came to; returned for tests and logs. */
export type EscalationOutcome = 'ESCALATED' | 'NOT_YET' | 'STALE';

/**
 * Escalates a RED alert left OPEN for the configured time (DOMAIN §5 "Escalation"). The job is durable and may be
 * delivered more than once; the locked re-check inside one transaction makes every delivery after the first, and
 * any delivery for an alert acknowledged meanwhile, change nothing.
 */
@Injectable()
export class AlertEscalationWorker implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    private readonly audit: AuditService,
    private readonly notifier: AlertNotifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<AlertEscalationJob>(ALERT_ESCALATION_QUEUE, async (job) => {
      await this.escalate(job.data.alertId, `job:${job.id}`);
    });
  }

  escalate(alertId: string, requestId: string): Promise<EscalationOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const alert = await this.lock(tx, alertId);
      if (alert === undefined) return 'STALE';
      const minutes = this.config.alertEscalationMinutes;
      const verdict = escalationVerdict({ ...alert, levelSince: levelSince(alert) }, this.clock.now(), minutes);
      if (verdict === 'NOT_YET') {
        // The database's clock ran ahead of this instance's: come back when this instance agrees the time has come.
        await this.jobs.send(tx, ALERT_ESCALATION_QUEUE, { alertId: alert.id }, { startAfter: escalationDueAt(levelSince(alert), minutes), singletonKey: alert.id });
      }
      if (verdict !== 'ESCALATE') return verdict;
      await this.markEscalated(tx, alert, requestId);
      return 'ESCALATED';
    });
  }

  // The case row, then the alert: the order of every other change to a case and its alerts.
  private async lock(tx: EntityManager, alertId: string): Promise<AlertView | undefined> {
    if (!isUuid(alertId)) return undefined;
    await tx.query('SELECT id FROM cases WHERE id = (SELECT case_id FROM alerts WHERE id = $1) FOR UPDATE', [alertId]);
    const rows = (await tx.query(`SELECT ${alertColumns('a')} FROM alerts a WHERE a.id = $1 FOR UPDATE`, [alertId])) as AlertView[];
    return rows[0];
  }

  private async markEscalated(tx: EntityManager, alert: AlertView, requestId: string): Promise<void> {
    const now = this.clock.now();
    const [[escalated]] = (await tx.query(`UPDATE alerts SET escalated = true, escalated_at = $2 WHERE id = $1 RETURNING ${alertColumns('alerts')}`, [alert.id, now])) as [
      AlertView[],
      number,
    ];
    const supervisorIds = await this.supervisorsOf(tx, alert.organizationId);
    await this.audit.append(tx, {
      actor: { userId: null, role: 'SYSTEM' },
      orgId: alert.organizationId,
      caseId: alert.caseId,
      category: 'CASE',
      action: 'ALERT_ESCALATED',
      requestId,
      payload: {
        alertId: alert.id,
        kind: alert.kind,
        level: alert.level,
        redSince: levelSince(alert).toISOString(),
        afterMinutes: this.config.alertEscalationMinutes,
      },
    });
    await this.notifier.alertEscalated(tx, { alert: escalated, supervisorIds });
  }

  private async supervisorsOf(tx: EntityManager, organizationId: string): Promise<string[]> {
    const rows = (await tx.query(`SELECT id FROM users WHERE organization_id = $1 AND role = 'SUPERVISOR' AND active ORDER BY id`, [organizationId])) as { id: string }[];
    return rows.map((row) => row.id);
  }
}
