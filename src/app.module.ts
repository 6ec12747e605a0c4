import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { Clock } from './common/clock/clock';
import { loggerOptions } from './common/logging/logger-options';
import { AppLogger } from './common/logging/app-logger';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { AuthModule } from './auth/auth.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { SeedModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';
import { CalendarModule } from './calendar/calendar.module';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { AlertsModule } from './alerts/alerts.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { RiskPolicyModule } from './risk-policy/risk-policy.module';
import { JobsModule } from './jobs/jobs.module';
import { RiskAssessmentModule } from './risk-assessment/risk-assessment.module';
import { DeadlineTrackingModule } from './deadlines/deadline-tracking.module';
import { NotificationsModule } from './notifications/notifications.module';
import { DocumentsModule } from './documents/documents.module';
import { ReportsModule } from './reports/reports.module';
import { HardshipModule } from './hardship/hardship.module';
import { CourtModule } from './court/court.module';
import { ConsoleModule } from './console/console.module';
import type { Clock as JobClock } from 'pg-boss';

@Module({})
export class AppModule {
  static register(config: AppConfig, clock?: Clock, jobClock?: JobClock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(config, clock),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions({ url: config.databaseUrl, poolSize: config.dbPoolSize, role: config.databaseRole }),
        }),
        JobsModule.register(jobClock),
        HealthModule,
        AuthModule,
        OrganizationsModule,
        UsersModule,
        SeedModule,
        CalendarModule,
        AuditModule,
        DeadlinesModule,
        CasesModule,
        AlertsModule,
        RiskPolicyModule,
        RiskAssessmentModule,
        DeadlineTrackingModule,
        NotificationsModule,
        DocumentsModule,
        ReportsModule,
        HardshipModule,
        CourtModule,
        ConsoleModule,
      ],
      providers: [AppLogger],
    };
  }
}
