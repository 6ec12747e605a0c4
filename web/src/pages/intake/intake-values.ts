import type { Dayjs } from 'dayjs';
import type { components } from '../../api/schema';
import { CASE_SOURCES, CLAIM_TYPES as CASE_CLAIM_TYPES } from '../../cases/case-vocabulary';
import { isOtherIdNumber, isPhone, residentIdProblem } from './china-ids';

export type CreateCaseBody = components['schemas']['CreateCaseDto'];
export type ApplicantBody = CreateCaseBody['applicants'][number];
export type ClaimBody = CreateCaseBody['claims'][number];
export type CaseSource = CreateCaseBody['source'];
export type IdType = ApplicantBody['idType'];
export type EmploymentRelation = ApplicantBody['employmentRelation'];
export type ClaimType = ClaimBody['type'];
export type RiskFlag = NonNullable<CreateCaseBody['riskFlags']>[number];
export type CourtProcedure = NonNullable<CreateCaseBody['courtProcedure']>;
export type RespondentBody = CreateCaseBody['respondent'];

// Records over each schema type: the lists the form needs, which stop compiling when the API's vocabulary changes.
const RELATION_SET: Record<EmploymentRelation, true> = { CURRENT: true, FORMER: true, DISPATCHED: true, UNCERTAIN: true };
const FLAG_SET: Record<RiskFlag, true> = {
  EXTREME_ACT_THREAT: true,
  EMPLOYER_ABSCONDED: true,
  REPEAT_PETITIONER: true,
  EMPLOYER_CLOSING: true,
  HARDSHIP: true,
  MEDIA_ATTENTION: true,
};

export const SOURCES = CASE_SOURCES;
export const ID_TYPES: readonly IdType[] = ['RESIDENT_ID', 'OTHER'];
export const EMPLOYMENT_RELATIONS = Object.keys(RELATION_SET) as EmploymentRelation[];
export const CLAIM_TYPES: readonly ClaimType[] = CASE_CLAIM_TYPES;
export const RISK_FLAGS = Object.keys(FLAG_SET) as RiskFlag[];
export const COURT_PROCEDURES: readonly CourtProcedure[] = ['ORDINARY', 'SIMPLE'];
/** Their amount is required (DOMAIN §2). */
export const AMOUNT_REQUIRED: readonly ClaimType[] = ['WAGE_ARREARS', 'OVERTIME', 'ECONOMIC_COMPENSATION'];

/** LDMAL Art.7: ten or more workers are a collective dispute, which acts through 3–5 representatives. */
export const COLLECTIVE_WORKER_COUNT = 10;
export const REPRESENTATIVES_MIN = 3;
export const REPRESENTATIVES_MAX = 5;
export const MAX_ARREARS_MONTHS = 120;

export function isCourtSource(source: CaseSource | undefined): boolean {
  return source === 'COURT_DELEGATED' || source === 'COURT_ENTRUSTED';
}

export type IntakeMode = 'individual' | 'collective';

export interface ApplicantValues {
  name?: string;
  idType: IdType;
  idNumber?: string;
  phone?: string;
  employmentRelation?: EmploymentRelation;
  employmentEndedOn?: Dayjs | null;
  migrantWorker?: boolean;
  isRepresentative?: boolean;
}

export interface ClaimValues {
  type?: ClaimType;
  amount?: string;
  description?: string;
}

export interface IntakeValues {
  source: CaseSource;
  courtOrgId?: string;
  courtCaseNumber?: string;
  courtProcedure?: CourtProcedure;
  receivedAt: Dayjs;
  mode: IntakeMode;
  workerCount?: number | null;
  migrantWorkers?: number | null;
  applicants: ApplicantValues[];
  respondent: Partial<Record<keyof RespondentBody, string>>;
  claims: ClaimValues[];
  arrearsMonths?: number | null;
  knewOrShouldHaveKnownAt?: Dayjs | null;
  riskFlags?: RiskFlag[];
}

export function newApplicant(): ApplicantValues {
  return { idType: 'RESIDENT_ID', employmentRelation: 'CURRENT', migrantWorker: false, isRepresentative: false };
}

/** What is wrong with an ID number, as the key of its message under `intake.rules`; undefined when nothing is. */
export type IdNumberRule = 'required' | 'idFormat' | 'idBirthDate' | 'idChecksum' | 'otherIdFormat';

