import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertNotifier, type ScreeningOfAlerts } from './alert-notifier';
import { AuditService, type AuditActor, type AuditEntryInput } from '../audit/audit.service';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import type { RiskLevel } from '../cases/case-vocabulary';
import type { DeadlineKind } from '../cases/machine/case.types';
import { Clock } from '../common/clock/clock';
import { maskPiiInText } from '../common/pii/mask-payload';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';
import { ALERT_ESCALATION_QUEUE } from '../jobs/job-queues';
import { JobRunner } from '../jobs/job-runner';
import { RISK_LEVEL_ORDER, RISK_LEVELS_BY_RANK_SQL } from '../risk/risk-level';
import { alertColumns, levelSince, type AlertReason, type AlertView } from './alert-row';
import { defaultDueBy, escalationDueAt, riskAlertDecision, scopeRefProblem, type AlertKind } from './alert-rules';
import { isUuid } from '../common/uuid';

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
/** Inputs per statement in raiseMany, which bounds the statements' arrays when a screening raises an alert per case. */
const RAISE_MANY_CHUNK = 2_000;

/** An alert a raise opened or raised, with what it was before a LEVEL_RAISED. */
interface AlertChange {
  readonly input: RaiseAlertInput;
  readonly result: RaiseAlertResult & { readonly outcome: 'RAISED' | 'LEVEL_RAISED' };
  readonly from: AlertView | undefined;
}

