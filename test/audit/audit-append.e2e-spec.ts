import { DataSource } from 'typeorm';
import { AuditRecord, verifyChains } from '../../src/audit/audit-chain';
import { AuditService } from '../../src/audit/audit.service';
import { FixedClock } from '../../src/common/clock/clock';
import { dataSourceOptions } from '../../src/database/data-source';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

const ORG = '11111111-1111-4111-8111-111111111111';
const CASE_A = '22222222-2222-4222-8222-222222222222';
const CASE_B = '33333333-3333-4333-8333-333333333333';

describe(AuditService.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const clock = new FixedClock(new Date('2026-11-25T08:00:00.123456Z'));
  const audit = new AuditService(clock);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions({ url: database.url, poolSize: 4 }), logging: false }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const append = (caseId: string | null, action: string, payload: unknown = {}) =>
    dataSource.transaction((tx) => audit.append(tx, { actor: { userId: null, role: 'SYSTEM' }, orgId: ORG, caseId, category: 'CASE', action, payload }));

  async function storedRows(): Promise<AuditRecord[]> {
    const rows = (await dataSource.query(`
      SELECT seq::text AS seq, chain_id AS "chainId", chain_seq AS "chainSeq",
             to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
             actor_user_id AS "actorUserId", actor_role AS "actorRole", org_id AS "orgId", case_id AS "caseId",
             category, action, from_state AS "fromState", to_state AS "toState", case_version AS "caseVersion",
             request_id AS "requestId", payload, prev_hash AS "prevHash", hash
      FROM audit_entries ORDER BY chain_id, chain_seq`)) as AuditRecord[];
    return rows;
  }

  async function heads() {
    const rows = (await dataSource.query('SELECT chain_id, last_chain_seq, last_hash FROM audit_chain_heads')) as { chain_id: string; last_chain_seq: number; last_hash: string }[];
    return new Map(rows.map((r) => [r.chain_id, { lastChainSeq: r.last_chain_seq, lastHash: r.last_hash }]));
  }

  it('chains appends per case and per organization, and what it stored verifies', async () => {
    await append(CASE_A, 'CASE_CREATED');
    await append(CASE_B, 'CASE_CREATED');
    await append(CASE_A, 'CASE_EVENT', { type: 'ACCEPT' });
    await append(null, 'USER_CREATED', { username: 'wangjh' });
    const rows = await storedRows();
    expect(rows.filter((r) => r.chainId === `case:${CASE_A}`).map((r) => r.chainSeq)).toEqual([1, 2]);
    expect(rows.filter((r) => r.chainId === `org:${ORG}`)).toHaveLength(1);
    expect(rows[0].at).toBe('2026-11-25T08:00:00.123Z');
    expect(verifyChains(rows, await heads())).toEqual({ ok: true, checked: 4 });
  });

  it('masks personal data in the payload before hashing and storing it', async () => {
    const record = await append(CASE_A, 'PII_REVEALED', { field: 'applicants[0].phone', phone: '13812345678' });
    expect(record.payload).toEqual({ field: 'applicants[0].phone', phone: '138****5678' });
    const [{ payload }] = (await dataSource.query('SELECT payload FROM audit_entries WHERE seq = $1', [record.seq])) as { payload: unknown }[];
    expect(JSON.stringify(payload)).not.toContain('13812345678');
  });

  it('never leaves a gap in a chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(CASE_B, 'CASE_EVENT', { i })));
    const chain = (await storedRows()).filter((r) => r.chainId === `case:${CASE_B}`);
    expect(chain.map((r) => r.chainSeq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(verifyChains(await storedRows(), await heads()).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the trail, even for its owner', async () => {
    await expect(dataSource.query("UPDATE audit_entries SET action = 'X'")).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
    await expect(dataSource.query('TRUNCATE audit_entries')).rejects.toThrow(/append-only/);
  });

  it('gives the application role SELECT and INSERT on the trail but no UPDATE or DELETE', async () => {
    const [privileges] = (await dataSource.query(`
      SELECT has_table_privilege('tiaojie_app', 'audit_entries', 'SELECT') AS "select",
             has_table_privilege('tiaojie_app', 'audit_entries', 'INSERT') AS "insert",
             has_table_privilege('tiaojie_app', 'audit_entries', 'UPDATE') AS "update",
             has_table_privilege('tiaojie_app', 'audit_entries', 'DELETE') AS "delete"`)) as Record<string, boolean>[];
    expect(privileges).toEqual({ select: true, insert: true, update: false, delete: false });
  });
});

describe(`${AuditService.name} with upper-case ids`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const audit = new AuditService(new FixedClock(new Date('2026-11-25T08:00:00Z')));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ ...dataSourceOptions({ url: database.url, poolSize: 2 }), logging: false }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores ids as the uuid columns give them back, so the row still verifies', async () => {
    const record = await dataSource.transaction((tx) =>
      audit.append(tx, { actor: { userId: null, role: 'SYSTEM' }, orgId: ORG.toUpperCase(), caseId: CASE_A.toUpperCase(), category: 'CASE', action: 'CASE_CREATED' }),
    );
    expect(record.caseId).toBe(CASE_A);
    expect(record.chainId).toBe(`case:${CASE_A}`);
  });
});
