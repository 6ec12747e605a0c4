import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuditRecord } from '../../src/audit/audit-chain';
import { AuditVerificationService } from '../../src/audit/audit-verification.service';
import { AuditService, type AuditEntryInput } from '../../src/audit/audit.service';
import { FixedClock } from '../../src/common/clock/clock';
import { createTestApp, type TestApp } from '../helpers/test-app';

interface StoredRow {
  seq: string;
  chain_id: string;
  chain_seq: number;
  action: string;
  category: string;
  actor_role: string;
  case_id: string | null;
  payload: unknown;
  prev_hash: string;
  hash: string;
}

describe(`${AuditService.name}.appendMany`, () => {
  let t: TestApp;
  let audit: AuditService;
  let dataSource: DataSource;
  const clock = new FixedClock(new Date('2026-11-25T08:00:00.123456Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    audit = t.app.get(AuditService);
    dataSource = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
  });

  const entry = (orgId: string, caseId: string | null, action: string, payload: unknown = {}): AuditEntryInput => ({
    actor: { userId: null, role: 'SYSTEM' },
    orgId,
    caseId,
    category: 'CASE',
    action,
    payload,
  });

  const rowsOf = async (chainIds: readonly string[]) =>
    (await dataSource.query(
      `SELECT seq::text AS seq, chain_id, chain_seq, action, category, actor_role, case_id, payload, prev_hash, hash
       FROM audit_entries WHERE chain_id = ANY($1::text[]) ORDER BY chain_id, chain_seq`,
      [chainIds],
    )) as StoredRow[];

  const headOf = async (chainId: string) =>
    ((await dataSource.query('SELECT last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = $1', [chainId])) as { last_chain_seq: number; last_hash: string }[])[0];

  /** What the verify endpoint answers over every chain, read in one snapshot as it does. */
  const verifyAll = () => dataSource.transaction('REPEATABLE READ', (tx) => t.app.get(AuditVerificationService).verifyChainsIn(tx, undefined));

  /** A chain's rows with the ids that differ between two runs taken out: what it says, where, and its links. */
  function shape(rows: readonly StoredRow[]) {
    return rows.map((row, i) => ({
      chainSeq: row.chain_seq,
      action: row.action,
      category: row.category,
      actorRole: row.actor_role,
      payload: row.payload,
      linksToPrevious: i === 0 ? row.prev_hash === '0'.repeat(64) : row.prev_hash === rows[i - 1].hash,
    }));
  }

  /** An organization, two cases with a history, and a new one: the same script written both ways. */
  function script() {
    const org = randomUUID();
    const [a, b, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    const history = [entry(org, a, 'CASE_CREATED'), entry(org, b, 'CASE_CREATED'), entry(org, a, 'CASE_EVENT', { type: 'ACCEPT' })];
    const batch = [
      entry(org, a, 'ALERT_RAISED', { n: 1 }),
      entry(org, fresh, 'ALERT_RAISED', { n: 2 }),
      entry(org, b, 'ALERT_RAISED', { n: 3, phone: '13812345678' }),
      entry(org, a, 'ALERT_LEVEL_RAISED', { n: 4 }),
      entry(org, null, 'RISK_SCREENING_RUN', { n: 5 }),
      entry(org, fresh, 'ALERT_LEVEL_RAISED', { n: 6 }),
    ];
    return { chains: [`case:${a}`, `case:${b}`, `case:${fresh}`, `org:${org}`], history, batch };
  }

  it('writes the entries, links and heads that appending them one by one writes, several per chain and new chains included', async () => {
    const oneByOne = script();
    const batched = script();
    for (const input of [...oneByOne.history, ...batched.history]) await dataSource.transaction((tx) => audit.append(tx, input));

    const singles: AuditRecord[] = [];
    await dataSource.transaction(async (tx) => {
      for (const input of oneByOne.batch) singles.push(await audit.append(tx, input));
    });
    const many = await dataSource.transaction((tx) => audit.appendMany(tx, batched.batch));

    expect(many.map((r) => [r.action, r.chainSeq, r.payload])).toEqual(singles.map((r) => [r.action, r.chainSeq, r.payload]));
    expect(many[2].payload).toEqual({ n: 3, phone: '138****5678' });
    for (let i = 0; i < oneByOne.chains.length; i += 1) {
      const [single, batch] = [await rowsOf([oneByOne.chains[i]]), await rowsOf([batched.chains[i]])];
      expect(shape(batch)).toEqual(shape(single));
      expect(shape(batch).every((row) => row.linksToPrevious)).toBe(true);
      const head = await headOf(batched.chains[i]);
      expect(head).toEqual({ last_chain_seq: batch.at(-1)!.chain_seq, last_hash: batch.at(-1)!.hash });
    }
    // Within a chain the global seq rises with chain_seq, as it does for single appends.
    const chainA = await rowsOf([batched.chains[0]]);
    expect(chainA.map((r) => BigInt(r.seq))).toEqual([...chainA.map((r) => BigInt(r.seq))].sort((x, y) => (x < y ? -1 : 1)));
    expect(await verifyAll()).toMatchObject({ ok: true });
  });

  it('answers nothing and writes nothing for no entries', async () => {
    const [{ n: before }] = (await dataSource.query('SELECT count(*)::int AS n FROM audit_entries')) as { n: number }[];
    await expect(dataSource.transaction((tx) => audit.appendMany(tx, []))).resolves.toEqual([]);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM audit_entries')).toEqual([{ n: before }]);
  });

  it('keeps a chain whole across chunks of a large batch', async () => {
    const org = randomUUID();
    const cases = Array.from({ length: 3 }, () => randomUUID());
    const inputs = Array.from({ length: 4_500 }, (_, i) => entry(org, cases[i % 3], 'ALERT_RAISED', { i }));
    await dataSource.transaction((tx) => audit.appendMany(tx, inputs));
    for (const caseId of cases) {
      const rows = await rowsOf([`case:${caseId}`]);
      expect(rows.map((r) => r.chain_seq)).toEqual(Array.from({ length: 1_500 }, (_, i) => i + 1));
      expect(rows.map((r) => (r.payload as { i: number }).i)).toEqual(Array.from({ length: 1_500 }, (_, i) => cases.indexOf(caseId) + 3 * i));
      expect(shape(rows).every((row) => row.linksToPrevious)).toBe(true);
    }
    expect(await verifyAll()).toMatchObject({ ok: true });
  });

  it('refuses the whole batch when an entry in a later chunk cannot be sealed, and writes nothing', async () => {
    const org = randomUUID();
    const caseId = randomUUID();
    const inputs = Array.from({ length: 2_500 }, (_, i) => entry(org, caseId, 'ALERT_RAISED', { i: i === 2_400 ? Number.NaN : i }));
    await expect(dataSource.transaction((tx) => audit.appendMany(tx, inputs))).rejects.toThrow(/finite number/);
    expect(await rowsOf([`case:${caseId}`])).toEqual([]);
    expect(await headOf(`case:${caseId}`)).toBeUndefined();
  });

  it('neither deadlocks nor forks a chain when batches and single appends hit the same chains at once, new chains included', async () => {
    const org = randomUUID();
    const cases = Array.from({ length: 6 }, () => randomUUID());
    await dataSource.transaction((tx) => audit.append(tx, entry(org, cases[0], 'CASE_CREATED')));
    // Each batch names the chains in another order, and the last three chains are new to all of them.
    const batches = Array.from({ length: 6 }, (_, b) =>
      dataSource.transaction((tx) => audit.appendMany(tx, [...cases.slice(b), ...cases.slice(0, b), cases[b]].map((caseId) => entry(org, caseId, 'ALERT_RAISED', { b })))),
    );
    const singles = Array.from({ length: 12 }, (_, i) =>
      dataSource.transaction((tx) => audit.append(tx, entry(org, cases[i % cases.length], 'CASE_EVENT', { i }))),
    );
    await Promise.all([...batches, ...singles]);

    const rows = await rowsOf(cases.map((caseId) => `case:${caseId}`));
    const perChain = new Map<string, StoredRow[]>();
    for (const row of rows) perChain.set(row.chain_id, [...(perChain.get(row.chain_id) ?? []), row]);
    // 6 batches name every case once and its first case twice; 12 singles spread over the 6 cases; case 0's creation.
    const expectedLength = (i: number) => 6 + 1 + 2 + (i === 0 ? 1 : 0);
    cases.forEach((caseId, i) => {
      const chain = perChain.get(`case:${caseId}`)!;
      expect(chain.map((r) => r.chain_seq)).toEqual(Array.from({ length: expectedLength(i) }, (_, k) => k + 1));
      expect(shape(chain).every((row) => row.linksToPrevious)).toBe(true);
    });
    expect(await verifyAll()).toMatchObject({ ok: true });
  });
});
