import { ApiProperty } from '@nestjs/swagger';
import { RISK_LEVELS, type RiskLevel } from '../../cases/case-vocabulary';
import { DEADLINE_KINDS, type DeadlineKind } from '../../cases/machine/case.types';
import type { AlertView } from '../alert-row';
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from '../alert-rules';

export class AlertReasonDto {
  @ApiProperty({ example: 'COLLECTIVE_10' }) ruleId: string;
  @ApiProperty({ example: '集体争议：涉及 12 名劳动者' }) text: string;
}

export class AlertResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'LY-2026-000123' }) caseNumber: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind: AlertKind;
  @ApiProperty({ enum: RISK_LEVELS }) level: RiskLevel;
  @ApiProperty({ description: 'What the alert is about, unique per case and kind (DOMAIN §5)', example: 'risk' }) scopeRef: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The sensitive period of a SENSITIVE_PERIOD alert' }) windowId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) deadlineId: string | null;
  @ApiProperty({ enum: DEADLINE_KINDS, nullable: true, description: 'COURT_DECISION marks the alerts about a court decision' }) deadlineKind: DeadlineKind | null;
  @ApiProperty({ example: 'LY-2026-000123 风险等级橙色：欠薪 2 个月' }) message: string;
  @ApiProperty({ type: [AlertReasonDto] }) reasons: AlertReasonDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the response is due; none for BLUE' }) dueBy: string | null;
  @ApiProperty({ enum: ALERT_STATUSES }) status: AlertStatus;
  @ApiProperty({ description: 'A RED alert left OPEN past the escalation time' }) escalated: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) escalatedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) raisedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a RISK_LEVEL alert was last raised to a higher level' })
  levelRaisedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null when the system resolved it' }) resolvedBy: string | null;
}

export class AlertListResponseDto {
  @ApiProperty({ type: [AlertResponseDto] }) items: AlertResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

const iso = (instant: Date | null): string | null => (instant === null ? null : instant.toISOString());

export function toAlertResponse(alert: AlertView, caseNumber: string): AlertResponseDto {
  return {
    id: alert.id,
    caseId: alert.caseId,
    caseNumber,
    kind: alert.kind,
    level: alert.level,
    scopeRef: alert.scopeRef,
    windowId: alert.windowId,
    deadlineId: alert.deadlineId,
    deadlineKind: alert.deadlineKind,
    message: alert.message,
    reasons: alert.reasons.map((reason) => ({ ruleId: reason.ruleId, text: reason.text })),
    dueBy: iso(alert.dueBy),
    status: alert.status,
    escalated: alert.escalated,
    escalatedAt: iso(alert.escalatedAt),
    resolutionNote: alert.resolutionNote,
    raisedAt: alert.raisedAt.toISOString(),
    levelRaisedAt: iso(alert.levelRaisedAt),
    acknowledgedAt: iso(alert.acknowledgedAt),
    acknowledgedBy: alert.acknowledgedBy,
    resolvedAt: iso(alert.resolvedAt),
    resolvedBy: alert.resolvedBy,
  };
}