interface PendingRaise {
  readonly input: RaiseAlertInput;
  /** Position in the segment. */
  readonly i: number;
  readonly deadlineKind: DeadlineKind | null;
  readonly dueBy: Date | null;
}

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
    const [existing] = await preparedQuery<AlertView[]>(tx, `SELECT ${alertColumns('a')} FROM alerts a WHERE a.case_id = $1 AND a.kind = $2 AND a.scope_ref = $3`, [
      input.caseId,
      input.kind,
      input.scopeRef,
    ]);
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
    const [alert] = await preparedQuery<AlertView[]>(tx, INSERT, [
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
    ]);
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
    const [[alert]] = await preparedQuery<[AlertView[], number]>(
      tx,
      `UPDATE alerts SET level = $2, message = $3, reasons = $4, due_by = $5, level_raised_at = $6,
         status = 'OPEN', acknowledged_at = NULL, acknowledged_by = NULL
       WHERE id = $1 RETURNING ${alertColumns('alerts')}`,
      [open.id, input.level, maskPiiInText(input.message), JSON.stringify(maskedReasons(input.reasons)), dueBy, now],
    );
    await this.record(tx, input, 'ALERT_LEVEL_RAISED', alert, { fromLevel: open.level, fromStatus: open.status });
    await this.scheduleEscalation(tx, alert);
    await this.notifier.alertRaised(tx, { alert, outcome: 'LEVEL_RAISED' });
    return alert;
  }

  private async scheduleEscalation(tx: EntityManager, alert: AlertView): Promise<void> {
    if (alert.level !== 'RED') return;
    const { data, ...options } = this.escalationJob(alert);
    await this.jobs.send(tx, ALERT_ESCALATION_QUEUE, data, options);
  }

  // A level never falls, so an alert turns RED once; the key keeps a repeated send from queueing a second job.
  private escalationJob(alert: AlertView): { data: AlertEscalationJob; startAfter: Date; singletonKey: string } {
    return { data: { alertId: alert.id }, startAfter: escalationDueAt(levelSince(alert), this.config.alertEscalationMinutes), singletonKey: alert.id };
  }

  private async record(tx: EntityManager, input: RaiseAlertInput, action: AlertAuditAction, alert: AlertView, extra: Record<string, unknown>): Promise<void> {
    await this.audit.append(tx, auditEntry(input, action, alert, extra));
  }

  /**
   * raise() for each input as if called one after another, in a constant number of statements per chunk rather than
   * several per alert: a screening may open an alert on every case of a city. Every case is locked first, in id
   * order, so that raise()'s lock order (cases, then alerts, then audit heads) holds and two batches queue instead of
   * deadlocking. Answers the results in input order.
   *
   * The one difference from raise(): the people told hear of the screening's alerts in one digest each, not one
   * notice per alert.
   */
  async raiseMany(tx: EntityManager, inputs: readonly RaiseAlertInput[], screening: ScreeningOfAlerts): Promise<RaiseAlertResult[]> {
    inputs.forEach(assertWellFormed);
    await this.lockCases(tx, inputs);
    const results: RaiseAlertResult[] = [];
    const changes: AlertChange[] = [];
    for (const segment of segmentsOf(inputs)) {
      const decided = await this.raiseSegment(tx, segment);
      results.push(...decided.results);
      changes.push(...decided.changes);
    }
    await this.recordChanges(tx, changes, screening);
    return results;
  }

  /** What raise() does after each alert it opens or raises, for all of them: the audit entry, the job; then the digests. */
  private async recordChanges(tx: EntityManager, changes: readonly AlertChange[], screening: ScreeningOfAlerts): Promise<void> {
    await this.audit.appendMany(
      tx,
      changes.map(({ input, result, from }) =>
        result.outcome === 'RAISED'
          ? auditEntry(input, 'ALERT_RAISED', result.alert, {})
          : auditEntry(input, 'ALERT_LEVEL_RAISED', result.alert, { fromLevel: from!.level, fromStatus: from!.status }),
      ),
    );
    for (let start = 0; start < changes.length; start += RAISE_MANY_CHUNK) {
      const chunk = changes.slice(start, start + RAISE_MANY_CHUNK);
      const red = chunk.filter(({ result }) => result.alert.level === 'RED');
      await this.jobs.sendMany(tx, ALERT_ESCALATION_QUEUE, red.map(({ result }) => this.escalationJob(result.alert)));
    }
    await this.notifier.screeningAlertsRaised(tx, screening, changes.map(({ result }) => ({ alert: result.alert, outcome: result.outcome })));
  }

  private async lockCases(tx: EntityManager, inputs: readonly RaiseAlertInput[]): Promise<void> {
    // A uuid sorts in PostgreSQL as its lowercase text sorts here, so the chunks lock in one order throughout.
    const caseIds = [...new Set(inputs.map((input) => input.caseId.toLowerCase()))].sort();
    const organizationOf = new Map<string, string>();
    for (let start = 0; start < caseIds.length; start += RAISE_MANY_CHUNK) {
      const rows = (await tx.query('SELECT id, organization_id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
        caseIds.slice(start, start + RAISE_MANY_CHUNK),
      ])) as { id: string; organization_id: string }[];
      for (const row of rows) organizationOf.set(row.id, row.organization_id);
    }
    for (const input of inputs) assertCaseOf(input, organizationOf.get(input.caseId.toLowerCase()));
  }

  /** A segment names each scope at most once, so its alerts can be decided together. */
  private async raiseSegment(tx: EntityManager, inputs: readonly RaiseAlertInput[]): Promise<{ results: RaiseAlertResult[]; changes: AlertChange[] }> {
    const now = this.clock.now();
    const deadlineKinds = await this.deadlineKindsOf(tx, inputs);
    const dueBy = this.dueByFor(now);
    const pending = inputs.map((input, i) => ({ input, i, deadlineKind: deadlineKinds[i], dueBy: dueBy(input) }));
    const results: RaiseAlertResult[] = new Array(inputs.length);
    /** The alert as it was before each LEVEL_RAISED result, by position. */
    const before = new Map<number, AlertView>();
    await this.raiseScopedMany(tx, pending.filter((p) => p.input.kind !== 'RISK_LEVEL'), now, results);
    await this.raiseRiskMany(tx, pending.filter((p) => p.input.kind === 'RISK_LEVEL'), now, results, before);
    const changes = results.flatMap((result, i) => (result.outcome === 'UNCHANGED' ? [] : [{ input: inputs[i], result, from: before.get(i) }]));
    return { results, changes };
  }

  private async raiseScopedMany(tx: EntityManager, pending: readonly PendingRaise[], now: Date, results: RaiseAlertResult[]): Promise<void> {
    if (pending.length === 0) return;
    const inserted = await this.insertMany(tx, pending, now);
    const missed = pending.filter((p) => !inserted.has(scopeKey(p.input)));
    const existing = new Map<string, AlertView>();
    if (missed.length > 0) {
      const rows = (await tx.query(
        `SELECT ${alertColumns('a')} FROM alerts a
         WHERE (a.case_id, a.kind, a.scope_ref) IN (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]))`,
        [missed.map((p) => p.input.caseId), missed.map((p) => p.input.kind), missed.map((p) => p.input.scopeRef)],
      )) as AlertView[];
      for (const row of rows) existing.set(scopeKey(row), row);
    }
    for (const { input, i } of pending) {
      const alert = inserted.get(scopeKey(input));
      results[i] = alert !== undefined ? { outcome: 'RAISED', alert } : { outcome: 'UNCHANGED', alert: existing.get(scopeKey(input)) ?? null };
    }
  }

  private async raiseRiskMany(tx: EntityManager, pending: readonly PendingRaise[], now: Date, results: RaiseAlertResult[], before: Map<number, AlertView>): Promise<void> {
    let left = pending;
    // The second pass is for raises that lost the unique index to a transaction that did not lock the case.
    for (let pass = 0; pass < 2 && left.length > 0; pass += 1) {
      const caseIds = left.map((p) => p.input.caseId);
      const open = await this.lockOpenRiskMany(tx, caseIds);
      const resolved = await this.highestResolvedRiskMany(tx, caseIds.filter((id) => !open.has(id.toLowerCase())));
      const toOpen: PendingRaise[] = [];
      const toRaise: { pending: PendingRaise; open: AlertView }[] = [];
      for (const p of left) {
        const key = p.input.caseId.toLowerCase();
        const [openAlert, resolvedAlert] = [open.get(key), resolved.get(key)];
        const decision = riskAlertDecision(p.input.level, { openLevel: openAlert?.level, highestResolvedLevel: resolvedAlert?.level });
        if (decision === 'NONE') results[p.i] = { outcome: 'UNCHANGED', alert: openAlert ?? resolvedAlert ?? null };
        else if (decision === 'RAISE_IN_PLACE') toRaise.push({ pending: p, open: openAlert! });
        else toOpen.push(p);
      }
      const raised = await this.raiseInPlaceMany(tx, toRaise, now);
      for (const { pending: p, open: from } of toRaise) {
        results[p.i] = { outcome: 'LEVEL_RAISED', alert: raised.get(from.id)! };
        before.set(p.i, from);
      }
      const inserted = await this.insertMany(tx, toOpen, now);
      for (const p of toOpen) {
        const alert = inserted.get(scopeKey(p.input));
        if (alert !== undefined) results[p.i] = { outcome: 'RAISED', alert };
      }
      left = toOpen.filter((p) => !inserted.has(scopeKey(p.input)));
    }
    if (left.length > 0) throw new Error(`The RISK_LEVEL alert of case ${left[0].input.caseId} could neither be opened nor found`);
  }

  private async insertMany(tx: EntityManager, pending: readonly PendingRaise[], now: Date): Promise<Map<string, AlertView>> {
    if (pending.length === 0) return new Map();
    const column = <T>(pick: (p: PendingRaise) => T) => pending.map(pick);
    const rows = (await tx.query(
      `INSERT INTO alerts (organization_id, case_id, kind, level, scope_ref, window_id, deadline_id, deadline_kind, message, reasons, due_by, raised_at)
       SELECT o, c, k, l, s, w, d, dk, m, r::jsonb, due, $12
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
         AS v(o, c, k, l, s, w, d, dk, m, r, due)
       ON CONFLICT DO NOTHING
       RETURNING ${alertColumns('alerts')}`,
      [
        column((p) => p.input.organizationId),
        column((p) => p.input.caseId),
        column((p) => p.input.kind),
        column((p) => p.input.level),
        column((p) => p.input.scopeRef),
        column((p) => p.input.windowId ?? null),
        column((p) => p.input.deadlineId ?? null),
        column((p) => p.deadlineKind),
        column((p) => maskPiiInText(p.input.message)),
        column((p) => JSON.stringify(maskedReasons(p.input.reasons))),
        column((p) => p.dueBy?.toISOString() ?? null),
        now,
      ],
    )) as AlertView[];
    return new Map(rows.map((row) => [scopeKey(row), row]));
  }

  private async raiseInPlaceMany(tx: EntityManager, raises: readonly { pending: PendingRaise; open: AlertView }[], now: Date): Promise<Map<string, AlertView>> {
    if (raises.length === 0) return new Map();
    // An UPDATE answers [rows, count] through the EntityManager.
    const [rows] = (await tx.query(
      `UPDATE alerts a SET level = v.level, message = v.message, reasons = v.reasons::jsonb, due_by = v.due_by, level_raised_at = $6,
         status = 'OPEN', acknowledged_at = NULL, acknowledged_by = NULL
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS v(id, level, message, reasons, due_by)
       WHERE a.id = v.id RETURNING ${alertColumns('a')}`,
      [
        raises.map((r) => r.open.id),
        raises.map((r) => r.pending.input.level),
        raises.map((r) => maskPiiInText(r.pending.input.message)),
        raises.map((r) => JSON.stringify(maskedReasons(r.pending.input.reasons))),
        raises.map((r) => r.pending.dueBy?.toISOString() ?? null),
        now,
      ],
    )) as [AlertView[], number];
    return new Map(rows.map((row) => [row.id, row]));
  }

  // The default depends only on the level at a given instant, and a YELLOW one walks the holiday calendar.
  private dueByFor(now: Date): (input: RaiseAlertInput) => Date | null {
    const byLevel = new Map<RiskLevel, Date | null>();
    return (input) => {
      if (input.dueBy !== undefined) return input.dueBy;
      if (!byLevel.has(input.level)) byLevel.set(input.level, defaultDueBy(input.level, now, this.calendar, this.config.legalTimeZone));
      return byLevel.get(input.level)!;
    };
  }

  private async deadlineKindsOf(tx: EntityManager, inputs: readonly RaiseAlertInput[]): Promise<(DeadlineKind | null)[]> {
    const ids = inputs.flatMap((input) => (input.deadlineId === undefined ? [] : [input.deadlineId]));
    const rows = ids.length === 0 ? [] : ((await tx.query('SELECT id, kind, case_id FROM deadlines WHERE id = ANY($1::uuid[])', [ids])) as DeadlineRow[]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return inputs.map((input) => (input.deadlineId === undefined ? null : checkedDeadlineKind(input, byId.get(input.deadlineId.toLowerCase()))));
  }

  private async lockOpenRiskMany(tx: EntityManager, caseIds: readonly string[]): Promise<Map<string, AlertView>> {
    const rows = (await tx.query(
      `SELECT ${alertColumns('a')} FROM alerts a WHERE a.case_id = ANY($1::uuid[]) AND a.kind = 'RISK_LEVEL' AND a.status <> 'RESOLVED' ORDER BY a.id FOR UPDATE`,
      [caseIds],
    )) as AlertView[];
    return new Map(rows.map((row) => [row.caseId, row]));
  }

  private async highestResolvedRiskMany(tx: EntityManager, caseIds: readonly string[]): Promise<Map<string, AlertView>> {
    if (caseIds.length === 0) return new Map();
    const rows = (await tx.query(
      `SELECT DISTINCT ON (a.case_id) ${alertColumns('a')} FROM alerts a
       WHERE a.case_id = ANY($1::uuid[]) AND a.kind = 'RISK_LEVEL' AND a.status = 'RESOLVED'
       ORDER BY a.case_id, array_position(${RISK_LEVELS_BY_RANK_SQL}, a.level) DESC, a.resolved_at DESC`,
      [caseIds],
    )) as AlertView[];
    return new Map(rows.map((row) => [row.caseId, row]));
  }

  private async lockCase(tx: EntityManager, input: RaiseAlertInput): Promise<void> {
    const rows = await preparedQuery<{ organization_id: string }[]>(tx, 'SELECT organization_id FROM cases WHERE id = $1 FOR UPDATE', [input.caseId]);
    assertCaseOf(input, rows[0]?.organization_id);
  }

  private async deadlineKindOf(tx: EntityManager, input: RaiseAlertInput): Promise<DeadlineKind | null> {
    if (input.deadlineId === undefined) return null;
    const rows = await preparedQuery<DeadlineRow[]>(tx, 'SELECT kind, case_id FROM deadlines WHERE id = $1', [input.deadlineId]);
    return checkedDeadlineKind(input, rows[0]);
  }

  private async lockOpenRisk(tx: EntityManager, caseId: string): Promise<AlertView | undefined> {
    const rows = await preparedQuery<AlertView[]>(
      tx,
      `SELECT ${alertColumns('a')} FROM alerts a WHERE a.case_id = $1 AND a.kind = 'RISK_LEVEL' AND a.status <> 'RESOLVED' FOR UPDATE`,
      [caseId],
    );
    return rows[0];
  }

  private async highestResolvedRisk(tx: EntityManager, caseId: string): Promise<AlertView | undefined> {
    const rows = await preparedQuery<AlertView[]>(
      tx,
      `SELECT ${alertColumns('a')} FROM alerts a WHERE a.case_id = $1 AND a.kind = 'RISK_LEVEL' AND a.status = 'RESOLVED'
       ORDER BY array_position(${RISK_LEVELS_BY_RANK_SQL}, a.level) DESC, a.resolved_at DESC LIMIT 1`,
      [caseId],
    );
    return rows[0];
  }
}

