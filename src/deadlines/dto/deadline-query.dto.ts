import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { BooleanFromQuery } from '../../common/validation/transforms';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { DEADLINE_KINDS, DEADLINE_STATUSES, type DeadlineKind, type DeadlineStatus } from '../../cases/machine/case.types';
import { PagedQuery } from '../../common/validation/paged-query';

export const DEADLINE_PAGE_SIZE = 50;

export class DeadlineQueryDto extends PagedQuery(DEADLINE_PAGE_SIZE, 200) {
  @ApiPropertyOptional({ description: 'Only deadlines due on or before this legal date (YYYY-MM-DD)', example: '2026-10-08' })
  @IsOptional()
  @IsLegalDate()
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'Only deadlines due on or after this legal date (YYYY-MM-DD)', example: '2026-10-01' })
  @IsOptional()
  @IsLegalDate()
  dueAfter?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATUSES, default: 'PENDING' })
  @IsOptional()
  @IsIn(DEADLINE_STATUSES, { message: `status must be one of ${DEADLINE_STATUSES.join(', ')}` })
  status?: DeadlineStatus;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS, { message: `kind must be one of ${DEADLINE_KINDS.join(', ')}` })
  kind?: DeadlineKind;

  @ApiPropertyOptional({ description: 'true: only deadlines of cases assigned to me', type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'mine must be true or false' })
  @BooleanFromQuery()
  mine?: boolean;
}
