import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { RISK_LEVELS, type RiskLevel } from '../../cases/case-vocabulary';
import { BooleanFromQuery } from '../../common/validation/transforms';
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from '../alert-rules';
import { PagedQuery } from '../../common/validation/paged-query';

export const DEFAULT_ALERT_PAGE_SIZE = 20;
export const MAX_ALERT_PAGE_SIZE = 100;

export class AlertQueryDto extends PagedQuery(DEFAULT_ALERT_PAGE_SIZE, MAX_ALERT_PAGE_SIZE) {
  @ApiPropertyOptional({ enum: ALERT_STATUSES })
  @IsOptional()
  @IsIn(ALERT_STATUSES, { message: `status must be one of ${ALERT_STATUSES.join(', ')}` })
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: `level must be one of ${RISK_LEVELS.join(', ')}` })
  level?: RiskLevel;

  @ApiPropertyOptional({ enum: ALERT_KINDS })
  @IsOptional()
  @IsIn(ALERT_KINDS, { message: `kind must be one of ${ALERT_KINDS.join(', ')}` })
  kind?: AlertKind;

  @ApiPropertyOptional({ description: "Only this case's alerts", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ description: 'true: only alerts of cases assigned to me', type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'mine must be true or false' })
  @BooleanFromQuery()
  mine?: boolean;

  @ApiPropertyOptional({ description: 'true: only alerts escalated to the supervisors (RED left unacknowledged); false: only the others', type: Boolean })
  @IsOptional()
  @IsBoolean({ message: 'escalated must be true or false' })
  @BooleanFromQuery()
  escalated?: boolean;
}
