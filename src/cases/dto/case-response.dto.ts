import { maskPayload } from '../../common/pii/mask-payload';
import { ApiProperty } from '@nestjs/swagger';
import { maskPii, type PiiKind } from '../../common/pii/pii-mask';
import { DeadlineResponseDto, toDeadlineResponse } from '../../deadlines/dto/deadline-response.dto';
import type { DeadlineRow } from '../../deadlines/deadline-projection';
import type { CaseApplicantEntity } from '../case-applicant.entity';
import type { CaseClaimEntity } from '../case-claim.entity';
import type { CaseEntity, RiskReason } from '../case.entity';
import { APPLICANT_ID_TYPES, RISK_LEVELS, type ApplicantIdType, type RiskLevel } from '../case-vocabulary';
import type {
  Advice,
  AgreementTerms,
  Instalment,
  JudicialConfirmation,
  Payment,
  RecordedSession,
  RespondentConsent,
  ScheduledSession,
  Signatures,
  Suspension,
} from '../machine/case.context';
import {
  CASE_EVENT_TYPES,
  CASE_SOURCES,
  CASE_STATES,
  CLAIM_TYPES,
  COURT_PROCEDURES,
  EMPLOYMENT_RELATIONS,
  RISK_FLAGS,
  type CaseEventType,
  type CaseOutcome,
  type CaseSource,
  type CaseState,
  type ClaimType,
  type CourtProcedure,
  type EmploymentRelation,
  type ReferralRoute,
  type RiskFlag,
} from '../machine/case.types';

/** How one viewer sees PII: raw for the assigned mediator, masked (original length kept) for everyone else. */
export interface CasePiiView {
  readonly raw: boolean;
  decrypt(ciphertext: string): string;
}

export class UserRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '王建华' })
  displayName: string;
}

export class CaseApplicantResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Index in the intake list; reveal paths use it (`applicants[0].idNumber`)', example: 0 })
  position: number;

  @ApiProperty({ example: '张伟' })
  name: string;

  @ApiProperty({ enum: APPLICANT_ID_TYPES })
  idType: ApplicantIdType;

  @ApiProperty({ description: 'Raw for the assigned mediator only; otherwise masked', example: '2204**********1231' })
  idNumber: string;

  @ApiProperty({ description: 'Raw for the assigned mediator only; otherwise masked', example: '138****5678' })
  phone: string;

  @ApiProperty({ enum: EMPLOYMENT_RELATIONS })
  employmentRelation: EmploymentRelation;

  @ApiProperty({ nullable: true, type: String, example: '2026-08-31' })
  employmentEndedOn: string | null;

  @ApiProperty()
  migrantWorker: boolean;

  @ApiProperty()
  isRepresentative: boolean;
}

export class CaseRespondentResponseDto {
  @ApiProperty({ example: '辽源市东丰县某建筑劳务有限公司' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '91220400MA0Y123459' })
  unifiedSocialCreditCode: string | null;

  @ApiProperty({ nullable: true, type: String })
  legalRepresentative: string | null;

  @ApiProperty({ nullable: true, type: String })
  contactName: string | null;

  @ApiProperty({ description: 'Raw for the assigned mediator only; otherwise masked', nullable: true, type: String })
  contactPhone: string | null;

  @ApiProperty({ nullable: true, type: String })
  address: string | null;

  @ApiProperty({ nullable: true, type: String })
  projectName: string | null;

  @ApiProperty({ nullable: true, type: String })
  generalContractor: string | null;
}

export class CaseClaimResponseDto {
  @ApiProperty({ example: 0 })
  position: number;

  @ApiProperty({ enum: CLAIM_TYPES })
  type: ClaimType;

  @ApiProperty({ description: 'Yuan, two decimals', nullable: true, type: String, example: '18600.00' })
  amount: string | null;

  @ApiProperty()
  description: string;
}

class LeadApplicantDto {
  @ApiProperty({ example: '张伟' })
  name: string;

  @ApiProperty({ description: 'Always masked in lists', example: '2204**********1231' })
  idNumber: string;

  @ApiProperty({ description: 'Always masked in lists', example: '138****5678' })
  phone: string;
}

