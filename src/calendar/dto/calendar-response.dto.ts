import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HolidayRangeDto {
  @ApiProperty({ example: '2026-10-01' }) from: string;
  @ApiProperty({ example: '2026-10-07' }) to: string;
  @ApiProperty({ example: '国庆节' }) name: string;
}

export class CalendarYearResponseDto {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ description: 'False when no State Council notice is loaded for the year: only weekends count as rest days', example: true })
  verified: boolean;
  @ApiPropertyOptional({ description: 'Version of the loaded year data', example: 1 }) version?: number;
  @ApiPropertyOptional({ description: 'The notice the data was taken from' }) source?: string;
  @ApiProperty({ type: [HolidayRangeDto] }) holidays: HolidayRangeDto[];
  @ApiProperty({ type: [String], description: 'Weekend days that are working days (调休)', example: ['2026-10-10'] })
  makeUpWorkdays: string[];
  @ApiProperty({ type: [String], description: 'Every rest day of the year, holidays and ordinary weekends' })
  restDays: string[];
}

export class DueDateResponseDto {
  @ApiProperty({ example: '2026-09-16' }) start: string;
  @ApiProperty({ example: 15 }) days: number;
  @ApiProperty({ enum: ['CALENDAR', 'WORKING'] }) kind: string;
  @ApiProperty({ description: 'The last day of the period, never a rest day', example: '2026-10-08' }) dueOn: string;
  @ApiProperty({ description: 'False when a year the period touches has no holiday data', example: true }) verified: boolean;
  @ApiPropertyOptional({ description: 'CALENDAR only: start + days before the rest-day roll', example: '2026-10-01' }) unrolledDueOn?: string;
  @ApiPropertyOptional({ description: 'CALENDAR only: whether the last day fell on a rest day and rolled', example: true }) rolled?: boolean;
  @ApiProperty({ example: 'CPL Art.85' }) basis: string;
}
