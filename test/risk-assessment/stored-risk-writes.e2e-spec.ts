import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, signIn, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

// xmin is the transaction that wrote the row version: it stays put exactly when nothing rewrote the row.
describe('stored risk is written only when it changes', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let caseId: string;
  let others: string[];

  const rowVersion = async () =>
    ((await t.app.get(DataSource).query('SELECT xmin::text AS xmin, risk_level FROM cases WHERE id = $1', [caseId])) as { xmin: string; risk_level: string }[])[0];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    const mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    caseId = (await createCase(t, mediator, collectiveCaseBody())).id;
    others = [
      (await createCase(t, mediator, individualCaseBody())).id,
      (await createCase(t, mediator, collectiveCaseBody({ arrearsMonths: 1, riskFlags: [] }))).id,
      (await createCase(t, mediator, individualCaseBody())).id,
    ];
  });

  afterAll(async () => {
    await t.close();
  });

  it('leaves a case row alone when a screening as of today finds the level and reasons it already stores', async () => {
    const before = await rowVersion();
    expect(before.risk_level).toBe('ORANGE');
    const res = await t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf: '2026-09-16' }, headers: supervisor.auth });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { cases: { caseId: string; level: string }[] }).cases).toContainEqual(expect.objectContaining({ caseId, level: 'ORANGE' }));
    expect(await rowVersion()).toEqual(before);
  });

  it('stores each case the level and reasons of its own assessment when a screening as of today changes them', async () => {
    // National Day's lead time has begun: every case is screened a level higher than it was stored at intake.
    clock.set('2026-09-24T01:00:00Z');
    const token = await signIn(t, supervisor.user.username, supervisor.password);
    const res = await t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf: '2026-09-24' }, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(201);
    const ledger = (res.json() as { cases: { caseId: string; level: string; reasons: { ruleId: string; text: string }[] }[] }).cases;
    const stored = (await t.app.get(DataSource).query('SELECT id, risk_level, risk_reasons FROM cases WHERE id = ANY($1::uuid[])', [[caseId, ...others]])) as {
      id: string;
      risk_level: string;
      risk_reasons: unknown;
    }[];
    expect(stored).toHaveLength(4);
    expect(new Set(ledger.map((row) => JSON.stringify(row.reasons))).size).toBeGreaterThanOrEqual(3);
    for (const row of stored) {
      const screened = ledger.find((c) => c.caseId === row.id)!;
      expect({ id: row.id, level: row.risk_level, reasons: row.risk_reasons }).toEqual({ id: row.id, level: screened.level, reasons: screened.reasons });
    }
    expect(stored.find((row) => row.id === caseId)!.risk_level).toBe('RED');
  });
});
