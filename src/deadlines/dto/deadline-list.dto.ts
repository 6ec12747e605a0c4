import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATUSES, type DeadlineKind, type DeadlineStatus } from '../../cases/machine/case.types';

export class DeadlineMediatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '王建华' }) displayName: string;
}

export class DeadlineListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'LY-2026-000123' }) caseNumber: string;
  @ApiProperty({ example: 'mediation.active' }) caseState: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind: DeadlineKind;
  @ApiProperty({ description: 'The deadline as the console names it', example: '调解期限' }) label: string;
  @ApiProperty({ nullable: true, type: Number, example: null }) instalmentNo: number | null;
  @ApiProperty({ example: '2026-09-16' }) startsOn: string;
  @ApiProperty({ example: '2026-10-08' }) dueOn: string;
  @ApiProperty({ description: 'Calendar days from today (Asia/Shanghai) to dueOn; negative once overdue', example: 3 }) daysLeft: number;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status: DeadlineStatus;
  @ApiProperty({ description: 'The clock is stopped (appraisal, force majeure)' }) paused: boolean;
  @ApiProperty() calendarVerified: boolean;
  @ApiProperty({ example: 'Union mediation: 15 days from receipt of the application (LDMAL Art.14)' }) basis: string;
  @ApiProperty({ type: DeadlineMediatorDto, nullable: true }) assignedMediator: DeadlineMediatorDto | null;
}

export class DeadlineListResponseDto {
  @ApiProperty({ type: [DeadlineListItemDto] }) items: DeadlineListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
