import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditEntryQueryDto } from './audit-entry-query.dto';

export const AUDIT_EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/**
 * GET /api/audit/export: the list's filters that make sense for a document (case and time window, with the same
 * rules: a UUID, instants with an offset, `to` not before `from`) and the format. Paging and order are the export's
 * own business: every matching row, oldest first.
 */
export class AuditExportQueryDto extends PickType(AuditEntryQueryDto, ['caseId', 'from', 'to'] as const) {
  @ApiPropertyOptional({
    description: 'csv: UTF-8 with BOM, for people and spreadsheets; jsonl: one canonical JSON row per line, for re-hashing offline',
    enum: AUDIT_EXPORT_FORMATS,
    default: 'csv',
  })
  @IsOptional()
  @IsIn(AUDIT_EXPORT_FORMATS, { message: `format must be one of ${AUDIT_EXPORT_FORMATS.join(', ')}` })
  format?: AuditExportFormat;
}
