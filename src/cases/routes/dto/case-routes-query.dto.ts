import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLegalDate } from '../../../common/validation/is-legal-date';

export class CaseRoutesQueryDto {
  @ApiPropertyOptional({
    description: 'The Asia/Shanghai calendar date the advice is given for (YYYY-MM-DD); today in Asia/Shanghai when left out',
    example: '2026-10-09',
    format: 'date',
  })
  @IsOptional()
  @IsLegalDate({ message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;
}
