import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock/clock';
import { AuditRecord, CheckpointHead, normalizeAt } from './audit-chain';
import { AuditQueryService, auditRowConditions, AuditScope, auditScopeOf } from './audit-query.service';
import { AUDIT_RECORD_COLUMNS } from './audit-record-columns';
import { AuditVerificationService } from './audit-verification.service';
import { AuditService } from './audit.service';
import {
  AUDIT_EXPORT_FORMAT_VERSION,
  AuditExportFilters,
  AuditExportTrailer,
  AuditExportVerification,
  AuditExportWriter,
  exportWriterFor,
} from './dto/audit-export-file';
import type { AuditExportQueryDto } from './dto/audit-export-query.dto';
import type { AuditVerificationResponseDto } from './dto/audit-verification-response.dto';

/** Rows per FETCH and per chunk written: memory holds about one batch, however long the trail. */
export const AUDIT_EXPORT_BATCH_SIZE = 1000;

const CURSOR = 'audit_export';

export interface AuditExportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Readable;
}

interface ExportPlan {
  readonly viewer: Actor;
  readonly scope: AuditScope;
  readonly filters: AuditExportFilters;
  readonly writer: AuditExportWriter;
  readonly requestId: string;
}

/** What the snapshot says besides the rows: the trailer's facts, all from the same moment. */
interface SnapshotSeal {
  readonly heads: CheckpointHead[];
  readonly verification: AuditVerificationResponseDto;
}

interface HeadRow {
  chain_id: string;
  last_chain_seq: number;
  last_hash: string;
}

