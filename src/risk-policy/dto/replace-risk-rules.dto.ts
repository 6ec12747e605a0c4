import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsInt, IsString, MaxLength, Min } from 'class-validator';
import { OmittableNotNull, Trim } from '../../common/validation/transforms';
import { RISK_RULE_IDS } from '../../risk/risk-rules';

/** PUT /api/risk-rules: a whole new rule set, based on the version the editor loaded. */
export class ReplaceRiskRulesDto {
  @ApiProperty({
    description: `Every rule exactly once (${RISK_RULE_IDS.join(', ')}), each {id, level, enabled, params, reasonTemplate}; a rule is `
      + 'switched off with enabled: false. Checked as a whole: every bad field is named, e.g. rules[3].params.minMonths',
    type: 'array',
    items: { type: 'object' },
  })
  // The rule set's own validator (riskRuleSetProblems) checks every level of it; the pipe only lets it through.
  @Allow()
  rules: unknown;

  @ApiPropertyOptional({ description: 'Why the rules change, up to 500 characters', example: '冬季专项行动期间下调欠薪月数阈值' })
  @OmittableNotNull()
  @MaxLength(500)
  @IsString()
  @Trim()
  note?: string;

  @ApiProperty({ description: 'The version the change was made on; 412 VERSION_CONFLICT when it is no longer the current one', example: 1 })
  @Min(1)
  @IsInt({ message: 'baseVersion must be an integer' })
  baseVersion: number;
}
