import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { checkpointHash, GENESIS_HASH } from '../../src/audit/audit-chain';
import { AuditCheckpointService } from '../../src/audit/audit-checkpoint.service';
import { FixedClock } from '../../src/common/clock/clock';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import { appendRow, backendsWaitingOnLocks, chainRows, seedOrganization, waitFor } from './audit-fixtures';

describe(AuditCheckpointService.name, () => {
  let t: TestApp;
  let checkpoints: AuditCheckpointService;
  let dataSource: DataSource;
  let admin: SignedInUser;
  const clock = new FixedClock(new Date('2026-11-25T09:00:00.000Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    checkpoints = t.app.get(AuditCheckpointService);
    dataSource = t.app.get(DataSource);
    admin = await createSignedInUser(t, { role: 'ADMIN' });
  });

  afterAll(async () => {
    await t.close();
  });

  async function checkpointCount(): Promise<number> {
    const [{ n }] = (await dataSource.query('SELECT count(*)::int AS n FROM audit_checkpoints')) as { n: number }[];
    return n;
  }

  /** Brings every chain under a checkpoint, so that a test starts from "nothing changed". */
  async function settle(): Promise<void> {
    await checkpoints.createCheckpoint(dataSource.manager);
  }

  async function head(chainId: string): Promise<[string, number, string]> {
    const [row] = (await dataSource.query('SELECT last_chain_seq, last_hash FROM audit_chain_heads WHERE chain_id = $1', [chainId])) as { last_chain_seq: number; last_hash: string }[];
    return [chainId, row.last_chain_seq, row.last_hash];
  }

  describe('createCheckpoint', () => {
    it('answers null and writes nothing when no chain changed since the last checkpoint', async () => {
      await appendRow(t, { orgId: null, category: 'SYSTEM', action: 'DEMO_DATA_LOADED' });
      await settle();
      const before = await checkpointCount();
      await expect(checkpoints.createCheckpoint(dataSource.manager)).resolves.toBeNull();
      expect(await checkpointCount()).toBe(before);
    });

    it('records the sorted heads of exactly the chains that grew, linked to the previous checkpoint', async () => {
      await settle();
      const [untouched, grownOnce, grownTwice] = [randomUUID(), randomUUID(), randomUUID()].map((id) => `case:${id}`);
      for (const chainId of [untouched, grownOnce, grownTwice]) await appendRow(t, { orgId: null, caseId: chainId.slice(5) });
      const previous = (await checkpoints.createCheckpoint(dataSource.manager))!;
      await appendRow(t, { orgId: null, caseId: grownOnce.slice(5) });
      await appendRow(t, { orgId: null, caseId: grownTwice.slice(5) });
      await appendRow(t, { orgId: null, caseId: grownTwice.slice(5) });
      clock.set('2026-11-25T10:00:00.000Z');

      const checkpoint = (await checkpoints.createCheckpoint(dataSource.manager))!;

      const expectedHeads = [await head(grownOnce), await head(grownTwice)].sort(([a], [b]) => (a < b ? -1 : 1));
      expect(checkpoint).toEqual({
        cpSeq: previous.cpSeq + 1,
        at: '2026-11-25T10:00:00.000Z',
        heads: expectedHeads,
        prevCpHash: previous.hash,
        hash: checkpointHash({ cpSeq: previous.cpSeq + 1, at: '2026-11-25T10:00:00.000Z', heads: expectedHeads, prevCpHash: previous.hash }),
      });
      expect(expectedHeads.map(([, chainSeq]) => chainSeq)).toEqual(grownOnce < grownTwice ? [2, 3] : [3, 2]);
      expect(await checkpoints.all(dataSource.manager)).toContainEqual(checkpoint);
    });

    it('starts the checkpoint chain from the genesis hash', async () => {
      await appendRow(t, { orgId: null, caseId: randomUUID() });
      await settle();
      const [first] = await checkpoints.all(dataSource.manager);
      expect(first).toMatchObject({ cpSeq: 1, prevCpHash: GENESIS_HASH });
    });

    it('writes a single checkpoint when two instances race for it', async () => {
      await appendRow(t, { orgId: null, caseId: randomUUID() });
      const before = await checkpointCount();
      let commit!: () => void;
      const committing = new Promise<void>((resolve) => (commit = resolve));
      let written!: () => void;
      const firstWritten = new Promise<void>((resolve) => (written = resolve));
      // The first instance has written its checkpoint but not committed when the second one starts.
      const first = dataSource.transaction(async (tx) => {
        const checkpoint = await checkpoints.createCheckpoint(tx);
        written();
        await committing;
        return checkpoint;
      });
      await firstWritten;
      const second = checkpoints.createCheckpoint(dataSource.manager);
      await waitFor(async () => (await backendsWaitingOnLocks(t)) > 0);
      commit();
      const [won, lost] = await Promise.all([first, second]);
      expect(won).not.toBeNull();
      expect(lost).toBeNull();
      expect(await checkpointCount()).toBe(before + 1);
    });

    it("joins the caller's transaction and rolls back with it", async () => {
      await appendRow(t, { orgId: null, caseId: randomUUID() });
      const before = await checkpointCount();
      await expect(
        dataSource.transaction(async (tx) => {
          expect(await checkpoints.createCheckpoint(tx)).not.toBeNull();
          throw new Error('the command failed after the checkpoint');
        }),
      ).rejects.toThrow('the command failed');
      expect(await checkpointCount()).toBe(before);
    });
  });

  describe('POST /api/audit/checkpoints', () => {
    it('writes a checkpoint for an ADMIN and audits it as AUDIT_CHECKPOINT_CREATED in their organization chain', async () => {
      await appendRow(t, { orgId: null, caseId: randomUUID() });
      const res = await t.request({ method: 'POST', url: '/api/audit/checkpoints', headers: { ...admin.auth, 'x-request-id': 'cp-desk-1' } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ created: true, checkpoint: { cpSeq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(body.checkpoint.heads).toHaveLength(body.checkpoint.chainCount);
      const [audited] = (await chainRows(t, `org:${admin.user.organizationId}`)).slice(-1);
      expect(audited).toMatchObject({
        action: 'AUDIT_CHECKPOINT_CREATED',
        actorUserId: admin.user.id,
        requestId: 'cp-desk-1',
        payload: { cpSeq: body.checkpoint.cpSeq, hash: body.checkpoint.hash, chainCount: body.checkpoint.chainCount },
      });
    });

    it('answers created: false with the latest checkpoint when nothing changed', async () => {
      await settle();
      const res = await t.request({ method: 'POST', url: '/api/audit/checkpoints', headers: admin.auth });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ created: false, checkpoint: { cpSeq: await checkpointCount() } });
    });

    it.each(['SUPERVISOR', 'MEDIATOR'] as const)('answers 403 to a %s', async (role) => {
      const user = await createSignedInUser(t, { role });
      const res = await t.request({ method: 'POST', url: '/api/audit/checkpoints', headers: user.auth });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('GET /api/audit/checkpoints/latest', () => {
    it("shows a supervisor only their organization's heads, and an ADMIN all of them", async () => {
      const mine = await seedOrganization(t, { cases: 2, rowsPerCase: 1 });
      const theirs = await seedOrganization(t, { cases: 1, rowsPerCase: 1 });
      const checkpoint = (await checkpoints.createCheckpoint(dataSource.manager))!;
      const own = [`org:${mine.org.id}`, ...mine.caseIds.map((id) => `case:${id}`)].sort();

      const asSupervisor = await t.request({ method: 'GET', url: '/api/audit/checkpoints/latest', headers: mine.supervisor.auth });
      expect(asSupervisor.statusCode).toBe(200);
      expect(asSupervisor.json()).toEqual({
        cpSeq: checkpoint.cpSeq,
        at: checkpoint.at,
        hash: checkpoint.hash,
        prevCpHash: checkpoint.prevCpHash,
        chainCount: checkpoint.heads.length,
        heads: checkpoint.heads.filter(([chainId]) => own.includes(chainId)).map(([chainId, chainSeq, hash]) => ({ chainId, chainSeq, hash })),
      });
      expect(asSupervisor.json().heads.map((h: { chainId: string }) => h.chainId)).toEqual(own);

      const asAdmin = await t.request({ method: 'GET', url: '/api/audit/checkpoints/latest', headers: admin.auth });
      expect(asAdmin.json().heads.map((h: { chainId: string }) => h.chainId)).toEqual(expect.arrayContaining([...own, `case:${theirs.caseIds[0]}`]));
      expect(asAdmin.json().heads).toHaveLength(checkpoint.heads.length);
    });

    it('answers 403 to a mediator', async () => {
      const mediator = await createSignedInUser(t, { role: 'MEDIATOR' });
      expect((await t.request({ method: 'GET', url: '/api/audit/checkpoints/latest', headers: mediator.auth })).statusCode).toBe(403);
    });
  });

  describe('before the first checkpoint', () => {
    let fresh: TestApp;

    beforeAll(async () => {
      fresh = await createTestApp();
    });

    afterAll(async () => {
      await fresh.close();
    });

    it('answers 404 NOT_FOUND for the latest checkpoint', async () => {
      const supervisor = await createSignedInUser(fresh, { role: 'SUPERVISOR' });
      const res = await fresh.request({ method: 'GET', url: '/api/audit/checkpoints/latest', headers: supervisor.auth });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'No audit checkpoint has been made yet.' });
    });
  });
});
