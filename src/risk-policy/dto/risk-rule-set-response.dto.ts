import { ApiProperty } from '@nestjs/swagger';
import type { RiskRule } from '../../risk/risk-rules';

export class RiskRuleSetVersionResponseDto {
  @ApiProperty({ description: 'Recorded by every screening that ran with this set', example: 2 })
  version: number;

  @ApiProperty({ nullable: true, type: String, example: '冬季专项行动期间下调欠薪月数阈值' })
  note: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for the seeded version 1' })
  createdBy: string | null;
}

export class RiskRuleSetResponseDto extends RiskRuleSetVersionResponseDto {
  @ApiProperty({ description: 'Every rule, each {id, level, enabled, params, reasonTemplate}', type: 'array', items: { type: 'object' } })
  rules: RiskRule[];
}

export interface RiskRuleSetRow {
  version: number;
  rules: RiskRule[];
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
}

export function toRiskRuleSetVersionResponse(row: Omit<RiskRuleSetRow, 'rules'>): RiskRuleSetVersionResponseDto {
  return { version: row.version, note: row.note, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy };
}

export function toRiskRuleSetResponse(row: RiskRuleSetRow): RiskRuleSetResponseDto {
  return { ...toRiskRuleSetVersionResponse(row), rules: row.rules };
}
