import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DataSource } from 'typeorm';
import { GENESIS_HASH, hashRecord, normalizeAt } from '../../src/audit/audit-chain';
import { AuditCheckpointService } from '../../src/audit/audit-checkpoint.service';
import { AuditVerificationService, VERIFY_IN_THREADS_FROM } from '../../src/audit/audit-verification.service';
import { AuditService } from '../../src/audit/audit.service';
import { FixedClock } from '../../src/common/clock/clock';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import {
  appendRow,
  bulkTrail,
  chainRows,
  countOrganizationRows,
  countRows,
  insertRows,
  rehashChain,
  seedOrganization,
  tamper,
  verify,
  waitFor,
} from './audit-fixtures';

const caseChain = (caseId: string) => `case:${caseId}`;

describe(AuditVerificationService.name, () => {
  describe('as a SUPERVISOR', () => {
    let t: TestApp;
    const clock = new FixedClock(new Date('2026-11-25T08:00:00.123Z'));

    beforeAll(async () => {
      t = await createTestApp({ clock });
    });

    afterAll(async () => {
      await t.close();
    });

    it('answers ok for untouched chains and counts every row of the organization\'s chains', async () => {
      const { org, supervisor } = await seedOrganization(t, { cases: 2, rowsPerCase: 3 });
      const expected = await countOrganizationRows(t, org.id);
      expect(expected).toBe(7);
      const result = await verify(t, supervisor.auth);
      expect(result).toMatchObject({ ok: true, checked: expected });
      expect(Object.keys(result).sort()).toEqual(['checked', 'checkpoint', 'ok']);
    });

    it('audits the verification as AUDIT_VERIFIED {ok, checked} in the verifier\'s organization chain', async () => {
      const { org, supervisor } = await seedOrganization(t, { cases: 1, rowsPerCase: 2 });
      const res = await t.request({ method: 'GET', url: '/api/audit/verify', headers: { ...supervisor.auth, 'x-request-id': 'verify-desk-1' } });
      expect(res.statusCode).toBe(200);
      const own = await chainRows(t, `org:${org.id}`);
      expect(own.at(-1)).toMatchObject({
        action: 'AUDIT_VERIFIED',
        category: 'SYSTEM',
        actorUserId: supervisor.user.id,
        actorRole: 'SUPERVISOR',
        orgId: org.id,
        caseId: null,
        requestId: 'verify-desk-1',
        payload: { ok: true, checked: res.json().checked },
      });
      // The row joins the chain properly: the next verification counts it and still passes.
      expect(await verify(t, supervisor.auth)).toMatchObject({ ok: true, checked: res.json().checked + 1 });
    });

    it("runs as the application role, which may not UPDATE or DELETE the trail even with the triggers off", async () => {
      const { caseIds } = await seedOrganization(t, { cases: 1, rowsPerCase: 1 });
      const app = t.app.get(DataSource);
      expect(await app.query('SELECT current_user AS role')).toEqual([{ role: 'tiaojie_app' }]);
      // Only the owner may switch the append-only trigger off; the application's role is stopped before the trigger.
      await expect(app.query('ALTER TABLE audit_entries DISABLE TRIGGER trg_audit_entries_append_only')).rejects.toThrow(/must be owner/);
      await expect(app.query(`UPDATE audit_entries SET payload = '{}' WHERE case_id = $1`, [caseIds[0]])).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM audit_entries WHERE case_id = $1', [caseIds[0]])).rejects.toThrow(/permission denied/);
      await expect(app.query('TRUNCATE audit_entries')).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/permission denied/);
      expect(await countRows(t, 'case_id = $1', [caseIds[0]])).toBe(1);
    });

    it('reports ALTERED at the row whose payload was changed', async () => {
      const { supervisor, caseIds } = await seedOrganization(t);
      const target = (await chainRows(t, caseChain(caseIds[1])))[1];
      await tamper(t, (tx) => tx.query(`UPDATE audit_entries SET payload = '{"position": 99}' WHERE seq = $1`, [target.seq]));
      const result = await verify(t, supervisor.auth);
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: target.seq, chainId: caseChain(caseIds[1]), chainSeq: 2, caseId: caseIds[1], kind: 'ALTERED' } });
    });

    it('reports MISSING_OR_INSERTED at the row after a deleted middle row', async () => {
      const { supervisor, caseIds } = await seedOrganization(t);
      const rows = await chainRows(t, caseChain(caseIds[0]));
      await tamper(t, (tx) => tx.query('DELETE FROM audit_entries WHERE seq = $1', [rows[1].seq]));
      const result = await verify(t, supervisor.auth);
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: rows[2].seq, chainId: caseChain(caseIds[0]), chainSeq: 3, kind: 'MISSING_OR_INSERTED' } });
    });

    it('reports the break with the lowest seq when two chains are broken, whatever order the chains are walked in', async () => {
      const { supervisor, caseIds } = await seedOrganization(t);
      // The chain walked first is broken later in time, so "first found" and "lowest seq" disagree.
      const walkedFirst = await chainRows(t, caseChain(caseIds[0]));
      const walkedLast = await chainRows(t, caseChain(caseIds[1]));
      await tamper(t, async (tx) => {
        await tx.query('DELETE FROM audit_entries WHERE seq = $1', [walkedFirst[2].seq]);
        await tx.query(`UPDATE audit_entries SET payload = '{"position": 0}' WHERE seq = $1`, [walkedLast[1].seq]);
      });
      expect(BigInt(walkedLast[1].seq)).toBeLessThan(BigInt(walkedFirst[3].seq));
      const result = await verify(t, supervisor.auth);
      expect(result.firstBroken).toEqual({ seq: walkedLast[1].seq, chainId: caseChain(caseIds[1]), chainSeq: 2, caseId: caseIds[1], kind: 'ALTERED' });
    });

    it('reports MISSING_OR_INSERTED at the last surviving row when a chain\'s tail is deleted', async () => {
      const { supervisor, caseIds } = await seedOrganization(t);
      const rows = await chainRows(t, caseChain(caseIds[1]));
      await tamper(t, (tx) => tx.query('DELETE FROM audit_entries WHERE seq = $1', [rows[3].seq]));
      const result = await verify(t, supervisor.auth);
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: rows[2].seq, chainId: caseChain(caseIds[1]), chainSeq: 3, kind: 'MISSING_OR_INSERTED' } });
    });

    it('catches a chain rehashed consistently after a checkpoint, at the checkpointed row', async () => {
      const { supervisor, caseIds } = await seedOrganization(t);
      await t.app.get(AuditCheckpointService).createCheckpoint(t.app.get(DataSource).manager);
      const rows = await chainRows(t, caseChain(caseIds[0]));
      await rehashChain(t, caseChain(caseIds[0]), 2, { position: 2, note: 'rewritten' });
      const forged = await chainRows(t, caseChain(caseIds[0]));
      expect(forged[3].hash).not.toBe(rows[3].hash);
      const result = await verify(t, supervisor.auth);
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: rows[3].seq, chainId: caseChain(caseIds[0]), chainSeq: 4, kind: 'ALTERED' } });
    });

    it('catches a rehash even when later checkpoints recorded the forged chain, through the earlier ones', async () => {
      const { org, supervisor, caseIds } = await seedOrganization(t);
      const checkpoints = t.app.get(AuditCheckpointService);
      const manager = t.app.get(DataSource).manager;
      await checkpoints.createCheckpoint(manager);
      const rows = await chainRows(t, caseChain(caseIds[1]));
      await rehashChain(t, caseChain(caseIds[1]), 1, { position: 1, forged: true });
      await appendRow(t, { orgId: org.id, caseId: caseIds[1] });
      await checkpoints.createCheckpoint(manager);
      const result = await verify(t, supervisor.auth);
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: rows[3].seq, chainSeq: 4, kind: 'ALTERED' } });
    });

    it('does not report a break in another organization\'s chain', async () => {
      const broken = await seedOrganization(t);
      const intact = await seedOrganization(t);
      const target = (await chainRows(t, caseChain(broken.caseIds[0])))[0];
      await tamper(t, (tx) => tx.query(`UPDATE audit_entries SET action = 'CASE_DELETED' WHERE seq = $1`, [target.seq]));
      expect((await verify(t, broken.supervisor.auth)).firstBroken).toMatchObject({ seq: target.seq, kind: 'ALTERED' });
      const intactRows = await countOrganizationRows(t, intact.org.id);
      expect(await verify(t, intact.supervisor.auth)).toMatchObject({ ok: true, checked: intactRows });
    });

    it.each(['MEDIATOR', 'COURT_LIAISON'] as const)('answers 403 to a %s and audits nothing', async (role) => {
      const user: SignedInUser = await createSignedInUser(t, { role });
      const before = await countRows(t, "action = 'AUDIT_VERIFIED'");
      const res = await t.request({ method: 'GET', url: '/api/audit/verify', headers: user.auth });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
      expect(await countRows(t, "action = 'AUDIT_VERIFIED'")).toBe(before);
    });
  });

  // Each test gets its own database: an ADMIN verifies everything, so one test's forgery would break the next.
  describe('as an ADMIN', () => {
    let t: TestApp;
    let admin: SignedInUser;

    beforeEach(async () => {
      t = await createTestApp({ clock: new FixedClock(new Date('2026-11-25T08:00:00Z')) });
      admin = await createSignedInUser(t, { role: 'ADMIN' });
    });

    afterEach(async () => {
      await t.close();
    });

    it('verifies every chain: all organizations, the system chain and the checkpoint chain', async () => {
      await seedOrganization(t);
      await seedOrganization(t);
      await appendRow(t, { orgId: null, category: 'SYSTEM', action: 'DEMO_DATA_LOADED' });
      const first = await t.app.get(AuditCheckpointService).createCheckpoint(t.app.get(DataSource).manager);
      await appendRow(t, { orgId: null, category: 'SYSTEM', action: 'DEMO_DATA_LOADED' });
      const everyRow = await countRows(t);
      expect(await verify(t, admin.auth)).toEqual({ ok: true, checked: everyRow, checkpoint: { cpSeq: 1, at: first!.at, hash: first!.hash } });
    });

    it('checks rows past the first cursor batch', async () => {
      const caseId = randomUUID();
      await t.app.get(DataSource).transaction(async (tx) => {
        for (let i = 0; i < 2100; i += 1) {
          await t.app.get(AuditService).append(tx, { actor: { userId: null, role: 'SYSTEM' }, orgId: null, caseId, category: 'CASE', action: 'CASE_EVENT', payload: { i } });
        }
      });
      expect(await verify(t, admin.auth)).toEqual({ ok: true, checked: 2100, checkpoint: null });
      const target = (await chainRows(t, caseChain(caseId)))[2049];
      await tamper(t, (tx) => tx.query(`UPDATE audit_entries SET payload = '{"i": 0}' WHERE seq = $1`, [target.seq]));
      expect(await verify(t, admin.auth)).toMatchObject({ ok: false, checked: 2101, firstBroken: { seq: target.seq, chainSeq: 2050, kind: 'ALTERED' } });
    });

    it('reports a break in any organization', async () => {
      const { caseIds } = await seedOrganization(t);
      const target = (await chainRows(t, caseChain(caseIds[0])))[2];
      await tamper(t, (tx) => tx.query(`UPDATE audit_entries SET at = at + interval '1 second' WHERE seq = $1`, [target.seq]));
      expect(await verify(t, admin.auth)).toMatchObject({ ok: false, firstBroken: { seq: target.seq, kind: 'ALTERED' } });
    });

    it('reports a case chain removed whole, rows and all, as MISSING_OR_INSERTED with no surviving row', async () => {
      const { caseIds } = await seedOrganization(t);
      await tamper(t, (tx) => tx.query('DELETE FROM audit_entries WHERE chain_id = $1', [caseChain(caseIds[1])]));
      expect(await verify(t, admin.auth)).toMatchObject({
        ok: false,
        firstBroken: { seq: null, chainId: caseChain(caseIds[1]), chainSeq: 0, caseId: caseIds[1], kind: 'MISSING_OR_INSERTED' },
      });
    });

    it('reports a checkpoint whose heads were changed, even though every chain verifies', async () => {
      await seedOrganization(t);
      const checkpoints = t.app.get(AuditCheckpointService);
      await checkpoints.createCheckpoint(t.app.get(DataSource).manager);
      await seedOrganization(t);
      await checkpoints.createCheckpoint(t.app.get(DataSource).manager);
      await tamper(t, (tx) => tx.query(`UPDATE audit_checkpoints SET heads = heads - 0 WHERE cp_seq = 1`), 'audit_checkpoints');
      const result = await verify(t, admin.auth);
      expect(result).toMatchObject({ ok: false, checkpointBroken: { cpSeq: 1, kind: 'ALTERED' } });
      expect(result.firstBroken).toBeUndefined();
    });
  });
});

