import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsMoney, IsPhone, IsUscc } from '../../common/validation/china-id.decorators';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { Trim, TrimUpperCase } from '../../common/validation/transforms';
import { APPLICANT_ID_TYPES, type ApplicantIdType } from '../case-vocabulary';
import type { IntakeDraft } from '../intake-rules';
import {
  CASE_SOURCES,
  CLAIM_TYPES,
  COURT_PROCEDURES,
  EMPLOYMENT_RELATIONS,
  RISK_FLAGS,
  type CaseSource,
  type ClaimType,
  type CourtProcedure,
  type EmploymentRelation,
  type RiskFlag,
} from '../machine/case.types';
import { IsApplicantIdNumber, IsInstantWithOffset } from './intake-validators';

// class-validator runs a property's decorators bottom-up and the pipe stops at the first failure, so the type check
// sits lowest and the range checks above it. Rules that compare fields, or need the clock or the database, are in
// intake-rules.ts.

export const MAX_APPLICANTS = 500;
export const MAX_CLAIMS = 50;
export const MAX_WORKER_COUNT = 100_000;
export const MAX_ARREARS_MONTHS = 120;

const oneOf = (field: string, values: readonly string[]) => ({ message: `${field} must be one of ${values.join(', ')}` });

export class CaseApplicantDto {
  @ApiProperty({ description: 'Full name as on the ID document, 1–100 characters', example: '张伟' })
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  @Trim()
  name: string;

  @ApiProperty({ description: 'RESIDENT_ID: an 18-character PRC resident ID; OTHER: passport or permit', enum: APPLICANT_ID_TYPES })
  @IsIn(APPLICANT_ID_TYPES, oneOf('idType', APPLICANT_ID_TYPES))
  idType: ApplicantIdType;

  @ApiProperty({
    description:
      'PII, encrypted at rest. RESIDENT_ID: 17 digits and a check character (ISO 7064 MOD 11-2, x accepted as X) with a real '
      + 'birth date (ID_CHECKSUM when the check character is wrong); OTHER: 5–32 letters, digits or hyphens',
    example: '220402199003071231',
  })
  @IsApplicantIdNumber()
  @IsString()
  @TrimUpperCase()
  idNumber: string;

  @ApiProperty({ description: 'PII, encrypted at rest. Mobile 1[3-9]xxxxxxxxx or landline 0xxx-xxxxxxx', example: '13843712345' })
  @IsPhone()
  @IsString()
  @Trim()
  phone: string;

  @ApiProperty({ description: 'Employment with the respondent', enum: EMPLOYMENT_RELATIONS })
  @IsIn(EMPLOYMENT_RELATIONS, oneOf('employmentRelation', EMPLOYMENT_RELATIONS))
  employmentRelation: EmploymentRelation;

  @ApiPropertyOptional({
    description: 'FORMER only (FORBIDDEN otherwise): the last day of employment, no later than the legal receipt date. '
      + 'Starts the limitation of pay claims (LDMAL Art.27 ¶4)',
    example: '2026-08-31',
  })
  @IsOptional()
  @IsLegalDate()
  employmentEndedOn?: string;

  @ApiProperty({ description: 'A migrant worker (农民工); counted against migrantWorkers', example: true })
  @IsBoolean({ message: 'migrantWorker must be true or false' })
  migrantWorker: boolean;

  @ApiProperty({ description: 'Elected representative of a collective case (3–5 of them; none in an individual case)', example: false })
  @IsBoolean({ message: 'isRepresentative must be true or false' })
  isRepresentative: boolean;
}

export class CaseRespondentDto {
  @ApiProperty({ description: 'The employer, 1–200 characters', example: '辽源市东丰县某建筑劳务有限公司' })
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  @Trim()
  name: string;

  @ApiPropertyOptional({ description: 'GB 32100 unified social credit code, upper case (USCC_CHECKSUM when the check character is wrong)', example: '91220400MA0Y123459' })
  @IsOptional()
  @IsUscc()
  @IsString()
  @Trim()
  unifiedSocialCreditCode?: string;

