import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { CaseAccessService } from '../cases/case-access.service';
import { Clock } from '../common/clock/clock';
import { maskPiiInText } from '../common/pii/mask-payload';
import { namedQuery } from '../database/named-query';
import { AlertError } from './alert.errors';
import { alertColumns, type AlertView } from './alert-row';
import { mayHandleAlert, roleAlertFilterSql, roleSeesAlert } from './alert-rules';
import { AlertQueryDto, DEFAULT_ALERT_PAGE_SIZE } from './dto/alert-query.dto';
import { AlertListResponseDto, AlertResponseDto, toAlertResponse } from './dto/alert-response.dto';
import { isUuid } from '../common/uuid';

/** An alert with its case's number and the case columns that access depends on. */
interface AlertWithCase extends AlertView {
  caseNumber: string;
  case_organization_id: string;
  assigned_mediator_id: string | null;
  court_org_id: string | null;
  review_court_id: string | null;
  state: string;
}

const WITH_CASE = `
  SELECT ${alertColumns('a')}, c.case_number AS "caseNumber", c.organization_id AS case_organization_id,
         c.assigned_mediator_id, c.court_org_id, c.review_court_id, c.state
  FROM alerts a JOIN cases c ON c.id = a.case_id AND c.organization_id = a.organization_id`;

/**
 * The desk's side of alerts: the list and detail in the user's scope (case access, narrowed for liaisons), and
 * acknowledging and resolving, each one transaction with its audit entries.
 */
