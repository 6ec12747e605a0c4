import { canonicalJson, CanonicalJsonError } from '../../common/json/canonical-json';
import type { AuditRecord, CheckpointHead } from '../audit-chain';
import type { CheckpointAnchorDto } from './audit-checkpoint-response.dto';
import type { AuditExportFormat } from './audit-export-query.dto';
import type { ChainBreakDto, CheckpointBreakDto } from './audit-verification-response.dto';

/**
 * The files GET /api/audit/export writes, framework-free so that the format can be read here in one place.
 *
 * **CSV** (`text/csv`, UTF-8 with a BOM so that spreadsheet programs read the Chinese text, CRLF line ends, RFC 4180
 * quoting): a header line with the columns below, then one line per row in global seq order. Cells hold the stored
 * values verbatim, so that the row can still be re-hashed: empty for null, except `payload`, which is always the
 * row's payload as canonical JSON (`null` when there is none). No data line can start with `#`, since every one
 * starts with its seq. After the rows comes the trailer, CSV lines whose first cell starts with `#`:
 *
 * | Line | Cells |
 * |---|---|
 * | `#TRAILER` | format version (`tiaojie-audit-export/1`) |
 * | `#EXPORTED` | instant (UTC), user id, role |
 * | `#FILTERS` | caseId, from, to (empty when not given) |
 * | `#ROWS` | data lines above |
 * | `#CHAIN_HEAD` | chainId, chainSeq, hash — one line per chain in the export's scope, by chainId |
 * | `#CHECKPOINT` | cpSeq, at, hash of the latest checkpoint, or the single cell `none` |
 * | `#VERIFY` | ok (`true`/`false`), rows checked |
 * | `#VERIFY_FIRST_BROKEN` | seq, chainId, chainSeq, caseId, kind — only when a chain is broken |
 * | `#VERIFY_CHECKPOINT_BROKEN` | cpSeq, kind — only when the checkpoint chain is broken |
 * | `#EXPORT_AUDIT` | seq, chainId, chainSeq, hash of the AUDIT_EXPORTED row recording this export |
 * | `#END` | — |
 *
 * **JSON Lines** (`application/x-ndjson`, UTF-8, LF): one row per line as RFC 8785 canonical JSON of all seventeen
 * fields, i.e. exactly the text that was hashed plus `hash` itself: `sha256(prevHash ‖ canonicalJSON(line without
 * hash))` must give `hash` (audit-chain.ts `hashRecord`). The last line is `{"trailer": {…}}` with the facts of
 * the CSV trailer as an object (heads as `[chainId, chainSeq, hash]` triples, as checkpoints store them).
 *
 * A file without its trailer is incomplete: the status line is sent before the rows, so a failure mid-stream can
 * only cut the file short.
 */

export const AUDIT_EXPORT_FORMAT_VERSION = 'tiaojie-audit-export/1';

/** The CSV columns, fixed: every field of a stored row, in DOMAIN §7's order. */
export const AUDIT_EXPORT_CSV_COLUMNS = [
  'seq',
  'chainId',
  'chainSeq',
  'at',
  'actorUserId',
  'actorRole',
  'orgId',
  'caseId',
  'category',
  'action',
  'fromState',
  'toState',
  'caseVersion',
  'requestId',
  'payload',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditRecord)[];

export interface AuditExportFilters {
  caseId: string | null;
  from: string | null;
  to: string | null;
}

/** What was verified, in the snapshot the rows were read from. */
export interface AuditExportVerification {
  ok: boolean;
  checked: number;
  firstBroken?: ChainBreakDto;
  checkpointBroken?: CheckpointBreakDto;
}

export interface AuditExportTrailer {
  format: typeof AUDIT_EXPORT_FORMAT_VERSION;
  exportedAt: string;
  exportedBy: { userId: string; role: string };
  filters: AuditExportFilters;
  rows: number;
  /** Every chain of the export's scope as it stood in the snapshot, by chainId. */
  heads: CheckpointHead[];
  checkpoint: CheckpointAnchorDto | null;
  verify: AuditExportVerification;
  /** The AUDIT_EXPORTED row; it is written after the snapshot, so it is not among the rows or heads above. */
  exportAudit: { seq: string; chainId: string; chainSeq: number; hash: string };
}

export interface AuditExportWriter {
  readonly contentType: string;
  readonly extension: string;
  header(): string;
  rows(records: readonly AuditRecord[]): string;
  trailer(trailer: AuditExportTrailer): string;
}

const CSV_LINE_END = '\r\n';
const BOM = '\uFEFF';

const csvWriter: AuditExportWriter = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  header: () => BOM + csvLine(AUDIT_EXPORT_CSV_COLUMNS),
  rows: (records) => records.map((record) => csvLine(AUDIT_EXPORT_CSV_COLUMNS.map((column) => csvValue(record, column)))).join(''),
  trailer: (trailer) => csvTrailerLines(trailer).map(csvLine).join(''),
};

const jsonLinesWriter: AuditExportWriter = {
  contentType: 'application/x-ndjson; charset=utf-8',
  extension: 'jsonl',
  header: () => '',
  rows: (records) => records.map((record) => `${rowJson(record)}\n`).join(''),
  trailer: (trailer) => `${canonicalJson({ trailer })}\n`,
};

export function exportWriterFor(format: AuditExportFormat): AuditExportWriter {
  return format === 'jsonl' ? jsonLinesWriter : csvWriter;
}

function csvValue(record: AuditRecord, column: (typeof AUDIT_EXPORT_CSV_COLUMNS)[number]): string | number | null {
  if (column === 'payload') return rowJson(record.payload ?? null);
  return record[column];
}

// Only a row altered behind the application's back can hold what canonical JSON refuses (a number jsonb keeps but
// JavaScript reads as Infinity). It is still exported, as plain JSON; it cannot hash right, and the trailer's
// verification names it, instead of the whole export failing on it.
function rowJson(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return JSON.stringify(value);
    throw error;
  }
}

function csvTrailerLines(trailer: AuditExportTrailer): (string | number | null)[][] {
  const { filters, verify, checkpoint, exportAudit } = trailer;
  return [
    ['#TRAILER', trailer.format],
    ['#EXPORTED', trailer.exportedAt, trailer.exportedBy.userId, trailer.exportedBy.role],
    ['#FILTERS', filters.caseId, filters.from, filters.to],
    ['#ROWS', trailer.rows],
    ...trailer.heads.map(([chainId, chainSeq, hash]) => ['#CHAIN_HEAD', chainId, chainSeq, hash]),
    checkpoint === null ? ['#CHECKPOINT', 'none'] : ['#CHECKPOINT', checkpoint.cpSeq, checkpoint.at, checkpoint.hash],
    ['#VERIFY', String(verify.ok), verify.checked],
    ...(verify.firstBroken === undefined
      ? []
      : [['#VERIFY_FIRST_BROKEN', verify.firstBroken.seq, verify.firstBroken.chainId, verify.firstBroken.chainSeq, verify.firstBroken.caseId ?? null, verify.firstBroken.kind]]),
    ...(verify.checkpointBroken === undefined ? [] : [['#VERIFY_CHECKPOINT_BROKEN', verify.checkpointBroken.cpSeq, verify.checkpointBroken.kind]]),
    ['#EXPORT_AUDIT', exportAudit.seq, exportAudit.chainId, exportAudit.chainSeq, exportAudit.hash],
    ['#END'],
  ];
}

function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',') + CSV_LINE_END;
}

// RFC 4180: quote a cell that holds a separator, a quote or a line break, doubling its quotes. Nothing else is
// touched, so a cell reads back as the stored value and the row still hashes the same.
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
