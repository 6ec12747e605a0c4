import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { assignMediator, collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW, type CaseDetail } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, signIn, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

interface Listed {
  items: { id: string; kind: string; title: string; body: string; caseId: string | null; alertId: string | null; screeningId: string | null }[];
}

/**
 * A screening tells each person once, in a digest of the alerts it raised for them, and the same people as raise()
 * would tell alert by alert (DOMAIN §5 "Response by level"); alerts raised one at a time still notify one by one.
 */
describe('screening digests', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let courtId: string;
  let supervisor: SignedInUser;
  let mediatorA: SignedInUser;
  let mediatorB: SignedInUser;
  let liaison: SignedInUser;
  let casesOfA: CaseDetail[];
  let plainOfB: CaseDetail;
  let courtCase: CaseDetail;

  const sql = async <T>(text: string, params: unknown[] = []) => (await t.app.get(DataSource).query(text, params)) as T[];
  const list = async (user: SignedInUser) => (await t.request({ method: 'GET', url: '/api/notifications?pageSize=100', headers: user.auth })).json() as Listed;
  async function reSignIn(...users: SignedInUser[]): Promise<void> {
    for (const user of users) {
      user.token = await signIn(t, user.user.username, user.password);
      user.auth = { authorization: `Bearer ${user.token}` };
    }
  }

  beforeAll(async () => {
    // A channel, so that each notification also gets a delivery row and a delivery job; workers are off, nothing is sent.
    t = await createTestApp({ clock, env: { NOTIFICATION_WEBHOOK_URL: 'http://127.0.0.1:9/hook' } });
    const studio = await createOrganization(t, { kind: 'UNION' });
    courtId = (await createOrganization(t, { kind: 'COURT' })).id;
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
    mediatorA = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    mediatorB = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: courtId });
    // On 2026-09-16 the plain cases are BLUE and the court's case (a month of arrears) YELLOW, with its alert open.
    casesOfA = [];
    for (let i = 0; i < 12; i += 1) casesOfA.push(await createCase(t, supervisor, individualCaseBody()));
    plainOfB = await createCase(t, supervisor, individualCaseBody());
    courtCase = await createCase(
      t,
      supervisor,
      individualCaseBody({
        source: 'COURT_DELEGATED',
        courtOrgId: courtId,
        claims: [{ type: 'WAGE_ARREARS', amount: '6200.00', description: '2026年8月工资' }],
        arrearsMonths: 1,
      }),
    );
    for (const c of casesOfA) await assignMediator(t, c.id, mediatorA.user.id);
    for (const c of [plainOfB, courtCase]) await assignMediator(t, c.id, mediatorB.user.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it("gives each person one notice for a screening's alerts, counting what they would have been told one by one", async () => {
    const before = (await sql<{ id: string }>('SELECT id FROM notifications')).map((row) => row.id);
    // National Day's lead time: every plain case rises to YELLOW, the court's case to ORANGE with a period alert.
    clock.set('2026-09-24T01:00:00Z');
    await reSignIn(supervisor, mediatorA, mediatorB, liaison);
    const res = await t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf: '2026-09-24' }, headers: supervisor.auth });
    expect(res.statusCode).toBe(201);
    const screening = res.json() as { id: string; alertsRaised: number };
    expect(screening.alertsRaised).toBe(15);

    const fresh = await sql<{ id: string; recipient_id: string; kind: string; case_id: string | null; alert_id: string | null; screening_id: string | null }>(
      'SELECT id, recipient_id, kind, case_id, alert_id, screening_id FROM notifications WHERE NOT (id = ANY($1::uuid[]))',
      [before],
    );
    expect(fresh.map((n) => n.recipient_id).sort()).toEqual([supervisor, mediatorA, mediatorB, liaison].map((u) => u.user.id).sort());
    expect(fresh.every((n) => n.kind === 'SCREENING_ALERTS' && n.screening_id === screening.id && n.case_id === null && n.alert_id === null)).toBe(true);
    const jobs = await sql<{ data: { notificationId: string; channel: string } }>(
      `SELECT data FROM pgboss.job WHERE name = 'notification-delivery' AND data->>'notificationId' = ANY($1::text[])`,
      [fresh.map((n) => n.id)],
    );
    expect(jobs.map((job) => job.data.notificationId).sort()).toEqual(fresh.map((n) => n.id).sort());
    const deliveries = await sql<{ channel: string }>('SELECT channel FROM notification_deliveries WHERE notification_id = ANY($1::uuid[])', [fresh.map((n) => n.id)]);
    expect(deliveries).toEqual(fresh.map(() => ({ channel: 'webhook' })));

    const digestOf = async (user: SignedInUser) => {
      const digests = (await list(user)).items.filter((n) => n.kind === 'SCREENING_ALERTS');
      expect(digests).toHaveLength(1);
      expect(digests[0]).toMatchObject({ screeningId: screening.id, caseId: null, alertId: null });
      return digests[0];
    };
    const numbers = (cases: readonly CaseDetail[]) => cases.map((c) => c.caseNumber).sort();
    const supervisorDigest = await digestOf(supervisor);
    expect(supervisorDigest.title).toBe('风险排查新增预警 15 条（截至 2026-09-24）');
    expect(supervisorDigest.body).toBe(
      '2026-09-24 风险排查新增预警 15 条：橙色 2 条，黄色 13 条。其中新开 14 条，原有预警升至更高等级 1 条。' +
        `涉及案件 14 件：${[courtCase.caseNumber, ...numbers([...casesOfA, plainOfB]).slice(0, 9)].join('、')} 等。`,
    );
    expect((await digestOf(mediatorA)).body).toBe(
      '2026-09-24 风险排查新增预警 12 条：黄色 12 条。其中新开 12 条，原有预警升至更高等级 0 条。' + `涉及案件 12 件：${numbers(casesOfA).slice(0, 10).join('、')} 等。`,
    );
    expect((await digestOf(mediatorB)).body).toBe(
      '2026-09-24 风险排查新增预警 3 条：橙色 2 条，黄色 1 条。其中新开 2 条，原有预警升至更高等级 1 条。' + `涉及案件 2 件：${courtCase.caseNumber}、${plainOfB.caseNumber}。`,
    );
    expect((await digestOf(liaison)).body).toBe(
      '2026-09-24 风险排查新增预警 2 条：橙色 2 条。其中新开 1 条，原有预警升至更高等级 1 条。' + `涉及案件 1 件：${courtCase.caseNumber}。`,
    );
  });

  it('still tells of an alert that a case event raises, alert by alert', async () => {
    const [otherSupervisor, otherMediator] = await (async () => {
      clock.set(INTAKE_NOW);
      const s = await createSignedInUser(t, { role: 'SUPERVISOR' });
      return [s, await createSignedInUser(t, { role: 'MEDIATOR', organizationId: s.user.organizationId })];
    })();
    // ORANGE when registered on 2026-09-16; its first event after National Day's lead time begins raises it to RED.
    const collective = await createCase(t, otherMediator, collectiveCaseBody());
    clock.set('2026-09-24T01:00:00Z');
    await reSignIn(otherSupervisor, otherMediator);
    const accepted = await t.request({ method: 'POST', url: `/api/cases/${collective.id}/events`, payload: { type: 'ACCEPT' }, headers: otherMediator.auth });
    expect(accepted.statusCode).toBe(200);
    const [alert] = await sql<{ id: string }>(`SELECT id FROM alerts WHERE case_id = $1 AND kind = 'RISK_LEVEL'`, [collective.id]);
    const theirs = (await list(otherSupervisor)).items.filter((n) => n.alertId === alert.id);
    expect(theirs.map((n) => [n.kind, n.title, n.caseId, n.screeningId])).toEqual([
      ['ALERT_RAISED', `预警升级（红色）：${collective.caseNumber}`, collective.id, null],
      ['ALERT_RAISED', `新预警（橙色）：${collective.caseNumber}`, collective.id, null],
    ]);
  });
});
