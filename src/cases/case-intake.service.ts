import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CaseRiskService } from '../risk-assessment/case-risk.service';
import type { Actor } from '../auth/actor';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import { legalDateOf, parseLegalDate, yearOf, type LegalDate } from '../calendar/legal-date';
import { Clock } from '../common/clock/clock';
import { ValidationError } from '../common/errors/domain-error';
import { PiiCipher } from '../common/pii/pii-cipher';
import { maskPii } from '../common/pii/pii-mask';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';
import { DeadlineProjection } from '../deadlines/deadline-projection';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CaseAccessService } from './case-access.service';
import type { StoredRespondent } from './case.entity';
import { CaseError } from './case.errors';
import { CaseQueryService } from './case-query.service';
import { CaseRespondentDto, CreateCaseDto } from './dto/create-case.dto';
import { idNumberKind, type CaseDetailResponseDto } from './dto/case-response.dto';
import { intakeProblems, legalReceiptDate, totalClaimed, type IntakeFacts } from './intake-rules';
import { createCase, type CreatedCase } from './machine/case-decision';
import type { CaseInput } from './machine/case.events';

interface IntakeMoment {
  readonly now: Date;
  readonly today: LegalDate;
  readonly receivedOn: LegalDate;
}

/** What registration needs of the user's organization, which must be a union mediation studio. */
interface UnionOrganization {
  readonly id: string;
  readonly caseNumberPrefix: string;
}

// A new case starts at BLUE with no reasons; the recompute in the same transaction scores it. The number is the
// prefix and year ($3) and a sequence of at least six digits.
const INSERT_CASE = `
  WITH numbered AS (
    INSERT INTO case_number_sequences (organization_id, year, last_value) VALUES ($1, $2, 1)
    ON CONFLICT (organization_id, year) DO UPDATE SET last_value = case_number_sequences.last_value + 1
    RETURNING last_value::text AS value
  ), created AS (
    INSERT INTO cases (organization_id, case_number, source, court_org_id, court_case_number, court_procedure, review_court_id,
      received_at, received_on, state, version, machine_version, snapshot, assigned_mediator_id, worker_count, migrant_workers,
      arrears_months, total_claimed, knew_or_should_have_known_at, risk_flags, risk_level, risk_reasons, respondent_name,
      respondent, respondent_contact_phone_enc, respondent_contact_phone_index, related_case_id, created_by, created_at,
      updated_at, closed_at)
    SELECT $1, $3 || lpad(value, greatest(6, length(value)), '0'), $4, $5, $6, $7, NULL,
      $8, $9, $10, 1, $11, $12, NULL, $13, $14,
      $15, $16, $17, $18, 'BLUE', '[]', $19,
      $20, $21, $22, $23, $24, $25,
      $25, NULL
    FROM numbered
    RETURNING id, case_number
  ), applicants AS (
    INSERT INTO case_applicants (case_id, position, name, id_type, id_number_enc, id_number_index, phone_enc, phone_index,
      employment_relation, employment_ended_on, migrant_worker, is_representative)
    SELECT created.id, a.ordinality - 1, a.name, a.id_type, a.id_number_enc, a.id_number_index, a.phone_enc, a.phone_index,
      a.employment_relation, a.employment_ended_on, a.migrant_worker, a.is_representative
    FROM created, unnest($26::text[], $27::text[], $28::text[], $29::text[], $30::text[], $31::text[], $32::text[], $33::date[],
      $34::boolean[], $35::boolean[]) WITH ORDINALITY AS a(name, id_type, id_number_enc, id_number_index, phone_enc, phone_index,
      employment_relation, employment_ended_on, migrant_worker, is_representative, ordinality)
  ), claims AS (
    INSERT INTO case_claims (case_id, position, type, amount, description)
    SELECT created.id, c.ordinality - 1, c.type, c.amount, c.description
    FROM created, unnest($36::text[], $37::numeric[], $38::text[]) WITH ORDINALITY AS c(type, amount, description, ordinality)
  )
  SELECT id, case_number FROM created`;

