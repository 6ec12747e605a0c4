import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RiskPolicyService } from './risk-policy.service';
import { RiskRuleSetsService } from './risk-rule-sets.service';
import { RiskRulesController } from './risk-rules.controller';
import { SensitivePeriodsController } from './sensitive-periods.controller';
import { SensitivePeriodsService } from './sensitive-periods.service';

/** Sensitive periods and risk rule sets as audited data, and the cached read path the risk engine's callers use. */
@Module({
  imports: [AuditModule],
  controllers: [SensitivePeriodsController, RiskRulesController],
  providers: [RiskPolicyService, SensitivePeriodsService, RiskRuleSetsService],
  exports: [RiskPolicyService],
})
export class RiskPolicyModule {}
