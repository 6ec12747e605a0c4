import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';

export const PERIOD_KINDS = ['CALENDAR', 'WORKING'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export class ComputeDueDateQueryDto {
  @ApiProperty({ description: 'First day of the period (not itself counted), an Asia/Shanghai calendar date', example: '2026-09-16' })
  @IsLegalDate()
  start: string;

  @ApiProperty({ description: 'Length of the period: calendar days (0-3660) or working days (1-1000)', example: 15 })
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(0)
  @Max(3660)
  days: number;

  @ApiProperty({ enum: PERIOD_KINDS, description: 'CALENDAR: CPL Art.85 with the rest-day roll; WORKING: the n-th working day after start', example: 'CALENDAR' })
  @IsIn(PERIOD_KINDS, { message: `kind must be one of ${PERIOD_KINDS.join(', ')}` })
  kind: PeriodKind;
}

export class CalendarYearParamDto {
  @ApiProperty({ description: 'Calendar year', example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(1990)
  @Max(2100)
  year: number;
}
