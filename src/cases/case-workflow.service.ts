import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { chainIdFor } from '../audit/audit-chain';
import { AuditService, lockedHeadSql, type LockedHead } from '../audit/audit.service';
import { CaseRiskService } from '../risk-assessment/case-risk.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { Actor } from '../auth/actor';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import { legalDateOf } from '../calendar/legal-date';
import { Clock } from '../common/clock/clock';
import { NotFoundError } from '../common/errors/domain-error';
import { assertUsableKey, claimCte, claimParams, IdempotencyStore, requestHash, type IdempotencyClaim, type IdempotencyRequest } from '../common/idempotency/idempotency.store';
import { canonicalJson } from '../common/json/canonical-json';
import { maskPayload } from '../common/pii/mask-payload';
import { isUuid } from '../common/uuid';
import { preparedQuery } from '../database/prepared-query';
import { DeadlineProjection } from '../deadlines/deadline-projection';
import { CaseAccessService } from './case-access.service';
import { parseEventBody } from './case-event-body';
import { CaseEventError, parseIfMatch } from './case-event.errors';
import { CaseQueryService } from './case-query.service';
import { AppliedDecision, decide, PersistedCaseSnapshot, stateOf, StoredCase } from './machine/case-decision';
import { confirmationCourtId } from './machine/case.guards';
import type { CaseEvent, EventActor, EventMeta } from './machine/case.events';
import type { CaseEventType } from './machine/case.types';
import { senderCheck, type SenderRelation } from './machine/case-senders';

export interface CommandOptions {
  ifMatch?: string;
  idempotencyKey?: string;
  requestId: string;
}

/** What a timer's event came to: applied, or dropped as stale (DOMAIN §3 Invariant 9). */
export type SystemEventOutcome =
  | { readonly applied: true; readonly version: number; readonly state: string }
  | { readonly applied: false; readonly reason: 'CASE_NOT_FOUND' | 'INVALID_TRANSITION' | 'GUARD_REJECTED' | 'EVENT_NOT_ALLOWED_FOR_ROLE' };

const SYSTEM_RELATION: SenderRelation = { isAssignedMediator: false, isOrgMediator: false, isReviewCourtLiaison: false, isSystem: true };

export interface CommandOutcome {
  statusCode: number;
  body: { version: number } & Record<string, unknown>;
  replayed: boolean;
}

interface LockedCaseRow {
  id: string;
  organization_id: string;
  version: number;
  machine_version: number;
  snapshot: PersistedCaseSnapshot;
  assigned_mediator_id: string | null;
  court_org_id: string | null;
  review_court_id: string | null;
}

const IDEMPOTENCY_SCOPE = 'POST /api/cases/:id/events';
const LOCK_CASE = 'SELECT id, organization_id, version, machine_version, snapshot, assigned_mediator_id, court_org_id, review_court_id FROM cases';

/**
 * Applies one event to one case as one transaction: row lock and version check, the machine's decision, the case
 * row, the event row, the deadline projection, the audit entry and the idempotency record — all or nothing.
 */