  @ApiPropertyOptional({ description: 'Legal representative (法定代表人), up to 100 characters', example: '李强' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  @Trim()
  legalRepresentative?: string;

  @ApiPropertyOptional({ description: 'Contact person, up to 100 characters', example: '王会计' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  @Trim()
  contactName?: string;

  @ApiPropertyOptional({ description: 'PII, encrypted at rest: mobile or landline', example: '0437-3221234' })
  @IsOptional()
  @IsPhone()
  @IsString()
  @Trim()
  contactPhone?: string;

  @ApiPropertyOptional({ description: 'Address, up to 200 characters', example: '吉林省辽源市龙山区人民大街1号' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  @Trim()
  address?: string;

  @ApiPropertyOptional({ description: 'Construction project, up to 200 characters', example: '东丰县城南安置小区二期' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  @Trim()
  projectName?: string;

  @ApiPropertyOptional({ description: 'General contractor (总承包单位), up to 200 characters', example: '吉林省某建工集团有限公司' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  @Trim()
  generalContractor?: string;
}

export class CaseClaimDto {
  @ApiProperty({ description: 'What is claimed', enum: CLAIM_TYPES })
  @IsIn(CLAIM_TYPES, oneOf('type', CLAIM_TYPES))
  type: ClaimType;

  @ApiPropertyOptional({
    description: 'Yuan as a string, up to 12 digits and 2 decimals, > 0; JSON numbers are refused. Required for WAGE_ARREARS, '
      + 'OVERTIME and ECONOMIC_COMPENSATION',
    example: '18600.00',
    pattern: '^\\d{1,12}(\\.\\d{1,2})?$',
  })
  @IsOptional()
  @IsMoney()
  amount?: string;

  @ApiProperty({ description: 'The claim in the applicant’s words, 1–2000 characters', example: '拖欠2025年10月至12月工资' })
  @MaxLength(2000)
  @IsNotEmpty()
  @IsString()
  @Trim()
  description: string;
}

/** POST /api/cases (DOMAIN §2). Unknown fields, at any depth, are refused as FORBIDDEN. */
export class CreateCaseDto implements IntakeDraft {
  @ApiProperty({ description: 'How the dispute reached the studio', enum: CASE_SOURCES, example: 'WALK_IN' })
  @IsIn(CASE_SOURCES, oneOf('source', CASE_SOURCES))
  source: CaseSource;

  @ApiPropertyOptional({ description: 'The referring COURT organization: required for COURT_* sources, FORBIDDEN otherwise', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'courtOrgId must be a UUID' })
  courtOrgId?: string;

  @ApiPropertyOptional({
    description: "The court's case number, 5–64 characters: required for COURT_ENTRUSTED, optional for COURT_DELEGATED, FORBIDDEN otherwise",
    example: '（2026）吉0402民初1234号',
  })
  @IsOptional()
  @MaxLength(64)
  @MinLength(5)
  @IsString()
  @Trim()
  courtCaseNumber?: string;

  @ApiPropertyOptional({ description: 'Required for COURT_ENTRUSTED (sets a 15- or 7-day period), FORBIDDEN otherwise', enum: COURT_PROCEDURES })
  @IsOptional()
  @IsIn(COURT_PROCEDURES, oneOf('courtProcedure', COURT_PROCEDURES))
  courtProcedure?: CourtProcedure;

  @ApiProperty({
    description: 'When the application (or, for court sources, the court file) was received, with an offset. Not in the future '
      + '(5 minutes of clock skew allowed: FUTURE_DATE), at most 2 years back (OUT_OF_RANGE). Its Asia/Shanghai date is the legal receipt date',
    example: '2026-09-16T09:30:00+08:00',
  })
  @IsInstantWithOffset()
  receivedAt: string;

  @ApiProperty({ description: `1–${MAX_APPLICANTS} applicants (TOO_FEW / TOO_MANY)`, type: [CaseApplicantDto] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_APPLICANTS)
  @ArrayMinSize(1)
  @IsArray()
  @Type(() => CaseApplicantDto)
  applicants: CaseApplicantDto[];

  @ApiProperty({ description: 'The employer', type: CaseRespondentDto })
  @ValidateNested()
  @IsObject({ message: 'respondent must be an object' })
  @Type(() => CaseRespondentDto)
  respondent: CaseRespondentDto;

  @ApiProperty({ description: `1–${MAX_CLAIMS} claims (TOO_FEW / TOO_MANY)`, type: [CaseClaimDto] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_CLAIMS)
  @ArrayMinSize(1)
  @IsArray()
  @Type(() => CaseClaimDto)
  claims: CaseClaimDto[];

  @ApiProperty({
    description: 'Workers in the dispute, ≥ 1; 10 or more make it collective (LDMAL Art.7). An individual case lists every worker '
      + 'as an applicant; a collective case lists at most workerCount, 3–5 of them representatives',
    example: 1,
    minimum: 1,
    maximum: MAX_WORKER_COUNT,
  })
  @Max(MAX_WORKER_COUNT)
  @Min(1)
  @IsInt({ message: 'workerCount must be an integer' })
  workerCount: number;

  @ApiProperty({ description: 'Migrant workers among workerCount: at least the applicants flagged migrantWorker, at most workerCount', example: 1 })
  @Min(0)
  @IsInt({ message: 'migrantWorkers must be an integer' })
  migrantWorkers: number;

  @ApiPropertyOptional({
    description: `Months of unpaid wages, 0–${MAX_ARREARS_MONTHS}: required with a WAGE_ARREARS claim, otherwise 0 or left out`,
    example: 3,
  })
  @IsOptional()
  @Max(MAX_ARREARS_MONTHS)
  @Min(0)
  @IsInt({ message: 'arrearsMonths must be an integer' })
  arrearsMonths?: number;

  @ApiProperty({
    description: 'When the applicant knew or should have known of the infringement (YYYY-MM-DD), no later than the legal receipt '
      + 'date; starts the limitation of non-pay claims (LDMAL Art.27)',
    example: '2026-09-01',
  })
  @IsLegalDate()
  knewOrShouldHaveKnownAt: string;

  @ApiPropertyOptional({ description: 'Risk flags seen at intake, each at most once', enum: RISK_FLAGS, isArray: true })
  @IsOptional()
  @IsIn(RISK_FLAGS, { each: true, message: `each riskFlags entry must be one of ${RISK_FLAGS.join(', ')}` })
  @ArrayUnique({ message: 'riskFlags must not repeat a flag' })
  @IsArray()
  riskFlags?: RiskFlag[];

  @ApiPropertyOptional({ description: 'An earlier case, visible to you, that this one follows: closed cases are never reopened', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'relatedCaseId must be a UUID' })
  relatedCaseId?: string;
}
