import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, type EntityMetadata } from 'typeorm';
import type { Actor } from '../auth/actor';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import { legalDateOf } from '../calendar/legal-date';
import { Clock } from '../common/clock/clock';
import { PiiCipher } from '../common/pii/pii-cipher';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { namedQuery } from '../database/named-query';
import { preparedQuery } from '../database/prepared-query';
import { SELECT_DEADLINE_ROWS, type DeadlineRow } from '../deadlines/deadline-projection';
import { CaseAccessService } from './case-access.service';
import { CaseApplicantEntity } from './case-applicant.entity';
import { CaseClaimEntity } from './case-claim.entity';
import { CaseEntity } from './case.entity';
import { CaseError } from './case.errors';
import { CASE_STATE_GROUPS } from './case-vocabulary';
import { CaseQueryDto, DEFAULT_PAGE_SIZE, type CaseSortKey } from './dto/case-query.dto';
import {
  toCaseResponse,
  toCaseSummaryResponse,
  type CaseDetailResponseDto,
  type CaseListResponseDto,
  type CaseSummaryRow,
  type UserRefDto,
} from './dto/case-response.dto';
import { allowedEvents } from './machine/case-decision';
import { isUuid } from '../common/uuid';

const SORT_EXPRESSIONS: Record<CaseSortKey, string> = {
  receivedAt: 'c.received_at',
  caseNumber: 'c.case_number',
  updatedAt: 'c.updated_at',
  riskLevel: `CASE c.risk_level WHEN 'BLUE' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'ORANGE' THEN 2 ELSE 3 END`,
};

// The lead applicant shown in a list: the first representative of a collective case, else the first applicant.
const SUMMARY_SELECT = `
  SELECT c.id, c.case_number AS "caseNumber", c.organization_id AS "organizationId", c.state, c.version, c.source,
         c.court_org_id AS "courtOrgId", c.received_at AS "receivedAt", c.received_on::text AS "receivedOn",
         c.worker_count AS "workerCount", c.collective, c.total_claimed::text AS "totalClaimed", c.risk_level AS "riskLevel",
         c.risk_flags AS "riskFlags", c.respondent_name AS "respondentName", c.updated_at AS "updatedAt",
         c.assigned_mediator_id AS "assignedMediatorId", m.display_name AS "assignedMediatorName",
         (SELECT count(*)::int FROM case_applicants n WHERE n.case_id = c.id) AS "applicantCount",
         lead.name AS "leadName", lead.id_type AS "leadIdType", lead.id_number_enc AS "leadIdNumberEnc", lead.phone_enc AS "leadPhoneEnc"
  FROM cases c
  LEFT JOIN users m ON m.id = c.assigned_mediator_id
  LEFT JOIN LATERAL (
    SELECT a.name, a.id_type, a.id_number_enc, a.phone_enc FROM case_applicants a
    WHERE a.case_id = c.id ORDER BY a.is_representative DESC, a.position LIMIT 1
  ) lead ON true`;

/**
 * Everything a case's detail shows, in one statement: a round trip costs more than the SQL here, and the event
 * endpoint answers every transition with this detail. `caseColumns` is the case row under its entity's names.
 */
function detailSql(caseColumns: string): string {
  return `
  SELECT ${caseColumns},
    (SELECT coalesce(json_agg(json_build_object(
       'id', a.id, 'caseId', a.case_id, 'position', a.position, 'name', a.name, 'idType', a.id_type,
       'idNumberEnc', a.id_number_enc, 'idNumberIndex', a.id_number_index, 'phoneEnc', a.phone_enc, 'phoneIndex', a.phone_index,
       'employmentRelation', a.employment_relation, 'employmentEndedOn', a.employment_ended_on::text,
       'migrantWorker', a.migrant_worker, 'isRepresentative', a.is_representative) ORDER BY a.position), '[]')
     FROM case_applicants a WHERE a.case_id = c.id) AS "detailApplicants",
    (SELECT coalesce(json_agg(json_build_object(
       'id', cl.id, 'caseId', cl.case_id, 'position', cl.position, 'type', cl.type, 'amount', cl.amount::text,
       'description', cl.description) ORDER BY cl.position), '[]')
     FROM case_claims cl WHERE cl.case_id = c.id) AS "detailClaims",
    (SELECT coalesce(json_agg(d ORDER BY d.position, d.key), '[]') FROM (${SELECT_DEADLINE_ROWS} WHERE case_id = c.id) d) AS "detailDeadlines",
    (SELECT coalesce(json_agg(json_build_object('id', u.id, 'displayName', u.display_name)), '[]')
     FROM users u WHERE u.id IN (c.created_by, c.assigned_mediator_id)) AS "detailUsers"
  FROM cases c WHERE c.id = $1`;
}

/**
 * The entity's columns under their property names, so that a raw row stands in for what the ORM would load (a
 * `date` arrives as text, as TypeORM gives it). Read from the entity's metadata, so a new column cannot be forgotten.
 */
export function entityColumns(metadata: EntityMetadata, alias: string): string {
  return metadata.columns.map((column) => `${alias}.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${column.propertyName}"`).join(', ');
}

/** A row of detailSql: the case and its parts as JSON, in which the deadlines' timestamps arrive as text. */
interface DetailRow extends CaseEntity {
  detailApplicants: CaseApplicantEntity[];
  detailClaims: CaseClaimEntity[];
  detailDeadlines: (Omit<DeadlineRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string })[];
  detailUsers: UserRefDto[];
}

interface Filter {
  readonly where: string[];
  readonly params: Record<string, unknown>;
}

/**
 * Reads cases as the API shows them. The case-detail loader is shared with the event endpoint, which answers an
 * applied event with the same detail.
 */
