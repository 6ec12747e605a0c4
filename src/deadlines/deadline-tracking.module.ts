import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { RiskAssessmentModule } from '../risk-assessment/risk-assessment.module';
import { DeadlineListService } from './deadline-list.service';
import { DeadlineRecomputeService } from './deadline-recompute.service';
import { DeadlinesModule } from './deadlines.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DeadlineTimerWorker } from './deadline-timer.worker';
import { DeadlinesController } from './deadlines.controller';

/** What sits on top of cases: the cross-case deadline list and the timers that fire when deadlines run out. */
@Module({
  imports: [AuditModule, AlertsModule, CalendarModule, CasesModule, DeadlinesModule, RiskAssessmentModule],
  controllers: [DeadlinesController],
  providers: [DeadlineListService, DeadlineTimerWorker, DeadlineRecomputeService],
})
export class DeadlineTrackingModule {}
