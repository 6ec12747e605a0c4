import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditRecord, ChainHead, CheckpointHead, CheckpointRecord, ChainVerifier, verifyCheckpoints } from './audit-chain';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AUDIT_RECORD_COLUMNS, AuditQueryService, AuditScope, auditScopeOf } from './audit-query.service';
import { AuditService } from './audit.service';
import { AuditVerificationResponseDto, toAuditVerificationResponse } from './dto/audit-verification-response.dto';

/** Rows per FETCH: memory stays flat however long the trail grows. */
const FETCH_SIZE = 1000;

interface HeadRow {
  chain_id: string;
  last_chain_seq: number;
  last_hash: string;
}

/**
 * GET /api/audit/verify (DOMAIN §7): walks every chain in scope from a server-side cursor through the pure
 * ChainVerifier, anchored by the chain heads and by every checkpoint's heads, and checks the checkpoint chain itself.
 */
@Injectable()
export class AuditVerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: AuditQueryService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  /** The verification is itself audited, after it ran: its read-only snapshot cannot hold the row it writes. */
  async verify(viewer: Actor, requestId: string): Promise<AuditVerificationResponseDto> {
    const scope = auditScopeOf(viewer);
    const result = await this.dataSource.transaction('REPEATABLE READ', (tx) => this.verifyIn(tx, scope));
    await this.dataSource.transaction((tx) =>
      this.audit.append(tx, {
        actor: { userId: viewer.id, role: viewer.role },
        orgId: viewer.organizationId,
        category: 'SYSTEM',
        action: 'AUDIT_VERIFIED',
        requestId,
        payload: { ok: result.ok, checked: result.checked },
      }),
    );
    return result;
  }

  /**
   * Heads, checkpoints and rows are read in one snapshot: an append that commits halfway through would otherwise show
   * up as a row beyond its head, or a head beyond its rows.
   */
  private async verifyIn(tx: EntityManager, scope: AuditScope): Promise<AuditVerificationResponseDto> {
    await tx.query('SET TRANSACTION READ ONLY');
    return this.verifyChainsIn(tx, await this.query.chainsInScope(tx, scope));
  }

  /**
   * Verifies `chains` (undefined: every chain) inside the caller's REPEATABLE READ transaction, writing nothing. The
   * export calls it in the snapshot its rows were streamed from, so the result it prints speaks of exactly those rows.
   */
  async verifyChainsIn(tx: EntityManager, chains: ReadonlySet<string> | undefined): Promise<AuditVerificationResponseDto> {
    const checkpoints = await this.checkpoints.all(tx);
    const verifier = new ChainVerifier(await this.heads(tx, chains), checkpointHeadsIn(checkpoints, chains));
    for await (const batch of this.batches(tx, chains)) for (const row of batch) verifier.push(row);
    return toAuditVerificationResponse(verifier.finish(), verifyCheckpoints(checkpoints), checkpoints.at(-1));
  }

  private async heads(tx: EntityManager, chains: ReadonlySet<string> | undefined): Promise<Map<string, ChainHead>> {
    const rows = (chains === undefined
      ? await tx.query('SELECT chain_id, last_chain_seq, last_hash FROM audit_chain_heads')
      : await tx.query('SELECT chain_id, last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = ANY($1::text[])', [[...chains]])) as HeadRow[];
    return new Map(rows.map((row) => [row.chain_id, { lastChainSeq: row.last_chain_seq, lastHash: row.last_hash }]));
  }

  /**
   * Ordered by (chain_id, chain_seq), which the unique key's index serves without a sort. The next batch is asked for
   * before this one is handed out: PostgreSQL reads and prints it on the other core while this one is hashed, instead
   * of both sides taking turns.
   */
  private async *batches(tx: EntityManager, chains: ReadonlySet<string> | undefined): AsyncGenerator<AuditRecord[]> {
    const filter = chains === undefined ? '' : 'WHERE chain_id = ANY($1::text[])';
    await tx.query(
      `DECLARE audit_verification NO SCROLL CURSOR FOR SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries ${filter} ORDER BY chain_id, chain_seq`,
      chains === undefined ? [] : [[...chains]],
    );
    let next = fetchBatch(tx);
    for (;;) {
      const batch = await next;
      const more = batch.length === FETCH_SIZE;
      if (more) next = fetchBatch(tx);
      yield batch;
      if (!more) break;
    }
    await tx.query('CLOSE audit_verification');
  }
}

function fetchBatch(tx: EntityManager): Promise<AuditRecord[]> {
  const batch = tx.query(`FETCH ${FETCH_SIZE} FROM audit_verification`) as Promise<AuditRecord[]>;
  // A batch asked for ahead may fail after its consumer gave up (the verifier threw, the transaction rolls back):
  // nobody awaits it then, and an unhandled rejection would end the process.
  batch.catch(() => undefined);
  return batch;
}

/** Every checkpoint's position for the chains in scope, so that a chain rehashed after any of them is caught. */
function checkpointHeadsIn(checkpoints: readonly CheckpointRecord[], chains: ReadonlySet<string> | undefined): CheckpointHead[] {
  return checkpoints.flatMap((checkpoint) => checkpoint.heads.filter(([chainId]) => chains === undefined || chains.has(chainId)));
}
