import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaseAccessModule } from '../cases/case-access.module';
import { AssistanceController } from './assistance.controller';
import { AssistanceQueryService } from './assistance-query.service';
import { AssistanceWorkflowService } from './assistance-workflow.service';
import { CaseAssistanceController } from './case-assistance.controller';
import { HardshipAssistanceService } from './hardship-assistance.service';

/**
 * Hardship assistance (困难职工兜底帮扶): a mediator proposes, a supervisor approves, each step audited in the case's
 * chain. HardshipAssistanceService answers the risk screening and the statistics inside their own transactions.
 */
@Module({
  imports: [AuditModule, CaseAccessModule],
  controllers: [CaseAssistanceController, AssistanceController],
  providers: [AssistanceWorkflowService, AssistanceQueryService, HardshipAssistanceService],
  exports: [HardshipAssistanceService],
})
export class HardshipModule {}
