import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { LegalDate } from '../calendar/legal-date';
import { Clock } from '../common/clock/clock';
import { ValidationError } from '../common/errors/domain-error';
import { DEFAULT_LEAD_DAYS, type SensitivePeriodKind, type SensitivePeriodMilestone } from '../risk/sensitive-periods';
import { CreateSensitivePeriodDto } from './dto/create-sensitive-period.dto';
import { SensitivePeriodQueryDto } from './dto/sensitive-period-query.dto';
import { SensitivePeriodResponseDto, toSensitivePeriodResponse } from './dto/sensitive-period-response.dto';
import { UpdateSensitivePeriodDto } from './dto/update-sensitive-period.dto';
import { RiskPolicyError } from './risk-policy.errors';
import { PERIOD_COLUMNS, type PeriodRow } from './sensitive-period-row';
import { mayChangePeriod, mayViewPeriod, newPeriodOrg, periodDateProblems } from './sensitive-period-rules';

/** The fields a caller sets; what the audit payload shows before and after a change. */
interface PeriodFields {
  name: string;
  kind: SensitivePeriodKind;
  startsOn: LegalDate;
  endsOn: LegalDate;
  leadDays: number;
  milestones: SensitivePeriodMilestone[];
  orgId: string | null;
  active: boolean;
  verified: boolean;
  basis: string;
}

const EDITABLE_FIELDS = ['name', 'kind', 'startsOn', 'endsOn', 'leadDays', 'milestones', 'orgId', 'active', 'verified', 'basis'] as const;

type PeriodAction = 'SENSITIVE_PERIOD_CREATED' | 'SENSITIVE_PERIOD_UPDATED' | 'SENSITIVE_PERIOD_DEACTIVATED';

const SELECT_PERIOD = `SELECT ${PERIOD_COLUMNS('p')} FROM sensitive_periods p`;

/**
 * Sensitive periods as data (DOMAIN §5): everybody reads the calendar they are subject to, supervisors keep their own
 * organization's periods, and only an ADMIN touches the periods of every organization. A period is deactivated rather
 * than deleted, because risk reasons, screenings and alerts keep naming it. Each change is one audited transaction.
 */