/**
 * GET /api/audit/export (issue 6): the rows GET /api/audit would show, all of them, oldest first, as a file that can be
 * checked later. Everything comes from one REPEATABLE READ snapshot held open while the file streams: the rows
 * through a server-side cursor, a batch at a time and only as fast as the client reads, then the heads of the
 * chains in scope and their verification, so that the trailer speaks of exactly the rows above it. Payloads were
 * masked before they were hashed and are written as stored; nothing is decrypted.
 */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly query: AuditQueryService,
    private readonly verification: AuditVerificationService,
  ) {}

  /**
   * Takes the snapshot and opens the cursor before a byte is sent, so that a refusal or a database error still gets
   * an ordinary error response; after that, a failure can only cut the file short, before its trailer.
   */
  async open(viewer: Actor, query: AuditExportQueryDto, requestId: string): Promise<AuditExportFile> {
    const plan: ExportPlan = {
      viewer,
      scope: auditScopeOf(viewer),
      filters: { caseId: query.caseId?.toLowerCase() ?? null, from: query.from ?? null, to: query.to ?? null },
      writer: exportWriterFor(query.format ?? 'csv'),
      requestId,
    };
    const runner = await this.openSnapshot(plan);
    const body: Readable = Readable.from(this.produce(runner, plan, () => body.destroyed), { objectMode: false, highWaterMark: 1 });
    const stamp = normalizeAt(this.clock.now()).replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    return { fileName: `audit-export-${stamp}.${plan.writer.extension}`, contentType: plan.writer.contentType, body };
  }

  private async openSnapshot(plan: ExportPlan): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const { caseId, from, to } = plan.filters;
      // The same rows GET /api/audit lists under these filters.
      const { where, params } = auditRowConditions(plan.scope, { caseId: caseId ?? undefined, from: from ?? undefined, to: to ?? undefined });
      // Qualified: a bare `seq` would name the output column, which is text, and sort 10 before 9.
      await runner.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries ${where} ORDER BY audit_entries.seq`, params);
      return runner;
    } catch (error) {
      await closeSnapshot(runner);
      throw error;
    }
  }

  /**
   * AUDIT_EXPORTED is written after the last row has gone out and before the trailer: a stream that fails or is
   * abandoned earlier leaves no record claiming an export that never reached anyone, and a file with a trailer always
   * has its record. If the record cannot be written, the file ends without a trailer, visibly incomplete. Only a
   * client that drops in the moment between the record and the trailer leaves a record of a file it holds all rows
   * of but cannot prove complete.
   */
  private async *produce(runner: QueryRunner, plan: ExportPlan, abandoned: () => boolean): AsyncGenerator<Buffer> {
    let read: { rows: number; seal: SnapshotSeal };
    try {
      read = yield* this.readSnapshot(runner, plan);
    } finally {
      await closeSnapshot(runner);
    }
    if (abandoned()) return;
    const exportAudit = await this.record(plan, read.rows, read.seal.verification);
    yield Buffer.from(plan.writer.trailer(this.trailerOf(plan, read.rows, read.seal, exportAudit)));
  }

  /** The header and the rows, a batch per chunk, then what the trailer needs from the same snapshot. */
  private async *readSnapshot(runner: QueryRunner, plan: ExportPlan): AsyncGenerator<Buffer, { rows: number; seal: SnapshotSeal }> {
    const header = plan.writer.header();
    if (header !== '') yield Buffer.from(header);
    let rows = 0;
    for (;;) {
      const batch = (await runner.query(`FETCH ${AUDIT_EXPORT_BATCH_SIZE} FROM ${CURSOR}`)) as AuditRecord[];
      rows += batch.length;
      if (batch.length > 0) yield Buffer.from(plan.writer.rows(batch));
      if (batch.length < AUDIT_EXPORT_BATCH_SIZE) break;
    }
    await runner.query(`CLOSE ${CURSOR}`);
    const seal = await this.sealOf(runner.manager, plan);
    await runner.commitTransaction();
    return { rows, seal };
  }

  /** The chains the export speaks of: the viewer's, narrowed to one case's chain when it asks for one case. */
  private async sealOf(manager: EntityManager, plan: ExportPlan): Promise<SnapshotSeal> {
    const caseChain = plan.filters.caseId === null ? undefined : [`case:${plan.filters.caseId}`];
    const chains = plan.scope.all && caseChain !== undefined ? new Set(caseChain) : await this.query.chainsInScope(manager, plan.scope, caseChain);
    const heads = await headsOf(manager, chains);
    return { heads, verification: await this.verification.verifyChainsIn(manager, chains) };
  }

  private record(plan: ExportPlan, rows: number, verified: AuditExportVerification): Promise<AuditRecord> {
    return this.dataSource.transaction((tx) =>
      this.audit.append(tx, {
        actor: { userId: plan.viewer.id, role: plan.viewer.role },
        orgId: plan.viewer.organizationId,
        category: 'SYSTEM',
        action: 'AUDIT_EXPORTED',
        requestId: plan.requestId,
        payload: { format: plan.writer.extension, filters: plan.filters, rows, verified: { ok: verified.ok, checked: verified.checked } },
      }),
    );
  }

  private trailerOf(plan: ExportPlan, rows: number, seal: SnapshotSeal, exportAudit: AuditRecord): AuditExportTrailer {
    const { checkpoint, ...verify } = seal.verification;
    return {
      format: AUDIT_EXPORT_FORMAT_VERSION,
      exportedAt: exportAudit.at,
      exportedBy: { userId: plan.viewer.id, role: plan.viewer.role },
      filters: plan.filters,
      rows,
      heads: seal.heads,
      checkpoint,
      verify,
      exportAudit: { seq: exportAudit.seq, chainId: exportAudit.chainId, chainSeq: exportAudit.chainSeq, hash: exportAudit.hash },
    };
  }
}

// Byte order ("C"), not the database's collation: the order a reader sorting the chain ids themselves would get.
async function headsOf(manager: EntityManager, chains: ReadonlySet<string> | undefined): Promise<CheckpointHead[]> {
  const select = 'SELECT chain_id, last_chain_seq, last_hash FROM audit_chain_heads';
  const order = 'ORDER BY chain_id COLLATE "C"';
  const rows = (chains === undefined
    ? await manager.query(`${select} ${order}`)
    : await manager.query(`${select} WHERE chain_id = ANY($1::text[]) ${order}`, [[...chains]])) as HeadRow[];
  return rows.map((row): CheckpointHead => [row.chain_id, row.last_chain_seq, row.last_hash]);
}

// Also runs when the client goes away mid-file: the stream is destroyed, the generator returns, the snapshot ends.
async function closeSnapshot(runner: QueryRunner): Promise<void> {
  try {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
  } finally {
    await runner.release();
  }
}
