import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaseAccessModule } from '../cases/case-access.module';
import { HardshipModule } from '../hardship/hardship.module';
import { ReportExportService } from './report-export.service';
import { ReportSummaryService } from './report-summary.service';
import { ReportsController } from './reports.controller';

/** Statistics for supervisors, administrators and court liaisons (issue 6 item 1), as JSON, CSV and XLSX. */
@Module({
  imports: [AuditModule, CaseAccessModule, HardshipModule],
  controllers: [ReportsController],
  providers: [ReportSummaryService, ReportExportService],
})
export class ReportsModule {}
