import { Injectable } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { runInWorker } from '../common/threads/module-worker';
import { pgClientConfigOf } from '../database/pg-client-config';
import { ChainVerification, CheckpointHead, CheckpointRecord, mergeVerifications, verifyCheckpoints } from './audit-chain';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditQueryService, AuditScope, auditScopeOf } from './audit-query.service';
import type { VerificationWorkerTask } from './audit-verification.worker';
import { AuditService } from './audit.service';
import { ChainRange, ChainRangeTask, EVERY_CHAIN, verifyChainRange } from './chain-range-verification';
import { AuditVerificationResponseDto, toAuditVerificationResponse } from './dto/audit-verification-response.dto';

/** Below this many rows in scope, starting threads would cost more than it saves. */
export const VERIFY_IN_THREADS_FROM = 10_000;

/** A thread per core for the parsing and hashing, leaving PostgreSQL's side of each range to its own backend. */
const VERIFICATION_THREADS = Math.min(4, availableParallelism());

// A young generation large enough that a FETCH batch or two of rows dies there instead of being promoted.
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64 };

/**
 * GET /api/audit/verify (DOMAIN §7): walks every chain in scope from server-side cursors through the pure
 * ChainVerifier (in worker threads, a range of chains each, when the trail is long), anchored by the chain heads and
 * by every checkpoint's heads, and checks the checkpoint chain itself.
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
    const task = { chains: chains === undefined ? undefined : [...chains], checkpointHeads: checkpointHeadsIn(checkpoints, chains) };
    const plan = await planRanges(tx, task.chains, VERIFICATION_THREADS);
    const result =
      plan.rows < VERIFY_IN_THREADS_FROM
        ? await verifyChainRange((sql, params) => tx.query(sql, params) as Promise<unknown[]>, { ...task, range: EVERY_CHAIN })
        : await this.inThreads(tx, task, plan.ranges);
    return toAuditVerificationResponse(result, verifyCheckpoints(checkpoints), checkpoints.at(-1));
  }

  /**
   * Each range in a worker thread on a connection of its own, all in this transaction's snapshot, which stays open
   * until every worker is done. The threads parse and hash on every core and keep a long verification's garbage out
   * of the heap that serves requests.
   */
  private async inThreads(tx: EntityManager, task: Omit<ChainRangeTask, 'range'>, ranges: readonly ChainRange[]): Promise<ChainVerification> {
    const [{ snapshot }] = (await tx.query('SELECT pg_export_snapshot() AS snapshot')) as { snapshot: string }[];
    const connection = pgClientConfigOf(this.dataSource.options, 'tiaojie-audit-verification');
    const parts = ranges.map((range) =>
      runInWorker<ChainVerification>(__dirname, 'audit-verification.worker', { ...task, range, connection, snapshot } satisfies VerificationWorkerTask, WORKER_LIMITS),
    );
    return mergeVerifications(await Promise.all(parts));
  }
}

/**
 * Splits the chains in scope into `count` ranges of about as many rows each, counted from the heads, with the bounds
 * chosen by the database in its own order of chain ids (see ChainRange). The first range is open below and the last
 * above, so that rows of a chain without a head, which only a forger writes, fall in one of them too.
 */
async function planRanges(tx: EntityManager, chains: readonly string[] | undefined, count: number): Promise<{ rows: number; ranges: ChainRange[] }> {
  const bounds = (await tx.query(
    `SELECT max(chain_id) AS "upTo", max(total)::float8 AS total FROM (
       SELECT chain_id, sum(last_chain_seq) OVER () AS total,
         floor($1 * (sum(last_chain_seq) OVER (ORDER BY chain_id) - last_chain_seq) / NULLIF(sum(last_chain_seq) OVER (), 0)) AS part
       FROM audit_chain_heads ${chains === undefined ? '' : 'WHERE chain_id = ANY($2::text[])'}) AS heads
     GROUP BY part ORDER BY part`,
    chains === undefined ? [count] : [count, chains],
  )) as { upTo: string; total: number }[];
  const ranges = bounds.map(({ upTo }, index) => ({ after: index === 0 ? null : bounds[index - 1].upTo, upTo: index === bounds.length - 1 ? null : upTo }));
  return { rows: bounds[0]?.total ?? 0, ranges: ranges.length === 0 ? [EVERY_CHAIN] : ranges };
}

/** Every checkpoint's position for the chains in scope, so that a chain rehashed after any of them is caught. */
function checkpointHeadsIn(checkpoints: readonly CheckpointRecord[], chains: ReadonlySet<string> | undefined): CheckpointHead[] {
  return checkpoints.flatMap((checkpoint) => checkpoint.heads.filter(([chainId]) => chains === undefined || chains.has(chainId)));
}
