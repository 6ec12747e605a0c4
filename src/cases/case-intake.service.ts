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
import { DeadlineProjection } from '../deadlines/deadline-projection';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CaseAccessService } from './case-access.service';
import { CaseApplicantEntity } from './case-applicant.entity';
import { CaseClaimEntity } from './case-claim.entity';
import { CaseEntity, type StoredRespondent } from './case.entity';
import { CaseError } from './case.errors';
import { CaseQueryService } from './case-query.service';
import { CaseApplicantDto, CaseRespondentDto, CreateCaseDto } from './dto/create-case.dto';
import { idNumberKind, type CaseDetailResponseDto } from './dto/case-response.dto';
import { intakeProblems, legalReceiptDate, totalClaimed, type IntakeFacts } from './intake-rules';
import { createCase, type CreatedCase } from './machine/case-decision';
import type { CaseInput } from './machine/case.events';

interface IntakeMoment {
  readonly now: Date;
  readonly today: LegalDate;
  readonly receivedOn: LegalDate;
}

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
      const caseNumber = await this.takeCaseNumber(tx, organization, yearOf(moment.today));
      const created = createCase(this.caseInput(actor, dto, moment));
      const caseId = await this.insertCase(tx, actor, dto, { caseNumber, created, moment });
      await this.insertApplicants(tx, caseId, dto.applicants);
      await this.insertClaims(tx, caseId, dto);
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
  private async unionOf(actor: Actor): Promise<OrganizationEntity> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: actor.organizationId });
    if (organization === null || organization.kind !== 'UNION') throw CaseError.intakeOnlyForUnion();
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

  // The sequence row's lock serialises concurrent intakes of one organization and year until commit; a rollback
  // releases the number unused, so numbers are unique and may have gaps (DOMAIN §2).
  private async takeCaseNumber(tx: EntityManager, organization: OrganizationEntity, year: number): Promise<string> {
    const [{ last_value: value }] = (await tx.query(
      `INSERT INTO case_number_sequences (organization_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (organization_id, year) DO UPDATE SET last_value = case_number_sequences.last_value + 1
       RETURNING last_value`,
      [organization.id, year],
    )) as { last_value: number }[];
    return `${organization.caseNumberPrefix}-${year}-${String(value).padStart(6, '0')}`;
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

  private async insertCase(
    tx: EntityManager,
    actor: Actor,
    dto: CreateCaseDto,
    created: { caseNumber: string; created: CreatedCase; moment: IntakeMoment },
  ): Promise<string> {
    const contactPhone = isGiven(dto.respondent.contactPhone) ? dto.respondent.contactPhone : undefined;
    const result = await tx.getRepository(CaseEntity).insert({
      organizationId: actor.organizationId,
      caseNumber: created.caseNumber,
      source: dto.source,
      courtOrgId: dto.courtOrgId ?? null,
      courtCaseNumber: dto.courtCaseNumber ?? null,
      courtProcedure: dto.courtProcedure ?? null,
      reviewCourtId: null,
      receivedAt: new Date(dto.receivedAt),
      receivedOn: created.moment.receivedOn,
      state: created.created.state,
      version: 1,
      machineVersion: created.created.machineVersion,
      // TypeORM's deep-partial insert type cannot express a jsonb column whose type has an index signature.
      snapshot: created.created.snapshot as never,
      assignedMediatorId: null,
      workerCount: dto.workerCount,
      migrantWorkers: dto.migrantWorkers,
      arrearsMonths: dto.arrearsMonths ?? 0,
      totalClaimed: totalClaimed(dto.claims),
      knewOrShouldHaveKnownAt: dto.knewOrShouldHaveKnownAt,
      riskFlags: dto.riskFlags ?? [],
      // The risk engine scores cases in its own issue; until then a new case starts at the lowest level.
      riskLevel: 'BLUE',
      riskReasons: [],
      respondentName: dto.respondent.name,
      respondent: storedRespondent(dto.respondent),
      respondentContactPhoneEnc: contactPhone === undefined ? null : this.cipher.encrypt(contactPhone),
      respondentContactPhoneIndex: contactPhone === undefined ? null : this.cipher.blindIndex('PHONE', contactPhone),
      relatedCaseId: dto.relatedCaseId ?? null,
      createdBy: actor.id,
      createdAt: created.moment.now,
      updatedAt: created.moment.now,
      closedAt: null,
    });
    return (result.identifiers[0] as { id: string }).id;
  }

  private async insertApplicants(tx: EntityManager, caseId: string, applicants: readonly CaseApplicantDto[]): Promise<void> {
    await tx.getRepository(CaseApplicantEntity).insert(
      applicants.map((applicant, position) => ({
        caseId,
        position,
        name: applicant.name,
        idType: applicant.idType,
        idNumberEnc: this.cipher.encrypt(applicant.idNumber),
        idNumberIndex: this.cipher.blindIndex(idNumberKind(applicant.idType), applicant.idNumber),
        phoneEnc: this.cipher.encrypt(applicant.phone),
        phoneIndex: this.cipher.blindIndex('PHONE', applicant.phone),
        employmentRelation: applicant.employmentRelation,
        employmentEndedOn: applicant.employmentEndedOn ?? null,
        migrantWorker: applicant.migrantWorker,
        isRepresentative: applicant.isRepresentative,
      })),
    );
  }

  private async insertClaims(tx: EntityManager, caseId: string, dto: CreateCaseDto): Promise<void> {
    await tx.getRepository(CaseClaimEntity).insert(
      dto.claims.map((claim, position) => ({
        caseId,
        position,
        type: claim.type,
        amount: claim.amount ?? null,
        description: claim.description,
      })),
    );
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
