import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditRecord, GENESIS_HASH, hashRecord, normalizeAt, sealRecord } from '../../src/audit/audit-chain';
import { AUDIT_RECORD_COLUMNS } from '../../src/audit/audit-record-columns';
import { auditRowColumns, INSERT_AUDIT_ROWS } from '../../src/audit/audit-rows-insert';
import { AuditCategory, AuditService } from '../../src/audit/audit.service';
import type { OrganizationEntity } from '../../src/organizations/organization.entity';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { eventually } from '../helpers/eventually';
import type { TestApp } from '../helpers/test-app';

export interface SeededOrganization {
  org: OrganizationEntity;
  supervisor: SignedInUser;
  caseIds: string[];
}

export interface AppendInput {
  orgId: string | null;
  caseId?: string | null;
  action?: string;
  category?: AuditCategory;
  actorUserId?: string | null;
  payload?: unknown;
}

/** One page of GET /api/audit. */
export interface AuditPage {
  items: AuditRecord[];
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
}

/** GET /api/audit`query` as `auth`, which must answer 200. */
export async function listAudit(t: TestApp, auth: { authorization: string }, query = ''): Promise<AuditPage> {
  const res = await t.request({ method: 'GET', url: `/api/audit${query}`, headers: auth });
  expect(res.statusCode).toBe(200);
  return res.json() as AuditPage;
}

/** Appends one row through the real append path, in its own transaction. */
export function appendRow(t: TestApp, input: AppendInput): Promise<AuditRecord> {
  return t.app.get(DataSource).transaction((tx) =>
    t.app.get(AuditService).append(tx, {
      actor: { userId: input.actorUserId ?? null, role: input.actorUserId ? 'MEDIATOR' : 'SYSTEM' },
      orgId: input.orgId,
      caseId: input.caseId ?? null,
      category: input.category ?? 'CASE',
      action: input.action ?? 'CASE_EVENT',
      payload: input.payload ?? {},
    }),
  );
}

/**
 * A union organization with a signed-in supervisor, `cases` case chains of `rowsPerCase` rows each (appended round
 * robin, so that the chains' seqs interleave as they do in real life) and one row in the organization's own chain.
 * `caseIds` come back sorted, which is the order the verifier walks the chains in.
 */
export async function seedOrganization(t: TestApp, options: { cases?: number; rowsPerCase?: number } = {}): Promise<SeededOrganization> {
  const org = await createOrganization(t, { kind: 'UNION' });
  const supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: org.id });
  const caseIds = Array.from({ length: options.cases ?? 2 }, () => randomUUID()).sort();
  for (let position = 1; position <= (options.rowsPerCase ?? 4); position += 1) {
    for (const caseId of caseIds) {
      await appendRow(t, { orgId: org.id, caseId, action: position === 1 ? 'CASE_CREATED' : 'CASE_EVENT', payload: { position } });
    }
  }
  await appendRow(t, { orgId: org.id, category: 'DIRECTORY', action: 'USER_CREATED', payload: { username: supervisor.user.username } });
  return { org, supervisor, caseIds };
}

/**
 * `cases` case chains of `rowsPerCase` rows each in `orgId`, appended round robin, sealed by the service's own code
 * and written in bulk with their heads: a trail long enough for the threaded verification, which appending row by row
 * through the service would take minutes to build. Answers the case ids, sorted.
 */
export async function bulkTrail(t: TestApp, orgId: string, cases: number, rowsPerCase: number): Promise<string[]> {
  const caseIds = Array.from({ length: cases }, () => randomUUID()).sort();
  const dataSource = t.app.get(DataSource);
  const seqs = ((await dataSource.query(`SELECT nextval('audit_entries_seq')::text AS seq FROM generate_series(1, $1::int)`, [cases * rowsPerCase])) as { seq: string }[]).map(
    (row) => row.seq,
  );
  const heads = caseIds.map(() => ({ chainSeq: 0, hash: GENESIS_HASH }));
  const rows = seqs.map((seq, index) => {
    const chain = index % cases;
    const row = sealRecord({
      seq,
      chainId: `case:${caseIds[chain]}`,
      chainSeq: heads[chain].chainSeq + 1,
      prevHash: heads[chain].hash,
      at: normalizeAt(new Date(Date.UTC(2026, 10, 25, 8) + index)),
      actorRole: 'SYSTEM',
      orgId,
      caseId: caseIds[chain],
      category: 'CASE',
      action: 'CASE_EVENT',
      payload: { index },
    });
    heads[chain] = { chainSeq: row.chainSeq, hash: row.hash };
    return row;
  });
  await dataSource.transaction(async (tx) => {
    await insertRows(tx, rows);
    await tx.query(
      'INSERT INTO audit_chain_heads (chain_id, last_chain_seq, last_hash) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])',
      [caseIds.map((id) => `case:${id}`), heads.map((head) => head.chainSeq), heads.map((head) => head.hash)],
    );
  });
  return caseIds;
}

