import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { compareUtf16 } from '../common/json/canonical-json';
import { maskPayload } from '../common/pii/mask-payload';
import { preparedQuery } from '../database/prepared-query';
import { AuditRecord, chainIdFor, type ChainHead, GENESIS_HASH, nextLink, normalizeAt, sealRecord } from './audit-chain';
import { auditRowColumns, INSERT_AUDIT_ROWS } from './audit-rows-insert';

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

/** A chain's head, locked, with the seq its next entry takes: what `lockedHeadSql` reads. */
export interface LockedHead extends HeadRow {
  seq: string;
}

/**
 * Locks the head of the chain named by `chainIdParam` and draws the next entry's seq, as a subquery a caller puts
 * into a statement of its own to save the round trip, then hands the row to `append`. nextval sits outside the
 * locking subquery so that it runs once the lock is held: within a chain, seq then rises with chain_seq. The caller
 * must already hold what every appender to that chain locks first (a case's row for a case chain), or the order of
 * the locks in its statement could deadlock.
 */
export function lockedHeadSql(chainIdParam: string): string {
  return `SELECT h.last_chain_seq, h.last_hash, nextval('audit_entries_seq')::text AS seq
    FROM (SELECT last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = ${chainIdParam} FOR UPDATE) h`;
}

// uuid columns read back in lower case; hashing an upper-case id would make an honest row look ALTERED.
function withCanonicalIds(input: AuditEntryInput): AuditEntryInput {
  const lower = (id: string | null | undefined) => (typeof id === 'string' ? id.toLowerCase() : id);
  return { ...input, orgId: lower(input.orgId) ?? null, caseId: lower(input.caseId), actor: { ...input.actor, userId: lower(input.actor.userId) ?? null } };
}

/** Bounds one statement's arrays (and the memory of its parameters) when a screening appends an entry per case. */
const APPEND_MANY_CHUNK = 2_000;