@Injectable()
export class AlertHandlingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: AlertQueryDto): Promise<AlertListResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_ALERT_PAGE_SIZE;
    const scope = this.access.scopeFor(actor, 'c');
    const where = [scope.where];
    const params: Record<string, unknown> = { ...scope.params };
    const roleFilter = roleAlertFilterSql(actor, 'a');
    if (roleFilter !== undefined) where.push(roleFilter);
    const filters: [unknown, string, string, unknown][] = [
      [query.status, 'a.status = :status', 'status', query.status],
      [query.level, 'a.level = :level', 'level', query.level],
      [query.kind, 'a.kind = :kind', 'kind', query.kind],
      [query.caseId, 'a.case_id = :caseId', 'caseId', query.caseId],
      [query.mine === true ? true : undefined, 'c.assigned_mediator_id = :mine', 'mine', actor.id],
      [query.escalated, 'a.escalated = :escalated', 'escalated', query.escalated],
    ];
    for (const [given, condition, name, value] of filters) {
      if (given === undefined) continue;
      where.push(condition);
      params[name] = value;
    }
    const condition = `WHERE ${where.join(' AND ')}`;
    const [rows, [{ total }]] = await Promise.all([
      this.run<AlertWithCase>(`${WITH_CASE} ${condition} ORDER BY a.raised_at DESC, a.id DESC LIMIT :limit OFFSET :offset`, {
        ...params,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      this.run<{ total: number }>(`SELECT count(*)::int AS total FROM alerts a JOIN cases c ON c.id = a.case_id AND c.organization_id = a.organization_id ${condition}`, params),
    ]);
    return { items: rows.map((row) => toAlertResponse(row, row.caseNumber)), total, page, pageSize };
  }

  async detail(actor: Actor, alertId: string): Promise<AlertResponseDto> {
    const row = await this.loadVisible(this.dataSource.manager, alertId, actor);
    return toAlertResponse(row, row.caseNumber);
  }

  /** OPEN → ACKNOWLEDGED. Acknowledging an acknowledged alert changes nothing and answers it as it is. */
  acknowledge(actor: Actor, alertId: string, requestId: string): Promise<AlertResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.lockHandleable(tx, alertId, actor);
      if (row.status === 'OPEN') await this.markAcknowledged(tx, row, actor, requestId);
      return this.detailIn(tx, alertId);
    });
  }

  /** OPEN or ACKNOWLEDGED → RESOLVED, acknowledging an OPEN alert on the way (DOMAIN §5 "Lifecycle"). */
  resolve(actor: Actor, alertId: string, note: string, requestId: string): Promise<AlertResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.lockHandleable(tx, alertId, actor);
      if (row.status === 'OPEN') await this.markAcknowledged(tx, row, actor, requestId);
      const maskedNote = maskPiiInText(note);
      await tx.query(`UPDATE alerts SET status = 'RESOLVED', resolved_at = $2, resolved_by = $3, resolution_note = $4 WHERE id = $1`, [
        row.id,
        this.clock.now(),
        actor.id,
        maskedNote,
      ]);
      await this.record(tx, row, actor, requestId, 'ALERT_RESOLVED', { fromStatus: 'ACKNOWLEDGED', toStatus: 'RESOLVED', note: maskedNote });
      return this.detailIn(tx, alertId);
    });
  }

  private async markAcknowledged(tx: EntityManager, row: AlertWithCase, actor: Actor, requestId: string): Promise<void> {
    await tx.query(`UPDATE alerts SET status = 'ACKNOWLEDGED', acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1`, [row.id, this.clock.now(), actor.id]);
    await this.record(tx, row, actor, requestId, 'ALERT_ACKNOWLEDGED', { fromStatus: 'OPEN', toStatus: 'ACKNOWLEDGED' });
  }

  private async record(tx: EntityManager, row: AlertWithCase, actor: Actor, requestId: string, action: string, change: Record<string, unknown>): Promise<void> {
    await this.audit.append(tx, {
      actor: { userId: actor.id, role: actor.role },
      orgId: row.organizationId,
      caseId: row.caseId,
      category: 'CASE',
      action,
      requestId,
      payload: { alertId: row.id, kind: row.kind, level: row.level, ...change },
    });
  }

  /**
   * Locks the case and then the alert, the order of every change to a case, and checks in DOMAIN §3's order:
   * 404 when the user may not see it, 403 when they may see but not handle it, 409 when it is resolved already.
   */
  private async lockHandleable(tx: EntityManager, alertId: string, actor: Actor): Promise<AlertWithCase> {
    if (!isUuid(alertId)) throw AlertError.notFound(alertId);
    // An alert never moves to another case, so its case can be locked before the alert row is.
    await tx.query('SELECT id FROM cases WHERE id = (SELECT case_id FROM alerts WHERE id = $1) FOR UPDATE', [alertId]);
    const row = await this.loadVisible(tx, alertId, actor, { lock: true });
    if (!mayHandleAlert(actor, this.access.toAccessRow({ ...row, organization_id: row.case_organization_id }))) throw AlertError.handlingNotAllowed();
    if (row.status === 'RESOLVED') throw AlertError.alreadyResolved(alertId);
    return row;
  }

  private async loadVisible(manager: EntityManager, alertId: string, actor: Actor, options: { lock?: boolean } = {}): Promise<AlertWithCase> {
    if (!isUuid(alertId)) throw AlertError.notFound(alertId);
    const rows = (await manager.query(`${WITH_CASE} WHERE a.id = $1${options.lock === true ? ' FOR UPDATE OF a' : ''}`, [alertId])) as AlertWithCase[];
    const row = rows[0];
    if (row === undefined) throw AlertError.notFound(alertId);
    const facts = this.access.toAccessRow({ ...row, organization_id: row.case_organization_id });
    if (!this.access.canSee(actor, facts) || !roleSeesAlert(actor, row)) throw AlertError.notFound(alertId);
    return row;
  }

  private async detailIn(tx: EntityManager, alertId: string): Promise<AlertResponseDto> {
    const [row] = (await tx.query(`${WITH_CASE} WHERE a.id = $1`, [alertId])) as AlertWithCase[];
    return toAlertResponse(row, row.caseNumber);
  }

  private run<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    return namedQuery<T>(this.dataSource, sql, params);
  }
}