export function idNumberRule(idType: IdType, idNumber: string | undefined, today: string): IdNumberRule | undefined {
  const value = (idNumber ?? '').trim().toUpperCase();
  if (value === '') return 'required';
  if (idType === 'OTHER') return isOtherIdNumber(value) ? undefined : 'otherIdFormat';
  switch (residentIdProblem(value, today)) {
    case 'FORMAT':
      return 'idFormat';
    case 'BIRTH_DATE':
      return 'idBirthDate';
    case 'CHECKSUM':
      return 'idChecksum';
    default:
      return undefined;
  }
}

export function phoneRule(phone: string | undefined): 'required' | 'phone' | undefined {
  const value = (phone ?? '').trim();
  if (value === '') return 'required';
  return isPhone(value) ? undefined : 'phone';
}

export function representativeCount(applicants: readonly ApplicantValues[] | undefined): number {
  return (applicants ?? []).filter((applicant) => applicant?.isRepresentative).length;
}

export function representativesOk(count: number): boolean {
  return count >= REPRESENTATIVES_MIN && count <= REPRESENTATIVES_MAX;
}

/** The 1-based row of the first earlier applicant with the same ID, if any: a slip in a long pasted list. */
export function duplicateOf(applicants: readonly ApplicantValues[], index: number): number | undefined {
  const key = (applicant: ApplicantValues | undefined) => `${applicant?.idType}:${(applicant?.idNumber ?? '').trim().toUpperCase()}`;
  const mine = key(applicants[index]);
  if (mine.endsWith(':')) return undefined;
  const first = applicants.findIndex((applicant, other) => other < index && key(applicant) === mine);
  return first < 0 ? undefined : first + 1;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function applicantBody(applicant: ApplicantValues, collective: boolean): ApplicantBody {
  return {
    name: (applicant.name ?? '').trim(),
    idType: applicant.idType,
    idNumber: (applicant.idNumber ?? '').trim().toUpperCase(),
    phone: (applicant.phone ?? '').trim(),
    employmentRelation: applicant.employmentRelation ?? 'UNCERTAIN',
    employmentEndedOn: applicant.employmentRelation === 'FORMER' && applicant.employmentEndedOn ? applicant.employmentEndedOn.format('YYYY-MM-DD') : undefined,
    migrantWorker: applicant.migrantWorker === true,
    isRepresentative: collective && applicant.isRepresentative === true,
  };
}

function respondentBody(respondent: IntakeValues['respondent']): RespondentBody {
  return {
    name: (respondent.name ?? '').trim(),
    unifiedSocialCreditCode: text(respondent.unifiedSocialCreditCode)?.toUpperCase(),
    legalRepresentative: text(respondent.legalRepresentative),
    contactName: text(respondent.contactName),
    contactPhone: text(respondent.contactPhone),
    address: text(respondent.address),
    projectName: text(respondent.projectName),
    generalContractor: text(respondent.generalContractor),
  };
}

/**
 * The POST /api/cases body. An individual case counts its workers from the applicants and has no representatives;
 * court fields go only with court sources, months of arrears only with a wage-arrears claim, amounts as strings.
 */
export function toCreateCaseBody(values: IntakeValues): CreateCaseBody {
  const collective = values.mode === 'collective';
  const applicants = values.applicants.map((applicant) => applicantBody(applicant, collective));
  const flaggedMigrants = applicants.filter((applicant) => applicant.migrantWorker).length;
  const claims: ClaimBody[] = values.claims.map((claim) => ({
    type: claim.type as ClaimType,
    amount: text(claim.amount),
    description: (claim.description ?? '').trim(),
  }));
  const court = isCourtSource(values.source);
  const wageArrears = claims.some((claim) => claim.type === 'WAGE_ARREARS');
  return {
    source: values.source,
    courtOrgId: court ? values.courtOrgId : undefined,
    courtCaseNumber: court ? text(values.courtCaseNumber) : undefined,
    courtProcedure: values.source === 'COURT_ENTRUSTED' ? values.courtProcedure : undefined,
    receivedAt: values.receivedAt.format(),
    applicants,
    respondent: respondentBody(values.respondent),
    claims,
    workerCount: collective ? (values.workerCount ?? applicants.length) : applicants.length,
    migrantWorkers: collective ? (values.migrantWorkers ?? flaggedMigrants) : flaggedMigrants,
    arrearsMonths: wageArrears ? (values.arrearsMonths ?? undefined) : undefined,
    knewOrShouldHaveKnownAt: values.knewOrShouldHaveKnownAt?.format('YYYY-MM-DD') ?? '',
    riskFlags: values.riskFlags && values.riskFlags.length > 0 ? values.riskFlags : undefined,
  };
}
