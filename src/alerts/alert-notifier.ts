import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RiskLevel } from '../cases/case-vocabulary';
import { NotificationsService } from '../notifications/notifications.service';
import type { AlertView } from './alert-row';

export interface AlertEscalationNotice {
  readonly alert: AlertView;
  /** Every active supervisor of the case's organization (DOMAIN §5 "Escalation"). */
  readonly supervisorIds: readonly string[];
}

export interface AlertRaisedNotice {
  readonly alert: AlertView;
  readonly outcome: 'RAISED' | 'LEVEL_RAISED';
}

/**
 * Where alerts leave the alerts module for the people who must act. Called inside the raising or escalating
 * transaction, so the notice commits exactly with the alert.
 */
export abstract class AlertNotifier {
  abstract alertRaised(tx: EntityManager, notice: AlertRaisedNotice): Promise<void>;
  abstract alertEscalated(tx: EntityManager, notice: AlertEscalationNotice): Promise<void>;
}

const LEVEL_WORDS: Record<RiskLevel, string> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };

/**
 * DOMAIN §5 "Response by level": the mediator always; supervisors from YELLOW; the court liaison from ORANGE, and for
 * a court decision that ran late whatever its level.
 */
@Injectable()
export class OutboxAlertNotifier extends AlertNotifier {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async alertRaised(tx: EntityManager, { alert, outcome }: AlertRaisedNotice): Promise<void> {
    const [row] = (await tx.query('SELECT assigned_mediator_id, case_number FROM cases WHERE id = $1', [alert.caseId])) as { assigned_mediator_id: string | null; case_number: string }[];
    const recipients: string[] = row.assigned_mediator_id ? [row.assigned_mediator_id] : [];
    if (alert.level !== 'BLUE') recipients.push(...(await this.notifications.supervisorsOf(tx, alert.organizationId)));
    if (alert.level === 'ORANGE' || alert.level === 'RED' || alert.deadlineKind === 'COURT_DECISION') {
      recipients.push(...(await this.notifications.liaisonsOfCase(tx, alert.caseId)));
    }
    await this.notifications.notify(tx, {
      recipientIds: recipients,
      organizationId: alert.organizationId,
      kind: 'ALERT_RAISED',
      caseId: alert.caseId,
      alertId: alert.id,
      title: `${outcome === 'LEVEL_RAISED' ? '预警升级' : '新预警'}（${LEVEL_WORDS[alert.level]}）：${row.case_number}`,
      body: alert.message,
    });
  }

  async alertEscalated(tx: EntityManager, { alert, supervisorIds }: AlertEscalationNotice): Promise<void> {
    const [row] = (await tx.query('SELECT case_number FROM cases WHERE id = $1', [alert.caseId])) as { case_number: string }[];
    await this.notifications.notify(tx, {
      recipientIds: supervisorIds,
      organizationId: alert.organizationId,
      kind: 'ALERT_ESCALATED',
      caseId: alert.caseId,
      alertId: alert.id,
      title: `红色预警未处置，已升级：${row.case_number}`,
      body: alert.message,
    });
  }
}