@Injectable()
export class SensitivePeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(viewer: Actor, query: SensitivePeriodQueryDto): Promise<SensitivePeriodResponseDto[]> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      clauses.push(clause.replaceAll('?', `$${params.length}`));
    };
    if (viewer.role !== 'ADMIN') add('(p.organization_id IS NULL OR p.organization_id = ?)', viewer.organizationId);
    if (query.year !== undefined) add('p.starts_on <= make_date(?, 12, 31) AND p.ends_on >= make_date(?, 1, 1)', query.year);
    if (query.kind !== undefined) add('p.kind = ?', query.kind);
    if (query.active !== undefined) add('p.active = ?', query.active);
    const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
    const rows = (await this.dataSource.query(`${SELECT_PERIOD} ${where} ORDER BY p.starts_on, p.name, p.id`, params)) as PeriodRow[];
    return rows.map(toSensitivePeriodResponse);
  }

  async get(viewer: Actor, id: string): Promise<SensitivePeriodResponseDto> {
    return toSensitivePeriodResponse(await this.loadVisible(this.dataSource.manager, viewer, id));
  }

  async create(actor: Actor, dto: CreateSensitivePeriodDto, requestId: string): Promise<SensitivePeriodResponseDto> {
    const fields: PeriodFields = {
      name: dto.name,
      kind: dto.kind,
      startsOn: dto.startsOn as LegalDate,
      endsOn: dto.endsOn as LegalDate,
      leadDays: dto.leadDays ?? DEFAULT_LEAD_DAYS,
      milestones: milestonesOf(dto.milestones ?? []),
      orgId: null,
      active: dto.active ?? true,
      verified: dto.verified ?? true,
      basis: dto.basis ?? '',
    };
    assertValid(fields);
    const orgId = newPeriodOrg(actor, dto.orgId);
    if (orgId === undefined) throw RiskPolicyError.otherOrganization();
    fields.orgId = orgId;
    return this.dataSource.transaction(async (tx) => {
      await this.assertUnionOrganization(tx, fields.orgId);
      const now = this.clock.now();
      const [{ id }] = (await tx.query(
        `INSERT INTO sensitive_periods (name, kind, starts_on, ends_on, lead_days, milestones, organization_id, active, verified, basis,
           created_at, created_by, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11, $12) RETURNING id`,
        [...columnValues(fields), now, actor.id],
      )) as { id: string }[];
      const row = await this.load(tx, id);
      await this.record(tx, actor, requestId, 'SENSITIVE_PERIOD_CREATED', row);
      return toSensitivePeriodResponse(row);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateSensitivePeriodDto, requestId: string): Promise<SensitivePeriodResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.loadVisible(tx, actor, id, true);
      const changed = new Set(EDITABLE_FIELDS.filter((field) => dto[field] !== undefined));
      const next = merged(fieldsOf(current), dto);
      assertValid(next, changed);
      if (!mayChangePeriod(actor, current.orgId)) throw RiskPolicyError.periodNotYours(id);
      if (dto.orgId !== undefined) {
        const orgId = newPeriodOrg(actor, dto.orgId);
        if (orgId === undefined) throw RiskPolicyError.otherOrganization();
        next.orgId = orgId;
        await this.assertUnionOrganization(tx, orgId);
      }
      if (sameFields(fieldsOf(current), next)) return toSensitivePeriodResponse(current);
      return toSensitivePeriodResponse(await this.write(tx, actor, requestId, current, next, 'SENSITIVE_PERIOD_UPDATED'));
    });
  }

  /** DELETE: the period stops raising risk but stays on record; deactivating an inactive period changes nothing. */
  async deactivate(actor: Actor, id: string, requestId: string): Promise<SensitivePeriodResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.loadVisible(tx, actor, id, true);
      if (!mayChangePeriod(actor, current.orgId)) throw RiskPolicyError.periodNotYours(id);
      if (!current.active) return toSensitivePeriodResponse(current);
      const next = { ...fieldsOf(current), active: false };
      return toSensitivePeriodResponse(await this.write(tx, actor, requestId, current, next, 'SENSITIVE_PERIOD_DEACTIVATED'));
    });
  }

  private async write(tx: EntityManager, actor: Actor, requestId: string, before: PeriodRow, next: PeriodFields, action: PeriodAction): Promise<PeriodRow> {
    await tx.query(
      `UPDATE sensitive_periods SET name = $2, kind = $3, starts_on = $4, ends_on = $5, lead_days = $6, milestones = $7, organization_id = $8,
         active = $9, verified = $10, basis = $11, updated_at = $12, updated_by = $13
       WHERE id = $1`,
      [before.id, ...columnValues(next), this.clock.now(), actor.id],
    );
    const after = await this.load(tx, before.id);
    await this.record(tx, actor, requestId, action, after, before);
    return after;
  }

  // The organization whose chain gets the row is the one the period concerns, before the change if it became global,
  // so that organization's supervisors see it in their own audit; a global period's changes go to the system chain.
  private async record(tx: EntityManager, actor: Actor, requestId: string, action: PeriodAction, after: PeriodRow, before?: PeriodRow): Promise<void> {
    await this.audit.append(tx, {
      actor: { userId: actor.id, role: actor.role },
      orgId: after.orgId ?? before?.orgId ?? null,
      category: 'RISK',
      action,
      requestId,
      payload: { id: after.id, ...(before ? { before: fieldsOf(before) } : {}), after: fieldsOf(after) },
    });
  }

  private async loadVisible(manager: EntityManager, viewer: Actor, id: string, forUpdate = false): Promise<PeriodRow> {
    const row = await this.find(manager, id, forUpdate);
    if (row === undefined || !mayViewPeriod(viewer, row.orgId)) throw RiskPolicyError.periodNotFound(id);
    return row;
  }

  private async load(manager: EntityManager, id: string): Promise<PeriodRow> {
    const row = await this.find(manager, id, false);
    if (row === undefined) throw RiskPolicyError.periodNotFound(id);
    return row;
  }

  private async find(manager: EntityManager, id: string, forUpdate: boolean): Promise<PeriodRow | undefined> {
    const rows = (await manager.query(`${SELECT_PERIOD} WHERE p.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])) as PeriodRow[];
    return rows[0];
  }

  // FOR SHARE: the organization cannot turn into a court between this check and the commit.
  private async assertUnionOrganization(tx: EntityManager, orgId: string | null): Promise<void> {
    if (orgId === null) return;
    const rows = (await tx.query('SELECT kind FROM organizations WHERE id = $1 FOR SHARE', [orgId])) as { kind: string }[];
    if (rows[0]?.kind !== 'UNION') throw ValidationError.field('orgId', 'INCONSISTENT', 'orgId must name a UNION organization, whose cases the period concerns');
  }
}

function assertValid(fields: PeriodFields, changed?: ReadonlySet<string>): void {
  const problems = periodDateProblems(fields, changed);
  if (problems.length > 0) throw new ValidationError(problems);
}

function milestonesOf(milestones: readonly { on: string; label: string }[]): SensitivePeriodMilestone[] {
  return milestones.map(({ on, label }) => ({ on: on as LegalDate, label }));
}

function fieldsOf(row: PeriodRow): PeriodFields {
  const { name, kind, startsOn, endsOn, leadDays, milestones, orgId, active, verified, basis } = row;
  return { name, kind, startsOn, endsOn, leadDays, milestones: milestonesOf(milestones), orgId, active, verified, basis };
}

/** orgId is settled by the caller, who checks who may name which organization. */
function merged(current: PeriodFields, dto: UpdateSensitivePeriodDto): PeriodFields {
  return {
    ...current,
    ...(dto.name !== undefined ? { name: dto.name } : {}),
    ...(dto.kind !== undefined ? { kind: dto.kind } : {}),
    ...(dto.startsOn !== undefined ? { startsOn: dto.startsOn as LegalDate } : {}),
    ...(dto.endsOn !== undefined ? { endsOn: dto.endsOn as LegalDate } : {}),
    ...(dto.leadDays !== undefined ? { leadDays: dto.leadDays } : {}),
    ...(dto.milestones !== undefined ? { milestones: milestonesOf(dto.milestones) } : {}),
    ...(dto.active !== undefined ? { active: dto.active } : {}),
    ...(dto.verified !== undefined ? { verified: dto.verified } : {}),
    ...(dto.basis !== undefined ? { basis: dto.basis } : {}),
  };
}

function sameFields(a: PeriodFields, b: PeriodFields): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function columnValues(fields: PeriodFields): unknown[] {
  const { name, kind, startsOn, endsOn, leadDays, milestones, orgId, active, verified, basis } = fields;
  return [name, kind, startsOn, endsOn, leadDays, JSON.stringify(milestones), orgId, active, verified, basis];
}
