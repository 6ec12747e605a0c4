import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock/clock';
import { checkpointHash, CheckpointHead, CheckpointRecord, GENESIS_HASH, normalizeAt } from './audit-chain';
import { AuditError } from './audit.errors';
import { AuditQueryService, auditScopeOf } from './audit-query.service';
import { AuditService } from './audit.service';
import { AuditCheckpointResponseDto, CreateCheckpointResponseDto, toAuditCheckpointResponse } from './dto/audit-checkpoint-response.dto';

// Any constant works as long as every instance uses the same one: it keeps two instances from writing two checkpoints
// with the same cpSeq or racing over which chains the next one covers.
const CHECKPOINT_LOCK_KEY = 7_150_211_0701;

const CHECKPOINT_COLUMNS = `cp_seq::text AS "cpSeq", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  heads, prev_cp_hash AS "prevCpHash", hash`;

interface CheckpointRow {
  cpSeq: string;
  at: string;
  heads: unknown;
  prevCpHash: string;
  hash: string;
}

interface HeadRow {
  chain_id: string;
  last_chain_seq: number;
  last_hash: string;
}

/**
 * The global checkpoint (DOMAIN §7): now and then, the heads of every chain that moved are hashed into one more link
 * of a chain of checkpoints. A printed checkpoint is the anchor a database owner cannot recompute: rehashing a case's
 * chain after it was checkpointed changes the hash at the anchored position.
 */
@Injectable()
export class AuditCheckpointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly query: AuditQueryService,
  ) {}

  /**
   * Appends a checkpoint over the chains that grew since the last one, or answers null when none did. Joins the
   * caller's transaction, or opens one: the advisory lock is held until commit, so that a second instance waits and
   * then finds nothing new instead of writing the same cpSeq.
   */
  async createCheckpoint(manager: EntityManager): Promise<CheckpointRecord | null> {
    if (manager.queryRunner?.isTransactionActive !== true) return manager.transaction((tx) => this.appendCheckpoint(tx));
    return this.appendCheckpoint(manager);
  }

  /** ADMIN's forced checkpoint, audited in their organization's chain in the same transaction. */
  async force(viewer: Actor, requestId: string): Promise<CreateCheckpointResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      const checkpoint = await this.createCheckpoint(tx);
      if (checkpoint === null) {
        const latest = await this.latestIn(tx);
        return { created: false, checkpoint: latest === undefined ? null : toAuditCheckpointResponse(latest) };
      }
      await this.audit.append(tx, {
        actor: { userId: viewer.id, role: viewer.role },
        orgId: viewer.organizationId,
        category: 'SYSTEM',
        action: 'AUDIT_CHECKPOINT_CREATED',
        requestId,
        payload: { cpSeq: checkpoint.cpSeq, hash: checkpoint.hash, chainCount: checkpoint.heads.length },
      });
      return { created: true, checkpoint: toAuditCheckpointResponse(checkpoint) };
    });
  }

  /** A supervisor sees only the heads of their organization's chains; the hash still covers all of them. */
  async latest(viewer: Actor): Promise<AuditCheckpointResponseDto> {
    const scope = auditScopeOf(viewer);
    const latest = await this.latestIn(this.dataSource.manager);
    if (latest === undefined) throw AuditError.noCheckpointYet();
    const visible = await this.query.chainsInScope(this.dataSource.manager, scope, latest.heads.map(([chainId]) => chainId));
    return toAuditCheckpointResponse(latest, visible);
  }

  /** Every checkpoint in cpSeq order. They are hourly, so years of them fit in memory, unlike the rows. */
  async all(manager: EntityManager): Promise<CheckpointRecord[]> {
    const rows = (await manager.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY cp_seq`)) as CheckpointRow[];
    return rows.map(toCheckpointRecord);
  }

  private async latestIn(manager: EntityManager): Promise<CheckpointRecord | undefined> {
    const rows = (await manager.query(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints ORDER BY cp_seq DESC LIMIT 1`)) as CheckpointRow[];
    return rows.length === 0 ? undefined : toCheckpointRecord(rows[0]);
  }

  private async appendCheckpoint(tx: EntityManager): Promise<CheckpointRecord | null> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK_KEY]);
    const heads = await this.changedHeads(tx);
    if (heads.length === 0) return null;
    const previous = await this.latestIn(tx);
    const unsealed = {
      cpSeq: (previous?.cpSeq ?? 0) + 1,
      at: normalizeAt(this.clock.now()),
      heads,
      prevCpHash: previous?.hash ?? GENESIS_HASH,
    };
    const checkpoint: CheckpointRecord = { ...unsealed, hash: checkpointHash(unsealed) };
    await tx.query('INSERT INTO audit_checkpoints (cp_seq, at, heads, prev_cp_hash, hash) VALUES ($1, $2, $3, $4, $5)', [
      checkpoint.cpSeq,
      checkpoint.at,
      JSON.stringify(checkpoint.heads),
      checkpoint.prevCpHash,
      checkpoint.hash,
    ]);
    return checkpoint;
  }

  /**
   * Chains longer than any checkpoint recorded them. Compared by position, not by "rows written since the last
   * checkpoint": seq and `at` are taken before commit, so a slow transaction could commit a row older than the last
   * checkpoint after it was taken. A chain that has become shorter is never re-anchored, so a cut tail stays visible.
   */
  private async changedHeads(tx: EntityManager): Promise<CheckpointHead[]> {
    const rows = (await tx.query(`
      WITH recorded AS (
        SELECT h ->> 0 AS chain_id, max((h ->> 1)::int) AS chain_seq
        FROM audit_checkpoints CROSS JOIN LATERAL jsonb_array_elements(heads) AS h
        GROUP BY h ->> 0)
      SELECT c.chain_id, c.last_chain_seq, c.last_hash
      FROM audit_chain_heads c LEFT JOIN recorded r ON r.chain_id = c.chain_id
      WHERE c.last_chain_seq > coalesce(r.chain_seq, 0)`)) as HeadRow[];
    return rows
      .map((row): CheckpointHead => [row.chain_id, row.last_chain_seq, row.last_hash])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function isHead(value: unknown): value is CheckpointHead {
  return Array.isArray(value) && value.length === 3 && typeof value[0] === 'string' && Number.isSafeInteger(value[1]) && typeof value[2] === 'string';
}

/**
 * A checkpoint whose heads are not a list of [chainId, chainSeq, hash] cannot be the one that was hashed; it is read
 * with an empty hash so that verification reports it as ALTERED instead of failing on it.
 */
function toCheckpointRecord(row: CheckpointRow): CheckpointRecord {
  const readable = Array.isArray(row.heads) && row.heads.every(isHead);
  return {
    cpSeq: Number(row.cpSeq),
    at: row.at,
    heads: readable ? (row.heads as CheckpointHead[]) : [],
    prevCpHash: row.prevCpHash,
    hash: readable ? row.hash : '',
  };
}
