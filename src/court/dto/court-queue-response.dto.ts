import { ApiProperty } from '@nestjs/swagger';
import { diffDays, type LegalDate } from '../../calendar/legal-date';
import { CourtUserRefDto } from './court-handoff-response.dto';

// A list: case numbers, states, dates and the mediator's name only. No party appears, so no personal data can
// (DOMAIN §1: lists never show raw PII); the liaison opens the case for its parties.

export const CONFIRMATION_REQUESTS = ['JUDICIAL_CONFIRMATION', 'MEDIATION_STATEMENT'] as const;
export type ConfirmationRequest = (typeof CONFIRMATION_REQUESTS)[number];

export class QueueCaseDto {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: 'LY-2026-000123' })
  caseNumber: string;

  @ApiProperty({ type: String, nullable: true, example: '（2026）吉0402民初1234号' })
  courtCaseNumber: string | null;

  @ApiProperty({ example: 'COURT_DELEGATED' })
  source: string;

  @ApiProperty({ example: 'mediation.active' })
  state: string;

  @ApiProperty({ type: CourtUserRefDto, nullable: true })
  assignedMediator: CourtUserRefDto | null;
}

export class ReferredCaseDto extends QueueCaseDto {
  @ApiProperty({ format: 'date', description: 'Legal (Asia/Shanghai) date the studio signed for the court\'s file' })
  receivedOn: string;

  @ApiProperty({ type: String, nullable: true, example: 'MEDIATION_FAILED:IRRECONCILABLE', description: 'How the case ended, once closed' })
  outcome: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  closedOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When this court acknowledged the feedback letter' })
  handoffAcknowledgedAt: string | null;
}

export class CountdownDto {
  @ApiProperty({ format: 'date', example: '2026-10-16' })
  dueOn: string;

  @ApiProperty({ description: 'Legal (Asia/Shanghai) calendar days from today to dueOn; 0 on the day, negative once past', example: 26 })
  daysLeft: number;

  @ApiProperty({ example: 'PENDING', description: 'PENDING, MET, MISSED or CANCELLED' })
  status: string;

  @ApiProperty({ description: 'false when a year the period touches has no holiday notice yet' })
  calendarVerified: boolean;
}

export class AwaitingConfirmationDto extends QueueCaseDto {
  @ApiProperty({
    enum: CONFIRMATION_REQUESTS,
    description: 'JUDICIAL_CONFIRMATION (CPL Art.205) or, for an entrusted case, the mediation statement the entrusting court issues (Invited Art.20)',
  })
  request: ConfirmationRequest;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The day of the last signature' })
  effectiveOn: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'When confirmation was applied for (under review)' })
  appliedOn: string | null;

  @ApiProperty({ type: CountdownDto, nullable: true, description: 'JUDICIAL_CONFIRMATION_WINDOW, effectiveOn + 30 days; none for entrusted cases' })
  confirmationWindow: CountdownDto | null;

  @ApiProperty({ type: CountdownDto, nullable: true, description: 'COURT_DECISION while the agreement is under review' })
  courtDecision: CountdownDto | null;
}

export class FeedbackDueDto extends QueueCaseDto {
  @ApiProperty({ type: String, nullable: true, example: 'RESOLVED' })
  outcome: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  closedOn: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Legal calendar days since the case closed', example: 3 })
  daysSinceClosed: number | null;
}

export class CourtQueueResponseDto {
  @ApiProperty({ type: ReferredCaseDto, isArray: true, description: 'Every case this court delegated or entrusted, newest first' })
  referred: ReferredCaseDto[];

  @ApiProperty({
    type: AwaitingConfirmationDto,
    isArray: true,
    description: 'Agreements under this court\'s review, and effective agreements of cases it referred that may still come to it; most urgent first',
  })
  awaitingConfirmation: AwaitingConfirmationDto[];

  @ApiProperty({ type: FeedbackDueDto, isArray: true, description: 'Closed cases this court referred whose feedback letter it has not acknowledged; oldest first' })
  feedbackDue: FeedbackDueDto[];
}

/** The columns every queue query selects about a case. */
export interface QueueCaseRow {
  id: string;
  case_number: string;
  court_case_number: string | null;
  source: string;
  state: string;
  assigned_mediator_id: string | null;
  mediator_name: string | null;
}

export interface ReferredCaseRow extends QueueCaseRow {
  received_on: string;
  outcome: string | null;
  closed_on: string | null;
  handoff_acknowledged_at: Date | null;
}

/** A deadline row as `to_jsonb` gives it. */
export interface DeadlineColumns {
  due_on: string;
  status: string;
  calendar_verified: boolean;
}

export interface AwaitingConfirmationRow extends QueueCaseRow {
  effective_on: string | null;
  applied_on: string | null;
  window: DeadlineColumns | null;
  decision: DeadlineColumns | null;
}

export interface FeedbackDueRow extends QueueCaseRow {
  outcome: string | null;
  closed_on: string | null;
}

function toQueueCase(row: QueueCaseRow): QueueCaseDto {
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    courtCaseNumber: row.court_case_number,
    source: row.source,
    state: row.state,
    assignedMediator: row.assigned_mediator_id === null ? null : { id: row.assigned_mediator_id, displayName: row.mediator_name ?? '' },
  };
}

export function toReferredCase(row: ReferredCaseRow): ReferredCaseDto {
  return {
    ...toQueueCase(row),
    receivedOn: row.received_on,
    outcome: row.outcome,
    closedOn: row.closed_on,
    handoffAcknowledgedAt: row.handoff_acknowledged_at?.toISOString() ?? null,
  };
}

export function toAwaitingConfirmation(row: AwaitingConfirmationRow, today: LegalDate): AwaitingConfirmationDto {
  return {
    ...toQueueCase(row),
    request: row.source === 'COURT_ENTRUSTED' ? 'MEDIATION_STATEMENT' : 'JUDICIAL_CONFIRMATION',
    effectiveOn: row.effective_on,
    appliedOn: row.state === 'agreement.judicialReview' ? row.applied_on : null,
    confirmationWindow: countdown(row.window, today),
    courtDecision: row.state === 'agreement.judicialReview' ? countdown(row.decision, today) : null,
  };
}

export function toFeedbackDue(row: FeedbackDueRow, today: LegalDate): FeedbackDueDto {
  return {
    ...toQueueCase(row),
    outcome: row.outcome,
    closedOn: row.closed_on,
    daysSinceClosed: row.closed_on === null ? null : diffDays(row.closed_on as LegalDate, today),
  };
}

function countdown(deadline: DeadlineColumns | null, today: LegalDate): CountdownDto | null {
  if (deadline === null) return null;
  return {
    dueOn: deadline.due_on,
    daysLeft: diffDays(today, deadline.due_on as LegalDate),
    status: deadline.status,
    calendarVerified: deadline.calendar_verified,
  };
}