/** One row of GET /api/cases: PII always masked (DOMAIN §1). */
export class CaseSummaryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'LY-2026-000123' })
  caseNumber: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ enum: CASE_STATES, example: 'intake.registered' })
  state: CaseState;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ enum: CASE_SOURCES })
  source: CaseSource;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  courtOrgId: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ example: '2026-09-16' })
  receivedOn: string;

  @ApiProperty({ example: 1 })
  workerCount: number;

  @ApiProperty()
  collective: boolean;

  @ApiProperty({ example: '18600.00' })
  totalClaimed: string;

  @ApiProperty({ enum: RISK_LEVELS })
  riskLevel: RiskLevel;

  @ApiProperty({ enum: RISK_FLAGS, isArray: true })
  riskFlags: RiskFlag[];

  @ApiProperty({ example: '辽源市东丰县某建筑劳务有限公司' })
  respondentName: string;

  @ApiProperty({ example: 1 })
  applicantCount: number;

  @ApiProperty({ description: 'The first representative, or the first applicant', type: LeadApplicantDto, nullable: true })
  leadApplicant: LeadApplicantDto | null;

  @ApiProperty({ type: UserRefDto, nullable: true })
  assignedMediator: UserRefDto | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CaseListResponseDto {
  @ApiProperty({ type: [CaseSummaryResponseDto] })
  items: CaseSummaryResponseDto[];

  @ApiProperty({ description: 'Cases matching the filters', example: 42 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;
}

const objectSchema = { type: 'object', additionalProperties: true } as const;
const objectListSchema = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/** GET /api/cases/:id: the intake, the machine's state and what a UI needs of its context, and what the viewer may send. */
export class CaseDetailResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'LY-2026-000123' })
  caseNumber: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ enum: CASE_STATES, example: 'intake.registered' })
  state: CaseState;

  @ApiProperty({ description: 'Rises by 1 per applied event; sent back as If-Match. Also the ETag', example: 1 })
  version: number;

  @ApiProperty({ description: 'The chart version the case runs on', example: 1 })
  machineVersion: number;

  @ApiProperty({ enum: CASE_SOURCES })
  source: CaseSource;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  courtOrgId: string | null;

  @ApiProperty({ nullable: true, type: String })
  courtCaseNumber: string | null;

  @ApiProperty({ nullable: true, enum: COURT_PROCEDURES })
  courtProcedure: CourtProcedure | null;

  @ApiProperty({ description: 'The court asked to confirm the agreement', nullable: true, type: String, format: 'uuid' })
  reviewCourtId: string | null;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ description: 'Legal (Asia/Shanghai) date of receipt', example: '2026-09-16' })
  receivedOn: string;

  @ApiProperty({ example: 1 })
  workerCount: number;

  @ApiProperty({ description: 'workerCount ≥ 10 (LDMAL Art.7)' })
  collective: boolean;

  @ApiProperty({ example: 0 })
  migrantWorkers: number;

  @ApiProperty({ example: 0 })
  arrearsMonths: number;

  @ApiProperty({ description: 'Sum of the claimed amounts', example: '18600.00' })
  totalClaimed: string;

  @ApiProperty({ nullable: true, type: String, example: '2026-09-01' })
  knewOrShouldHaveKnownAt: string | null;

  @ApiProperty({ enum: RISK_FLAGS, isArray: true })
  riskFlags: RiskFlag[];

  @ApiProperty({ enum: RISK_LEVELS })
  riskLevel: RiskLevel;

  @ApiProperty({ description: '{ruleId, text} per matching rule', ...objectListSchema })
  riskReasons: RiskReason[];

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  relatedCaseId: string | null;

  @ApiProperty({ type: UserRefDto, nullable: true })
  assignedMediator: UserRefDto | null;

  @ApiProperty({ type: UserRefDto })
  createdBy: UserRefDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  closedAt: string | null;

  @ApiProperty({ description: 'True when ID numbers and phones below are masked for this viewer' })
  piiMasked: boolean;

  @ApiProperty({ type: [CaseApplicantResponseDto] })
  applicants: CaseApplicantResponseDto[];

  @ApiProperty({ type: CaseRespondentResponseDto })
  respondent: CaseRespondentResponseDto;

  @ApiProperty({ type: [CaseClaimResponseDto] })
  claims: CaseClaimResponseDto[];

  @ApiProperty({ type: [DeadlineResponseDto] })
  deadlines: DeadlineResponseDto[];

  @ApiProperty({ nullable: true, type: String })
  acceptedOn: string | null;

  @ApiProperty({ description: "The respondent's consent to mediation {consentedOn, channel?}", nullable: true, ...objectSchema })
  consent: RespondentConsent | null;

  @ApiProperty({ description: 'Scheduled and recorded sessions (summaries are kept out)', ...objectSchema })
  sessions: { scheduled: readonly ScheduledSession[]; recorded: readonly RecordedSession[] };

  @ApiProperty({ ...objectListSchema })
  suspensions: readonly Suspension[];

  @ApiProperty({ example: 0 })
  extensionDaysTotal: number;

  @ApiProperty({ description: 'Agreement terms once reached', nullable: true, ...objectSchema })
  terms: AgreementTerms | null;

  @ApiProperty({ nullable: true, type: String, example: '18600.00' })
  agreedTotal: string | null;

  @ApiProperty({ description: 'Instalments with the payments allocated to them', ...objectListSchema })
  instalments: readonly Instalment[];

  @ApiProperty({ description: 'Party → {signedOn, recordedBy}', ...objectSchema })
  signatures: Signatures;

  @ApiProperty({ nullable: true, type: String })
  effectiveOn: string | null;

  @ApiProperty({ description: '{status NONE|REQUESTED|CONFIRMED|REFUSED|WITHDRAWN, courtId, appliedOn, rulingNumber, ruledOn}', ...objectSchema })
  judicialConfirmation: JudicialConfirmation;

  @ApiProperty({ ...objectListSchema })
  payments: readonly Payment[];

  @ApiProperty({ example: '0.00' })
  paidTotal: string;

  @ApiProperty({ nullable: true, type: String })
  defaultReportedOn: string | null;

  @ApiProperty({ nullable: true, ...objectSchema })
  referral: { readonly route: ReferralRoute; readonly courtId?: string } | null;

  @ApiProperty({ nullable: true, type: String, example: 'MEDIATION_FAILED:IRRECONCILABLE' })
  outcome: CaseOutcome | null;

  @ApiProperty({ nullable: true, type: String })
  closedOn: string | null;

  @ApiProperty({ description: 'Next step for the parties once closed unresolved', nullable: true, ...objectSchema })
  advice: Advice | null;

  @ApiProperty({ description: 'Events this viewer may send now (Invariant 8)', enum: CASE_EVENT_TYPES, isArray: true })
  allowedEvents: CaseEventType[];
}