/**
 * Registers a case (DOMAIN §2) as one transaction: case number, opening snapshot, parties and claims with PII
 * encrypted, the deadline rows and the CASE_CREATED audit entry, all or nothing.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly queries: CaseQueryService,
    private readonly deadlines: DeadlineProjection,
    private readonly audit: AuditService,
    private readonly risk: CaseRiskService,
    private readonly cipher: PiiCipher,
    private readonly calendar: HolidayCalendar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateCaseDto, requestId: string): Promise<CaseDetailResponseDto> {
    const now = this.clock.now();
    const organization = await this.unionOf(actor);
    const problems = intakeProblems(dto, await this.factsFor(actor, dto, now));
    if (problems.length > 0) throw new ValidationError(problems);
    const moment: IntakeMoment = {
      now,
      today: legalDateOf(now, this.config.legalTimeZone),
      receivedOn: legalReceiptDate(dto.receivedAt, this.config.legalTimeZone),
    };
    return this.dataSource.transaction(async (tx) => {
      const created = createCase(this.caseInput(actor, dto, moment));
      const { caseId, caseNumber } = await this.insertCase(tx, actor, dto, { organization, created, moment });
      await this.deadlines.sync(tx, caseId, created.context.deadlines);
      await this.audit.append(tx, {
        actor: { userId: actor.id, role: actor.role },
        orgId: organization.id,
        caseId,
        category: 'CASE',
        action: 'CASE_CREATED',
        toState: created.state,
        caseVersion: 1,
        requestId,
        payload: intakeSummary(caseNumber, dto, moment.receivedOn),
      });
      await this.risk.recompute(tx, caseId);
      return this.queries.detail(tx, caseId, actor);
    });
  }

  /** Cases belong to the creating user's organization, which must be a union mediation studio. */
  private async unionOf(actor: Actor): Promise<UnionOrganization> {
    const [organization] = await preparedQuery<(UnionOrganization & { kind: string })[]>(
      this.dataSource.manager,
      'SELECT id, kind, case_number_prefix AS "caseNumberPrefix" FROM organizations WHERE id = $1',
      [actor.organizationId],
    );
    if (organization === undefined || organization.kind !== 'UNION') throw CaseError.intakeOnlyForUnion();
    return organization;
  }

  private async factsFor(actor: Actor, dto: CreateCaseDto, now: Date): Promise<IntakeFacts> {
    const manager = this.dataSource.manager;
    const courtOrgKind = isGiven(dto.courtOrgId)
      ? ((await manager.getRepository(OrganizationEntity).findOneBy({ id: dto.courtOrgId }))?.kind ?? null)
      : undefined;
    const relatedCaseVisible = isGiven(dto.relatedCaseId) ? await this.isVisible(manager, dto.relatedCaseId, actor) : undefined;
    return { now, timeZone: this.config.legalTimeZone, courtOrgKind, relatedCaseVisible };
  }

  private async isVisible(manager: EntityManager, caseId: string, actor: Actor): Promise<boolean> {
    try {
      await this.access.loadVisible(manager, caseId, actor);
      return true;
    } catch (error) {
      if (error instanceof CaseError && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  }

  private caseInput(actor: Actor, dto: CreateCaseDto, moment: IntakeMoment): CaseInput {
    return {
      source: dto.source,
      receivedOn: moment.receivedOn,
      organizationId: actor.organizationId,
      ...(isGiven(dto.courtOrgId) ? { courtOrgId: dto.courtOrgId } : {}),
      ...(isGiven(dto.courtProcedure) ? { courtProcedure: dto.courtProcedure } : {}),
      workerCount: dto.workerCount,
      claimTypes: dto.claims.map((claim) => claim.type),
      applicants: dto.applicants.map((applicant) => ({
        employmentRelation: applicant.employmentRelation,
        ...(isGiven(applicant.employmentEndedOn) ? { employmentEndedOn: parseLegalDate(applicant.employmentEndedOn) } : {}),
      })),
      knewOrShouldHaveKnownAt: parseLegalDate(dto.knewOrShouldHaveKnownAt),
      // A mediator's new case is not theirs yet: it waits in the organization's intake queue (DOMAIN §1).
      meta: {
        actor: { kind: 'USER', userId: actor.id, role: actor.role },
        today: moment.today,
        now: moment.now.toISOString(),
        calendar: this.calendar,
      },
    };
  }

  /**
   * The case number, the case row, its applicants and its claims in one statement: a registration is many round
   * trips, and the sequence row's lock serialises an organization's intakes from this statement until commit. A
   * rollback releases the number unused, so numbers are unique and may have gaps (DOMAIN §2).
   */
  private async insertCase(
    tx: EntityManager,
    actor: Actor,
    dto: CreateCaseDto,
    given: { organization: UnionOrganization; created: CreatedCase; moment: IntakeMoment },
  ): Promise<{ caseId: string; caseNumber: string }> {
    const { organization, created, moment } = given;
    const contactPhone = isGiven(dto.respondent.contactPhone) ? dto.respondent.contactPhone : undefined;
    const year = yearOf(moment.today);
    const applicants = dto.applicants;
    const [row] = await preparedQuery<{ id: string; case_number: string }[]>(tx, INSERT_CASE, [
      organization.id,
      year,
      `${organization.caseNumberPrefix}-${year}-`,
      dto.source,
      dto.courtOrgId ?? null,
      dto.courtCaseNumber ?? null,
      dto.courtProcedure ?? null,
      new Date(dto.receivedAt),
      moment.receivedOn,
      created.state,
      created.machineVersion,
      JSON.stringify(created.snapshot),
      dto.workerCount,
      dto.migrantWorkers,
      dto.arrearsMonths ?? 0,
      totalClaimed(dto.claims),
      dto.knewOrShouldHaveKnownAt,
      dto.riskFlags ?? [],
      dto.respondent.name,
      JSON.stringify(storedRespondent(dto.respondent)),
      contactPhone === undefined ? null : this.cipher.encrypt(contactPhone),
      contactPhone === undefined ? null : this.cipher.blindIndex('PHONE', contactPhone),
      dto.relatedCaseId ?? null,
      actor.id,
      moment.now,
      applicants.map((applicant) => applicant.name),
      applicants.map((applicant) => applicant.idType),
      applicants.map((applicant) => this.cipher.encrypt(applicant.idNumber)),
      applicants.map((applicant) => this.cipher.blindIndex(idNumberKind(applicant.idType), applicant.idNumber)),
      applicants.map((applicant) => this.cipher.encrypt(applicant.phone)),
      applicants.map((applicant) => this.cipher.blindIndex('PHONE', applicant.phone)),
      applicants.map((applicant) => applicant.employmentRelation),
      applicants.map((applicant) => applicant.employmentEndedOn ?? null),
      applicants.map((applicant) => applicant.migrantWorker),
      applicants.map((applicant) => applicant.isRepresentative),
      dto.claims.map((claim) => claim.type),
      dto.claims.map((claim) => claim.amount ?? null),
      dto.claims.map((claim) => claim.description),
    ]);
    return { caseId: row.id, caseNumber: row.case_number };
  }
}

/** Optional fields may arrive as null; both null and undefined mean "not given". */
function isGiven<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function storedRespondent(respondent: CaseRespondentDto): StoredRespondent {
  const { contactPhone: _contactPhone, ...rest } = respondent;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => isGiven(value))) as unknown as StoredRespondent;
}

