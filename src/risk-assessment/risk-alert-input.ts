import type { RaiseAlertInput } from '../alerts/alerts.service';
import type { RiskAssessment } from '../risk/risk-engine';
import type { CaseRiskRow } from './risk-facts.query';
import { RISK_LEVEL_LABELS } from './risk-labels';

/** The RISK_LEVEL alert a case's assessment asks for; AlertsService decides whether it opens, rises or stays. */
export function riskAlertInput(row: CaseRiskRow, assessment: RiskAssessment): RaiseAlertInput {
  return {
    organizationId: row.facts.orgId,
    caseId: row.caseId,
    kind: 'RISK_LEVEL',
    level: assessment.level,
    scopeRef: 'risk',
    message: `${row.caseNumber} 风险等级${RISK_LEVEL_LABELS[assessment.level]}：${assessment.reasons.map((r) => r.text).join('；')}`,
    reasons: assessment.reasons,
  };
}
