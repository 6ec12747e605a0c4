import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMoney } from '../../common/validation/china-id.decorators';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import {
  AGREEMENT_ITEM_KINDS,
  CONSENT_CHANNELS,
  FAILURE_REASONS,
  REFERRAL_ROUTES,
  REFUSAL_REASONS,
  REJECT_REASONS,
  SIGNATURE_PARTIES,
  SUSPEND_REASONS,
} from '../machine/case.types';
import type { CaseEventType } from '../machine/case.types';

const NOTE = { description: 'Free text for the file', maxLength: 2000 };

class NoteOnly {
  @ApiPropertyOptional(NOTE) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class AcceptPayload extends NoteOnly {}
export class ResumePayload extends NoteOnly {}
export class ReportDefaultPayload extends NoteOnly {}

export class RejectPayload {
  @ApiProperty({ enum: REJECT_REASONS }) @IsIn(REJECT_REASONS) reason: string;
  @ApiPropertyOptional({ ...NOTE, description: 'Required when reason is OTHER' }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class AssignMediatorPayload {
  @ApiProperty({ format: 'uuid', description: 'An active mediator of the case organization' }) @IsUUID('all') mediatorId: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class RespondentConsentsPayload {
  @ApiProperty({ example: '2026-09-18' }) @IsLegalDate() consentedOn: string;
  @ApiPropertyOptional({ enum: CONSENT_CHANNELS }) @IsOptional() @IsIn(CONSENT_CHANNELS) channel?: string;
}

export class RespondentRefusesPayload {
  @ApiProperty({ enum: REFUSAL_REASONS, description: 'NO_REPLY is sent by the system only' }) @IsIn(REFUSAL_REASONS) reason: string;
  @ApiPropertyOptional(NOTE) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class ScheduleSessionPayload {
  @ApiProperty({ description: 'When the session takes place (ISO 8601 with offset)', example: '2026-09-20T09:30:00+08:00' })
  @IsISO8601({ strict: true }) at: string;
  @ApiPropertyOptional({ description: 'Where, unless online', maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) location?: string;
  @ApiPropertyOptional({ description: 'true for an online session' }) @IsOptional() @IsBoolean() online?: boolean;
}

export class RecordSessionPayload {
  @ApiProperty({ example: '2026-09-20T11:00:00+08:00' }) @IsISO8601({ strict: true }) heldAt: string;
  @ApiProperty({ maxLength: 10000 }) @IsString() @Length(1, 10000) summary: string;
  @ApiProperty({ description: 'Statements made to settle; never shown in documents or exports (Invited Art.22)' }) @IsBoolean() withoutPrejudice: boolean;
  @ApiPropertyOptional({ description: 'The scheduled session this records' }) @IsOptional() @IsString() @Length(1, 64) sessionId?: string;
}

export class ExtendPayload {
  @ApiProperty({ minimum: 1, maximum: 30 }) @IsInt() @Min(1) @Max(30) days: number;
  @ApiProperty() @IsBoolean() applicantConsents: boolean;
  @ApiProperty() @IsBoolean() respondentConsents: boolean;
  @ApiPropertyOptional(NOTE) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class SuspendPayload {
  @ApiProperty({ enum: SUSPEND_REASONS }) @IsIn(SUSPEND_REASONS) reason: string;
  @ApiPropertyOptional({ ...NOTE, description: 'Required when reason is OTHER' }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class AgreementItemDto {
  @ApiProperty({ enum: AGREEMENT_ITEM_KINDS }) @IsIn(AGREEMENT_ITEM_KINDS) kind: string;
  @ApiProperty({ maxLength: 1000 }) @IsString() @Length(1, 1000) description: string;
  @ApiPropertyOptional({ description: 'Decimal CNY as a string; required for money items', example: '12800.00' }) @IsOptional() @IsMoney() amount?: string;
}

export class InstalmentDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(36) no: number;
  @ApiProperty({ example: '2026-10-15' }) @IsLegalDate() dueOn: string;
  @ApiProperty({ example: '6400.00' }) @IsMoney() amount: string;
}

export class AgreementTermsDto {
  @ApiProperty({ maxLength: 10000 }) @IsString() @Length(1, 10000) facts: string;
  @ApiProperty({ maxLength: 10000 }) @IsString() @Length(1, 10000) disputedMatters: string;
  @ApiProperty({ type: [AgreementItemDto] }) @ValidateNested({ each: true }) @Type(() => AgreementItemDto) @ArrayMinSize(1) @ArrayMaxSize(50) items: AgreementItemDto[];
  @ApiProperty({ type: [InstalmentDto] }) @ValidateNested({ each: true }) @Type(() => InstalmentDto) @ArrayMinSize(1) @ArrayMaxSize(36) schedule: InstalmentDto[];
  @ApiProperty() @IsBoolean() waiverOfOtherClaims: boolean;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) defaultClause?: string;
  @ApiPropertyOptional({ description: 'Collective cases: the represented workers consented to these terms' }) @IsOptional() @IsBoolean() collectiveConsentRecorded?: boolean;
}

export class ReachAgreementPayload {
  @ApiProperty({ type: AgreementTermsDto }) @ValidateNested() @Type(() => AgreementTermsDto) terms: AgreementTermsDto;
}

export class MediationFailedPayload {
  @ApiProperty({ enum: FAILURE_REASONS }) @IsIn(FAILURE_REASONS) reason: string;
  @ApiPropertyOptional(NOTE) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class DeadlineExpiredPayload {
  @ApiProperty({ description: 'Sent by the system timer only' }) @IsString() @Length(1, 64) deadlineKey: string;
}

export class SignPayload {
  @ApiProperty({ enum: SIGNATURE_PARTIES }) @IsIn(SIGNATURE_PARTIES) party: string;
}

export class RefuseToSignPayload {
  @ApiProperty({ enum: SIGNATURE_PARTIES }) @IsIn(SIGNATURE_PARTIES) party: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) reason: string;
}

export class WithdrawPayload {
  @ApiProperty({ enum: ['APPLICANT'] }) @Equals('APPLICANT') by: 'APPLICANT';
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class RequestJudicialConfirmationPayload {
  @ApiPropertyOptional({ description: 'Both parties apply together (CPL Art.205); required unless entrusted' }) @IsOptional() @IsBoolean() jointApplication?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Defaults to the referring court' }) @IsOptional() @IsUUID('all') courtId?: string;
  @ApiPropertyOptional({ example: '2026-10-09' }) @IsOptional() @IsLegalDate() appliedOn?: string;
}

export class ConfirmJudiciallyPayload {
  @ApiProperty({ example: '（2026）吉0402民特123号' }) @IsString() @Length(5, 64) rulingNumber: string;
  @ApiProperty({ example: '2026-10-20' }) @IsLegalDate() ruledOn: string;
}

export class RefuseConfirmationPayload {
  @ApiProperty({ maxLength: 2000 }) @IsString() @Length(1, 2000) reason: string;
  @ApiProperty({ example: '2026-10-20' }) @IsLegalDate() ruledOn: string;
}

export class RecordPerformancePayload {
  @ApiProperty({ example: '6400.00' }) @IsMoney() amountPaid: string;
  @ApiProperty({ example: '2026-10-15' }) @IsLegalDate() paidOn: string;
  @ApiPropertyOptional(NOTE) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class PerformedInFullPayload {
  @ApiPropertyOptional({ description: 'Required when the agreement has non-monetary duties' }) @IsOptional() @IsBoolean() nonMonetaryDone?: boolean;
}

export class ReferPayload {
  @ApiProperty({ enum: REFERRAL_ROUTES }) @IsIn(REFERRAL_ROUTES) route: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all') courtId?: string;
  @ApiPropertyOptional(NOTE) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

/** The body shape of each event type; the service validates `{type, ...payload}` against it. */
export const EVENT_PAYLOADS: Record<CaseEventType, new () => object> = {
  ACCEPT: AcceptPayload,
  REJECT: RejectPayload,
  ASSIGN_MEDIATOR: AssignMediatorPayload,
  RESPONDENT_CONSENTS: RespondentConsentsPayload,
  RESPONDENT_REFUSES: RespondentRefusesPayload,
  SCHEDULE_SESSION: ScheduleSessionPayload,
  RECORD_SESSION: RecordSessionPayload,
  EXTEND: ExtendPayload,
  SUSPEND: SuspendPayload,
  RESUME: ResumePayload,
  REACH_AGREEMENT: ReachAgreementPayload,
  MEDIATION_FAILED: MediationFailedPayload,
  DEADLINE_EXPIRED: DeadlineExpiredPayload,
  SIGN: SignPayload,
  REFUSE_TO_SIGN: RefuseToSignPayload,
  WITHDRAW: WithdrawPayload,
  REQUEST_JUDICIAL_CONFIRMATION: RequestJudicialConfirmationPayload,
  CONFIRM_JUDICIALLY: ConfirmJudiciallyPayload,
  REFUSE_CONFIRMATION: RefuseConfirmationPayload,
  RECORD_PERFORMANCE: RecordPerformancePayload,
  PERFORMED_IN_FULL: PerformedInFullPayload,
  REPORT_DEFAULT: ReportDefaultPayload,
  REFER: ReferPayload,
};
