import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { OmittableNotNull, Trim } from '../../common/validation/transforms';
import { SENSITIVE_PERIOD_KINDS, type SensitivePeriodKind } from '../../risk/sensitive-periods';
import { MAX_LEAD_DAYS, MAX_MILESTONES } from '../sensitive-period-rules';
import { SensitivePeriodMilestoneDto } from './sensitive-period-milestone.dto';

/** PATCH /api/sensitive-periods/:id: fields left out stay; the result is checked as a whole. */
export class UpdateSensitivePeriodDto {
  @ApiPropertyOptional({ description: '1–100 characters', example: '2027年国庆节' })
  @OmittableNotNull()
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  @Trim()
  name?: string;

  @ApiPropertyOptional({ enum: SENSITIVE_PERIOD_KINDS, example: 'CUSTOM' })
  @OmittableNotNull()
  @IsIn(SENSITIVE_PERIOD_KINDS, { message: `kind must be one of ${SENSITIVE_PERIOD_KINDS.join(', ')}` })
  kind?: SensitivePeriodKind;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD', example: '2027-10-01' })
  @OmittableNotNull()
  @IsLegalDate()
  startsOn?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD, not before startsOn', example: '2027-10-07' })
  @OmittableNotNull()
  @IsLegalDate()
  endsOn?: string;

  @ApiPropertyOptional({ description: `0–${MAX_LEAD_DAYS}`, example: 7 })
  @OmittableNotNull()
  @Max(MAX_LEAD_DAYS)
  @Min(0)
  @IsInt({ message: 'leadDays must be an integer' })
  leadDays?: number;

  @ApiPropertyOptional({ description: 'Replaces every milestone', type: [SensitivePeriodMilestoneDto] })
  @OmittableNotNull()
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_MILESTONES)
  @IsArray()
  @Type(() => SensitivePeriodMilestoneDto)
  milestones?: SensitivePeriodMilestoneDto[];

  @ApiPropertyOptional({ description: 'ADMIN: another UNION organization, or null for every organization. A supervisor may only name their own', type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'orgId must be a UUID' })
  orgId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates, true reactivates' })
  @OmittableNotNull()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'true once the dates are the published ones' })
  @OmittableNotNull()
  @IsBoolean({ message: 'verified must be true or false' })
  verified?: boolean;

  @ApiPropertyOptional({ description: 'Up to 500 characters', example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @OmittableNotNull()
  @MaxLength(500)
  @IsString()
  @Trim()
  basis?: string;
}