/**
 * The audit payload of CASE_CREATED. Identity numbers and phones are masked here with the rule of their kind, under
 * keys of their own, so the audit's generic masking does not mask them a second time.
 */
function intakeSummary(caseNumber: string, dto: CreateCaseDto, receivedOn: LegalDate): Record<string, unknown> {
  const contactPhone = dto.respondent.contactPhone;
  return {
    caseNumber,
    source: dto.source,
    courtOrgId: dto.courtOrgId ?? null,
    courtCaseNumber: dto.courtCaseNumber ?? null,
    courtProcedure: dto.courtProcedure ?? null,
    receivedAt: new Date(dto.receivedAt).toISOString(),
    receivedOn,
    workerCount: dto.workerCount,
    migrantWorkers: dto.migrantWorkers,
    arrearsMonths: dto.arrearsMonths ?? 0,
    knewOrShouldHaveKnownAt: dto.knewOrShouldHaveKnownAt,
    riskFlags: dto.riskFlags ?? [],
    relatedCaseId: dto.relatedCaseId ?? null,
    totalClaimed: totalClaimed(dto.claims),
    claims: dto.claims.map((claim) => ({ type: claim.type, amount: claim.amount ?? null })),
    applicants: dto.applicants.map((applicant) => ({
      name: applicant.name,
      idType: applicant.idType,
      idNumberMasked: maskPii(idNumberKind(applicant.idType), applicant.idNumber),
      phoneMasked: maskPii('PHONE', applicant.phone),
      employmentRelation: applicant.employmentRelation,
      employmentEndedOn: applicant.employmentEndedOn ?? null,
      migrantWorker: applicant.migrantWorker,
      isRepresentative: applicant.isRepresentative,
    })),
    respondent: {
      ...storedRespondent(dto.respondent),
      contactPhoneMasked: isGiven(contactPhone) ? maskPii('PHONE', contactPhone) : null,
    },
  };
}
