import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AUDIT_RECORD_COLUMNS } from '../../src/audit/audit-record-columns';
import { AUDIT_COUNT_AHEAD } from '../../src/audit/dto/audit-entry-query.dto';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import { appendRow, listAudit } from './audit-fixtures';

/** A trail longer than the count looks ahead, in one organization, beside a small one. */
describe('GET /api/audit on a long trail', () => {
  const ROWS = AUDIT_COUNT_AHEAD + 60;
  let t: TestApp;
  let admin: SignedInUser;
  let bigSupervisor: SignedInUser;
  let smallSupervisor: SignedInUser;
  let bigOrgId: string;
  let smallOrgId: string;
  const bulkCase = randomUUID();
  const smallCase = randomUUID();

  beforeAll(async () => {
    t = await createTestApp();
    bigOrgId = (await createOrganization(t, { kind: 'UNION' })).id;
    smallOrgId = (await createOrganization(t, { kind: 'UNION' })).id;
    admin = await createSignedInUser(t, { role: 'ADMIN' });
    bigSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: bigOrgId });
    smallSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: smallOrgId });
    for (let i = 0; i < 3; i += 1) await appendRow(t, { orgId: smallOrgId, caseId: smallCase });
    // Listing reads rows as stored and never checks their hashes, so the bulk rows carry placeholders.
    await t.app.get(DataSource).query(
      `INSERT INTO audit_entries (seq, chain_id, chain_seq, at, actor_role, org_id, case_id, category, action, payload, prev_hash, hash)
       SELECT nextval('audit_entries_seq'), 'case:' || $2, g, timestamptz '2026-11-01T00:00:00Z' + g * interval '1 second', 'SYSTEM',
              $1, $2::uuid, 'CASE', 'CASE_EVENT', '{}', repeat('0', 64), repeat('0', 64)
       FROM generate_series(1, $3::int) AS g`,
      [bigOrgId, bulkCase, ROWS],
    );
    await appendRow(t, { orgId: bigOrgId, action: 'USER_CREATED', category: 'DIRECTORY' });
    await (await t.owner()).query('ANALYZE audit_entries');
  });

  afterAll(async () => {
    await t.close();
  });

  const list = (auth: { authorization: string }, query = '') => listAudit(t, auth, query);

  it('counts no further than the look-ahead past the page, and says the total is a floor', async () => {
    const first = await list(bigSupervisor.auth);
    expect(first).toMatchObject({ total: AUDIT_COUNT_AHEAD, totalExact: false, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items.every((row) => row.orgId === bigOrgId)).toBe(true);
  });

  it('counts exactly once the rest of the trail is within the look-ahead of the page', async () => {
    const deep = await list(bigSupervisor.auth, '?pageSize=50&page=200');
    expect(deep).toMatchObject({ total: ROWS + 1, totalExact: true, page: 200 });
    expect(deep.items).toHaveLength(50);
    const last = await list(bigSupervisor.auth, `?pageSize=50&page=${Math.ceil((ROWS + 1) / 50)}`);
    expect(last.items).toHaveLength((ROWS + 1) % 50);
    expect(last.totalExact).toBe(true);
  });

  it('counts exactly when the filters narrow the rows, and for an organization with few', async () => {
    expect(await list(bigSupervisor.auth, '?category=DIRECTORY')).toMatchObject({ total: 1, totalExact: true });
    expect(await list(smallSupervisor.auth)).toMatchObject({ total: 3, totalExact: true });
    expect(await list(admin.auth, `?caseId=${smallCase}`)).toMatchObject({ total: 3, totalExact: true });
    expect(await list(admin.auth)).toMatchObject({ total: AUDIT_COUNT_AHEAD, totalExact: false });
  });

  it.each([
    ['the organization with most of the trail', () => bigOrgId],
    ['an organization with three rows', () => smallOrgId],
  ])('reads %s newest first from an index in that order, with no sort', async (_name, orgId) => {
    const plan = (await (await t.owner()).query(
      `EXPLAIN SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries WHERE org_id = $1 ORDER BY audit_entries.seq DESC LIMIT 50 OFFSET 0`,
      [orgId()],
    )) as { 'QUERY PLAN': string }[];
    const text = plan.map((line) => line['QUERY PLAN']).join('\n');
    expect(text).not.toMatch(/Sort/);
    expect(text).toMatch(/Index Scan Backward using (ix_audit_entries_org_seq|pk_audit_entries)/);
  });
});
