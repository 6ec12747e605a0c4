import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertNotifier } from './alert-notifier';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import type { RiskLevel } from '../cases/case-vocabulary';
import type { DeadlineKind } from '../cases/machine/case.types';
import { Clock } from '../common/clock/clock';
import { maskPiiInText } from '../common/pii/mask-payload';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ALERT_ESCALATION_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { RISK_LEVEL_ORDER } from '../risk/risk-level';
import { alertColumns, levelSince, type AlertReason, type AlertView } from './alert-row';
import { defaultDueBy, escalationDueAt, riskAlertDecision, scopeRefProblem, type AlertKind } from './alert-rules';

export interface RaiseAlertInput {
  readonly organizationId: string;
  readonly caseId: string;
  readonly kind: AlertKind;
  readonly level: RiskLevel;
  /** DOMAIN §5's scope of the kind: `risk`, `deadlineId:offset`, `deadlineId`, `windowId` or `limitation:dueOn`. */
  readonly scopeRef: string;
  /** The sensitive period of a SENSITIVE_PERIOD alert. */
  readonly windowId?: string;
  /** The deadline a DEADLINE_* or LIMITATION_WATCH alert is about; its kind is read from the deadline row. */
  readonly deadlineId?: string;
  /** Optional cross-check of the deadline's kind; a mismatch is a programming error. */
  readonly deadlineKind?: DeadlineKind;
  /** Simplified Chinese, shown to the desk as is; resident IDs and mobiles in it are masked before storing. */
  readonly message: string;
  readonly reasons: readonly AlertReason[];
  /** When the response is due; by default from the level (DOMAIN §5 "Response by level"). */
  readonly dueBy?: Date;
  /** Who raises it; the system (timers, screenings) unless a user's action did. */
  readonly actor?: AuditActor;
  readonly requestId?: string;
}

/** What a raise came to. UNCHANGED answers the alert already covering the scope, or null when there is none. */
export type RaiseAlertResult =
  | { readonly outcome: 'RAISED' | 'LEVEL_RAISED'; readonly alert: AlertView }
  | { readonly outcome: 'UNCHANGED'; readonly alert: AlertView | null };

export interface AlertEscalationJob {
  readonly alertId: string;
}

