import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { BooleanFromQuery, IntFromQuery } from '../../common/validation/transforms';
import { SENSITIVE_PERIOD_KINDS, type SensitivePeriodKind } from '../../risk/sensitive-periods';

export class SensitivePeriodQueryDto {
  @ApiPropertyOptional({ description: 'Only periods with a day in this calendar year (the winter campaign shows in both of its years)', example: 2026 })
  @IsOptional()
  @Max(2100)
  @Min(2000)
  @IsInt({ message: 'year must be an integer' })
  @IntFromQuery()
  year?: number;

  @ApiPropertyOptional({ description: 'Only periods of this kind', enum: SENSITIVE_PERIOD_KINDS, example: 'NATIONAL_DAY' })
  @IsOptional()
  @IsIn(SENSITIVE_PERIOD_KINDS, { message: `kind must be one of ${SENSITIVE_PERIOD_KINDS.join(', ')}` })
  kind?: SensitivePeriodKind;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) periods; both when left out', type: Boolean, example: true })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
