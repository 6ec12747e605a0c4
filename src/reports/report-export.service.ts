import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { attachmentDisposition } from './content-disposition';
import { toCsv } from './csv';
import type { SummaryQueryDto } from './dto/summary-query.dto';
import { ReportSummaryService } from './report-summary.service';
import { summaryTables } from './summary-tables';
import { toXlsx } from './summary-xlsx';

export type ReportFormat = 'csv' | 'xlsx';

export interface ReportFile {
  readonly contentType: string;
  readonly contentDisposition: string;
  readonly body: Buffer;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The summary as a file to download. Each download is audited (DOMAIN §7: exports), the JSON view is not. */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly summaries: ReportSummaryService,
    private readonly audit: AuditService,
  ) {}

  async summaryFile(actor: Actor, query: SummaryQueryDto, format: ReportFormat, requestId: string): Promise<ReportFile> {
    const report = await this.summaries.summary(actor, query);
    const tables = summaryTables(report);
    const body = format === 'csv' ? Buffer.from(toCsv(tables), 'utf8') : await toXlsx(tables, new Date(report.generatedAt));
    // The summary is read in its own read-only snapshot; the audit row is written once the file exists, so a failed
    // rendering records no export.
    await this.dataSource.transaction((tx) =>
      this.audit.append(tx, {
        actor: { userId: actor.id, role: actor.role },
        orgId: actor.organizationId,
        category: 'REPORT',
        action: 'REPORT_EXPORTED',
        requestId,
        payload: { report: 'SUMMARY', format: format.toUpperCase(), from: query.from, to: query.to, groupBy: query.groupBy ?? null },
      }),
    );
    return {
      contentType: CONTENT_TYPES[format],
      contentDisposition: attachmentDisposition(`tiaojie-summary_${query.from}_${query.to}.${format}`, `调解统计报表_${query.from}至${query.to}.${format}`),
      body,
    };
  }
}
