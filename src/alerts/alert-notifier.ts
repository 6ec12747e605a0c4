import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AlertView } from './alert-row';

export interface AlertEscalationNotice {
  readonly alert: AlertView;
  /** Every active supervisor of the case's organization (DOMAIN §5 "Escalation"). */
  readonly supervisorIds: readonly string[];
}

/**
 * Where escalations leave the alerts module for the people who must act. Called inside the escalating transaction,
 * so an implementation can write an outbox row that commits exactly with the escalation.
 */
export abstract class AlertNotifier {
  abstract alertEscalated(tx: EntityManager, notice: AlertEscalationNotice): Promise<void>;
}

/**
 * The notifier until notification delivery exists: it sends and records nothing, so no one may read an escalation
 * as "supervisors were told". Replacing this provider is the whole of wiring delivery in.
 */
@Injectable()
export class UndeliveredAlertNotifier extends AlertNotifier {
  alertEscalated(_tx: EntityManager, _notice: AlertEscalationNotice): Promise<void> {
    return Promise.resolve();
  }
}