/** Inserts sealed rows as they are, heads untouched: the service's own rows in bulk, or a forger's. */
export async function insertRows(tx: EntityManager, rows: readonly AuditRecord[]): Promise<void> {
  await tx.query(INSERT_AUDIT_ROWS, auditRowColumns(rows));
}

/** A chain's rows read back as hashed, in chain order. */
export async function chainRows(t: TestApp, chainId: string): Promise<AuditRecord[]> {
  return (await t.app.get(DataSource).query(`SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries WHERE chain_id = $1 ORDER BY chain_seq`, [chainId])) as AuditRecord[];
}

/**
 * What only the database owner can do: switch the append-only trigger off for one transaction, change the trail,
 * and switch it on again.
 */
export async function tamper(t: TestApp, work: (tx: EntityManager) => Promise<unknown>, table: 'audit_entries' | 'audit_checkpoints' = 'audit_entries'): Promise<void> {
  await (await t.owner()).transaction(async (tx) => {
    await tx.query(`ALTER TABLE ${table} DISABLE TRIGGER trg_${table}_append_only`);
    await work(tx);
    await tx.query(`ALTER TABLE ${table} ENABLE TRIGGER trg_${table}_append_only`);
  });
}

/**
 * Rewrites a chain from `fromChainSeq` on with a new payload there and every later hash recomputed, and moves the
 * head along: a forgery that verifies on its own, which only a checkpoint can expose.
 */
export async function rehashChain(t: TestApp, chainId: string, fromChainSeq: number, payload: unknown): Promise<void> {
  const rows = await chainRows(t, chainId);
  await tamper(t, async (tx) => {
    let prevHash = rows[fromChainSeq - 2]?.hash;
    for (const row of rows.slice(fromChainSeq - 1)) {
      const forged = { ...row, payload: row.chainSeq === fromChainSeq ? payload : row.payload, prevHash: prevHash ?? row.prevHash };
      forged.hash = hashRecord(forged);
      await tx.query('UPDATE audit_entries SET payload = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [row.seq, JSON.stringify(forged.payload), forged.prevHash, forged.hash]);
      prevHash = forged.hash;
    }
    await tx.query('UPDATE audit_chain_heads SET last_hash = $2 WHERE chain_id = $1', [chainId, prevHash]);
  });
}

export async function countRows(t: TestApp, where = 'TRUE', params: unknown[] = []): Promise<number> {
  const [{ n }] = (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM audit_entries WHERE ${where}`, params)) as { n: number }[];
  return n;
}

/** Rows of an organization's chains: its own chain and those of its cases. */
export function countOrganizationRows(t: TestApp, orgId: string): Promise<number> {
  return countRows(t, `chain_id = $1 OR chain_id IN (SELECT chain_id FROM audit_entries WHERE org_id = $2::uuid)`, [`org:${orgId}`, orgId]);
}

export async function verify(t: TestApp, auth: { authorization: string }) {
  const res = await t.request({ method: 'GET', url: '/api/audit/verify', headers: auth });
  if (res.statusCode !== 200) throw new Error(`verify answered ${res.statusCode}: ${res.body}`);
  return res.json();
}

export { backendsWaitingOnLocks } from '../helpers/locks';

/** Polls a condition until it holds, failing after a deadline instead of sleeping a guessed time. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  await eventually(condition, (held) => held, { timeoutMs });
}
