import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { BooleanFromQuery, Trim } from '../../common/validation/transforms';
import { CASE_STATE_GROUPS, RISK_LEVELS, type RiskLevel } from '../case-vocabulary';
import { CASE_SOURCES, CASE_STATES, type CaseSource } from '../machine/case.types';
import { PagedQuery } from '../../common/validation/paged-query';

export const CASE_SORT_KEYS = ['receivedAt', 'caseNumber', 'updatedAt', 'riskLevel'] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];
export const CASE_SORTS = CASE_SORT_KEYS.flatMap((key) => [key, `-${key}`]);
export const STATE_FILTERS: readonly string[] = [...CASE_STATES, ...CASE_STATE_GROUPS];
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export class CaseQueryDto extends PagedQuery(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) {
  @ApiPropertyOptional({ description: 'A dotted state (`mediation.active`) or a group (`intake`, `mediation`, `agreement`, `closed`)', example: 'mediation' })
  @IsOptional()
  @IsIn(STATE_FILTERS, { message: `state must be a dotted state or one of ${CASE_STATE_GROUPS.join(', ')}` })
  state?: string;

  @ApiPropertyOptional({ description: 'true: only open cases (not in a closed state); false: only closed ones', type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'open must be true or false' })
  @BooleanFromQuery()
  open?: boolean;

  @ApiPropertyOptional({ enum: CASE_SOURCES })
  @IsOptional()
  @IsIn(CASE_SOURCES, { message: `source must be one of ${CASE_SOURCES.join(', ')}` })
  source?: CaseSource;

  @ApiPropertyOptional({ description: 'true: only cases assigned to me', type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'mine must be true or false' })
  @BooleanFromQuery()
  mine?: boolean;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: `riskLevel must be one of ${RISK_LEVELS.join(', ')}` })
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({
    description: 'Text in the case number, an applicant name or the respondent name; or a complete ID number or phone (exact match)',
    example: '张伟',
  })
  @IsOptional()
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  @Trim()
  q?: string;

  @ApiPropertyOptional({ description: 'Sort key, `-` for descending', enum: CASE_SORTS, default: '-receivedAt' })
  @IsOptional()
  @IsIn(CASE_SORTS, { message: `sort must be one of ${CASE_SORTS.join(', ')}` })
  sort?: string;
}
