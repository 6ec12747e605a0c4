import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { collectiveCaseBody, createCase, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

// xmin is the transaction that wrote the row version: it stays put exactly when nothing rewrote the row.
describe('stored risk is written only when it changes', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let caseId: string;

  const rowVersion = async () =>
    ((await t.app.get(DataSource).query('SELECT xmin::text AS xmin, risk_level FROM cases WHERE id = $1', [caseId])) as { xmin: string; risk_level: string }[])[0];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    const mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    caseId = (await createCase(t, mediator, collectiveCaseBody())).id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('leaves a case row alone when a screening as of today finds the level and reasons it already stores', async () => {
    const before = await rowVersion();
    expect(before.risk_level).toBe('ORANGE');
    const res = await t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf: '2026-09-16' }, headers: supervisor.auth });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { cases: { caseId: string; level: string }[] }).cases).toEqual([expect.objectContaining({ caseId, level: 'ORANGE' })]);
    expect(await rowVersion()).toEqual(before);
  });
});
