import { DataSource } from 'typeorm';
import { CASE_NUMBER_PREFIX_PATTERN } from '../../src/organizations/case-number-prefix-rules';
import { OrganizationsService } from '../../src/organizations/organizations.service';
import { createOrganization, randomPrefix } from '../factories/organization.factory';
import { createSignedInUser, createUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

describe(OrganizationsService.name, () => {
  let t: TestApp;
  let admin: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createSignedInUser(t, { role: 'ADMIN' });
  });

  afterAll(async () => {
    await t.close();
  });

  function create(payload: object) {
    return t.request({ method: 'POST', url: '/api/organizations', headers: admin.auth, payload });
  }

  function patch(id: string, payload: object) {
    return t.request({ method: 'PATCH', url: `/api/organizations/${id}`, headers: admin.auth, payload });
  }

  /** The DIRECTORY rows in an organization's own chain, oldest first. */
  async function directoryAudit(organizationId: string) {
    return (await t.app.get(DataSource).query(
      `SELECT action, actor_user_id AS "actorUserId", chain_id AS "chainId", payload FROM audit_entries
       WHERE category = 'DIRECTORY' AND payload->>'organizationId' = $1 AND action LIKE 'ORGANIZATION_%' ORDER BY seq`,
      [organizationId],
    )) as { action: string; actorUserId: string; chainId: string; payload: Record<string, unknown> }[];
  }

  describe('POST /api/organizations', () => {
    it('creates an organization with the prefix given, trimmed and upper-cased', async () => {
      const prefix = randomPrefix();
      const res = await create({ name: ' 辽源市西安区人民法院 ', kind: 'COURT', region: '吉林省辽源市西安区', caseNumberPrefix: prefix.toLowerCase() });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: '辽源市西安区人民法院',
        kind: 'COURT',
        region: '吉林省辽源市西安区',
        caseNumberPrefix: prefix,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const id = res.json().id as string;
      expect(await directoryAudit(id)).toEqual([
        {
          action: 'ORGANIZATION_CREATED',
          actorUserId: admin.user.id,
          chainId: `org:${id}`,
          payload: { organizationId: id, caseNumberPrefix: prefix, name: '辽源市西安区人民法院', kind: 'COURT', region: '吉林省辽源市西安区' },
        },
      ]);
    });

    it('generates a free prefix starting with U for a union and C for a court when none is given', async () => {
      const union = await create({ name: '第二调解工作室', kind: 'UNION', region: '吉林省辽源市' });
      const court = await create({ name: '东辽县人民法院', kind: 'COURT', region: '吉林省辽源市东辽县' });
      expect(union.statusCode).toBe(201);
      expect(union.json().caseNumberPrefix).toMatch(/^U[A-Z]{3}$/);
      expect(court.json().caseNumberPrefix).toMatch(/^C[A-Z]{3}$/);
      expect(court.json().caseNumberPrefix).toMatch(CASE_NUMBER_PREFIX_PATTERN);
    });

    it('answers 409 CASE_NUMBER_PREFIX_TAKEN for a prefix another organization uses', async () => {
      const existing = await createOrganization(t);
      const res = await create({ name: '另一个工作室', kind: 'UNION', region: '吉林省', caseNumberPrefix: existing.caseNumberPrefix });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'CASE_NUMBER_PREFIX_TAKEN', details: { caseNumberPrefix: existing.caseNumberPrefix } });
    });

    it.each(['L', 'LONGSHN', 'L1', '辽源'])('answers 400 INVALID_FORMAT for the prefix %s', async (caseNumberPrefix) => {
      const res = await create({ name: '工作室', kind: 'UNION', region: '吉林省', caseNumberPrefix });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'caseNumberPrefix', code: 'INVALID_FORMAT', message: 'caseNumberPrefix must be 2–6 letters A–Z' }]);
    });

    it('answers 400 with one entry per bad field', async () => {
      const res = await create({ name: '   ', kind: 'TRIBUNAL', region: 'x'.repeat(101) });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
        ['name', 'REQUIRED'],
        ['kind', 'INVALID_FORMAT'],
        ['region', 'OUT_OF_RANGE'],
      ]);
    });
  });

  describe('GET /api/organizations', () => {
    it('lets any signed-in role list the courts for the intake form', async () => {
      const court = await createOrganization(t, { kind: 'COURT' });
      const mediator = await createSignedInUser(t);
      const res = await t.request({ method: 'GET', url: '/api/organizations?kind=COURT', headers: mediator.auth });
      expect(res.statusCode).toBe(200);
      const kinds = new Set(res.json().map((o: { kind: string }) => o.kind));
      expect(kinds).toEqual(new Set(['COURT']));
      expect(res.json().map((o: { id: string }) => o.id)).toContain(court.id);
    });

    it('answers one organization by id to any role, and 404 for an unknown id', async () => {
      const liaison = await createSignedInUser(t, { role: 'COURT_LIAISON' });
      const studio = await createOrganization(t);
      const found = await t.request({ method: 'GET', url: `/api/organizations/${studio.id}`, headers: liaison.auth });
      expect(found.statusCode).toBe(200);
      expect(found.json()).toMatchObject({ id: studio.id, caseNumberPrefix: studio.caseNumberPrefix });
      const missing = await t.request({ method: 'GET', url: '/api/organizations/00000000-0000-4000-8000-000000000000', headers: liaison.auth });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('PATCH /api/organizations/:id', () => {
    it('changes name, region and prefix and leaves the rest', async () => {
      const studio = await createOrganization(t);
      const prefix = randomPrefix();
      const res = await patch(studio.id, { name: '辽源市总工会调解工作室', region: '吉林省辽源市龙山区', caseNumberPrefix: prefix });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: '辽源市总工会调解工作室', region: '吉林省辽源市龙山区', caseNumberPrefix: prefix, kind: 'UNION' });
      const [updated] = await directoryAudit(studio.id);
      expect(updated).toMatchObject({ action: 'ORGANIZATION_UPDATED', actorUserId: admin.user.id });
      expect(updated.payload.changes).toEqual({
        name: { from: studio.name, to: '辽源市总工会调解工作室' },
        region: { from: studio.region, to: '吉林省辽源市龙山区' },
        caseNumberPrefix: { from: studio.caseNumberPrefix, to: prefix },
      });
    });

    it('answers 409 CASE_NUMBER_PREFIX_TAKEN when the new prefix is taken', async () => {
      const [one, other] = [await createOrganization(t), await createOrganization(t)];
      const res = await patch(one.id, { caseNumberPrefix: other.caseNumberPrefix });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('CASE_NUMBER_PREFIX_TAKEN');
    });

    it('refuses to change the kind while users would no longer fit, with 422 ROLE_ORGANIZATION_MISMATCH', async () => {
      const studio = await createOrganization(t);
      await createUser(t, { organizationId: studio.id, role: 'MEDIATOR' });
      const res = await patch(studio.id, { kind: 'COURT' });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'ROLE_ORGANIZATION_MISMATCH', details: { kind: 'COURT', roles: ['MEDIATOR'] } });
    });

    it('changes the kind of an organization without users', async () => {
      const mistaken = await createOrganization(t, { kind: 'UNION' });
      const res = await patch(mistaken.id, { kind: 'COURT' });
      expect(res.statusCode).toBe(200);
      expect(res.json().kind).toBe('COURT');
    });

    it('answers 403 to a supervisor', async () => {
      const supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
      const res = await t.request({ method: 'PATCH', url: `/api/organizations/${supervisor.user.organizationId}`, headers: supervisor.auth, payload: { name: '改名' } });
      expect(res.statusCode).toBe(403);
    });
  });
});
