import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { riskAlertDecision } from '../alerts/alert-rules';
import { AlertsService } from '../alerts/alerts.service';
import { legalDateOf, type LegalDate } from '../calendar/legal-date';
import { Clock } from '../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';
import { RiskPolicyService } from '../risk-policy/risk-policy.service';
import { assessRisk, type RiskAssessment } from '../risk/risk-engine';
import type { RiskRuleSet } from '../risk/risk-rules';
import type { SensitivePeriod } from '../risk/sensitive-periods';
import { riskAlertInput } from './risk-alert-input';
import { caseRiskContext, storedRiskDiffers, type CaseRiskRow } from './risk-facts.query';

export interface RiskPolicySnapshot {
  readonly periods: readonly SensitivePeriod[];
  readonly ruleSet: RiskRuleSet;
}

/**
 * Keeps a case's stored riskLevel and riskReasons equal to the rules applied to it as of today (DOMAIN §5
 * "Recompute"), and opens or raises its RISK_LEVEL alert, inside the transaction of the change that called it.
 */
@Injectable()
export class CaseRiskService {
  constructor(
    private readonly policy: RiskPolicyService,
    private readonly alerts: AlertsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async policyFor(manager: EntityManager): Promise<RiskPolicySnapshot> {
    return this.policy.policy(manager);
  }

  today(): LegalDate {
    return legalDateOf(this.clock.now(), this.config.legalTimeZone);
  }

  /**
   * Call with the case row already locked by the caller's change (or just inserted). The alert is left alone when
   * its history shows the level is covered already; AlertsService decides again, under its own lock, whenever it
   * is called.
   */
  async recompute(tx: EntityManager, caseId: string): Promise<RiskAssessment> {
    const { row, policyRevision, riskAlerts } = await caseRiskContext(tx, caseId);
    const assessment = assessRisk(row.facts, this.today(), ...policyArgs(await this.policy.policyAt(tx, policyRevision)));
    if (storedRiskDiffers(row, assessment)) {
      await preparedQuery(tx, 'UPDATE cases SET risk_level = $2, risk_reasons = $3 WHERE id = $1', [row.caseId, assessment.level, JSON.stringify(assessment.reasons)]);
    }
    if (riskAlertDecision(assessment.level, riskAlerts) !== 'NONE') await this.raiseRiskAlert(tx, row, assessment);
    return assessment;
  }

  /**
   * Opens the case's RISK_LEVEL alert, or raises it in place; AlertsService keeps it unique and never lowers it. Called
   * only past riskAlertDecision, which leaves nothing below YELLOW.
   */
  private async raiseRiskAlert(tx: EntityManager, row: CaseRiskRow, assessment: RiskAssessment): Promise<void> {
    if (row.facts.state.startsWith('closed.')) return;
    // The change that called recompute holds the case's row lock already.
    await this.alerts.raise(tx, riskAlertInput(row, assessment), { caseLocked: true });
  }
}

export function policyArgs(policy: RiskPolicySnapshot): [readonly SensitivePeriod[], RiskRuleSet] {
  return [policy.periods, policy.ruleSet];
}
