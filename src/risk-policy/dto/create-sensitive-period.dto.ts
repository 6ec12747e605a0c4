import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { OmittableNotNull, Trim } from '../../common/validation/transforms';
import { DEFAULT_LEAD_DAYS, SENSITIVE_PERIOD_KINDS, type SensitivePeriodKind } from '../../risk/sensitive-periods';
import { MAX_LEAD_DAYS, MAX_MILESTONES, MAX_PERIOD_DAYS } from '../sensitive-period-rules';
import { SensitivePeriodMilestoneDto } from './sensitive-period-milestone.dto';

// class-validator runs a property's decorators bottom-up and the pipe stops at the first failure, so the type check
// sits lowest. Checks that compare fields (endsOn after startsOn, milestones inside the window) are in
// sensitive-period-rules.ts, because a PATCH must be checked against the stored fields it leaves alone.

/** POST /api/sensitive-periods (DOMAIN §5). */
export class CreateSensitivePeriodDto {
  @ApiProperty({ description: 'Name shown on the calendar and in risk reasons, 1–100 characters', example: '辽源市第九次党代会' })
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  @Trim()
  name: string;

  @ApiProperty({ description: 'Kind; a supervisor typically adds PARTY_CONGRESS or CUSTOM periods', enum: SENSITIVE_PERIOD_KINDS, example: 'PARTY_CONGRESS' })
  @IsIn(SENSITIVE_PERIOD_KINDS, { message: `kind must be one of ${SENSITIVE_PERIOD_KINDS.join(', ')}` })
  kind: SensitivePeriodKind;

  @ApiProperty({ description: 'First day of the period itself, YYYY-MM-DD', example: '2026-06-08' })
  @IsLegalDate()
  startsOn: string;

  @ApiProperty({
    description: `Last day, YYYY-MM-DD, included: not before startsOn (INCONSISTENT), at most ${MAX_PERIOD_DAYS} days after it counted inclusively (OUT_OF_RANGE)`,
    example: '2026-06-12',
  })
  @IsLegalDate()
  endsOn: string;

  @ApiPropertyOptional({ description: `Days before startsOn from which cases are already raised, 0–${MAX_LEAD_DAYS}`, default: DEFAULT_LEAD_DAYS, example: 7 })
  @OmittableNotNull()
  @Max(MAX_LEAD_DAYS)
  @Min(0)
  @IsInt({ message: 'leadDays must be an integer' })
  leadDays?: number;

  @ApiPropertyOptional({ description: `Up to ${MAX_MILESTONES} dates inside the window`, type: [SensitivePeriodMilestoneDto], default: [] })
  @OmittableNotNull()
  @ValidateNested({ each: true })
  @ArrayMaxSize(MAX_MILESTONES)
  @IsArray()
  @Type(() => SensitivePeriodMilestoneDto)
  milestones?: SensitivePeriodMilestoneDto[];

  @ApiPropertyOptional({
    description: 'The UNION organization whose cases the period concerns. A supervisor may leave it out or name their own; '
      + 'an ADMIN leaves it out (or sends null) for a period of every organization',
    type: String,
    format: 'uuid',
    nullable: true,
  })
  @IsOptional()
  @IsUUID('all', { message: 'orgId must be a UUID' })
  orgId?: string | null;

  @ApiPropertyOptional({ description: 'Whether the period raises risk levels', default: true })
  @OmittableNotNull()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'false while the dates are provisional, to be replaced once published', default: true })
  @OmittableNotNull()
  @IsBoolean({ message: 'verified must be true or false' })
  verified?: boolean;

  @ApiPropertyOptional({ description: 'Where the dates come from, up to 500 characters', default: '', example: '市委办公室通知（2026-05-20）' })
  @OmittableNotNull()
  @MaxLength(500)
  @IsString()
  @Trim()
  basis?: string;
}
