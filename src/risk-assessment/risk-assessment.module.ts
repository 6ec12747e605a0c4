import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { RiskPolicyModule } from '../risk-policy/risk-policy.module';
import { CaseRiskService } from './case-risk.service';
import { DailyScreeningWorker } from './daily-screening.worker';
import { LedgerExportService } from './ledger-export.service';
import { RiskScreeningService } from './risk-screening.service';
import { RiskScreeningsController } from './risk-screenings.controller';

/** Applying the risk rules to cases: on every change (CaseRiskService), and in screenings, daily and on demand. */
@Module({
  imports: [AlertsModule, AuditModule, RiskPolicyModule],
  controllers: [RiskScreeningsController],
  providers: [CaseRiskService, RiskScreeningService, LedgerExportService, DailyScreeningWorker],
  exports: [CaseRiskService],
})
export class RiskAssessmentModule {}
