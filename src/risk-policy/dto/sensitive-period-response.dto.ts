import { ApiProperty } from '@nestjs/swagger';
import { addDays } from '../../calendar/legal-date';
import { SENSITIVE_PERIOD_KINDS, type SensitivePeriodKind } from '../../risk/sensitive-periods';
import type { PeriodRow } from '../sensitive-period-row';

export class SensitivePeriodMilestoneResponseDto {
  @ApiProperty({ example: '2026-12-31' })
  on: string;

  @ApiProperty({ example: '政府投资和国有企业项目欠薪清零（元旦前）' })
  label: string;
}

export class SensitivePeriodResponseDto {
  @ApiProperty({ format: 'uuid', description: 'What risk reasons, screenings and SENSITIVE_PERIOD alerts name' })
  id: string;

  @ApiProperty({ description: 'Stable key of a seeded default (national-day-2026); null for periods added later', nullable: true, type: String, example: 'national-day-2026' })
  code: string | null;

  @ApiProperty({ example: '2026年国庆节' })
  name: string;

  @ApiProperty({ enum: SENSITIVE_PERIOD_KINDS, example: 'NATIONAL_DAY' })
  kind: SensitivePeriodKind;

  @ApiProperty({ example: '2026-10-01' })
  startsOn: string;

  @ApiProperty({ example: '2026-10-07' })
  endsOn: string;

  @ApiProperty({ example: 7 })
  leadDays: number;

  @ApiProperty({ description: 'startsOn − leadDays: from this day cases are screened one level higher', example: '2026-09-24' })
  windowOpensOn: string;

  @ApiProperty({ type: [SensitivePeriodMilestoneResponseDto] })
  milestones: SensitivePeriodMilestoneResponseDto[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: every organization' })
  orgId: string | null;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ description: 'false while the dates are provisional ([U])', example: true })
  verified: boolean;

  @ApiProperty({ example: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）' })
  basis: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the seeded defaults' })
  createdBy: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  updatedBy: string | null;
}

export function toSensitivePeriodResponse(row: PeriodRow): SensitivePeriodResponseDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    leadDays: row.leadDays,
    windowOpensOn: addDays(row.startsOn, -row.leadDays),
    milestones: row.milestones.map(({ on, label }) => ({ on, label })),
    orgId: row.orgId,
    active: row.active,
    verified: row.verified,
    basis: row.basis,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}
