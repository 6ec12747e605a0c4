import type { RiskLevel } from '../cases/case-vocabulary';
import type { DeadlineKind } from '../cases/machine/case.types';
import type { AlertKind, AlertStatus } from './alert-rules';

/** One explanation of an alert, the shape risk reasons have (`{ruleId, text}`). */
export interface AlertReason {
  readonly ruleId: string;
  readonly text: string;
}

/** An `alerts` row as the application reads it; instants are Dates (timestamptz). */
export interface AlertView {
  readonly id: string;
  readonly organizationId: string;
  readonly caseId: string;
  readonly kind: AlertKind;
  readonly level: RiskLevel;
  readonly scopeRef: string;
  readonly windowId: string | null;
  readonly deadlineId: string | null;
  readonly deadlineKind: DeadlineKind | null;
  readonly message: string;
  readonly reasons: AlertReason[];
  readonly dueBy: Date | null;
  readonly status: AlertStatus;
  readonly escalated: boolean;
  readonly escalatedAt: Date | null;
  readonly resolutionNote: string | null;
  readonly raisedAt: Date;
  readonly levelRaisedAt: Date | null;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: Date | null;
  readonly resolvedBy: string | null;
}

const COLUMNS: Record<keyof AlertView, string> = {
  id: 'id',
  organizationId: 'organization_id',
  caseId: 'case_id',
  kind: 'kind',
  level: 'level',
  scopeRef: 'scope_ref',
  windowId: 'window_id',
  deadlineId: 'deadline_id',
  deadlineKind: 'deadline_kind',
  message: 'message',
  reasons: 'reasons',
  dueBy: 'due_by',
  status: 'status',
  escalated: 'escalated',
  escalatedAt: 'escalated_at',
  resolutionNote: 'resolution_note',
  raisedAt: 'raised_at',
  levelRaisedAt: 'level_raised_at',
  acknowledgedAt: 'acknowledged_at',
  acknowledgedBy: 'acknowledged_by',
  resolvedAt: 'resolved_at',
  resolvedBy: 'resolved_by',
};

/** The select list (or RETURNING list) that reads `alerts`, qualified by `alias`, into an AlertView. */
export function alertColumns(alias: string): string {
  return Object.entries(COLUMNS)
    .map(([field, column]) => `${alias}.${column} AS "${field}"`)
    .join(', ');
}

/** When the alert reached its current level, which is when a RED alert's escalation clock starts. */
export function levelSince(alert: Pick<AlertView, 'raisedAt' | 'levelRaisedAt'>): Date {
  return alert.levelRaisedAt ?? alert.raisedAt;
}
