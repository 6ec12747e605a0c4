import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { SqlConditions } from '../database/sql-conditions';
import type { AuditRecord } from './audit-chain';
import { AUDIT_RECORD_COLUMNS } from './audit-record-columns';
import { AuditError } from './audit.errors';
import { AUDIT_COUNT_AHEAD, AUDIT_PAGE_SIZE_DEFAULT, AuditEntryQueryDto } from './dto/audit-entry-query.dto';
import { AuditEntryPageResponseDto, toAuditEntryResponse } from './dto/audit-entry-response.dto';

/** Whose audit rows a viewer may read and verify (DOMAIN §1): an ADMIN every row, a SUPERVISOR their organization's. */
export type AuditScope = { readonly all: true } | { readonly all: false; readonly orgId: string };

export function auditScopeOf(viewer: Actor): AuditScope {
  if (viewer.role === 'ADMIN') return { all: true };
  if (viewer.role === 'SUPERVISOR') return { all: false, orgId: viewer.organizationId };
  throw AuditError.roleMayNotRead(viewer.role);
}

@Injectable()
export class AuditQueryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Case rows carry the case's org_id, so a supervisor's filter on org_id covers their cases' chains too. */
  async list(viewer: Actor, query: AuditEntryQueryDto): Promise<AuditEntryPageResponseDto> {
    const conditions = auditRowConditions(auditScopeOf(viewer), query);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE_DEFAULT;
    const direction = query.order === 'asc' ? 'ASC' : 'DESC';
    const { where, params } = conditions;
    const offset = (page - 1) * pageSize;
    const rows = (await this.dataSource.query(
      `SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries ${where} ORDER BY audit_entries.seq ${direction} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, offset],
    )) as AuditRecord[];
    // One row past the bound tells "exactly this many" from "more than this many" without counting the rest.
    const bound = offset + AUDIT_COUNT_AHEAD;
    const [{ counted }] = (await this.dataSource.query(
      `SELECT count(*)::int AS counted FROM (SELECT 1 FROM audit_entries ${where} LIMIT $${params.length + 1}) AS bounded`,
      [...params, bound + 1],
    )) as { counted: number }[];
    return { items: rows.map(toAuditEntryResponse), total: Math.min(counted, bound), totalExact: counted <= bound, page, pageSize };
  }

  /**
   * The chains a scope covers, or undefined for all of them: an organization's own chain and every chain holding a
   * row of that organization (its cases' chains). `among` narrows the answer to those chains.
   */
  async chainsInScope(manager: EntityManager, scope: AuditScope, among?: readonly string[]): Promise<ReadonlySet<string> | undefined> {
    if (scope.all) return undefined;
    const own = `org:${scope.orgId}`;
    const rows = (among === undefined
      ? await manager.query('SELECT DISTINCT chain_id FROM audit_entries WHERE org_id = $1', [scope.orgId])
      : await manager.query('SELECT DISTINCT chain_id FROM audit_entries WHERE org_id = $1 AND chain_id = ANY($2::text[])', [scope.orgId, among])) as {
      chain_id: string;
    }[];
    const chains = new Set(rows.map((row) => row.chain_id));
    if (among === undefined || among.includes(own)) chains.add(own);
    return chains;
  }
}

/** The filters GET /api/audit and the export share; a filter left undefined does not narrow. */
export type AuditRowFilters = Partial<Pick<AuditEntryQueryDto, 'caseId' | 'actorUserId' | 'action' | 'category' | 'from' | 'to'>>;

/** The rows a viewer in `scope` sees under `query`: a supervisor's organization's (its cases' included), every row for an ADMIN. */
export function auditRowConditions(scope: AuditScope, query: AuditRowFilters): SqlConditions {
  const conditions = new SqlConditions();
  if (!scope.all) conditions.add('org_id = ?', scope.orgId);
  if (query.caseId !== undefined) conditions.add('case_id = ?', query.caseId);
  if (query.actorUserId !== undefined) conditions.add('actor_user_id = ?', query.actorUserId);
  if (query.action !== undefined) conditions.add('action = ?', query.action);
  if (query.category !== undefined) conditions.add('category = ?', query.category);
  if (query.from !== undefined) conditions.add('at >= ?::timestamptz', query.from);
  if (query.to !== undefined) conditions.add('at < ?::timestamptz', query.to);
  return conditions;
}
