import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { CaseAccessService } from './case-access.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseQueryService } from './case-query.service';
import { CaseRevealService } from './case-reveal.service';
import { CasesController } from './cases.controller';
import { CaseEventsController } from './case-events.controller';
import { CaseWorkflowService } from './case-workflow.service';
import { CaseHistoryService } from './case-history.service';
import { IdempotencyStore } from '../common/idempotency/idempotency.store';
import { piiCipherProvider } from './pii-cipher.provider';

@Module({
  imports: [AuditModule, CalendarModule, DeadlinesModule],
  controllers: [CasesController, CaseEventsController],
  providers: [piiCipherProvider, CaseAccessService, CaseQueryService, CaseIntakeService, CaseRevealService, CaseWorkflowService, CaseHistoryService, IdempotencyStore],
  exports: [piiCipherProvider, CaseAccessService, CaseQueryService, CaseWorkflowService],
})
export class CasesModule {}
