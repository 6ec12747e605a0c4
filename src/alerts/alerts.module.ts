import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CaseAccessModule } from '../cases/case-access.module';
import { AlertEscalationWorker } from './alert-escalation.worker';
import { AlertHandlingService } from './alert-handling.service';
import { AlertNotifier, OutboxAlertNotifier } from './alert-notifier';
import { NotificationsModule } from '../notifications/notifications.module';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/**
 * Alerts: raising them inside other modules' transactions (deadline timers, risk), escalating RED ones, and the desk's
 * `/api/alerts`. Case access comes from CaseAccessModule, not CasesModule, which reaches this module through risk
 * assessment.
 */
@Module({
  imports: [AuditModule, CalendarModule, CaseAccessModule, NotificationsModule],
  controllers: [AlertsController],
  providers: [AlertsService, AlertHandlingService, AlertEscalationWorker, { provide: AlertNotifier, useClass: OutboxAlertNotifier }],
  exports: [AlertsService],
})
export class AlertsModule {}
