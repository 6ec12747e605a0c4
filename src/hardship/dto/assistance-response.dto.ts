import { ApiProperty } from '@nestjs/swagger';
import { ASSISTANCE_KINDS, ASSISTANCE_STATUSES, type AssistanceKind, type AssistanceStatus } from '../hardship-rules';
import type { AssistanceRow } from '../assistance-row';

export class AssistanceUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '王主任' }) displayName: string;
}

export class AssistanceWorkerDto {
  @ApiProperty({ description: "Position in the case's applicants", example: 0 }) position: number;
  @ApiProperty({ description: 'The name only; ID numbers and phones are never part of an assistance record', example: '刘强' }) name: string;
}

export class AssistanceResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'LY-2026-000123' }) caseNumber: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: the case as a whole' }) applicantPosition: number | null;
  @ApiProperty({ type: AssistanceWorkerDto, nullable: true, description: 'The worker helped; null for the case as a whole' }) worker: AssistanceWorkerDto | null;
  @ApiProperty({ enum: ASSISTANCE_KINDS }) kind: AssistanceKind;
  @ApiProperty({ type: String, nullable: true, description: 'Yuan, two decimals', example: '2000.00' }) amount: string | null;
  @ApiProperty({ description: 'YYYY-MM-DD', example: '2026-09-20' }) givenOn: string;
  @ApiProperty() note: string;
  @ApiProperty({ enum: ASSISTANCE_STATUSES }) status: AssistanceStatus;
  @ApiProperty({ type: AssistanceUserDto }) proposedBy: AssistanceUserDto;
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt: string;
  @ApiProperty({ type: AssistanceUserDto, nullable: true, description: 'The supervisor who approved it' }) approvedBy: AssistanceUserDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: string | null;
  @ApiProperty({ type: AssistanceUserDto, nullable: true, description: 'The supervisor who rejected it' }) rejectedBy: AssistanceUserDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rejectedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The decider's note: required on a rejection, optional on an approval" }) decisionNote: string | null;
}

export class AssistanceListResponseDto {
  @ApiProperty({ type: [AssistanceResponseDto] }) items: AssistanceResponseDto[];
}

export class AssistanceSummaryDto {
  @ApiProperty({ description: 'Approved records given in the period', example: 3 }) count: number;
  @ApiProperty({
    description: "Workers helped: distinct (case, applicantPosition); a record for a case as a whole counts the case's workerCount once",
    example: 14,
  })
  people: number;
  @ApiProperty({ description: 'Yuan given, two decimals, exact to the fen', example: '6500.00' }) amount: string;
}

export class AssistancePeriodResponseDto {
  @ApiProperty({ type: [AssistanceResponseDto] }) items: AssistanceResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: AssistanceSummaryDto, description: 'The APPROVED records of the period, whatever the status filter' }) approved: AssistanceSummaryDto;
}

const user = (id: string | null, displayName: string | null): AssistanceUserDto | null =>
  id === null ? null : { id, displayName: displayName ?? '' };

export function toAssistanceResponse(row: AssistanceRow): AssistanceResponseDto {
  const decider = user(row.decidedById, row.decidedByName);
  const decidedAt = row.decidedAt === null ? null : row.decidedAt.toISOString();
  const approved = row.status === 'APPROVED';
  const rejected = row.status === 'REJECTED';
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    applicantPosition: row.applicantPosition,
    worker: row.applicantPosition === null ? null : { position: row.applicantPosition, name: row.workerName ?? '' },
    kind: row.kind,
    amount: row.amount,
    givenOn: row.givenOn,
    note: row.note,
    status: row.status,
    proposedBy: { id: row.proposedById, displayName: row.proposedByName },
    proposedAt: row.proposedAt.toISOString(),
    approvedBy: approved ? decider : null,
    approvedAt: approved ? decidedAt : null,
    rejectedBy: rejected ? decider : null,
    rejectedAt: rejected ? decidedAt : null,
    decisionNote: row.decisionNote,
  };
}
