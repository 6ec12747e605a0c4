import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATUSES, DEADLINE_UNITS, type DeadlineKind, type DeadlineStatus, type DeadlineUnit } from '../../cases/machine/case.types';
import type { DeadlineRow } from '../deadline-projection';

export class DeadlineResponseDto {
  @ApiProperty({ description: 'Deadline id; timers and DEADLINE_EXPIRED name it', format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Key of the entry in the case machine, unique in the case', example: 'MEDIATION_PERIOD#1' })
  key: string;

  @ApiProperty({ enum: DEADLINE_KINDS, example: 'MEDIATION_PERIOD' })
  kind: DeadlineKind;

  @ApiProperty({ description: 'Legal date the period runs from (the start day is not counted)', example: '2026-09-16' })
  startsOn: string;

  @ApiProperty({ description: 'Length in `unit`s', example: 15 })
  days: number;

  @ApiProperty({ enum: DEADLINE_UNITS, example: 'CALENDAR_DAYS' })
  unit: DeadlineUnit;

  @ApiProperty({ description: 'Days the clock stood still (appraisal, force majeure)', example: 0 })
  pausedDays: number;

  @ApiProperty({ description: 'Set while the clock is stopped', nullable: true, type: String, example: null })
  pausedSince: string | null;

  @ApiProperty({ description: 'Last day of the period after the rest-day roll (CPL Art.85); expires at 00:00 the day after', example: '2026-10-08' })
  dueOn: string;

  @ApiProperty({ enum: DEADLINE_STATUSES, example: 'PENDING' })
  status: DeadlineStatus;

  @ApiProperty({ description: 'False when a year the period touches has no holiday notice yet', example: true })
  calendarVerified: boolean;

  @ApiProperty({ description: 'The rule and its article', example: 'Union mediation: 15 days from receipt of the application (LDMAL Art.14)' })
  basis: string;

  @ApiProperty({ description: 'PAYMENT_DUE only: the instalment number', nullable: true, type: Number, example: null })
  instalmentNo: number | null;

  @ApiProperty({ description: 'The key of the entry this one replaced', nullable: true, type: String, example: null })
  supersedes: string | null;
}

export function toDeadlineResponse(row: DeadlineRow): DeadlineResponseDto {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    startsOn: row.startsOn,
    days: row.days,
    unit: row.unit,
    pausedDays: row.pausedDays,
    pausedSince: row.pausedSince,
    dueOn: row.dueOn,
    status: row.status,
    calendarVerified: row.calendarVerified,
    basis: row.basis,
    instalmentNo: row.instalmentNo,
    supersedes: row.supersedes,
  };
}
