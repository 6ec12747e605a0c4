import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { DailyScreeningWorker } from '../../src/risk-assessment/daily-screening.worker';
import { assignMediator, collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, signIn, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Screening {
  id: string;
  asOf: string;
  trigger: string;
  windows: { kind: string; phase: string; startsOn: string }[];
  casesScreened: number;
  counts: Record<string, number>;
  alertsRaised: number;
  ruleSetVersion: number;
  by: { id: string; displayName: string } | null;
  cases: { caseId: string; level: string; baseLevel: string; reasons: { ruleId: string }[]; mediator: { id: string; displayName: string } | null }[];
}

describe('risk on cases and risk screenings', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let outsider: SignedInUser;
  let collective: string;
  let individual: string;
  let rejected: string;

  const query = async <T>(sql: string, params: unknown[] = []) => (await t.app.get(DataSource).query(sql, params)) as T[];
  const alertsOf = (caseId: string) =>
    query<{ kind: string; level: string; status: string; scope_ref: string }>('SELECT kind, level, status, scope_ref FROM alerts WHERE case_id = $1 ORDER BY raised_at, kind', [caseId]);

  async function reSignIn(): Promise<void> {
    for (const user of [supervisor, mediator, outsider]) {
      user.token = await signIn(t, user.user.username, user.password);
      user.auth = { authorization: `Bearer ${user.token}` };
    }
  }

  const screen = (user: SignedInUser, asOf: unknown) => t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf }, headers: user.auth });

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    outsider = await createSignedInUser(t, { role: 'SUPERVISOR' });
    collective = (await createCase(t, mediator, collectiveCaseBody())).id;
    individual = (await createCase(t, mediator, individualCaseBody())).id;
    rejected = (await createCase(t, mediator, individualCaseBody())).id;
    const res = await t.request({ method: 'POST', url: `/api/cases/${rejected}/events`, payload: { type: 'REJECT', reason: 'DUPLICATE', note: '重复登记' }, headers: mediator.auth });
    expect(res.statusCode).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('scores a case at intake and opens its RISK_LEVEL alert in the same transaction', async () => {
    const detail = (await t.request({ method: 'GET', url: `/api/cases/${collective}`, headers: supervisor.auth })).json() as { riskLevel: string; riskReasons: { ruleId: string }[] };
    // 12 migrant workers, two months unpaid, ¥186,000, hardship: ORANGE on 2026-09-16, before National Day's lead time.
    expect(detail.riskLevel).toBe('ORANGE');
    expect(detail.riskReasons.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['COLLECTIVE_10', 'MIGRANT_WAGE', 'ARREARS_2', 'AMOUNT', 'HARDSHIP']));
    expect(await alertsOf(collective)).toEqual([{ kind: 'RISK_LEVEL', level: 'ORANGE', status: 'OPEN', scope_ref: 'risk' }]);
    const plain = (await t.request({ method: 'GET', url: `/api/cases/${individual}`, headers: supervisor.auth })).json() as { riskLevel: string };
    expect(plain.riskLevel).toBe('BLUE');
    expect(await alertsOf(individual)).toEqual([]);
  });

  it('screens the open cases as of a date inside a sensitive window and prints the ledger, most serious first', async () => {
    const res = await screen(supervisor, '2026-09-24');
    expect(res.statusCode).toBe(201);
    const body = res.json() as Screening;
    expect(body).toMatchObject({ asOf: '2026-09-24', trigger: 'ON_DEMAND', casesScreened: 2, counts: { BLUE: 0, YELLOW: 1, ORANGE: 0, RED: 1 }, ruleSetVersion: 1 });
    expect(body.windows).toEqual([expect.objectContaining({ kind: 'NATIONAL_DAY', phase: 'inLead', startsOn: '2026-10-01' })]);
    expect(body.cases.map((c) => [c.caseId, c.level, c.baseLevel])).toEqual([
      [collective, 'RED', 'ORANGE'],
      [individual, 'YELLOW', 'BLUE'],
    ]);
    expect(body.cases.map((c) => c.caseId)).not.toContain(rejected);

    // A SENSITIVE_PERIOD alert for the case that was already YELLOW or above before the raise; the closed case gets
    // its limitation watch (the limitation ends 2026-10-08); the stored levels still say what holds today.
    expect((await alertsOf(collective)).map((a) => a.kind)).toEqual(['RISK_LEVEL', 'SENSITIVE_PERIOD']);
    expect((await alertsOf(individual)).map((a) => a.kind)).toEqual([]);
    expect(await alertsOf(rejected)).toEqual([{ kind: 'LIMITATION_WATCH', level: 'YELLOW', status: 'OPEN', scope_ref: 'limitation:2026-10-08' }]);
    expect(body.alertsRaised).toBe(2);
    expect((await query<{ risk_level: string }>('SELECT risk_level FROM cases WHERE id = $1', [collective]))[0].risk_level).toBe('ORANGE');

    const audit = await query<{ action: string; payload: { screeningId: string } }>(
      `SELECT action, payload FROM audit_entries WHERE chain_id = $1 AND action = 'RISK_SCREENING_RUN'`,
      [`org:${supervisor.user.organizationId}`],
    );
    expect(audit.map((a) => a.payload.screeningId)).toContain(body.id);

    const again = (await screen(supervisor, '2026-09-24')).json() as Screening;
    expect(again.alertsRaised).toBe(0);
    expect((await alertsOf(collective)).length).toBe(2);
    expect((await t.request({ method: 'GET', url: `/api/risk-screenings/${body.id}`, headers: supervisor.auth })).json()).toMatchObject({ id: body.id, cases: body.cases });
  });

  it('recomputes the stored level as of today on the next change, raising the open alert in place', async () => {
    clock.set('2026-09-24T01:00:00Z');
    await reSignIn();
    const res = await t.request({ method: 'POST', url: `/api/cases/${collective}/events`, payload: { type: 'ACCEPT' }, headers: mediator.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ riskLevel: 'RED' });
    expect((await alertsOf(collective)).filter((a) => a.kind === 'RISK_LEVEL')).toEqual([{ kind: 'RISK_LEVEL', level: 'RED', status: 'OPEN', scope_ref: 'risk' }]);
    const raised = await query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entries WHERE case_id = $1 AND action = 'ALERT_LEVEL_RAISED'`, [collective]);
    expect(raised[0].n).toBe(1);
  });

  it('raises a collective migrant wage-arrears case one level inside the winter campaign, and not in July (DOMAIN K1)', async () => {
    const k1 = (await createCase(t, mediator, collectiveCaseBody({ arrearsMonths: 1, riskFlags: [] }))).id;
    const levelOn = async (asOf: string) => {
      const body = (await screen(supervisor, asOf)).json() as Screening;
      return { row: body.cases.find((c) => c.caseId === k1)!, windows: body.windows.map((w) => w.kind) };
    };
    const july = await levelOn('2026-07-15');
    expect(july.windows).toEqual([]);
    expect(july.row).toMatchObject({ level: 'YELLOW', baseLevel: 'YELLOW' });
    const december = await levelOn('2026-12-01');
    expect(december.windows).toEqual(['WINTER_WAGE_CAMPAIGN']);
    expect(december.row).toMatchObject({ level: 'ORANGE', baseLevel: 'YELLOW' });
    expect(december.row.reasons.map((r) => r.ruleId)).toContain('SENSITIVE_PERIOD');
  });

  it('answers a screening with exactly what reading it back gives: ledger order, mediators, author, alerts raised', async () => {
    const head = await createSignedInUser(t, { role: 'SUPERVISOR', displayName: '王建华' });
    const organizationId = head.user.organizationId;
    const zhang = await createSignedInUser(t, { role: 'MEDIATOR', organizationId, displayName: '张调解' });
    const li = await createSignedInUser(t, { role: 'MEDIATOR', organizationId, displayName: '李调解' });
    // Registered least serious first, so that the ledger's order is not the order of the case numbers.
    const unassigned = (await createCase(t, zhang, individualCaseBody())).id;
    const plain = (await createCase(t, zhang, individualCaseBody())).id;
    const k1 = (await createCase(t, zhang, collectiveCaseBody({ arrearsMonths: 1, riskFlags: [] }))).id;
    const serious = (await createCase(t, zhang, collectiveCaseBody())).id;
    for (const [caseId, mediator] of [[plain, li], [k1, zhang], [serious, li]] as const) await assignMediator(t, caseId, mediator.user.id);
    const person = (user: SignedInUser) => ({ id: user.user.id, displayName: user.user.displayName });

    const expected = {
      '2026-09-24': [[serious, 'RED'], [k1, 'ORANGE'], [unassigned, 'YELLOW'], [plain, 'YELLOW']],
      '2026-07-15': [[serious, 'ORANGE'], [k1, 'YELLOW'], [unassigned, 'BLUE'], [plain, 'BLUE']],
    };
    const alertsRaised: number[] = [];
    for (const [asOf, ledger] of Object.entries(expected)) {
      const posted = await screen(head, asOf);
      expect(posted.statusCode).toBe(201);
      const answer = posted.json() as Screening;
      alertsRaised.push(answer.alertsRaised);
      expect(answer.cases.map((c) => [c.caseId, c.level])).toEqual(ledger);
      expect(answer.cases.map((c) => c.mediator)).toEqual(ledger.map(([caseId]) => (caseId === unassigned ? null : person(caseId === k1 ? zhang : li))));
      expect(answer.by).toEqual(person(head));
      const read = await t.request({ method: 'GET', url: `/api/risk-screenings/${answer.id}`, headers: head.auth });
      expect(read.json()).toEqual(answer);
    }
    // The first opens SENSITIVE_PERIOD alerts, so the answer's count is one the screening wrote after the ledger.
    expect(alertsRaised[0]).toBeGreaterThan(0);
  });

  it('leaves the ledger out of the answer when asked for Prefer: return=minimal, and keeps it for reading back', async () => {
    const head = await createSignedInUser(t, { role: 'SUPERVISOR' });
    const desk = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: head.user.organizationId });
    const screened = (await createCase(t, desk, collectiveCaseBody())).id;
    const posted = await t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf: '2026-09-24' }, headers: { ...head.auth, prefer: 'return=minimal' } });
    expect(posted.statusCode).toBe(201);
    expect(posted.headers['preference-applied']).toBe('return=minimal');
    const answer = posted.json() as Partial<Screening>;
    expect(answer).not.toHaveProperty('cases');
    expect(answer).toMatchObject({ asOf: '2026-09-24', casesScreened: 1, counts: { RED: 1 } });
    const read = (await t.request({ method: 'GET', url: `/api/risk-screenings/${answer.id}`, headers: head.auth })).json() as Screening;
    expect(read).toEqual({ ...answer, cases: [expect.objectContaining({ caseId: screened, level: 'RED' })] });
    const full = await screen(head, '2026-09-24');
    expect(full.headers).not.toHaveProperty('preference-applied');
    expect((full.json() as Screening).cases).toHaveLength(1);
  });

  it("pages through a ledger, most serious first, by level, with each hardship case's assistance as of the screening date", async () => {
    const head = await createSignedInUser(t, { role: 'SUPERVISOR' });
    const desk = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: head.user.organizationId });
    const hardship = async () => {
      const { id } = await createCase(t, desk, collectiveCaseBody());
      await assignMediator(t, id, desk.user.id);
      return id;
    };
    const [unhelped, helped, proposed] = [await hardship(), await hardship(), await hardship()];
    const plain = (await createCase(t, desk, individualCaseBody())).id;
    const post = async (url: string, user: SignedInUser, payload: object) => {
      const res = await t.request({ method: 'POST', url, headers: user.auth, payload });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string };
    };
    const relief = { applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '2000.00', givenOn: '2026-09-20', note: '家中老人住院，生活困难' };
    const given = await post(`/api/cases/${helped}/assistance`, desk, relief);
    await post(`/api/cases/${helped}/assistance/${given.id}/approve`, head, { note: '经工会研究同意' });
    await post(`/api/cases/${proposed}/assistance`, desk, relief);

    const posted = await t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf: '2026-09-24' }, headers: { ...head.auth, prefer: 'return=minimal' } });
    const { id } = posted.json() as Screening;
    const page = async (query: string, user = head) => t.request({ method: 'GET', url: `/api/risk-screenings/${id}/cases?${query}`, headers: user.auth });
    type Page = { items: (Screening['cases'][number] & { assistance: string | null })[]; total: number; page: number; pageSize: number; hardship: unknown };

    const whole = (await t.request({ method: 'GET', url: `/api/risk-screenings/${id}`, headers: head.auth })).json() as Screening;
    const first = (await page('pageSize=3')).json() as Page;
    const second = (await page('pageSize=3&page=2')).json() as Page;
    expect([...first.items, ...second.items]).toEqual(whole.cases.map((row) => expect.objectContaining(row)));
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3, hardship: { cases: 3, withoutAssistance: 1 } });
    expect(second.items.map((row) => [row.caseId, row.level, row.assistance])).toEqual([[plain, 'YELLOW', null]]);
    const standing = new Map(first.items.map((row) => [row.caseId, row.assistance]));
    expect(Object.fromEntries([unhelped, helped, proposed].map((caseId) => [caseId, standing.get(caseId)]))).toEqual({ [unhelped]: 'NONE', [helped]: 'APPROVED', [proposed]: 'PROPOSED' });

    const red = (await page('level=RED')).json() as Page;
    expect(red).toMatchObject({ total: 3, page: 1, pageSize: 100, hardship: { cases: 3, withoutAssistance: 1 } });
    expect(red.items.map((row) => row.level)).toEqual(['RED', 'RED', 'RED']);
    expect((await page('level=BLUE')).json()).toMatchObject({ items: [], total: 0 });
    // A level's pages, its last one and one past it, are runs of the ledger's positions.
    expect(((await page('level=YELLOW')).json() as Page).items.map((row) => row.caseId)).toEqual([plain]);
    expect(((await page('level=RED&pageSize=2&page=2')).json() as Page).items.map((row) => row.caseId)).toEqual([first.items[2].caseId]);
    expect((await page('level=RED&pageSize=2&page=3')).json()).toMatchObject({ items: [], total: 3 });
    expect((await page('pageSize=3&page=3')).json()).toMatchObject({ items: [], total: 4 });

    const minimal = await t.request({ method: 'GET', url: `/api/risk-screenings/${id}`, headers: { ...head.auth, prefer: 'return=minimal' } });
    expect(minimal.headers['preference-applied']).toBe('return=minimal');
    const { cases: _ledger, ...summary } = whole;
    expect(minimal.json()).toEqual(summary);

    for (const [query, field] of [['pageSize=501', 'pageSize'], ['page=0', 'page'], ['level=PURPLE', 'level']]) {
      const bad = await page(query);
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field })] });
    }
    expect((await page('', desk)).statusCode).toBe(403);
    expect((await page('', outsider)).json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes nothing to the rows of the cases a screening only reads, so that a city-wide daily run dirties no case page', async () => {
    const head = await createSignedInUser(t, { role: 'SUPERVISOR' });
    const desk = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: head.user.organizationId });
    const quiet = (await createCase(t, desk, individualCaseBody())).id;
    // xmax is set by whatever locks or replaces a row version, a foreign key's key-share check included.
    const lockedBy = async () => (await query<{ xmax: string }>('SELECT xmax::text FROM cases WHERE id = $1', [quiet]))[0].xmax;
    expect((await screen(head, '2026-07-15')).statusCode).toBe(201);
    const before = await lockedBy();
    expect((await screen(head, '2026-07-16')).statusCode).toBe(201);
    expect(await lockedBy()).toBe(before);
  });

  it('lets only a supervisor screen, and only their own organization', async () => {
    expect((await screen(mediator, '2026-09-24')).statusCode).toBe(403);
    const bad = await screen(supervisor, '2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'asOf' })] });
    const mine = (await t.request({ method: 'GET', url: '/api/risk-screenings', headers: supervisor.auth })).json() as { items: { id: string }[] };
    expect(mine.items.length).toBeGreaterThan(0);
    const foreign = await t.request({ method: 'GET', url: `/api/risk-screenings/${mine.items[0].id}`, headers: outsider.auth });
    expect(foreign.statusCode).toBe(404);
    expect(((await t.request({ method: 'GET', url: '/api/risk-screenings', headers: outsider.auth })).json() as { items: unknown[] }).items).toEqual([]);
  });

  it('runs the daily screening once per union organization and date, however many instances try', async () => {
    clock.set('2026-09-25T00:00:00Z');
    const worker = t.app.get(DailyScreeningWorker);
    const runs = await Promise.all([worker.screenAll(), worker.screenAll(), worker.screenAll()]);
    const unions = await query<{ n: number }>(`SELECT count(*)::int AS n FROM organizations WHERE kind = 'UNION'`);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(unions[0].n);
    const rows = await query<{ organization_id: string; n: number }>(
      `SELECT organization_id, count(*)::int AS n FROM risk_screenings WHERE trigger = 'SCHEDULED' AND as_of = '2026-09-25' GROUP BY organization_id`,
    );
    expect(rows.length).toBe(unions[0].n);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(await worker.screenAll()).toBe(0);
  });
});