export interface CaseDetailParts {
  readonly applicants: readonly CaseApplicantEntity[];
  readonly claims: readonly CaseClaimEntity[];
  readonly deadlines: readonly DeadlineRow[];
  readonly assignedMediator: UserRefDto | null;
  readonly createdBy: UserRefDto;
  readonly allowedEvents: readonly CaseEventType[];
}

export function idNumberKind(idType: ApplicantIdType): PiiKind {
  return idType === 'RESIDENT_ID' ? 'RESIDENT_ID' : 'OTHER_ID';
}

function shown(view: CasePiiView, kind: PiiKind, ciphertext: string): string {
  const value = view.decrypt(ciphertext);
  return view.raw ? value : maskPii(kind, value);
}

export function toApplicantResponse(row: CaseApplicantEntity, view: CasePiiView): CaseApplicantResponseDto {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    idType: row.idType,
    idNumber: shown(view, idNumberKind(row.idType), row.idNumberEnc),
    phone: shown(view, 'PHONE', row.phoneEnc),
    employmentRelation: row.employmentRelation,
    employmentEndedOn: row.employmentEndedOn,
    migrantWorker: row.migrantWorker,
    isRepresentative: row.isRepresentative,
  };
}

function toRespondentResponse(row: CaseEntity, view: CasePiiView): CaseRespondentResponseDto {
  const respondent = row.respondent;
  return {
    name: respondent.name,
    unifiedSocialCreditCode: respondent.unifiedSocialCreditCode ?? null,
    legalRepresentative: respondent.legalRepresentative ?? null,
    contactName: respondent.contactName ?? null,
    contactPhone: row.respondentContactPhoneEnc === null ? null : shown(view, 'PHONE', row.respondentContactPhoneEnc),
    address: respondent.address ?? null,
    projectName: respondent.projectName ?? null,
    generalContractor: respondent.generalContractor ?? null,
  };
}

function toClaimResponse(row: CaseClaimEntity): CaseClaimResponseDto {
  return { position: row.position, type: row.type, amount: row.amount, description: row.description };
}

