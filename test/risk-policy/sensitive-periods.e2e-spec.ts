import { DataSource } from 'typeorm';
import { RiskPolicyService } from '../../src/risk-policy/risk-policy.service';
import { SensitivePeriodsService } from '../../src/risk-policy/sensitive-periods.service';
import { DEFAULT_SENSITIVE_PERIODS } from '../../src/risk/sensitive-periods';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Period {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  leadDays: number;
  windowOpensOn: string;
  milestones: { on: string; label: string }[];
  orgId: string | null;
  active: boolean;
  verified: boolean;
  basis: string;
  createdBy: string | null;
  updatedBy: string | null;
}

interface Detail {
  field: string;
  code: string;
}

describe(SensitivePeriodsService.name, () => {
  let t: TestApp;
  let admin: SignedInUser;
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let otherSupervisor: SignedInUser;
  let liaison: SignedInUser;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await createOrganization(t)).id;
    admin = await createSignedInUser(t, { role: 'ADMIN' });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: orgId });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: orgId });
    otherSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    liaison = await createSignedInUser(t, { role: 'COURT_LIAISON' });
  });

  afterAll(async () => {
    await t.close();
  });

  const list = (user: SignedInUser, query = '') => t.request({ method: 'GET', url: `/api/sensitive-periods${query}`, headers: user.auth });
  const get = (user: SignedInUser, id: string) => t.request({ method: 'GET', url: `/api/sensitive-periods/${id}`, headers: user.auth });
  const post = (user: SignedInUser, payload: object) => t.request({ method: 'POST', url: '/api/sensitive-periods', headers: user.auth, payload });
  const patch = (user: SignedInUser, id: string, payload: object) => t.request({ method: 'PATCH', url: `/api/sensitive-periods/${id}`, headers: user.auth, payload });
  const remove = (user: SignedInUser, id: string) => t.request({ method: 'DELETE', url: `/api/sensitive-periods/${id}`, headers: user.auth });

  const congress = (overrides: object = {}) => ({
    name: '辽源市第九次党代会',
    kind: 'PARTY_CONGRESS',
    startsOn: '2026-06-08',
    endsOn: '2026-06-12',
    milestones: [{ on: '2026-06-08', label: '开幕' }],
    ...overrides,
  });

  async function created(user: SignedInUser, payload: object = congress()): Promise<Period> {
    const res = await post(user, payload);
    if (res.statusCode !== 201) throw new Error(`creating a period failed: ${res.statusCode} ${res.body}`);
    return res.json() as Period;
  }

  async function seeded(code: string): Promise<Period> {
    const periods = (await list(admin)).json() as Period[];
    return periods.find((period) => period.code === code)!;
  }

  async function auditRows(action: string, id: string): Promise<{ org_id: string | null; category: string; payload: Record<string, unknown> }[]> {
    return t.app.get(DataSource).query(`SELECT org_id, category, payload FROM audit_entries WHERE action = $1 AND payload->>'id' = $2 ORDER BY seq`, [action, id]);
  }

  async function auditCount(): Promise<number> {
    const [{ count }] = (await t.app.get(DataSource).query(`SELECT count(*)::int AS count FROM audit_entries WHERE action LIKE 'SENSITIVE_PERIOD_%'`)) as { count: number }[];
    return count;
  }

  const fields = (body: { details?: Detail[] }) => (body.details ?? []).map(({ field, code }) => ({ field, code }));

  describe('GET /api/sensitive-periods', () => {
    it('lists the seeded defaults for every organization exactly as the risk engine defines them', async () => {
      const res = await list(mediator, '?active=true');
      expect(res.statusCode).toBe(200);
      const byCode = new Map((res.json() as Period[]).filter((p) => p.code !== null).map((p) => [p.code, p]));
      expect([...byCode.keys()].sort()).toEqual(DEFAULT_SENSITIVE_PERIODS.map((p) => p.id).sort());
      for (const expected of DEFAULT_SENSITIVE_PERIODS) {
        const { id, ...fieldsOfDefault } = expected;
        expect(byCode.get(id)).toMatchObject({ ...fieldsOfDefault, milestones: [...expected.milestones], code: id, createdBy: null });
      }
    });

    it('shows National Day 2026 as 10-01 to 10-07 with 7 lead days, so its window opens on 09-24', async () => {
      const res = await list(mediator, '?year=2026&kind=NATIONAL_DAY');
      expect(res.json()).toEqual([
        expect.objectContaining({ code: 'national-day-2026', name: '2026年国庆节', startsOn: '2026-10-01', endsOn: '2026-10-07', leadDays: 7, windowOpensOn: '2026-09-24', orgId: null }),
      ]);
    });

    it('lists a winter campaign in both calendar years it touches', async () => {
      const codes = (query: string) => list(mediator, query).then((res) => (res.json() as Period[]).map((p) => p.code));
      expect(await codes('?year=2025&kind=WINTER_WAGE_CAMPAIGN')).toEqual(['winter-wage-campaign-2024-2025', 'winter-wage-campaign-2025-2026']);
      expect(await codes('?year=2027&kind=WINTER_WAGE_CAMPAIGN')).toEqual(['winter-wage-campaign-2026-2027']);
    });

    it('shows every role the global periods and its own organization’s; an ADMIN sees every organization’s', async () => {
      const own = await created(supervisor);
      const ids = async (user: SignedInUser) => ((await list(user)).json() as Period[]).map((p) => p.id);
      expect(await ids(mediator)).toContain(own.id);
      expect(await ids(admin)).toContain(own.id);
      expect(await ids(otherSupervisor)).not.toContain(own.id);
      expect(await ids(liaison)).not.toContain(own.id);
      expect((await ids(liaison)).length).toBeGreaterThanOrEqual(DEFAULT_SENSITIVE_PERIODS.length);
    });

    it('filters by active', async () => {
      const period = await created(supervisor);
      await remove(supervisor, period.id);
      const ids = async (query: string) => ((await list(supervisor, query)).json() as Period[]).map((p) => p.id);
      expect(await ids('?active=false')).toContain(period.id);
      expect(await ids('?active=true')).not.toContain(period.id);
    });

    it('answers 400 naming the bad query parameter', async () => {
      expect(fields((await list(mediator, '?year=abc')).json())).toEqual([{ field: 'year', code: 'INVALID_FORMAT' }]);
      expect(fields((await list(mediator, '?kind=HOLIDAY')).json())).toEqual([{ field: 'kind', code: 'INVALID_FORMAT' }]);
      expect(fields((await list(mediator, '?active=yes')).json())).toEqual([{ field: 'active', code: 'INVALID_FORMAT' }]);
    });
  });

  describe('GET /api/sensitive-periods/:id', () => {
    it('answers 404 for another organization’s period, and the period to its own organization', async () => {
      const period = await created(supervisor);
      expect((await get(mediator, period.id)).json()).toMatchObject({ id: period.id, orgId });
      expect((await get(otherSupervisor, period.id)).statusCode).toBe(404);
      expect((await get(liaison, period.id)).statusCode).toBe(404);
      expect((await get(admin, period.id)).statusCode).toBe(200);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await get(mediator, '00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(fields((await get(mediator, 'national-day-2026')).json())).toEqual([{ field: 'id', code: 'INVALID_FORMAT' }]);
    });
  });

  describe('POST /api/sensitive-periods', () => {
    it('adds a supervisor’s period to their own organization, with 7 lead days by default, audited in the same organization', async () => {
      const res = await post(supervisor, congress());
      expect(res.statusCode).toBe(201);
      const period = res.json() as Period;
      expect(period).toMatchObject({
        code: null,
        name: '辽源市第九次党代会',
        kind: 'PARTY_CONGRESS',
        startsOn: '2026-06-08',
        endsOn: '2026-06-12',
        leadDays: 7,
        windowOpensOn: '2026-06-01',
        milestones: [{ on: '2026-06-08', label: '开幕' }],
        orgId,
        active: true,
        verified: true,
        basis: '',
        createdBy: supervisor.user.id,
        updatedBy: supervisor.user.id,
      });
      const rows = await auditRows('SENSITIVE_PERIOD_CREATED', period.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ org_id: orgId, category: 'RISK', payload: { id: period.id, after: { name: '辽源市第九次党代会', orgId } } });
      expect(rows[0].payload).not.toHaveProperty('before');
    });

    it('accepts a supervisor naming their own organization, and any kind', async () => {
      const period = await created(supervisor, congress({ orgId, kind: 'CUSTOM', leadDays: 0, milestones: [] }));
      expect(period).toMatchObject({ orgId, kind: 'CUSTOM', leadDays: 0, windowOpensOn: '2026-06-08' });
    });

    it('refuses a supervisor’s period for another organization or for every organization with 403, writing nothing', async () => {
      const before = await auditCount();
      const other = otherSupervisor.user.organizationId;
      expect((await post(supervisor, congress({ orgId: other }))).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await post(supervisor, congress({ orgId: null }))).statusCode).toBe(403);
      expect(await auditCount()).toBe(before);
    });

    it('refuses mediators and court liaisons with 403', async () => {
      expect((await post(mediator, congress())).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await post(liaison, congress())).statusCode).toBe(403);
    });

    it('makes an ADMIN’s period global without orgId, or scoped to the union organization named', async () => {
      const global = await created(admin, congress({ kind: 'CUSTOM', name: '全市重大活动' }));
      expect(global.orgId).toBeNull();
      expect(await auditRows('SENSITIVE_PERIOD_CREATED', global.id)).toMatchObject([{ org_id: null }]);
      const scoped = await created(admin, congress({ orgId: orgId.toUpperCase() }));
      expect(scoped.orgId).toBe(orgId);
      expect((await get(supervisor, scoped.id)).statusCode).toBe(200);
    });

    it('answers 400 orgId INCONSISTENT for a court or an unknown organization', async () => {
      expect(fields((await post(admin, congress({ orgId: liaison.user.organizationId }))).json())).toEqual([{ field: 'orgId', code: 'INCONSISTENT' }]);
      expect(fields((await post(admin, congress({ orgId: '00000000-0000-4000-8000-000000000000' }))).json())).toEqual([{ field: 'orgId', code: 'INCONSISTENT' }]);
    });

    it.each([
      ['an end before the start', { endsOn: '2026-06-07' }, { field: 'endsOn', code: 'INCONSISTENT' }],
      ['61 lead days', { leadDays: 61 }, { field: 'leadDays', code: 'OUT_OF_RANGE' }],
      ['negative lead days', { leadDays: -1 }, { field: 'leadDays', code: 'OUT_OF_RANGE' }],
      ['fractional lead days', { leadDays: 1.5 }, { field: 'leadDays', code: 'INVALID_FORMAT' }],
      ['a date that does not exist', { startsOn: '2026-02-30' }, { field: 'startsOn', code: 'INVALID_FORMAT' }],
      ['a date with a time', { endsOn: '2026-06-12T00:00:00Z' }, { field: 'endsOn', code: 'INVALID_FORMAT' }],
      ['a milestone before the window', { milestones: [{ on: '2026-05-31', label: '筹备' }] }, { field: 'milestones[0].on', code: 'OUT_OF_RANGE' }],
      ['a milestone after the period', { milestones: [{ on: '2026-06-08', label: '开幕' }, { on: '2026-06-13', label: '闭幕后' }] }, { field: 'milestones[1].on', code: 'OUT_OF_RANGE' }],
      ['a milestone without a label', { milestones: [{ on: '2026-06-08', label: ' ' }] }, { field: 'milestones[0].label', code: 'REQUIRED' }],
      ['an unknown kind', { kind: 'HOLIDAY' }, { field: 'kind', code: 'INVALID_FORMAT' }],
      ['no name', { name: undefined }, { field: 'name', code: 'REQUIRED' }],
      ['a period of two years', { endsOn: '2028-06-12' }, { field: 'endsOn', code: 'OUT_OF_RANGE' }],
      ['an unknown field', { color: 'red' }, { field: 'color', code: 'FORBIDDEN' }],
    ])('answers 400 VALIDATION_FAILED naming the field for %s', async (_name, overrides, problem) => {
      const res = await post(supervisor, congress(overrides));
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(fields(res.json())).toEqual([problem]);
    });
  });

  describe('PATCH /api/sensitive-periods/:id', () => {
    it('changes the fields sent, keeps the others, and audits before and after', async () => {
      const period = await created(supervisor);
      const res = await patch(supervisor, period.id, { endsOn: '2026-06-14', leadDays: 3, basis: '市委办公室通知' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: period.name, startsOn: '2026-06-08', endsOn: '2026-06-14', leadDays: 3, windowOpensOn: '2026-06-05', basis: '市委办公室通知' });
      const rows = await auditRows('SENSITIVE_PERIOD_UPDATED', period.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ org_id: orgId, payload: { id: period.id, before: { endsOn: '2026-06-12', leadDays: 7 }, after: { endsOn: '2026-06-14', leadDays: 3 } } });
    });

    it('checks the result as a whole: a start moved past the stored end is named startsOn, a lead time that strands a milestone names it', async () => {
      const period = await created(supervisor);
      expect(fields((await patch(supervisor, period.id, { startsOn: '2026-06-13' })).json())).toEqual([{ field: 'startsOn', code: 'INCONSISTENT' }]);
      const early = await created(supervisor, congress({ milestones: [{ on: '2026-06-02', label: '动员会' }] }));
      expect(fields((await patch(supervisor, early.id, { leadDays: 2 })).json())).toEqual([{ field: 'milestones[0].on', code: 'OUT_OF_RANGE' }]);
      expect(await auditRows('SENSITIVE_PERIOD_UPDATED', period.id)).toEqual([]);
    });

    it('writes no audit row when nothing changes', async () => {
      const period = await created(supervisor);
      expect((await patch(supervisor, period.id, { name: period.name, leadDays: 7 })).statusCode).toBe(200);
      expect(await auditRows('SENSITIVE_PERIOD_UPDATED', period.id)).toEqual([]);
    });

    it('refuses a supervisor a seeded period of every organization with 403, and lets an ADMIN change a global period', async () => {
      const nationalDay = await seeded('national-day-2027');
      expect((await patch(supervisor, nationalDay.id, { leadDays: 10 })).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      const global = await created(admin, congress({ kind: 'CUSTOM', name: '全市重大活动' }));
      const res = await patch(admin, global.id, { startsOn: '2026-06-09', verified: false });
      expect(res.json()).toMatchObject({ startsOn: '2026-06-09', verified: false, updatedBy: admin.user.id });
      expect(await auditRows('SENSITIVE_PERIOD_UPDATED', global.id)).toMatchObject([{ org_id: null }]);
    });

    it('answers 404 to a supervisor of another organization and 403 to a mediator', async () => {
      const period = await created(supervisor);
      expect((await patch(otherSupervisor, period.id, { leadDays: 1 })).statusCode).toBe(404);
      expect((await patch(mediator, period.id, { leadDays: 1 })).statusCode).toBe(403);
    });

    it('lets an ADMIN make an organization’s period global, audited in the organization it left', async () => {
      const period = await created(supervisor);
      expect((await patch(admin, period.id, { orgId: null })).json()).toMatchObject({ orgId: null });
      expect(await auditRows('SENSITIVE_PERIOD_UPDATED', period.id)).toMatchObject([{ org_id: orgId, payload: { before: { orgId }, after: { orgId: null } } }]);
    });

    it('refuses a supervisor moving their period to another organization', async () => {
      const period = await created(supervisor);
      expect((await patch(supervisor, period.id, { orgId: otherSupervisor.user.organizationId })).statusCode).toBe(403);
      expect((await get(supervisor, period.id)).json()).toMatchObject({ orgId });
    });
  });

  describe('DELETE /api/sensitive-periods/:id', () => {
    it('deactivates rather than deletes, audited once; a second DELETE changes nothing', async () => {
      const period = await created(supervisor);
      const res = await remove(supervisor, period.id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: period.id, active: false });
      expect((await get(mediator, period.id)).json()).toMatchObject({ active: false });
      expect((await remove(supervisor, period.id)).statusCode).toBe(200);
      const rows = await auditRows('SENSITIVE_PERIOD_DEACTIVATED', period.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].payload).toMatchObject({ before: { active: true }, after: { active: false } });
    });

    it('reactivates through PATCH active: true', async () => {
      const period = await created(supervisor);
      await remove(supervisor, period.id);
      expect((await patch(supervisor, period.id, { active: true })).json()).toMatchObject({ active: true });
    });

    it('refuses mediators (403), another organization’s supervisor (404) and a supervisor on a global period (403)', async () => {
      const period = await created(supervisor);
      expect((await remove(mediator, period.id)).statusCode).toBe(403);
      expect((await remove(liaison, period.id)).statusCode).toBe(403);
      expect((await remove(otherSupervisor, period.id)).statusCode).toBe(404);
      expect((await remove(supervisor, (await seeded('labour-day-2027')).id)).statusCode).toBe(403);
      expect((await get(supervisor, period.id)).json()).toMatchObject({ active: true });
    });
  });

  describe(RiskPolicyService.name, () => {
    const active = async () => (await t.app.get(RiskPolicyService).policy(t.app.get(DataSource).manager)).periods;

    it('gives the engine every active period, global and of any organization, by row id', async () => {
      const period = await created(supervisor);
      const periods = await active();
      expect(periods.find((p) => p.id === period.id)).toEqual({
        id: period.id,
        name: period.name,
        kind: 'PARTY_CONGRESS',
        startsOn: '2026-06-08',
        endsOn: '2026-06-12',
        leadDays: 7,
        milestones: [{ on: '2026-06-08', label: '开幕' }],
        orgId,
        active: true,
        verified: true,
        basis: '',
      });
      expect(periods.find((p) => p.name === '2026年国庆节')).toMatchObject({ startsOn: '2026-10-01', endsOn: '2026-10-07', orgId: null });
    });

    it('leaves out a period as soon as it is deactivated, though it was read (and cached) just before', async () => {
      const period = await created(supervisor);
      expect((await active()).map((p) => p.id)).toContain(period.id);
      await remove(supervisor, period.id);
      expect((await active()).map((p) => p.id)).not.toContain(period.id);
    });

    it('sees a change another instance (or an operator) committed straight to the table', async () => {
      const period = await created(supervisor);
      expect((await active()).map((p) => p.id)).toContain(period.id);
      const owner = await t.owner();
      await owner.query('UPDATE sensitive_periods SET lead_days = 0 WHERE id = $1', [period.id]);
      expect((await active()).find((p) => p.id === period.id)).toMatchObject({ leadDays: 0 });
    });

    it('sees a change inside the transaction that makes it, and forgets it when that transaction rolls back', async () => {
      const period = await created(supervisor);
      const policy = t.app.get(RiskPolicyService);
      await expect(
        t.app.get(DataSource).transaction(async (tx) => {
          await tx.query('UPDATE sensitive_periods SET active = false WHERE id = $1', [period.id]);
          expect((await policy.policy(tx)).periods.map((p) => p.id)).not.toContain(period.id);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      // The next committed change must not be taken for the rolled-back one: a revision is never handed out twice.
      const next = await created(supervisor);
      expect((await active()).map((p) => p.id)).toEqual(expect.arrayContaining([period.id, next.id]));
    });

    it('answers a copy each time, with frozen periods that a caller cannot alter for the next one', async () => {
      const first = await active();
      first.pop();
      expect(() => Object.assign(first[0], { leadDays: 99 })).toThrow(TypeError);
      expect((await active()).length).toBe(first.length + 1);
    });
  });

  describe('database', () => {
    it('lets the application role read, add and change periods, but not delete them', async () => {
      const [role] = (await t.app.get(DataSource).query('SELECT current_user AS name')) as { name: string }[];
      const owner = await t.owner();
      const [privileges] = (await owner.query(
        `SELECT has_table_privilege($1, 'sensitive_periods', 'SELECT') AS "select", has_table_privilege($1, 'sensitive_periods', 'INSERT') AS "insert",
                has_table_privilege($1, 'sensitive_periods', 'UPDATE') AS "update", has_table_privilege($1, 'sensitive_periods', 'DELETE') AS "delete"`,
        [role.name],
      )) as Record<string, boolean>[];
      expect(role.name).toBe('tiaojie_app');
      expect(privileges).toEqual({ select: true, insert: true, update: true, delete: false });
      await expect(t.app.get(DataSource).query('DELETE FROM sensitive_periods WHERE code = $1', ['two-sessions-2025'])).rejects.toThrow(/permission denied/);
    });

    it('refuses a period ending before it starts or with more than 60 lead days, whoever writes it', async () => {
      const owner = await t.owner();
      const insert = (startsOn: string, endsOn: string, leadDays: number) =>
        owner.query(`INSERT INTO sensitive_periods (name, kind, starts_on, ends_on, lead_days) VALUES ('x', 'CUSTOM', $1, $2, $3)`, [startsOn, endsOn, leadDays]);
      await expect(insert('2026-06-08', '2026-06-07', 7)).rejects.toThrow(/chk_sensitive_periods_dates/);
      await expect(insert('2026-06-08', '2026-06-09', 61)).rejects.toThrow(/chk_sensitive_periods_lead_days/);
    });
  });
});
