import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { RiskLevel } from '../cases/case-vocabulary';
import { Clock } from '../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { attachmentDisposition } from '../reports/content-disposition';
import type { RiskScreeningDto } from './dto/risk-screening.dto';
import { csvLedgerWriter, LEDGER_CONTENT_TYPES, LEDGER_TITLE, type LedgerFileFormat, type LedgerFileHead, xlsxLedgerWriter } from './ledger-file';
import { RISK_LEVEL_LABELS } from './risk-labels';
import { ledgerBatches } from './screening-ledger';

/**
 * Rows per FETCH, and per stretch of writing them without yielding: a workbook takes ~60 µs a row on the 2-core VM,
 * so other requests wait at most ~60 ms behind an export.
 */
export const LEDGER_EXPORT_BATCH_SIZE = 1_000;

export interface LedgerFile {
  readonly contentType: string;
  readonly contentDisposition: string;
  readonly body: Buffer;
}

/**
 * A screening's ledger (台账), whole or of one level, as a file: the console shows it a page at a time, and what gets
 * filed or sent up is all of it. Rows and assistance standings are read in one snapshot; the download is audited
 * (DOMAIN §7: exports) once the file exists, so a failed rendering records no export.
 */
@Injectable()
export class LedgerExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async file(actor: Actor, screening: Omit<RiskScreeningDto, 'cases'>, level: RiskLevel | undefined, format: LedgerFileFormat, requestId: string): Promise<LedgerFile> {
    const exportedAt = this.clock.now();
    const { body, rows } = await this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      const [organization] = (await tx.query('SELECT name FROM organizations WHERE id = $1', [screening.organizationId])) as { name: string }[];
      const head: LedgerFileHead = { organizationName: organization.name, screening, level, exportedAt, exportedBy: actor.displayName, timeZone: this.config.legalTimeZone };
      const writer = format === 'csv' ? csvLedgerWriter(head) : xlsxLedgerWriter(head);
      for await (const batch of ledgerBatches(tx, screening, level, LEDGER_EXPORT_BATCH_SIZE)) writer.rows(batch);
      return writer.finish();
    });
    await this.dataSource.transaction((tx) =>
      this.audit.append(tx, {
        actor: { userId: actor.id, role: actor.role },
        orgId: actor.organizationId,
        category: 'REPORT',
        action: 'LEDGER_EXPORTED',
        requestId,
        payload: { screeningId: screening.id, asOf: screening.asOf, format: format.toUpperCase(), level: level ?? null, rows },
      }),
    );
    // The level in the name, as a code in the ASCII stand-in and in Chinese in the real name.
    const [code, label] = level === undefined ? ['', ''] : [`_${level}`, `_${RISK_LEVEL_LABELS[level]}`];
    return {
      contentType: LEDGER_CONTENT_TYPES[format],
      contentDisposition: attachmentDisposition(`tiaojie-ledger_${screening.asOf}${code}.${format}`, `${LEDGER_TITLE}_${screening.asOf}${label}.${format}`),
      body,
    };
  }
}