/** The row `input` becomes at `position` in its chain. */
function sealEntry(input: AuditEntryInput, position: { seq: string; chainId: string; chainSeq: number; prevHash: string; at: string }): AuditRecord {
  return sealRecord({
    ...position,
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
}

/**
 * Appends to the hash-chained trail inside the caller's transaction, so the entry exists exactly when the change it
 * records does. Only the row's own chain head is locked: unrelated cases never wait on each other (DOMAIN §7).
 */
@Injectable()
export class AuditService {
  constructor(private readonly clock: Clock) {}

  /** `lockedHead`: the entry's chain head as the caller's own statement locked it (see lockedHeadSql). */
  async append(tx: EntityManager, given: AuditEntryInput, lockedHead?: LockedHead): Promise<AuditRecord> {
    const input = withCanonicalIds(given);
    const chainId = chainIdFor({ caseId: input.caseId, orgId: input.orgId });
    const { seq, ...head } = lockedHead ?? (await this.lockHead(tx, chainId));
    const record = sealEntry(input, {
      seq,
      chainId,
      ...nextLink({ lastChainSeq: head.last_chain_seq, lastHash: head.last_hash }),
      at: normalizeAt(this.clock.now()),
    });
    await this.insertAndAdvance(tx, record);
    return record;
  }

  /**
   * The entries `append` would write for each input in turn, several to one chain included, in a constant number of
   * statements per chunk instead of two per entry: for a change that touches thousands of cases at once (a
   * screening). Answers the records in input order.
   */
  async appendMany(tx: EntityManager, given: readonly AuditEntryInput[]): Promise<AuditRecord[]> {
    if (given.length === 0) return [];
    const inputs = given.map(withCanonicalIds);
    const chainIds = inputs.map((input) => chainIdFor({ caseId: input.caseId, orgId: input.orgId }));
    const heads = await this.lockHeads(tx, [...new Set(chainIds)].sort(compareUtf16));
    const seqs = await this.drawSeqs(tx, inputs.length);
    const at = normalizeAt(this.clock.now());
    const records: AuditRecord[] = [];
    // Sealing is this process's CPU and writing is PostgreSQL's, so each chunk is sealed while the one before it is
    // written: one statement at a time still goes to the connection.
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let start = 0; start < inputs.length; start += APPEND_MANY_CHUNK) {
        const advanced = new Map<string, ChainHead>();
        const chunk = inputs.slice(start, start + APPEND_MANY_CHUNK).map((input, offset) => {
          const chainId = chainIds[start + offset];
          const record = sealEntry(input, { seq: seqs[start + offset], chainId, ...nextLink(heads.get(chainId)), at });
          heads.set(chainId, { lastChainSeq: record.chainSeq, lastHash: record.hash });
          advanced.set(chainId, { lastChainSeq: record.chainSeq, lastHash: record.hash });
          return record;
        });
        await writing;
        writing = this.insertAndAdvanceMany(tx, chunk, advanced);
        // Handled at once, so that a failure arriving while the next chunk is sealed is not an unhandled rejection
        // (which ends the process); the await above or below still throws it.
        writing.catch(() => undefined);
        records.push(...chunk);
        // The driver puts the statement on the wire only once this turn of the event loop ends, not while the next
        // chunk is being sealed.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await writing;
    } catch (error) {
      // A sealing error leaves the transaction to roll back, but only after the statement in flight has settled.
      await writing.catch(() => undefined);
      throw error;
    }
    return records;
  }

  /**
   * All heads are created first, and only then locked, each step in one order of chain_id (code units, the order of
   * `COLLATE "C"`, so that this process and PostgreSQL agree): batches over the same chains then queue on the first
   * chain they share and cannot deadlock, however their chains fall into chunks. (Locking the existing heads before
   * creating the missing ones could deadlock: a batch whose snapshot missed a head another had just created would
   * lock it after its own inserts.) A single append holds one head and cannot close a cycle with a batch.
   */
  private async lockHeads(tx: EntityManager, sortedChainIds: readonly string[]): Promise<Map<string, ChainHead>> {
    const chunks: string[][] = [];
    for (let start = 0; start < sortedChainIds.length; start += APPEND_MANY_CHUNK) chunks.push(sortedChainIds.slice(start, start + APPEND_MANY_CHUNK));
    for (const chunk of chunks) {
      await tx.query(
        `INSERT INTO audit_chain_heads (chain_id, last_chain_seq, last_hash)
         SELECT c, 0, $2 FROM unnest($1::text[]) AS c ORDER BY c COLLATE "C" ON CONFLICT DO NOTHING`,
        [chunk, GENESIS_HASH],
      );
    }
    const heads = new Map<string, ChainHead>();
    for (const chunk of chunks) {
      const rows = (await tx.query(
        'SELECT chain_id, last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = ANY($1::text[]) ORDER BY chain_id COLLATE "C" FOR UPDATE',
        [chunk],
      )) as (HeadRow & { chain_id: string })[];
      for (const row of rows) heads.set(row.chain_id, { lastChainSeq: row.last_chain_seq, lastHash: row.last_hash });
    }
    return heads;
  }

  // Drawn once the heads are held, as in lockHead, so that within a chain seq rises with chain_seq.
  private async drawSeqs(tx: EntityManager, count: number): Promise<string[]> {
    const rows = (await tx.query(`SELECT nextval('audit_entries_seq')::text AS seq FROM generate_series(1, $1::int)`, [count])) as { seq: string }[];
    return rows.map((row) => BigInt(row.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  }

  /** A chunk's entries and its chains' new heads in one statement. */
  private async insertAndAdvanceMany(tx: EntityManager, records: readonly AuditRecord[], heads: ReadonlyMap<string, ChainHead>): Promise<void> {
    await tx.query(
      `WITH entry AS (${INSERT_AUDIT_ROWS})
       UPDATE audit_chain_heads h SET last_chain_seq = v.chain_seq, last_hash = v.hash
       FROM unnest($18::text[], $19::int[], $20::text[]) AS v(chain_id, chain_seq, hash) WHERE h.chain_id = v.chain_id`,
      [...auditRowColumns(records), [...heads.keys()], [...heads.values()].map((head) => head.lastChainSeq), [...heads.values()].map((head) => head.lastHash)],
    );
  }

  /**
   * Every statement is a round trip, which is most of what a transition costs, so the head is locked and the entry's
   * seq drawn in one statement. A new chain starts from a genesis head (seq 0, hash of zeros); ON CONFLICT makes two
   * first appends to one chain meet on the same row lock instead of failing.
   */
  private async lockHead(tx: EntityManager, chainId: string): Promise<LockedHead> {
    const select = lockedHeadSql('$1');
    const rows = await preparedQuery<LockedHead[]>(tx, select, [chainId]);
    if (rows.length > 0) return rows[0];
    // A head this transaction inserts is its own until commit; one that another inserted first is locked as usual.
    const [created] = await preparedQuery<LockedHead[]>(
      tx,
      `INSERT INTO audit_chain_heads (chain_id, last_chain_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING
       RETURNING last_chain_seq, last_hash, nextval('audit_entries_seq')::text AS seq`,
      [chainId, GENESIS_HASH],
    );
    return created ?? (await preparedQuery<LockedHead[]>(tx, select, [chainId]))[0];
  }

  /** The entry and its chain's new head in one statement (one round trip). */
  private async insertAndAdvance(tx: EntityManager, r: AuditRecord): Promise<void> {
    await preparedQuery(
      tx,
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