@Injectable()
export class CaseQueryService {
  private readonly detailStatement: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly cipher: PiiCipher,
    private readonly calendar: HolidayCalendar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.detailStatement = detailSql(entityColumns(dataSource.getMetadata(CaseEntity), 'c'));
  }

  async list(actor: Actor, query: CaseQueryDto): Promise<CaseListResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const filter = this.filterFor(actor, query);
    const where = `WHERE ${filter.where.join(' AND ')}`;
    const params = { ...filter.params, limit: pageSize, offset: (page - 1) * pageSize };
    const [rows, [{ total }]] = await Promise.all([
      this.run<CaseSummaryRow>(`${SUMMARY_SELECT} ${where} ORDER BY ${orderBy(query.sort)} LIMIT :limit OFFSET :offset`, params),
      this.run<{ total: number }>(`SELECT count(*)::int AS total FROM cases c ${where}`, filter.params),
    ]);
    return { items: rows.map((row) => toCaseSummaryResponse(row, (ciphertext) => this.cipher.decrypt(ciphertext))), total, page, pageSize };
  }

  /**
   * The case as `actor` sees it, or 404 when it is outside their scope. A command that has already passed the
   * visibility check sets `alreadyAuthorized`: a queue mediator who rejects or withdraws an unassigned case loses
   * sight of it by doing so, yet is owed the answer to their own command.
   */
  async detail(manager: EntityManager, caseId: string, actor: Actor, options: { alreadyAuthorized?: boolean } = {}): Promise<CaseDetailResponseDto> {
    if (!isUuid(caseId)) throw CaseError.notFound(caseId);
    const [found] = await preparedQuery<DetailRow[]>(manager, this.detailStatement, [caseId]);
    if (found === undefined) throw CaseError.notFound(caseId);
    const { detailApplicants: applicants, detailClaims: claims, detailDeadlines, detailUsers, ...columns } = found;
    const row = Object.assign(new CaseEntity(), columns);
    const facts = this.access.toAccessRow(row);
    if (options.alreadyAuthorized !== true && !this.access.canSee(actor, facts)) throw CaseError.notFound(caseId);
    const deadlines = detailDeadlines.map((d) => ({ ...d, createdAt: new Date(d.createdAt), updatedAt: new Date(d.updatedAt) }));
    const users = new Map(detailUsers.map((user) => [user.id, user]));
    const today = legalDateOf(this.clock.now(), this.config.legalTimeZone);
    const stored = { machineVersion: row.machineVersion, snapshot: row.snapshot };
    return toCaseResponse(
      row,
      { raw: this.access.seesRawPii(actor, facts), decrypt: (ciphertext) => this.cipher.decrypt(ciphertext) },
      {
        applicants,
        claims,
        deadlines,
        assignedMediator: row.assignedMediatorId === null ? null : (users.get(row.assignedMediatorId) ?? null),
        createdBy: users.get(row.createdBy) ?? { id: row.createdBy, displayName: '' },
        allowedEvents: allowedEvents(stored, this.access.relationFor(actor, facts), today, this.calendar),
      },
    );
  }

  private filterFor(actor: Actor, query: CaseQueryDto): Filter {
    const scope = this.access.scopeFor(actor, 'c');
    const where = [scope.where];
    const params: Record<string, unknown> = { ...scope.params };
    if (query.state !== undefined) {
      const group = (CASE_STATE_GROUPS as readonly string[]).includes(query.state);
      where.push(group ? 'c.state LIKE :statePattern' : 'c.state = :state');
      Object.assign(params, group ? { statePattern: `${query.state}.%` } : { state: query.state });
    }
    if (query.open !== undefined) where.push(query.open ? "c.state NOT LIKE 'closed.%'" : "c.state LIKE 'closed.%'");
    if (query.source !== undefined) {
      where.push('c.source = :source');
      params.source = query.source;
    }
    if (query.mine === true) {
      where.push('c.assigned_mediator_id = :mine');
      params.mine = actor.id;
    }
    if (query.riskLevel !== undefined) {
      where.push('c.risk_level = :riskLevel');
      params.riskLevel = query.riskLevel;
    }
    if (query.q !== undefined) {
      where.push(TEXT_SEARCH);
      Object.assign(params, this.searchParams(query.q));
    }
    return { where, params };
  }

  // A full ID number or phone is matched exactly through its blind index; the ciphertexts cannot be searched.
  private searchParams(q: string): Record<string, unknown> {
    return {
      qPattern: `%${escapeLike(q.toLowerCase())}%`,
      qResidentId: this.cipher.blindIndex('RESIDENT_ID', q),
      qOtherId: this.cipher.blindIndex('OTHER_ID', q),
      qPhone: this.cipher.blindIndex('PHONE', q),
    };
  }

  private run<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    return namedQuery<T>(this.dataSource, sql, params);
  }
}

const TEXT_SEARCH = `(
  lower(c.case_number) LIKE :qPattern ESCAPE '\\'
  OR lower(c.respondent_name) LIKE :qPattern ESCAPE '\\'
  OR c.respondent_contact_phone_index = :qPhone
  OR EXISTS (
    SELECT 1 FROM case_applicants s WHERE s.case_id = c.id AND (
      lower(s.name) LIKE :qPattern ESCAPE '\\'
      OR s.id_number_index IN (:qResidentId, :qOtherId)
      OR s.phone_index = :qPhone
    )
  )
)`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function orderBy(sort: string | undefined): string {
  const value = sort ?? '-receivedAt';
  const descending = value.startsWith('-');
  const key = (descending ? value.slice(1) : value) as CaseSortKey;
  return `${SORT_EXPRESSIONS[key]} ${descending ? 'DESC' : 'ASC'}, c.case_number ${descending ? 'DESC' : 'ASC'}, c.id`;
}
