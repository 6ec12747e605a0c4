import { AuditRecord, ChainHead, ChainVerification, ChainVerifier, CheckpointHead } from './audit-chain';
import { SqlConditions } from '../database/sql-conditions';
import { AUDIT_RECORD_COLUMNS } from './audit-record-columns';

/** Rows per FETCH: memory stays flat however long the trail grows. */
export const VERIFICATION_FETCH_SIZE = 1000;

/** Answers a statement's rows; the service passes its transaction's, a worker thread its own connection's. */
export type RowQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * The chains whose id is above `after` and at most `upTo` (null: unbounded), compared as the database orders them:
 * the rows stream in that order, and a JavaScript comparison could disagree with the column's collation.
 */
export interface ChainRange {
  after: string | null;
  upTo: string | null;
}

export const EVERY_CHAIN: ChainRange = { after: null, upTo: null };

export interface ChainRangeTask {
  range: ChainRange;
  /** The chains in scope; undefined: every chain. */
  chains?: readonly string[];
  /** Every checkpoint's heads for the chains in scope; those outside the range are left to whoever verifies them. */
  checkpointHeads: readonly CheckpointHead[];
}

interface HeadRow {
  chain_id: string;
  last_chain_seq: number;
  last_hash: string;
}

/**
 * Verifies the chains of one range in the caller's REPEATABLE READ transaction, writing nothing: its heads, the
 * checkpoint heads that fall in it and its rows, read through a cursor ordered by (chain_id, chain_seq), which the
 * unique key's index serves without a sort. Ranges that together cover every chain id verify the whole trail.
 */
export async function verifyChainRange(query: RowQuery, task: ChainRangeTask): Promise<ChainVerification> {
  const filter = chainFilter(task);
  const heads = (await query(`SELECT chain_id, last_chain_seq, last_hash FROM audit_chain_heads ${filter.where}`, filter.params)) as HeadRow[];
  const verifier = new ChainVerifier(
    new Map<string, ChainHead>(heads.map((row) => [row.chain_id, { lastChainSeq: row.last_chain_seq, lastHash: row.last_hash }])),
    await checkpointHeadsInRange(query, task),
  );
  await query(`DECLARE audit_verification NO SCROLL CURSOR FOR SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries ${filter.where} ORDER BY chain_id, chain_seq`, filter.params);
  for await (const batch of batches(query)) for (const row of batch) verifier.push(row);
  await query('CLOSE audit_verification', []);
  return verifier.finish();
}

function chainFilter({ range, chains }: ChainRangeTask, column = 'chain_id'): SqlConditions {
  const conditions = new SqlConditions();
  if (chains !== undefined) conditions.add(`${column} = ANY(?::text[])`, chains);
  if (range.after !== null) conditions.add(`${column} > ?::text`, range.after);
  if (range.upTo !== null) conditions.add(`${column} <= ?::text`, range.upTo);
  return conditions;
}

/** The checkpoint heads of chains in the range, decided by the database for the reason ChainRange gives. */
async function checkpointHeadsInRange(query: RowQuery, task: ChainRangeTask): Promise<readonly CheckpointHead[]> {
  const { range, checkpointHeads } = task;
  if ((range.after === null && range.upTo === null) || checkpointHeads.length === 0) return checkpointHeads;
  const filter = chainFilter({ range, checkpointHeads }, 'head.chain_id');
  const ids = [...new Set(checkpointHeads.map(([chainId]) => chainId))];
  const inRange = (await query(
    `SELECT head.chain_id FROM unnest($${filter.params.length + 1}::text[]) AS head(chain_id) ${filter.where}`,
    [...filter.params, ids],
  )) as { chain_id: string }[];
  const wanted = new Set(inRange.map((row) => row.chain_id));
  return checkpointHeads.filter(([chainId]) => wanted.has(chainId));
}

/**
 * The next batch is asked for before this one is handed out: PostgreSQL reads and prints it on another core while
 * this one is hashed, instead of both sides taking turns.
 */
async function* batches(query: RowQuery): AsyncGenerator<AuditRecord[]> {
  let next = fetchBatch(query);
  for (;;) {
    const batch = await next;
    const more = batch.length === VERIFICATION_FETCH_SIZE;
    if (more) next = fetchBatch(query);
    yield batch;
    if (!more) break;
  }
}

function fetchBatch(query: RowQuery): Promise<AuditRecord[]> {
  const batch = query(`FETCH ${VERIFICATION_FETCH_SIZE} FROM audit_verification`, []) as Promise<AuditRecord[]>;
  // A batch asked for ahead may fail after its consumer gave up (the verifier threw, the transaction rolls back):
  // nobody awaits it then, and an unhandled rejection would end the process.
  batch.catch(() => undefined);
  return batch;
}
