import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { ASSISTANCE_STATUSES, type AssistanceStatus } from '../hardship-rules';
import { PagedQuery } from '../../common/validation/paged-query';

export const DEFAULT_ASSISTANCE_PAGE_SIZE = 50;
export const MAX_ASSISTANCE_PAGE_SIZE = 200;

/** GET /api/assistance: the records of your organization given in a period, by givenOn. */
export class AssistancePeriodQueryDto extends PagedQuery(DEFAULT_ASSISTANCE_PAGE_SIZE, MAX_ASSISTANCE_PAGE_SIZE) {
  @ApiProperty({ description: 'First day of the period, YYYY-MM-DD, included', example: '2026-09-01' })
  @IsLegalDate()
  from: string;

  @ApiProperty({ description: 'Last day of the period, YYYY-MM-DD, included; not before from (INCONSISTENT)', example: '2026-09-30' })
  @IsLegalDate()
  to: string;

  @ApiPropertyOptional({ enum: ASSISTANCE_STATUSES })
  @IsOptional()
  @IsIn(ASSISTANCE_STATUSES, { message: `status must be one of ${ASSISTANCE_STATUSES.join(', ')}` })
  status?: AssistanceStatus;
}
