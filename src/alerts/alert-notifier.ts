import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RiskLevel } from '../cases/case-vocabulary';
import { NotificationsService, type NotifyInput } from '../notifications/notifications.service';
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
  /** alertRaised for each notice, in fewer statements. */
  abstract alertsRaised(tx: EntityManager, notices: readonly AlertRaisedNotice[]): Promise<void>;
  abstract alertEscalated(tx: EntityManager, notice: AlertEscalationNotice): Promise<void>;
}

const LEVEL_WORDS: Record<RiskLevel, string> = { BLUE: '蓝色', YELLOW: '黄色', ORANGE: '橙色', RED: '红色' };

interface CaseOfAlert {
  readonly assignedMediatorId: string | null;
  readonly caseNumber: string;
}

/**
 * DOMAIN §5 "Response by level": the mediator always; supervisors from YELLOW; the court liaison from ORANGE, and for
 * a court decision that ran late whatever its level.
 */
function needsLiaison(alert: AlertView): boolean {
  return alert.level === 'ORANGE' || alert.level === 'RED' || alert.deadlineKind === 'COURT_DECISION';
}

function raisedNotification({ alert, outcome }: AlertRaisedNotice, theCase: CaseOfAlert, supervisorIds: readonly string[], liaisonIds: readonly string[]): NotifyInput {
  const recipients: string[] = theCase.assignedMediatorId ? [theCase.assignedMediatorId] : [];
  if (alert.level !== 'BLUE') recipients.push(...supervisorIds);
  if (needsLiaison(alert)) recipients.push(...liaisonIds);
  return {
    recipientIds: recipients,
    organizationId: alert.organizationId,
    kind: 'ALERT_RAISED',
    caseId: alert.caseId,
    alertId: alert.id,
    title: `${outcome === 'LEVEL_RAISED' ? '预警升级' : '新预警'}（${LEVEL_WORDS[alert.level]}）：${theCase.caseNumber}`,
    body: alert.message,
  };
}

@Injectable()
export class OutboxAlertNotifier extends AlertNotifier {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async alertRaised(tx: EntityManager, notice: AlertRaisedNotice): Promise<void> {
    await this.alertsRaised(tx, [notice]);
  }

  async alertsRaised(tx: EntityManager, notices: readonly AlertRaisedNotice[]): Promise<void> {
    if (notices.length === 0) return;
    const alerts = notices.map((notice) => notice.alert);
    const cases = await this.casesOf(tx, [...new Set(alerts.map((alert) => alert.caseId))]);
    const supervisors = new Map<string, string[]>();
    for (const organizationId of new Set(alerts.filter((alert) => alert.level !== 'BLUE').map((alert) => alert.organizationId))) {
      supervisors.set(organizationId, await this.notifications.supervisorsOf(tx, organizationId));
    }
    const liaisons = await this.notifications.liaisonsOfCases(tx, [...new Set(alerts.filter(needsLiaison).map((alert) => alert.caseId))]);
    await this.notifications.notifyMany(
      tx,
      notices.map((notice) =>
        raisedNotification(notice, cases.get(notice.alert.caseId)!, supervisors.get(notice.alert.organizationId) ?? [], liaisons.get(notice.alert.caseId) ?? []),
      ),
    );
  }

  private async casesOf(tx: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseOfAlert>> {
    const rows = (await tx.query('SELECT id, assigned_mediator_id, case_number FROM cases WHERE id = ANY($1::uuid[])', [caseIds])) as {
      id: string;
      assigned_mediator_id: string | null;
      case_number: string;
    }[];
    return new Map(rows.map((row) => [row.id, { assignedMediatorId: row.assigned_mediator_id, caseNumber: row.case_number }]));
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
