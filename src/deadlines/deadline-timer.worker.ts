import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AlertsService } from '../alerts/alerts.service';
import { AuditService } from '../audit/audit.service';
import { CaseRiskService } from '../risk-assessment/case-risk.service';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import type { DeadlineKind } from '../cases/machine/case.types';
import { Clock } from '../common/clock/clock';
import { DEADLINE_TIMER_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { deadlineLabel } from './deadline-labels';
import { DeadlineTimerJob, expiresAt, timerKey, timersFor } from './deadline-timers';

/** What a fired timer came to; returned for tests and logs, never shown to users. */
export type TimerOutcome = 'STALE' | 'NOT_YET' | 'EVENT_APPLIED' | 'EVENT_DROPPED' | 'MISSED' | 'ALERTED';

interface LockedDeadline {
  id: string;
  key: string;
  kind: DeadlineKind;
  dueOn: string;
  status: string;
  paused: boolean;
  instalmentNo: number | null;
}

/** The expiries that the chart answers with a system event (DOMAIN §4 "On expiry"); the rest are recorded MISSED. */
const EXPIRY_EVENTS: Partial<Record<DeadlineKind, (deadline: LockedDeadline) => Record<string, unknown>>> = {
  MEDIATION_PERIOD: (deadline) => ({ type: 'DEADLINE_EXPIRED', deadlineKey: deadline.key }),
  RESPONDENT_CONSENT: () => ({ type: 'RESPONDENT_REFUSES', reason: 'NO_REPLY' }),
};

/** The level of the DEADLINE_MISSED alert an expiry raises; kinds not listed raise none (DOMAIN §4 table). */
const MISSED_ALERT_LEVEL: Partial<Record<DeadlineKind, 'YELLOW' | 'ORANGE'>> = {
  ACCEPTANCE_DECISION: 'ORANGE',
  COURT_DECISION: 'YELLOW',
  PAYMENT_DUE: 'ORANGE',
};

/**
 * Fires deadline timers. Each firing is one transaction that locks the case and then the deadline (the order every
 * event uses) and acts only if the deadline is still PENDING, unpaused and due on the date the timer was set for; a
 * second delivery of the same job, or a job for a deadline that moved, therefore changes nothing.
 */
@Injectable()
export class DeadlineTimerWorker implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    private readonly workflow: CaseWorkflowService,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
    private readonly risk: CaseRiskService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<DeadlineTimerJob>(DEADLINE_TIMER_QUEUE, async (job) => {
      await this.fire(job.data, `timer:${job.id}`);
    });
  }

  fire(job: DeadlineTimerJob, requestId: string): Promise<TimerOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const cases = (await tx.query('SELECT organization_id FROM cases WHERE id = $1 FOR UPDATE', [job.caseId])) as { organization_id: string }[];
      if (cases.length === 0) return 'STALE';
      const deadline = await this.lockDeadline(tx, job.deadlineId);
      if (!deadline || deadline.status !== 'PENDING' || deadline.paused || deadline.dueOn !== job.dueOn) return 'STALE';

      const at = job.action === 'EXPIRE' ? expiresAt(job.dueOn) : timersFor(deadline, new Date(0)).find((t) => t.action === job.action)?.at;
      if (at === undefined) return 'STALE';
      if (this.clock.now().getTime() < at.getTime()) {
        // The database's clock ran ahead of this instance's: try again when this instance agrees the time has come.
        await this.jobs.send(tx, DEADLINE_TIMER_QUEUE, job, { startAfter: at, singletonKey: timerKey(job.deadlineId, job.action, job.dueOn) });
        return 'NOT_YET';
      }
      const organizationId = cases[0].organization_id;
      if (job.action === 'EXPIRE') return this.expire(tx, organizationId, job, deadline, requestId);
      return this.warn(tx, organizationId, job, deadline);
    });
  }

  private async lockDeadline(tx: EntityManager, id: string): Promise<LockedDeadline | undefined> {
    const rows = (await tx.query(
      `SELECT id, key, kind, due_on::text AS "dueOn", status, paused_since IS NOT NULL AS paused, instalment_no AS "instalmentNo"
       FROM deadlines WHERE id = $1 FOR UPDATE`,
      [id],
    )) as LockedDeadline[];
    return rows[0];
  }

  private async expire(tx: EntityManager, organizationId: string, job: DeadlineTimerJob, deadline: LockedDeadline, requestId: string): Promise<TimerOutcome> {
    const event = EXPIRY_EVENTS[deadline.kind];
    if (event) {
      const outcome = await this.workflow.sendSystemEvent(job.caseId, event(deadline), requestId, tx);
      return outcome.applied ? 'EVENT_APPLIED' : 'EVENT_DROPPED';
    }
    await tx.query(`UPDATE deadlines SET status = 'MISSED', updated_at = $2 WHERE id = $1`, [deadline.id, this.clock.now()]);
    await this.audit.append(tx, {
      actor: { userId: null, role: 'SYSTEM' },
      orgId: organizationId,
      caseId: job.caseId,
      category: 'CASE',
      action: 'DEADLINE_MISSED',
      requestId,
      payload: { deadlineId: deadline.id, kind: deadline.kind, dueOn: deadline.dueOn },
    });
    // A missed acceptance decision, payment or limitation is itself a risk rule (MISSED, DOMAIN §5).
    await this.risk.recompute(tx, job.caseId);
    const level = MISSED_ALERT_LEVEL[deadline.kind];
    if (level === undefined) return 'MISSED';
    await this.alerts.raise(tx, {
      organizationId,
      caseId: job.caseId,
      kind: 'DEADLINE_MISSED',
      level,
      scopeRef: deadline.id,
      deadlineId: deadline.id,
      deadlineKind: deadline.kind,
      message: `${deadlineLabel(deadline.kind, deadline.instalmentNo)}已于 ${deadline.dueOn} 届满未完成`,
      reasons: [],
    });
    return 'ALERTED';
  }

  private async warn(tx: EntityManager, organizationId: string, job: DeadlineTimerJob, deadline: LockedDeadline): Promise<TimerOutcome> {
    const label = deadlineLabel(deadline.kind, deadline.instalmentNo);
    const dueBy = expiresAt(deadline.dueOn);
    if (job.action === 'WATCH') {
      await this.alerts.raise(tx, {
        organizationId,
        caseId: job.caseId,
        kind: 'LIMITATION_WATCH',
        level: 'YELLOW',
        scopeRef: `limitation:${deadline.dueOn}`,
        deadlineId: deadline.id,
        deadlineKind: deadline.kind,
        message: `${label}将于 ${deadline.dueOn} 届满，请提示劳动者及时申请仲裁`,
        reasons: [],
        dueBy,
      });
      return 'ALERTED';
    }
    const daysBefore = job.action === 'WARN_3' ? 3 : 1;
    await this.alerts.raise(tx, {
      organizationId,
      caseId: job.caseId,
      kind: 'DEADLINE_WARNING',
      level: daysBefore === 3 ? 'YELLOW' : 'ORANGE',
      scopeRef: `${deadline.id}:${daysBefore}`,
      deadlineId: deadline.id,
      deadlineKind: deadline.kind,
      message: `${label}将于 ${deadline.dueOn} 届满（剩 ${daysBefore} 天）`,
      reasons: [],
      dueBy,
    });
    return 'ALERTED';
  }
}
