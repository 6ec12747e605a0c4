import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { maskPayload } from '../common/pii/mask-payload';
import { AuditRecord, chainIdFor, GENESIS_HASH, nextLink, normalizeAt, sealRecord } from './audit-chain';

export type AuditCategory = 'CASE' | 'DIRECTORY' | 'ACCESS' | 'RISK' | 'REPORT' | 'SYSTEM';

export interface AuditActor {
  userId: string | null;
  /** A user's role, or SYSTEM for timers and start-up tasks. */
  role: string;
}

export interface AuditEntryInput {
  actor: AuditActor;
  orgId: string | null;
  caseId?: string | null;
  category: AuditCategory;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  caseVersion?: number | null;
  requestId?: string | null;
  payload?: unknown;
}

interface HeadRow {
  last_chain_seq: number;
  last_hash: string;
}

// uuid columns read back in lower case; hashing an upper-case id would make an honest row look ALTERED.
function withCanonicalIds(input: AuditEntryInput): AuditEntryInput {
  const lower = (id: string | null | undefined) => (typeof id === 'string' ? id.toLowerCase() : id);
  return { ...input, orgId: lower(input.orgId) ?? null, caseId: lower(input.caseId), actor: { ...input.actor, userId: lower(input.actor.userId) ?? null } };
}

/**
 * Appends to the hash-chained trail inside the caller's transaction, so the entry exists exactly when the change it
 * records does. Only the row's own chain head is locked: unrelated cases never wait on each other (DOMAIN §7).
 */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  async append(tx: EntityManager, given: AuditEntryInput): Promise<AuditRecord> {
    const input = withCanonicalIds(given);
    const chainId = chainIdFor({ caseId: input.caseId, orgId: input.orgId });
    const { seq, ...head } = await this.lockHead(tx, chainId);
    const record = sealRecord({
      seq,
      chainId,
      ...nextLink({ lastChainSeq: head.last_chain_seq, lastHash: head.last_hash }),
      at: normalizeAt(this.clock.now()),
      actorUserId: input.actor.userId,
      actorRole: input.actor.role,
      orgId: input.orgId,
      caseId: input.caseId ?? null,
      category: input.category,
      action: input.action,
      fromState: input.fromState ?? null,
      toState: input.toState ?? null,
      caseVersion: input.caseVersion ?? null,
      requestId: input.requestId ?? null,
      payload: input.payload === undefined ? null : maskPayload(input.payload),
    });
    await this.insertAndAdvance(tx, record);
    return record;
  }

  /**
   * Every statement is a round trip, which is most of what a transition costs, so the head is locked and the entry's
   * seq drawn in one statement. nextval sits outside the locking subquery so that it runs once the lock is held:
   * within a chain, seq then rises with chain_seq. A new chain starts from a genesis head (seq 0, hash of zeros); ON
   * CONFLICT makes two first appends to one chain meet on the same row lock instead of failing.
   */
  private async lockHead(tx: EntityManager, chainId: string): Promise<HeadRow & { seq: string }> {
    const select = `SELECT h.last_chain_seq, h.last_hash, nextval('audit_entries_seq')::text AS seq
      FROM (SELECT last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = $1 FOR UPDATE) h`;
    const rows = (await tx.query(select, [chainId])) as (HeadRow & { seq: string })[];
    if (rows.length > 0) return rows[0];
    await tx.query(`INSERT INTO audit_chain_heads (chain_id, last_chain_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`, [chainId, GENESIS_HASH]);
    return ((await tx.query(select, [chainId])) as (HeadRow & { seq: string })[])[0];
  }

  /** The entry and its chain's new head in one statement (one round trip). */
  private async insertAndAdvance(tx: EntityManager, r: AuditRecord): Promise<void> {
    await tx.query(
      `WITH entry AS (
         INSERT INTO audit_entries (seq, chain_id, chain_seq, at, actor_user_id, actor_role, org_id, case_id, category, action,
           from_state, to_state, case_version, request_id, payload, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         RETURNING chain_id, chain_seq, hash
       )
       UPDATE audit_chain_heads h SET last_chain_seq = entry.chain_seq, last_hash = entry.hash FROM entry WHERE h.chain_id = entry.chain_id`,
      [r.seq, r.chainId, r.chainSeq, r.at, r.actorUserId, r.actorRole, r.orgId, r.caseId, r.category, r.action,
        r.fromState, r.toState, r.caseVersion, r.requestId, r.payload === null ? null : JSON.stringify(r.payload), r.prevHash, r.hash],
    );
  }
}