@Injectable()
export class CaseWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly query: CaseQueryService,
    private readonly deadlines: DeadlineProjection,
    private readonly audit: AuditService,
    private readonly risk: CaseRiskService,
    private readonly notifications: NotificationsService,
    private readonly idempotency: IdempotencyStore,
    private readonly calendar: HolidayCalendar,
    private readonly clock: Clock,
  ) {}

  async sendEvent(caseId: string, actor: Actor, body: unknown, options: CommandOptions): Promise<CommandOutcome> {
    const expectedVersion = parseIfMatch(options.ifMatch);
    const key = options.idempotencyKey;
    if (key !== undefined) assertUsableKey(key);
    const request = key === undefined ? undefined : { userId: actor.id, key, scope: IDEMPOTENCY_SCOPE, hash: requestHash({ caseId, body }) };
    return this.dataSource.transaction(async (tx) => {
      const { row, claim } = await this.lockCase(tx, caseId, request);
      if (claim?.kind === 'REPLAY') return { statusCode: claim.statusCode, body: claim.response as CommandOutcome['body'], replayed: true };
      // Locking before the visibility check means the check sees the row exactly as this command will change it.
      if (row === undefined || !this.access.canSee(actor, this.access.toAccessRow(row))) throw new NotFoundError('Case', caseId);
      const outcome = await this.applyUserEvent(tx, row, actor, body, expectedVersion, options.requestId);
      if (request !== undefined) await this.idempotency.complete(tx, request, outcome.statusCode, outcome.body);
      return outcome;
    });
  }

  /**
   * The timers' way in: the same decision and persistence as a user's event, as actor SYSTEM, in the caller's
   * transaction when one is given. A refused event means the case moved on since the timer was set, so it is
   * dropped with nothing written, not an error.
   */
  async sendSystemEvent(caseId: string, body: unknown, requestId: string, manager?: EntityManager): Promise<SystemEventOutcome> {
    const run = async (tx: EntityManager): Promise<SystemEventOutcome> => {
      const { row } = await this.lockCase(tx, caseId);
      if (row === undefined) return { applied: false, reason: 'CASE_NOT_FOUND' };
      const { type, payload } = parseEventBody(body);
      const stored: StoredCase = { machineVersion: row.machine_version, snapshot: row.snapshot };
      const event = await this.buildEvent(tx, type, payload, { kind: 'SYSTEM' }, stored);
      const verdict = senderCheck(stored.snapshot.context, stateOf(stored), event, SYSTEM_RELATION);
      if (!verdict.allowed) return { applied: false, reason: 'EVENT_NOT_ALLOWED_FOR_ROLE' };
      const decision = decide(stored, event, SYSTEM_RELATION);
      if (!decision.ok) return { applied: false, reason: decision.code };
      const version = await this.persist(tx, row, stored, decision, { type, payload, actor: { userId: null, role: 'SYSTEM' }, requestId });
      return { applied: true, version, state: decision.state };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  private async applyUserEvent(
    tx: EntityManager,
    row: LockedCaseRow,
    actor: Actor,
    body: unknown,
    expectedVersion: number | undefined,
    requestId: string,
  ): Promise<CommandOutcome> {
    const { type, payload } = parseEventBody(body);
    const stored: StoredCase = { machineVersion: row.machine_version, snapshot: row.snapshot };
    const relation = this.access.relationFor(actor, this.access.toAccessRow(row));
    const event = await this.buildEvent(tx, type, payload, { kind: 'USER', userId: actor.id, role: actor.role }, stored);
    const verdict = senderCheck(stored.snapshot.context, stateOf(stored), event, relation);
    if (!verdict.allowed) throw CaseEventError.refused({ ok: false, code: 'EVENT_NOT_ALLOWED_FOR_ROLE', reason: verdict.reason, message: verdict.message });
    if (expectedVersion !== undefined && expectedVersion !== row.version) throw CaseEventError.versionConflict(row.version);
    const decision = decide(stored, event, relation);
    if (!decision.ok) throw CaseEventError.refused(decision);
    await this.persist(tx, row, stored, decision, { type, payload, actor: { userId: actor.id, role: actor.role }, requestId });
    // A queue mediator's REJECT or WITHDRAW takes the case out of their sight; they still get the answer to their act.
    const detail = (await this.query.detail(tx, row.id, actor, { alreadyAuthorized: true })) as unknown as CommandOutcome['body'];
    return { statusCode: 200, body: detail, replayed: false };
  }

  /**
   * The case row, locked, and with an idempotency key its claim: one round trip, as a transition's statements are
   * most of what it costs. The lock sits in a lateral subquery so that a missing case still answers the claim.
   */
  private async lockCase(tx: EntityManager, caseId: string, request?: IdempotencyRequest): Promise<{ row?: LockedCaseRow; claim?: IdempotencyClaim }> {
    const id = isUuid(caseId) ? caseId : null;
    if (request === undefined) {
      const [row] = await preparedQuery<LockedCaseRow[]>(tx, `${LOCK_CASE} WHERE id = $1 FOR UPDATE`, [id]);
      return { row };
    }
    const [{ claimed, ...columns }] = await preparedQuery<(LockedCaseRow & { claimed: number })[]>(
      tx,
      `WITH ${claimCte(2)}
       SELECT (SELECT count(*) FROM claim)::int AS claimed, c.*
       FROM (SELECT 1) AS one LEFT JOIN LATERAL (${LOCK_CASE} WHERE id = $1 FOR UPDATE) c ON true`,
      [id, ...claimParams(request)],
    );
    const claim = await this.idempotency.settle(tx, request, claimed === 1);
    return { row: columns.id === null ? undefined : columns, claim };
  }

  private meta(actor: EventActor): EventMeta {
    const now = this.clock.now();
    return { actor, today: legalDateOf(now), now: now.toISOString(), calendar: this.calendar };
  }

  /** Adds what the client must not choose (ids, time) and the facts guards need from other tables. */
  private async buildEvent(tx: EntityManager, type: CaseEventType, payload: Record<string, unknown>, actor: EventActor, stored: StoredCase): Promise<CaseEvent> {
    const base = { ...payload, type, meta: this.meta(actor) };
    switch (type) {
      case 'ASSIGN_MEDIATOR':
        return { ...base, assignee: await this.userFacts(tx, String(payload.mediatorId)) } as CaseEvent;
      case 'REQUEST_JUDICIAL_CONFIRMATION': {
        const courtId = confirmationCourtId(stored.snapshot.context, { courtId: payload.courtId as string | undefined });
        return { ...base, courtKind: courtId === undefined ? null : await this.organizationKind(tx, courtId) } as CaseEvent;
      }
      case 'SCHEDULE_SESSION':
        return { ...base, sessionId: randomUUID() } as CaseEvent;
      case 'RECORD_SESSION':
        return { ...base, recordId: randomUUID() } as CaseEvent;
      default:
        return base as unknown as CaseEvent;
    }
  }

  private async userFacts(tx: EntityManager, userId: string) {
    const rows = (await tx.query('SELECT role, organization_id, active FROM users WHERE id = $1', [userId])) as { role: string; organization_id: string; active: boolean }[];
    return rows.length === 0 ? null : { role: rows[0].role, organizationId: rows[0].organization_id, active: rows[0].active };
  }

  private async organizationKind(tx: EntityManager, organizationId: string) {
    const rows = (await tx.query('SELECT kind FROM organizations WHERE id = $1', [organizationId])) as { kind: 'UNION' | 'COURT' }[];
    return rows[0]?.kind ?? null;
  }

  private async persist(
    tx: EntityManager,
    row: LockedCaseRow,
    stored: StoredCase,
    decision: AppliedDecision,
    applied: { type: CaseEventType; payload: Record<string, unknown>; actor: { userId: string | null; role: string }; requestId: string },
  ): Promise<number> {
    const fromState = stateOf(stored);
    const context = decision.context;
    const maskedPayload = maskPayload(applied.payload);
    // The row lock makes this compare-and-swap certain to match; it stays as the guard if the lock is ever dropped.
    // The event row is written by the same statement, from the updated row, and the case's audit head is locked by
    // it too (the case row's lock, held since the first statement, orders it): one round trip for all three.
    const [written] = await preparedQuery<({ version: number } & Partial<LockedHead>)[]>(
      tx,
      `WITH updated AS (
         UPDATE cases SET snapshot = $3, state = $4, version = version + 1, assigned_mediator_id = $5, review_court_id = $6,
           closed_at = CASE WHEN $4 LIKE 'closed.%' THEN coalesce(closed_at, $7) ELSE NULL END, updated_at = $7
         WHERE id = $1 AND version = $2 RETURNING id, version, state
       ), event AS (
         INSERT INTO case_events (case_id, version, type, payload, from_state, to_state, actor_user_id, actor_role, request_id, at)
         SELECT id, version, $8, $9, $10, state, $11, $12, $13, $7 FROM updated
         RETURNING version
       )
       SELECT event.version, head.last_chain_seq, head.last_hash, head.seq
       FROM event LEFT JOIN LATERAL (${lockedHeadSql('$14')}) head ON true`,
      [
        row.id,
        row.version,
        JSON.stringify(decision.snapshot),
        decision.state,
        context.assignedMediatorId ?? null,
        context.reviewCourtId ?? null,
        this.clock.now(),
        applied.type,
        JSON.stringify(maskedPayload),
        fromState,
        applied.actor.userId,
        applied.actor.role,
        applied.requestId,
        chainIdFor({ caseId: row.id }),
      ],
    );
    const newVersion = written?.version;
    if (newVersion !== row.version + 1) throw CaseEventError.versionConflict(row.version);

    // Most events leave the deadlines as they were, and the projection would then write nothing: skip its round trip.
    if (canonicalJson(context.deadlines) !== canonicalJson(stored.snapshot.context.deadlines)) await this.deadlines.sync(tx, row.id, context.deadlines);
    const { version: _version, ...head } = written;
    await this.audit.append(
      tx,
      {
        actor: applied.actor,
        orgId: row.organization_id,
        caseId: row.id,
        category: 'CASE',
        action: 'CASE_EVENT',
        fromState,
        toState: decision.state,
        caseVersion: newVersion,
        requestId: applied.requestId,
        payload: { type: applied.type, ...maskedPayload },
      },
      head.seq === null || head.seq === undefined ? undefined : (head as LockedHead),
    );
    await this.risk.recompute(tx, row.id);
    await this.notifyOf(tx, row, applied, context.assignedMediatorId ?? null);
    return newVersion;
  }

  /** In-app notices the event owes (issue 6): a new assignee hears of the case; the desk hears the court's ruling. */
  private async notifyOf(tx: EntityManager, row: LockedCaseRow, applied: { type: CaseEventType; actor: { userId: string | null } }, assignee: string | null): Promise<void> {
    const assigned = assignee !== null && assignee !== row.assigned_mediator_id && assignee !== applied.actor.userId;
    const ruling = applied.type === 'CONFIRM_JUDICIALLY' || applied.type === 'REFUSE_CONFIRMATION';
    if (!assigned && !ruling) return;
    const [{ case_number: caseNumber }] = (await tx.query('SELECT case_number FROM cases WHERE id = $1', [row.id])) as { case_number: string }[];
    if (assigned) {
      await this.notifications.notify(tx, {
        recipientIds: [assignee],
        organizationId: row.organization_id,
        kind: 'CASE_ASSIGNED',
        caseId: row.id,
        title: `新分派案件：${caseNumber}`,
        body: `案件 ${caseNumber} 已分派给您承办，请及时联系当事人。`,
      });
    }
    if (ruling) {
      const confirmed = applied.type === 'CONFIRM_JUDICIALLY';
      await this.notifications.notify(tx, {
        recipientIds: [...(assignee ? [assignee] : []), ...(await this.notifications.supervisorsOf(tx, row.organization_id))],
        organizationId: row.organization_id,
        kind: 'COURT_DECISION',
        caseId: row.id,
        title: `${confirmed ? '法院已司法确认' : '法院不予确认'}：${caseNumber}`,
        body: confirmed
          ? `案件 ${caseNumber} 的调解协议已获司法确认，请跟进履行。`
          : `案件 ${caseNumber} 的调解协议未获司法确认，案件已回到调解阶段，请重新组织调解。`,
      });
    }
  }
}