describe(`${AuditVerificationService.name} of a trail of ${VERIFY_IN_THREADS_FROM} rows or more`, () => {
  // Just over the threshold: 1,001 case chains of 10 rows, the chain ids spread over the whole uuid range.
  const CASES = 1001;
  const ROWS_PER_CASE = 10;
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date('2026-11-25T08:00:00Z')) });
  });

  afterAll(async () => {
    await t.close();
  });

  async function organizationWithTrail(): Promise<{ orgId: string; supervisor: SignedInUser; caseIds: string[] }> {
    const { org, supervisor } = await seedOrganization(t, { cases: 0 });
    return { orgId: org.id, supervisor, caseIds: await bulkTrail(t, org.id, CASES, ROWS_PER_CASE) };
  }

  /** Connections of the verification's threads waiting on a lock; counted as the owner, who sees every backend. */
  async function threadsWaiting(): Promise<number> {
    const [row] = (await (await t.owner()).query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'tiaojie-audit-verification' AND wait_event_type = 'Lock'`,
    )) as { n: number }[];
    return row.n;
  }

  it('verifies every chain in a thread per core, in one snapshot, anchored by checkpoints that name chains of every range', async () => {
    const admin = await createSignedInUser(t, { role: 'ADMIN' });
    await organizationWithTrail();
    await t.app.get(AuditCheckpointService).createCheckpoint(t.app.get(DataSource).manager);
    const { caseIds } = await organizationWithTrail();
    const everyRow = await countRows(t);
    expect(everyRow).toBeGreaterThan(2 * VERIFY_IN_THREADS_FROM);
    // The threads' cursors wait behind the owner's lock, which shows them; a row appended meanwhile, after the
    // verification's snapshot was taken, must not be counted.
    const lock = (await t.owner()).createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('LOCK TABLE audit_entries IN ACCESS EXCLUSIVE MODE');
    const answer = verify(t, admin.auth);
    try {
      await waitFor(async () => (await threadsWaiting()) === Math.min(4, availableParallelism()));
    } finally {
      await lock.commitTransaction();
      await lock.release();
    }
    await appendRow(t, { orgId: null, caseId: caseIds[0] });
    expect(await answer).toMatchObject({ ok: true, checked: everyRow, checkpoint: { cpSeq: 1 } });
  });

  // A forger is not bound by chainIdFor: any chain id will do, as long as the row's hash matches it.
  it.each([
    ['before the first', 'case:00000000-0000-4000-8000-000000000000'],
    ['after the last', 'zz-forged'],
  ])('catches a forged chain, without a head, whose id sorts %s chain with one, and nothing once it is gone', async (_where, chainId) => {
    const admin = await createSignedInUser(t, { role: 'ADMIN' });
    await organizationWithTrail();
    const [{ seq }] = (await t.app.get(DataSource).query(`SELECT nextval('audit_entries_seq')::text AS seq`)) as { seq: string }[];
    const fields = {
      seq,
      chainId,
      chainSeq: 1,
      prevHash: GENESIS_HASH,
      at: normalizeAt(new Date('2026-11-25T09:00:00Z')),
      actorUserId: null,
      actorRole: 'SYSTEM',
      orgId: null,
      caseId: chainId.startsWith('case:') ? chainId.slice('case:'.length) : null,
      category: 'CASE',
      action: 'CASE_CREATED',
      fromState: null,
      toState: null,
      caseVersion: null,
      requestId: null,
      payload: null,
    };
    await tamper(t, (tx) => insertRows(tx, [{ ...fields, hash: hashRecord(fields) }]));
    const everyRow = await countRows(t);
    expect(await verify(t, admin.auth)).toMatchObject({ ok: false, checked: everyRow, firstBroken: { seq, chainId, chainSeq: 1, kind: 'MISSING_OR_INSERTED' } });
    await tamper(t, (tx) => tx.query('DELETE FROM audit_entries WHERE seq = $1', [seq]));
    // The first verification's own AUDIT_VERIFIED row takes the forged row's place in the count.
    expect(await verify(t, admin.auth)).toMatchObject({ ok: true, checked: everyRow });
  });

  it('reports the lowest break when the chains of different ranges are broken', async () => {
    const { supervisor, caseIds } = await organizationWithTrail();
    const [first, last] = [caseIds[0], caseIds.at(-1)!];
    const later = (await chainRows(t, caseChain(first)))[4];
    const earlier = (await chainRows(t, caseChain(last)))[0];
    expect(BigInt(earlier.seq)).toBeLessThan(BigInt(later.seq));
    await tamper(t, (tx) => tx.query(`UPDATE audit_entries SET payload = '{"index": -1}' WHERE seq = ANY($1::bigint[])`, [[later.seq, earlier.seq]]));
    expect(await verify(t, supervisor.auth)).toMatchObject({
      ok: false,
      checked: CASES * ROWS_PER_CASE + 1,
      firstBroken: { seq: earlier.seq, chainId: caseChain(last), chainSeq: 1, kind: 'ALTERED' },
    });
  });
});
