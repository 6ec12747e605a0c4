import { randomUUID } from 'node:crypto';
import { hashRecord } from '../../src/audit/audit-chain';
import { AuditQueryService } from '../../src/audit/audit-query.service';
import { FixedClock } from '../../src/common/clock/clock';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import { appendRow, countRows, listAudit } from './audit-fixtures';

describe(AuditQueryService.name, () => {
  let t: TestApp;
  let admin: SignedInUser;
  let supervisor: SignedInUser;
  let otherSupervisor: SignedInUser;
  let mediator: SignedInUser;
  let orgId: string;
  let otherOrgId: string;
  const caseA = randomUUID();
  const caseB = randomUUID();
  const otherCase = randomUUID();
  const clock = new FixedClock(new Date('2026-11-01T00:00:00Z'));

  // Org rows at 00:00, 01:00 …; each written by the mediator or the system, so every filter has rows on both sides.
  beforeAll(async () => {
    t = await createTestApp({ clock });
    orgId = (await createOrganization(t, { kind: 'UNION' })).id;
    otherOrgId = (await createOrganization(t, { kind: 'UNION' })).id;
    admin = await createSignedInUser(t, { role: 'ADMIN' });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: orgId });
    otherSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: otherOrgId });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: orgId });
    const rows = [
      { orgId, caseId: caseA, action: 'CASE_CREATED' },
      { orgId, caseId: caseA, action: 'CASE_EVENT', actorUserId: mediator.user.id },
      { orgId, caseId: caseB, action: 'CASE_CREATED' },
      { orgId, action: 'USER_CREATED', category: 'DIRECTORY' as const },
      { orgId, caseId: caseA, action: 'PII_REVEALED', category: 'ACCESS' as const, actorUserId: mediator.user.id, payload: { field: 'applicants[0].phone', phone: '13812345678' } },
      { orgId: otherOrgId, caseId: otherCase, action: 'CASE_CREATED' },
      { orgId: null, action: 'DEMO_DATA_LOADED', category: 'SYSTEM' as const },
    ];
    for (const [hour, row] of rows.entries()) {
      clock.set(`2026-11-01T${String(hour).padStart(2, '0')}:00:00.250Z`);
      await appendRow(t, row);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const list = (auth: { authorization: string }, query = '') => listAudit(t, auth, query);

  it('shows a supervisor the rows of their organization, its cases\' included, newest first', async () => {
    const page = await list(supervisor.auth);
    expect(page.items.map((row) => row.action)).toEqual(['PII_REVEALED', 'USER_CREATED', 'CASE_CREATED', 'CASE_EVENT', 'CASE_CREATED']);
    expect(page.items.every((row) => row.orgId === orgId)).toBe(true);
    expect(page).toMatchObject({ total: 5, totalExact: true, page: 1, pageSize: 50 });
  });

  it('shows an ADMIN the rows of every organization and the system chain', async () => {
    // Enough system rows that seqs run from one digit into two.
    for (let i = 0; i < 10; i += 1) await appendRow(t, { orgId: null, category: 'SYSTEM', action: 'PROBE' });
    const page = await list(admin.auth, '?pageSize=200');
    expect(page.total).toBe(await countRows(t));
    expect(new Set(page.items.map((row) => row.orgId))).toEqual(new Set([orgId, otherOrgId, null]));
    // Newest first by number, not by text: seq 10 comes before 9.
    const seqs = page.items.map((row) => BigInt(row.seq));
    expect(seqs.some((seq) => seq >= 10n) && seqs.some((seq) => seq < 10n)).toBe(true);
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('gives a supervisor nothing of another organization\'s case, even by its id', async () => {
    expect(await list(supervisor.auth, `?caseId=${otherCase}`)).toMatchObject({ items: [], total: 0 });
    expect((await list(otherSupervisor.auth, `?caseId=${otherCase}`)).total).toBe(1);
  });

  it('answers the stored rows exactly as hashed, with seq as a string and the payload masked', async () => {
    const { items } = await list(supervisor.auth);
    for (const row of items) {
      expect(row.seq).toMatch(/^\d+$/);
      expect(row.at).toMatch(/^2026-11-01T0\d:00:00\.250Z$/);
      expect(hashRecord(row)).toBe(row.hash);
    }
    expect(items[0].payload).toEqual({ field: 'applicants[0].phone', phone: '138****5678' });
  });

  it.each<[string, () => string, string[]]>([
    ['caseId', () => `caseId=${caseA}`, ['PII_REVEALED', 'CASE_EVENT', 'CASE_CREATED']],
    ['actorUserId', () => `actorUserId=${mediator.user.id}`, ['PII_REVEALED', 'CASE_EVENT']],
    ['action', () => 'action=CASE_CREATED', ['CASE_CREATED', 'CASE_CREATED']],
    ['category', () => 'category=DIRECTORY', ['USER_CREATED']],
    ['from (inclusive)', () => 'from=2026-11-01T11:00:00%2B08:00', ['PII_REVEALED', 'USER_CREATED']],
    ['to (exclusive)', () => 'to=2026-11-01T01:00:00.250Z', ['CASE_CREATED']],
    ['from and to together', () => 'from=2026-11-01T01:00:00Z&to=2026-11-01T03:00:00Z', ['CASE_CREATED', 'CASE_EVENT']],
  ])('filters by %s', async (_name, query, actions) => {
    const page = await list(supervisor.auth, `?${query()}`);
    expect(page.items.map((row) => row.action)).toEqual(actions);
    expect(page.total).toBe(actions.length);
  });

  it('pages through the rows without overlap, keeping the total, in either order', async () => {
    const pages = await Promise.all([1, 2, 3].map((n) => list(supervisor.auth, `?pageSize=2&page=${n}`)));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.every((p) => p.total === 5 && p.pageSize === 2)).toBe(true);
    const seqs = pages.flatMap((p) => p.items.map((row) => BigInt(row.seq)));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(new Set(seqs).size).toBe(5);
    const ascending = await list(supervisor.auth, '?order=asc&pageSize=2');
    expect(ascending.items.map((row) => BigInt(row.seq))).toEqual([...seqs].reverse().slice(0, 2));
    expect(await list(supervisor.auth, '?page=4&pageSize=2')).toMatchObject({ items: [], total: 5, page: 4 });
  });

  it.each([
    ['pageSize=201', 'pageSize', 'OUT_OF_RANGE'],
    ['page=0', 'page', 'OUT_OF_RANGE'],
    ['from=2026-11-01T00:00:00', 'from', 'INVALID_FORMAT'],
    ['from=yesterday', 'from', 'INVALID_FORMAT'],
    ['from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', 'to', 'INCONSISTENT'],
    ['category=GOSSIP', 'category', 'INVALID_FORMAT'],
    ['caseId=12', 'caseId', 'INVALID_FORMAT'],
    ['orgId=anything', 'orgId', 'FORBIDDEN'],
  ])('answers 400 VALIDATION_FAILED to ?%s', async (query, field, code) => {
    const res = await t.request({ method: 'GET', url: `/api/audit?${query}`, headers: supervisor.auth });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field, code }] });
  });

  it.each(['MEDIATOR', 'COURT_LIAISON'] as const)('answers 403 to a %s', async (role) => {
    const user = role === 'MEDIATOR' ? mediator : await createSignedInUser(t, { role });
    const res = await t.request({ method: 'GET', url: '/api/audit', headers: user.auth });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});