const SYSTEM_ACTOR: AuditActor = { userId: null, role: 'SYSTEM' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LEVELS_BY_RANK = `ARRAY['BLUE', 'YELLOW', 'ORANGE', 'RED']`;

const INSERT = `
  INSERT INTO alerts (organization_id, case_id, kind, level, scope_ref, window_id, deadline_id, deadline_kind, message, reasons, due_by, raised_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
  ON CONFLICT DO NOTHING
  RETURNING ${alertColumns('alerts')}`;

/**
 * Opens alerts for the other modules (deadline timers, the risk engine, screenings), inside their transaction, so
 * an alert exists exactly when the change that raised it does. The unique indexes of `alerts` make a raise
 * idempotent even across instances: `ON CONFLICT DO NOTHING` lets one of two racing raises in.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly audit: AuditService,
    private readonly jobs: JobRunner,
    private readonly calendar: HolidayCalendar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifier: AlertNotifier,
  ) {}

  /**
   * Opens the alert unless one covers its scope already. RISK_LEVEL alerts open at YELLOW and above, rise in place
   * to a higher level (ALERT_LEVEL_RAISED), and after one is resolved reopen only above its level. Writes the audit
   * entry, and for a RED alert queues its escalation, in `tx`.
   *
   * `caseLocked`: the caller's transaction already holds this case's row lock (a case event's recompute), so the
   * lock and its organization check were made by the change itself and are not repeated.
   */
  async raise(tx: EntityManager, input: RaiseAlertInput, options: { caseLocked?: boolean } = {}): Promise<RaiseAlertResult> {
    assertWellFormed(input);
    // The case row first, as every change to a case takes it: alerts, events and the case's audit chain then lock
    // in one order and cannot deadlock, and racing raises of one case queue up here.
    if (options.caseLocked !== true) await this.lockCase(tx, input);
    const deadlineKind = await this.deadlineKindOf(tx, input);
    return input.kind === 'RISK_LEVEL' ? this.raiseRisk(tx, input) : this.raiseScoped(tx, input, deadlineKind);
  }

  private async raiseScoped(tx: EntityManager, input: RaiseAlertInput, deadlineKind: DeadlineKind | null): Promise<RaiseAlertResult> {
    const inserted = await this.insert(tx, input, deadlineKind);
    if (inserted !== undefined) return { outcome: 'RAISED', alert: inserted };
    const [existing] = (await tx.query(`SELECT ${alertColumns('a')} FROM alerts a WHERE a.case_id = $1 AND a.kind = $2 AND a.scope_ref = $3`, [
      input.caseId,
      input.kind,
      input.scopeRef,
    ])) as AlertView[];
    return { outcome: 'UNCHANGED', alert: existing ?? null };
  }

  private async raiseRisk(tx: EntityManager, input: RaiseAlertInput): Promise<RaiseAlertResult> {
    // The second pass is for a raise that lost the unique index to a transaction that did not lock the case.
    for (let pass = 0; pass < 2; pass += 1) {
      const open = await this.lockOpenRisk(tx, input.caseId);
      const resolved = open === undefined ? await this.highestResolvedRisk(tx, input.caseId) : undefined;
      const decision = riskAlertDecision(input.level, { openLevel: open?.level, highestResolvedLevel: resolved?.level });
      if (decision === 'NONE') return { outcome: 'UNCHANGED', alert: open ?? resolved ?? null };
      if (decision === 'RAISE_IN_PLACE') return { outcome: 'LEVEL_RAISED', alert: await this.raiseInPlace(tx, open!, input) };
      const inserted = await this.insert(tx, input, null);
      if (inserted !== undefined) return { outcome: 'RAISED', alert: inserted };
    }
    throw new Error(`The RISK_LEVEL alert of case ${input.caseId} could neither be opened nor found`);
  }

  private async insert(tx: EntityManager, input: RaiseAlertInput, deadlineKind: DeadlineKind | null): Promise<AlertView | undefined> {
    const now = this.clock.now();
    const dueBy = input.dueBy ?? defaultDueBy(input.level, now, this.calendar, this.config.legalTimeZone);
    const [alert] = (await tx.query(INSERT, [
      input.organizationId,
      input.caseId,
      input.kind,
      input.level,
      input.scopeRef,
      input.windowId ?? null,
      input.deadlineId ?? null,
      deadlineKind,
      maskPiiInText(input.message),
      JSON.stringify(maskedReasons(input.reasons)),
      dueBy,
      now,
    ])) as AlertView[];
    if (alert === undefined) return undefined;
    await this.record(tx, input, 'ALERT_RAISED', alert, {});
    await this.scheduleEscalation(tx, alert);
    await this.notifier.alertRaised(tx, { alert, outcome: 'RAISED' });
    return alert;
  }

  // An acknowledgement was given to the lower level; a higher one needs someone to take it on again, and a RED one
  // left unacknowledged must be able to escalate. The audit trail keeps the earlier acknowledgement.
  private async raiseInPlace(tx: EntityManager, open: AlertView, input: RaiseAlertInput): Promise<AlertView> {
    const now = this.clock.now();
    const dueBy = input.dueBy ?? defaultDueBy(input.level, now, this.calendar, this.config.legalTimeZone);
    const [[alert]] = (await tx.query(
      `UPDATE alerts SET level = $2, message = $3, reasons = $4, due_by = $5, level_raised_at = $6,
         status = 'OPEN', acknowledged_at = NULL, acknowledged_by = NULL
       WHERE id = $1 RETURNING ${alertColumns('alerts')}`,
      [open.id, input.level, maskPiiInText(input.message), JSON.stringify(maskedReasons(input.reasons)), dueBy, now],
    )) as [AlertView[], number];
    await this.record(tx, input, 'ALERT_LEVEL_RAISED', alert, { fromLevel: open.level, fromStatus: open.status });
    await this.scheduleEscalation(tx, alert);
    await this.notifier.alertRaised(tx, { alert, outcome: 'LEVEL_RAISED' });
    return alert;
  }

  private async scheduleEscalation(tx: EntityManager, alert: AlertView): Promise<void> {
    if (alert.level !== 'RED') return;
    const job: AlertEscalationJob = { alertId: alert.id };
    // A level never falls, so an alert turns RED once; the key keeps a repeated send from queueing a second job.
    await this.jobs.send(tx, ALERT_ESCALATION_QUEUE, job, {
      startAfter: escalationDueAt(levelSince(alert), this.config.alertEscalationMinutes),
      singletonKey: alert.id,
    });
  }

  private async record(tx: EntityManager, input: RaiseAlertInput, action: 'ALERT_RAISED' | 'ALERT_LEVEL_RAISED', alert: AlertView, extra: Record<string, unknown>): Promise<void> {
    await this.audit.append(tx, {
      actor: input.actor ?? SYSTEM_ACTOR,
      orgId: alert.organizationId,
      caseId: alert.caseId,
      category: 'CASE',
      action,
      requestId: input.requestId ?? null,
      payload: {
        alertId: alert.id,
        kind: alert.kind,
        level: alert.level,
        ...extra,
        scopeRef: alert.scopeRef,
        windowId: alert.windowId,
        deadlineId: alert.deadlineId,
        deadlineKind: alert.deadlineKind,
        dueBy: alert.dueBy?.toISOString() ?? null,
        message: alert.message,
        reasons: alert.reasons,
      },
    });
  }

  private async lockCase(tx: EntityManager, input: RaiseAlertInput): Promise<void> {
    const rows = (await tx.query('SELECT organization_id FROM cases WHERE id = $1 FOR UPDATE', [input.caseId])) as { organization_id: string }[];
    if (rows.length === 0) throw new Error(`Cannot raise an alert on case ${input.caseId}: no such case`);
    if (rows[0].organization_id !== input.organizationId.toLowerCase()) {
      throw new Error(`Cannot raise an alert on case ${input.caseId} for organization ${input.organizationId}: the case belongs to another`);
    }
  }

  private async deadlineKindOf(tx: EntityManager, input: RaiseAlertInput): Promise<DeadlineKind | null> {
    if (input.deadlineId === undefined) return null;
    const rows = (await tx.query('SELECT kind, case_id FROM deadlines WHERE id = $1', [input.deadlineId])) as { kind: DeadlineKind; case_id: string }[];
    if (rows.length === 0 || rows[0].case_id !== input.caseId.toLowerCase()) {
      throw new Error(`Cannot raise an alert about deadline ${input.deadlineId}: it is not a deadline of case ${input.caseId}`);
    }
    if (input.deadlineKind !== undefined && input.deadlineKind !== rows[0].kind) {
      throw new Error(`Deadline ${input.deadlineId} is a ${rows[0].kind}, not a ${input.deadlineKind}`);
    }
    return rows[0].kind;
  }

  private async lockOpenRisk(tx: EntityManager, caseId: string): Promise<AlertView | undefined> {
    const rows = (await tx.query(
      `SELECT ${alertColumns('a')} FROM alerts a WHERE a.case_id = $1 AND a.kind = 'RISK_LEVEL' AND a.status <> 'RESOLVED' FOR UPDATE`,
      [caseId],
    )) as AlertView[];
    return rows[0];
  }

  private async highestResolvedRisk(tx: EntityManager, caseId: string): Promise<AlertView | undefined> {
    const rows = (await tx.query(
      `SELECT ${alertColumns('a')} FROM alerts a WHERE a.case_id = $1 AND a.kind = 'RISK_LEVEL' AND a.status = 'RESOLVED'
       ORDER BY array_position(${LEVELS_BY_RANK}, a.level) DESC, a.resolved_at DESC LIMIT 1`,
      [caseId],
    )) as AlertView[];
    return rows[0];
  }
}

/** Programming errors in a caller's input, refused before anything is written. */
function assertWellFormed(input: RaiseAlertInput): void {
  for (const [name, id] of [['caseId', input.caseId], ['organizationId', input.organizationId], ['deadlineId', input.deadlineId], ['windowId', input.windowId]] as const) {
    if (id !== undefined && !UUID.test(id)) throw new Error(`An alert's ${name} must be a UUID, got ${JSON.stringify(id)}`);
  }
  if (!(input.level in RISK_LEVEL_ORDER)) throw new Error(`Unknown alert level ${JSON.stringify(input.level)}`);
  if (input.deadlineKind !== undefined && input.deadlineId === undefined) throw new Error('deadlineKind is given only with the deadlineId it describes');
  const problem = scopeRefProblem(input);
  if (problem !== undefined) throw new Error(`Cannot raise a ${input.kind} alert with scopeRef ${JSON.stringify(input.scopeRef)}: ${problem}`);
}

function maskedReasons(reasons: readonly AlertReason[]): AlertReason[] {
  return reasons.map((reason) => ({ ruleId: reason.ruleId, text: maskPiiInText(reason.text) }));
}