/** The case detail for one viewer; `view` decides whether PII is raw or masked. */
export function toCaseResponse(row: CaseEntity, view: CasePiiView, parts: CaseDetailParts): CaseDetailResponseDto {
  const context = row.snapshot.context;
  // Notes, summaries and terms are free text a desk may have typed an ID number or phone into.
  const shown = <T>(value: T): T => (view.raw ? value : maskPayload(value));
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    organizationId: row.organizationId,
    state: row.state,
    version: row.version,
    machineVersion: row.machineVersion,
    source: row.source,
    courtOrgId: row.courtOrgId,
    courtCaseNumber: row.courtCaseNumber,
    courtProcedure: row.courtProcedure,
    reviewCourtId: row.reviewCourtId,
    receivedAt: row.receivedAt.toISOString(),
    receivedOn: row.receivedOn,
    workerCount: row.workerCount,
    collective: row.collective,
    migrantWorkers: row.migrantWorkers,
    arrearsMonths: row.arrearsMonths,
    totalClaimed: row.totalClaimed,
    knewOrShouldHaveKnownAt: row.knewOrShouldHaveKnownAt,
    riskFlags: row.riskFlags,
    riskLevel: row.riskLevel,
    riskReasons: row.riskReasons,
    relatedCaseId: row.relatedCaseId,
    assignedMediator: parts.assignedMediator,
    createdBy: parts.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt === null ? null : row.closedAt.toISOString(),
    piiMasked: !view.raw,
    applicants: parts.applicants.map((applicant) => toApplicantResponse(applicant, view)),
    respondent: toRespondentResponse(row, view),
    claims: parts.claims.map(toClaimResponse),
    deadlines: parts.deadlines.map(toDeadlineResponse),
    acceptedOn: context.acceptedOn ?? null,
    consent: shown(context.consent ?? null),
    sessions: shown(context.sessions),
    suspensions: shown(context.suspensions),
    extensionDaysTotal: context.extensionDaysTotal,
    terms: shown(context.terms ?? null),
    agreedTotal: context.agreedTotal ?? null,
    instalments: context.instalments,
    signatures: context.signatures,
    effectiveOn: context.effectiveOn ?? null,
    judicialConfirmation: context.judicialConfirmation,
    payments: shown(context.payments),
    paidTotal: context.paidTotal,
    defaultReportedOn: context.defaultReportedOn ?? null,
    referral: shown(context.referral ?? null),
    outcome: context.outcome ?? null,
    closedOn: context.closedOn ?? null,
    advice: context.advice ?? null,
    allowedEvents: [...parts.allowedEvents],
  };
}

/** A list row as the list query selects it. */
export interface CaseSummaryRow {
  readonly id: string;
  readonly caseNumber: string;
  readonly organizationId: string;
  readonly state: CaseState;
  readonly version: number;
  readonly source: CaseSource;
  readonly courtOrgId: string | null;
  readonly receivedAt: Date;
  readonly receivedOn: string;
  readonly workerCount: number;
  readonly collective: boolean;
  readonly totalClaimed: string;
  readonly riskLevel: RiskLevel;
  readonly riskFlags: RiskFlag[];
  readonly respondentName: string;
  readonly applicantCount: number;
  readonly leadName: string | null;
  readonly leadIdType: ApplicantIdType | null;
  readonly leadIdNumberEnc: string | null;
  readonly leadPhoneEnc: string | null;
  readonly assignedMediatorId: string | null;
  readonly assignedMediatorName: string | null;
  readonly updatedAt: Date;
}

/** Lists never carry raw PII, whoever asks (DOMAIN §1). */
export function toCaseSummaryResponse(row: CaseSummaryRow, decrypt: (ciphertext: string) => string): CaseSummaryResponseDto {
  const masked: CasePiiView = { raw: false, decrypt };
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    organizationId: row.organizationId,
    state: row.state,
    version: row.version,
    source: row.source,
    courtOrgId: row.courtOrgId,
    receivedAt: row.receivedAt.toISOString(),
    receivedOn: row.receivedOn,
    workerCount: row.workerCount,
    collective: row.collective,
    totalClaimed: row.totalClaimed,
    riskLevel: row.riskLevel,
    riskFlags: row.riskFlags,
    respondentName: row.respondentName,
    applicantCount: row.applicantCount,
    leadApplicant:
      row.leadName === null || row.leadIdType === null || row.leadIdNumberEnc === null || row.leadPhoneEnc === null
        ? null
        : {
            name: row.leadName,
            idNumber: shown(masked, idNumberKind(row.leadIdType), row.leadIdNumberEnc),
            phone: shown(masked, 'PHONE', row.leadPhoneEnc),
          },
    assignedMediator:
      row.assignedMediatorId === null ? null : { id: row.assignedMediatorId, displayName: row.assignedMediatorName ?? '' },
    updatedAt: row.updatedAt.toISOString(),
  };
}
