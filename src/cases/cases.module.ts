import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { CaseAccessModule } from './case-access.module';
import { RiskAssessmentModule } from '../risk-assessment/risk-assessment.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { CaseIntakeService } from './case-intake.service';
import { CaseQueryService } from './case-query.service';
import { CaseRevealService } from './case-reveal.service';
import { CasesController } from './cases.controller';
import { CaseEventsController } from './case-events.controller';
import { CaseRoutesController } from './routes/case-routes.controller';
import { CaseWorkflowService } from './case-workflow.service';
import { CaseHistoryService } from './case-history.service';
import { IdempotencyStore } from '../common/idempotency/idempotency.store';
import { piiCipherProvider } from './pii-cipher.provider';

@Module({
  imports: [AuditModule, CalendarModule, DeadlinesModule, CaseAccessModule, RiskAssessmentModule, NotificationsModule],
  controllers: [CasesController, CaseEventsController, CaseRoutesController],
  providers: [piiCipherProvider, CaseQueryService, CaseIntakeService, CaseRevealService, CaseWorkflowService, CaseHistoryService, IdempotencyStore],
  exports: [piiCipherProvider, CaseAccessModule, CaseQueryService, CaseWorkflowService],
})
export class CasesModule {}