/** Programming errors in a caller's input, refused before anything is written. */
function assertWellFormed(input: RaiseAlertInput): void {
  for (const [name, id] of [['caseId', input.caseId], ['organizationId', input.organizationId], ['deadlineId', input.deadlineId], ['windowId', input.windowId]] as const) {
    if (id !== undefined && !isUuid(id)) throw new Error(`An alert's ${name} must be a UUID, got ${JSON.stringify(id)}`);
  }
  if (!(input.level in RISK_LEVEL_ORDER)) throw new Error(`Unknown alert level ${JSON.stringify(input.level)}`);
  if (input.deadlineKind !== undefined && input.deadlineId === undefined) throw new Error('deadlineKind is given only with the deadlineId it describes');
  const problem = scopeRefProblem(input);
  if (problem !== undefined) throw new Error(`Cannot raise a ${input.kind} alert with scopeRef ${JSON.stringify(input.scopeRef)}: ${problem}`);
}

function assertCaseOf(input: RaiseAlertInput, organizationId: string | undefined): void {
  if (organizationId === undefined) throw new Error(`Cannot raise an alert on case ${input.caseId}: no such case`);
  if (organizationId !== input.organizationId.toLowerCase()) {
    throw new Error(`Cannot raise an alert on case ${input.caseId} for organization ${input.organizationId}: the case belongs to another`);
  }
}

