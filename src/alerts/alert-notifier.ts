import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { NotificationsService, type NotifyInput } from '../notifications/notifications.service';
import type { AlertView } from './alert-row';
import { LEVEL_WORDS, screeningDigest, type DigestAlert } from './screening-digest';

export interface AlertEscalationNotice {
  readonly alert: AlertView;
  /** Every active supervisor of the case's organization (DOMAIN §5 "Escalation"). */
  readonly supervisorIds: readonly string[];
}

export interface AlertRaisedNotice {
  readonly alert: AlertView;
  readonly outcome: 'RAISED' | 'LEVEL_RAISED';
}

/** The screening whose alerts a digest counts (DOMAIN §5 "Screenings"). */
export interface ScreeningOfAlerts {
  readonly id: string;
  readonly organizationId: string;
  readonly asOf: string;
}

/**
 * Where alerts leave the alerts module for the people who must act. Called inside the raising or escalating
 * transaction, so the notice commits exactly with the alert.
 */
export abstract class AlertNotifier {
  abstract alertRaised(tx: EntityManager, notice: AlertRaisedNotice): Promise<void>;
  /**
   * The alerts one screening raised, told to each person who would hear of any of them one by one, in a single
   * digest: the first screening in a sensitive period raises one on nearly every case, and a desk cannot act on a
   * hundred thousand notices.
   */
  abstract screeningAlertsRaised(tx: EntityManager, screening: ScreeningOfAlerts, notices: readonly AlertRaisedNotice[]): Promise<void>;
  abstract alertEscalated(tx: EntityManager, notice: AlertEscalationNotice): Promise<void>;
}

interface CaseOfAlert {
  readonly assignedMediatorId: string | null;
  readonly caseNumber: string;
}

/** Who hears of one alert, and the case it is about. */
interface Audience {
  readonly theCase: CaseOfAlert;
  readonly recipientIds: readonly string[];
}

/**
 * DOMAIN §5 "Response by level": the mediator always; supervisors from YELLOW; the court liaison from ORANGE, and for
 * a court decision that ran late whatever its level.
 */
function needsLiaison(alert: AlertView): boolean {
  return alert.level === 'ORANGE' || alert.level === 'RED' || alert.deadlineKind === 'COURT_DECISION';
}

function raisedNotification({ alert, outcome }: AlertRaisedNotice, { theCase, recipientIds }: Audience): NotifyInput {
  return {
    recipientIds,
    organizationId: alert.organizationId,
    kind: 'ALERT_RAISED',
    caseId: alert.caseId,
    alertId: alert.id,
    title: `${outcome === 'LEVEL_RAISED' ? '预警升级' : '新预警'}（${LEVEL_WORDS[alert.level]}）：${theCase.caseNumber}`,
    body: alert.message,
  };
}

function digestNotifications(screening: ScreeningOfAlerts, notices: readonly AlertRaisedNotice[], audiences: readonly Audience[]): NotifyInput[] {
  const byRecipient = new Map<string, DigestAlert[]>();
  notices.forEach(({ alert, outcome }, i) => {
    const { theCase, recipientIds } = audiences[i];
    for (const recipientId of recipientIds) {
      const theirs = byRecipient.get(recipientId) ?? [];
      theirs.push({ level: alert.level, outcome, caseNumber: theCase.caseNumber });
      byRecipient.set(recipientId, theirs);
    }
  });
  return [...byRecipient].map(([recipientId, alerts]) => ({
    recipientIds: [recipientId],
    organizationId: screening.organizationId,
    kind: 'SCREENING_ALERTS',
    screeningId: screening.id,
    ...screeningDigest(screening.asOf, alerts),
  }));
}

@Injectable()
export class OutboxAlertNotifier extends AlertNotifier {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async alertRaised(tx: EntityManager, notice: AlertRaisedNotice): Promise<void> {
    const [audience] = await this.audiencesOf(tx, [notice.alert]);
    await this.notifications.notify(tx, raisedNotification(notice, audience));
  }

  async screeningAlertsRaised(tx: EntityManager, screening: ScreeningOfAlerts, notices: readonly AlertRaisedNotice[]): Promise<void> {
    if (notices.length === 0) return;
    const audiences = await this.audiencesOf(tx, notices.map((notice) => notice.alert));
    await this.notifications.notifyMany(tx, digestNotifications(screening, notices, audiences));
  }

  /** Each alert's audience, in order, in a constant number of reads however many alerts there are. */
  private async audiencesOf(tx: EntityManager, alerts: readonly AlertView[]): Promise<Audience[]> {
    const cases = await this.casesOf(tx, [...new Set(alerts.map((alert) => alert.caseId))]);
    const supervisors = new Map<string, string[]>();
    for (const organizationId of new Set(alerts.filter((alert) => alert.level !== 'BLUE').map((alert) => alert.organizationId))) {
      supervisors.set(organizationId, await this.notifications.supervisorsOf(tx, organizationId));
    }
    const liaisons = await this.notifications.liaisonsOfCases(tx, [...new Set(alerts.filter(needsLiaison).map((alert) => alert.caseId))]);
    return alerts.map((alert) => {
      const theCase = cases.get(alert.caseId)!;
      const recipientIds: string[] = theCase.assignedMediatorId ? [theCase.assignedMediatorId] : [];
      if (alert.level !== 'BLUE') recipientIds.push(...(supervisors.get(alert.organizationId) ?? []));
      if (needsLiaison(alert)) recipientIds.push(...(liaisons.get(alert.caseId) ?? []));
      return { theCase, recipientIds: [...new Set(recipientIds)] };
    });
  }

  private async casesOf(tx: EntityManager, caseIds: readonly string[]): Promise<Map<string, CaseOfAlert>> {
    const rows = await preparedQuery<{ id: string; assigned_mediator_id: string | null; case_number: string }[]>(
      tx,
      'SELECT id, assigned_mediator_id, case_number FROM cases WHERE id = ANY($1::uuid[])',
      [caseIds],
    );
    return new Map(rows.map((row) => [row.id, { assignedMediatorId: row.assigned_mediator_id, caseNumber: row.case_number }]));
  }

  async alertEscalated(tx: EntityManager, { alert, supervisorIds }: AlertEscalationNotice): Promise<void> {
    const [row] = await preparedQuery<{ case_number: string }[]>(tx, 'SELECT case_number FROM cases WHERE id = $1', [alert.caseId]);
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
