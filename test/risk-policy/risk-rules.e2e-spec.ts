import { DataSource } from 'typeorm';
import { RiskPolicyService } from '../../src/risk-policy/risk-policy.service';
import { RiskRuleSetsService } from '../../src/risk-policy/risk-rule-sets.service';
import { DEFAULT_RISK_RULES, type RiskRule } from '../../src/risk/risk-rules';
import { backendsWaitingOnLocks, waitFor } from '../audit/audit-fixtures';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

interface RuleSet {
  version: number;
  rules: RiskRule[];
  note: string | null;
  createdAt: string;
  createdBy: string | null;
}

type Json = Record<string, unknown>;

describe(RiskRuleSetsService.name, () => {
  let t: TestApp;
  let admin: SignedInUser;
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let liaison: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createSignedInUser(t, { role: 'ADMIN' });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR' });
    liaison = await createSignedInUser(t, { role: 'COURT_LIAISON' });
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (user: SignedInUser, url = '/api/risk-rules') => t.request({ method: 'GET', url, headers: user.auth });
  const put = (user: SignedInUser, payload: object) => t.request({ method: 'PUT', url: '/api/risk-rules', headers: user.auth, payload });

  async function current(): Promise<RuleSet> {
    return (await get(admin)).json() as RuleSet;
  }

  /** The default rules with one rule's params replaced, as plain JSON an editor would send. */
  function rulesWith(id: string, params: Json): Json[] {
    return DEFAULT_RISK_RULES.rules.map((rule) => (rule.id === id ? { ...rule, params } : { ...rule })) as unknown as Json[];
  }

  async function auditRows(version: number): Promise<{ org_id: string | null; category: string; payload: Json }[]> {
    return t.app.get(DataSource).query(`SELECT org_id, category, payload FROM audit_entries WHERE action = 'RISK_RULES_CHANGED' AND (payload->>'version')::int = $1`, [version]);
  }

  async function versionCount(): Promise<number> {
    return ((await get(admin, '/api/risk-rules/versions')).json() as unknown[]).length;
  }

  describe('GET /api/risk-rules', () => {
    it('starts with version 1, the thresholds of DOMAIN §5, seeded by nobody', async () => {
      const res = await get(supervisor, '/api/risk-rules/versions/1');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ version: 1, rules: DEFAULT_RISK_RULES.rules, note: expect.any(String), createdAt: expect.any(String), createdBy: null });
    });

    it('answers the highest version to a supervisor and an ADMIN', async () => {
      const versions = (await get(supervisor, '/api/risk-rules/versions')).json() as RuleSet[];
      const res = await get(supervisor);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: versions[0].version });
    });

    it('refuses mediators and court liaisons with 403', async () => {
      expect((await get(mediator)).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await get(liaison)).statusCode).toBe(403);
      expect((await get(mediator, '/api/risk-rules/versions')).statusCode).toBe(403);
    });

    it('answers 404 for a version that does not exist and 400 for one that is not a number', async () => {
      expect((await get(admin, '/api/risk-rules/versions/99999')).json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect((await get(admin, '/api/risk-rules/versions/latest')).json()).toMatchObject({ statusCode: 400, details: [{ field: 'version', code: 'INVALID_FORMAT' }] });
    });
  });

  describe('PUT /api/risk-rules', () => {
    it('stores the next version, makes it current, keeps the old one, and audits what changed', async () => {
      const base = await current();
      const res = await put(admin, { rules: rulesWith('ARREARS_2', { minMonths: 3 }), note: '冬季专项行动期间调整阈值', baseVersion: base.version });
      expect(res.statusCode).toBe(200);
      const next = res.json() as RuleSet;
      expect(next).toMatchObject({ version: base.version + 1, note: '冬季专项行动期间调整阈值', createdBy: admin.user.id });
      expect(next.rules.find((rule) => rule.id === 'ARREARS_2')).toMatchObject({ params: { minMonths: 3 } });
      expect((await current()).version).toBe(base.version + 1);
      expect(((await get(admin, '/api/risk-rules/versions')).json() as RuleSet[]).slice(0, 2).map((v) => v.version)).toEqual([base.version + 1, base.version]);
      expect((await get(admin, `/api/risk-rules/versions/${base.version}`)).json()).toMatchObject({ rules: base.rules });

      const rows = await auditRows(next.version);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ org_id: null, category: 'RISK', payload: { version: next.version, baseVersion: base.version, note: '冬季专项行动期间调整阈值' } });
      expect(rows[0].payload.changes).toEqual([
        { id: 'ARREARS_2', before: expect.objectContaining({ params: { minMonths: 2 } }), after: expect.objectContaining({ params: { minMonths: 3 } }) },
      ]);
    });

    it('refuses a stale baseVersion with 412 VERSION_CONFLICT naming the current version, storing and auditing nothing', async () => {
      const base = await current();
      expect((await put(admin, { rules: rulesWith('AMOUNT', { above: '150000.00' }), baseVersion: base.version })).statusCode).toBe(200);
      const count = await versionCount();
      const res = await put(admin, { rules: rulesWith('AMOUNT', { above: '200000.00' }), baseVersion: base.version });
      expect(res.statusCode).toBe(412);
      expect(res.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: base.version + 1 } });
      expect(await versionCount()).toBe(count);
      expect(await auditRows(base.version + 2)).toEqual([]);
    });

    it('refuses a baseVersion ahead of the current one, which would leave a gap', async () => {
      const base = await current();
      expect((await put(admin, { rules: rulesWith('AMOUNT', { above: '90000.00' }), baseVersion: base.version + 5 })).json()).toMatchObject({
        statusCode: 412,
        details: { currentVersion: base.version },
      });
    });

    it('lets exactly one of two editors on the same base win; the other gets 412', async () => {
      const base = await current();
      const [a, b] = await Promise.all([
        put(admin, { rules: rulesWith('COLLECTIVE_30', { minWorkers: 40 }), baseVersion: base.version }),
        put(admin, { rules: rulesWith('COLLECTIVE_30', { minWorkers: 50 }), baseVersion: base.version }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
      expect((await current()).version).toBe(base.version + 1);
      expect(await auditRows(base.version + 1)).toHaveLength(1);
    });

    it('answers 412, not 500, to the editor who passed the version check but lost the insert to a concurrent one', async () => {
      const base = await current();
      const rival = t.app.get(DataSource).createQueryRunner();
      await rival.connect();
      try {
        await rival.startTransaction();
        await rival.query('INSERT INTO risk_rule_sets (version, rules) VALUES ($1, $2)', [base.version + 1, JSON.stringify(base.rules)]);
        const pending = put(admin, { rules: rulesWith('AMOUNT', { above: '120000.00' }), baseVersion: base.version });
        await waitFor(async () => (await backendsWaitingOnLocks(t)) > 0);
        await rival.commitTransaction();
        expect((await pending).json()).toMatchObject({ statusCode: 412, code: 'VERSION_CONFLICT', details: { currentVersion: base.version + 1 } });
      } finally {
        await rival.release();
      }
    });

    it('answers 400 VALIDATION_FAILED naming every bad field of a bad rule set, and stores nothing', async () => {
      const base = await current();
      const count = await versionCount();
      const rules = rulesWith('ARREARS_1', { minMonths: 0 });
      rules[4] = { ...rules[4], level: 'PURPLE' };
      rules[6] = { ...rules[6], params: { above: 100000 } };
      rules.pop();
      const res = await put(admin, { rules, baseVersion: base.version });
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const details = (res.json() as { details: { field: string; code: string }[] }).details.map(({ field, code }) => ({ field, code }));
      expect(details).toEqual(
        expect.arrayContaining([
          { field: 'rules[3].params.minMonths', code: 'OUT_OF_RANGE' },
          { field: 'rules[4].level', code: 'INVALID_FORMAT' },
          { field: 'rules[6].params.above', code: 'INVALID_FORMAT' },
          { field: 'rules', code: 'REQUIRED' },
        ]),
      );
      expect(await versionCount()).toBe(count);
    });

    it('refuses tiers in the wrong order, naming the higher tier', async () => {
      const base = await current();
      const res = await put(admin, { rules: rulesWith('COLLECTIVE_30', { minWorkers: 10 }), baseVersion: base.version });
      expect(res.json()).toMatchObject({ statusCode: 400, details: [{ field: 'rules[1].params.minWorkers', code: 'INCONSISTENT' }] });
    });

    it.each([
      ['no rules', { baseVersion: 1 }, { field: 'rules', code: 'REQUIRED' }],
      ['rules that are not an array', { rules: {}, baseVersion: 1 }, { field: 'rules', code: 'INVALID_FORMAT' }],
      ['no baseVersion', { rules: [] }, { field: 'baseVersion', code: 'REQUIRED' }],
      ['a baseVersion of 0', { rules: [], baseVersion: 0 }, { field: 'baseVersion', code: 'OUT_OF_RANGE' }],
      ['an unknown field', { rules: [], baseVersion: 1, version: 2 }, { field: 'version', code: 'FORBIDDEN' }],
    ])('answers 400 naming the field for %s', async (_name, payload, problem) => {
      const res = await put(admin, payload);
      expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', details: [problem] });
    });

    it('is for an ADMIN only: a supervisor gets 403', async () => {
      const base = await current();
      expect((await put(supervisor, { rules: rulesWith('AMOUNT', { above: '1.00' }), baseVersion: base.version })).json()).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      expect((await current()).version).toBe(base.version);
    });
  });

  describe(RiskPolicyService.name, () => {
    it('runs the engine with the new version as soon as a PUT commits, though the old one was read (and cached) just before', async () => {
      const policy = t.app.get(RiskPolicyService);
      const manager = t.app.get(DataSource).manager;
      const { ruleSet: before } = await policy.policy(manager);
      expect(before.version).toBe((await current()).version);
      expect((await put(admin, { rules: rulesWith('HARDSHIP', { flags: ['HARDSHIP'] }), baseVersion: before.version })).statusCode).toBe(200);
      const { ruleSet: after } = await policy.policy(manager);
      expect(after.version).toBe(before.version + 1);
      expect(after.rules).toEqual(rulesWith('HARDSHIP', { flags: ['HARDSHIP'] }));
    });
  });

  describe('database', () => {
    it('lets the application role add rule-set versions but never change or delete one', async () => {
      const app = t.app.get(DataSource);
      await expect(app.query(`UPDATE risk_rule_sets SET note = 'x' WHERE version = 1`)).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM risk_rule_sets WHERE version = 1')).rejects.toThrow(/permission denied/);
      const owner = await t.owner();
      const [privileges] = (await owner.query(
        `SELECT has_table_privilege('tiaojie_app', 'risk_rule_sets', 'SELECT') AS "select", has_table_privilege('tiaojie_app', 'risk_rule_sets', 'INSERT') AS "insert"`,
      )) as Record<string, boolean>[];
      expect(privileges).toEqual({ select: true, insert: true });
    });

    it('lets the application role read the policy revision that keys the caches, but not set it', async () => {
      const app = t.app.get(DataSource);
      const [{ revision }] = (await app.query('SELECT revision::text AS revision FROM risk_policy_revisions')) as { revision: string }[];
      await expect(app.query('UPDATE risk_policy_revisions SET revision = 1')).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM risk_policy_revisions')).rejects.toThrow(/permission denied/);
      await app.query(`UPDATE sensitive_periods SET basis = basis WHERE code = 'two-sessions-2026'`);
      const [after] = (await app.query('SELECT revision::text AS revision FROM risk_policy_revisions')) as { revision: string }[];
      expect(BigInt(after.revision)).toBeGreaterThan(BigInt(revision));
    });
  });
});