interface DeadlineRow {
  id?: string;
  kind: DeadlineKind;
  case_id: string;
}

function checkedDeadlineKind(input: RaiseAlertInput, row: DeadlineRow | undefined): DeadlineKind {
  if (row === undefined || row.case_id !== input.caseId.toLowerCase()) {
    throw new Error(`Cannot raise an alert about deadline ${input.deadlineId}: it is not a deadline of case ${input.caseId}`);
  }
  if (input.deadlineKind !== undefined && input.deadlineKind !== row.kind) {
    throw new Error(`Deadline ${input.deadlineId} is a ${row.kind}, not a ${input.deadlineKind}`);
  }
  return row.kind;
}

/** What makes two raises about the same alert: the unique indexes of `alerts`. */
function scopeKey(alert: Pick<RaiseAlertInput, 'caseId' | 'kind' | 'scopeRef'>): string {
  return alert.kind === 'RISK_LEVEL' ? `${alert.caseId.toLowerCase()}|RISK_LEVEL` : `${alert.caseId.toLowerCase()}|${alert.kind}|${alert.scopeRef}`;
}

/**
 * Consecutive runs of at most RAISE_MANY_CHUNK inputs in which no scope comes twice: a run's alerts are decided
 * together, so a second raise of a scope has to come in a later run to see the first, as it would one by one.
 */
function segmentsOf(inputs: readonly RaiseAlertInput[]): RaiseAlertInput[][] {
  const segments: RaiseAlertInput[][] = [];
  let current: RaiseAlertInput[] = [];
  let keys = new Set<string>();
  for (const input of inputs) {
    const key = scopeKey(input);
    if (keys.has(key) || current.length === RAISE_MANY_CHUNK) {
      segments.push(current);
      [current, keys] = [[], new Set()];
    }
    current.push(input);
    keys.add(key);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

type AlertAuditAction = 'ALERT_RAISED' | 'ALERT_LEVEL_RAISED';

function auditEntry(input: RaiseAlertInput, action: AlertAuditAction, alert: AlertView, extra: Record<string, unknown>): AuditEntryInput {
  return {
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
  };
}

function maskedReasons(reasons: readonly AlertReason[]): AlertReason[] {
  return reasons.map((reason) => ({ ruleId: reason.ruleId, text: maskPiiInText(reason.text) }));
}
