import { FixedClock } from '../../src/common/clock/clock';
import { CaseDetail, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, signIn, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

type Body = Record<string, unknown>;

interface RouteAdvice {
  route: string;
  open: boolean;
  reason: string;
  basis: string;
  deadlineOn?: string;
  daysLeft?: number;
  ifInterruptedDueOn?: string;
  calendarVerified: boolean;
  notes: string[];
}

interface RoutesAnswer {
  asOf: string;
  routes: RouteAdvice[];
}

// The clock starts at 2026-09-16 10:00 in Liaoyuan: agreements reached in these tests take effect on 2026-09-16.
describe('GET /api/cases/:id/routes (DOMAIN §6)', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let liaison: SignedInUser;
  let outsider: SignedInUser;
  let courtId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    const court = await createOrganization(t, { kind: 'COURT' });
    courtId = court.id;
    liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: court.id });
    outsider = await createSignedInUser(t, { role: 'SUPERVISOR' });
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    clock.set(INTAKE_NOW);
    await advanceDays(0);
  });

  // Tokens last one working day, so after moving the clock on by days everybody signs in again.
  async function advanceDays(days: number): Promise<void> {
    clock.advance(days * 86_400_000);
    for (const user of [supervisor, mediator, liaison, outsider]) {
      user.token = await signIn(t, user.user.username, user.password);
      user.auth = { authorization: `Bearer ${user.token}` };
    }
  }

  async function ok(user: SignedInUser, caseId: string, body: Body): Promise<CaseDetail> {
    const res = await t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: body, headers: user.auth });
    if (res.statusCode !== 200) throw new Error(`${String(body.type)} answered ${res.statusCode}: ${res.body}`);
    return res.json() as CaseDetail;
  }

  function getRoutes(user: SignedInUser, caseId: string, query = '') {
    return t.request({ method: 'GET', url: `/api/cases/${caseId}/routes${query}`, headers: user.auth });
  }

  async function routes(user: SignedInUser, caseId: string, query = ''): Promise<RoutesAnswer> {
    const res = await getRoutes(user, caseId, query);
    if (res.statusCode !== 200) throw new Error(`routes answered ${res.statusCode}: ${res.body}`);
    return res.json() as RoutesAnswer;
  }

  function byRoute(answer: RoutesAnswer, route: string): RouteAdvice {
    const found = answer.routes.find((candidate) => candidate.route === route);
    if (found === undefined) throw new Error(`no ${route} in ${JSON.stringify(answer)}`);
    return found;
  }

  const openRoutes = (answer: RoutesAnswer) => answer.routes.filter((candidate) => candidate.open).map((candidate) => candidate.route);

  /** Overtime pay and economic compensation, half due on 09-30 and half on 10-30. */
  const terms = {
    facts: '申请人在被申请人处从事织袜工作，2026年8月31日离职，被申请人未支付加班费及经济补偿。',
    disputedMatters: '加班费及经济补偿数额',
    items: [
      { kind: 'WAGES', description: '支付延时加班费', amount: '18600.00' },
      { kind: 'ECONOMIC_COMPENSATION', description: '支付解除劳动合同经济补偿', amount: '12000.00' },
    ],
    schedule: [
      { no: 1, dueOn: '2026-09-30', amount: '15300.00' },
      { no: 2, dueOn: '2026-10-30', amount: '15300.00' },
    ],
    waiverOfOtherClaims: true,
    defaultClause: '逾期未付的，申请人可申请支付令',
  };

  async function caseInMediation(body: Body = individualCaseBody()): Promise<string> {
    const { id } = await createCase(t, mediator, body);
    await ok(mediator, id, { type: 'ACCEPT' });
    await ok(mediator, id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
    return id;
  }

  async function effectiveCase(body: Body = individualCaseBody()): Promise<string> {
    const id = await caseInMediation(body);
    await ok(mediator, id, { type: 'REACH_AGREEMENT', terms });
    for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR']) await ok(mediator, id, { type: 'SIGN', party });
    const effective = await ok(supervisor, id, { type: 'SIGN', party: 'ORGANIZATION' });
    expect(effective.state).toBe('agreement.effective');
    return id;
  }

  it('advises an agreement taken effect over HTTP: confirmation and arbitration review open, counted from today', async () => {
    const id = await effectiveCase();

    const answer = await routes(mediator, id);
    expect(answer.asOf).toBe('2026-09-16');
    expect(answer.routes.map((candidate) => candidate.route)).toEqual([
      'JUDICIAL_CONFIRMATION', 'COURT_MEDIATION_STATEMENT', 'ARBITRATION_REVIEW', 'PAYMENT_ORDER', 'ARBITRATION', 'LITIGATION', 'ENFORCEMENT',
    ]);
    expect(openRoutes(answer)).toEqual(['JUDICIAL_CONFIRMATION', 'ARBITRATION_REVIEW']);
    expect(byRoute(answer, 'JUDICIAL_CONFIRMATION')).toMatchObject({ basis: 'CPL Art.205', deadlineOn: '2026-10-16', daysLeft: 30, calendarVerified: true });
    // 2026-09-16 + 15 = 2026-10-01, inside National Day: the period ends 2026-10-08 (DOMAIN §4 E1).
    expect(byRoute(answer, 'ARBITRATION_REVIEW')).toMatchObject({ deadlineOn: '2026-10-08', daysLeft: 22, calendarVerified: true });
    expect(byRoute(answer, 'COURT_MEDIATION_STATEMENT').open).toBe(false);
    expect(byRoute(answer, 'PAYMENT_ORDER').reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers for another day given as asOf: review window past, an instalment missed', async () => {
    const id = await effectiveCase();

    const answer = await routes(supervisor, id, '?asOf=2026-10-09');
    expect(answer.asOf).toBe('2026-10-09');
    // Mixed items: a payment order and arbitration, but no direct suit (Interp-I Art.51).
    expect(openRoutes(answer)).toEqual(['JUDICIAL_CONFIRMATION', 'PAYMENT_ORDER', 'ARBITRATION']);
    expect(byRoute(answer, 'JUDICIAL_CONFIRMATION')).toMatchObject({ daysLeft: 7 });
    expect(byRoute(answer, 'ARBITRATION_REVIEW')).toMatchObject({ open: false, deadlineOn: '2026-10-08' });
    expect(byRoute(answer, 'ARBITRATION_REVIEW').daysLeft).toBeUndefined();
    // The agreement restarted the limitation on 2026-09-16 (LDMAL Art.27 ¶2); 2027 has no holiday notice yet.
    expect(byRoute(answer, 'ARBITRATION')).toMatchObject({ deadlineOn: '2027-09-16', daysLeft: 342, calendarVerified: false });
    expect(byRoute(answer, 'LITIGATION').open).toBe(false);
  });

  it('follows the case into default once the clock has moved on', async () => {
    const id = await effectiveCase();
    await advanceDays(15);
    expect((await ok(mediator, id, { type: 'REPORT_DEFAULT', note: '第一期未付' })).state).toBe('agreement.defaulted');

    const answer = await routes(mediator, id);
    expect(answer.asOf).toBe('2026-10-01');
    expect(openRoutes(answer)).toEqual(['PAYMENT_ORDER', 'ARBITRATION']);
    expect(byRoute(answer, 'PAYMENT_ORDER').notes.join()).toContain('无申请期限');
  });

  it('shows a court-entrusted case COURT_MEDIATION_STATEMENT instead of JUDICIAL_CONFIRMATION, also to its court liaison', async () => {
    const id = await effectiveCase(individualCaseBody({
      source: 'COURT_ENTRUSTED',
      courtOrgId: courtId,
      courtCaseNumber: '（2026）吉0402民初1234号',
      courtProcedure: 'ORDINARY',
    }));

    const answer = await routes(liaison, id);
    expect(openRoutes(answer)).toEqual(['COURT_MEDIATION_STATEMENT']);
    expect(byRoute(answer, 'COURT_MEDIATION_STATEMENT')).toMatchObject({ basis: 'Invited Art.20', calendarVerified: true });
    expect(byRoute(answer, 'JUDICIAL_CONFIRMATION')).toMatchObject({ open: false, reason: expect.stringContaining('调解书') });
  });

  it('after failed mediation offers arbitration until the limitation date, with the possible interrupted date', async () => {
    const id = await caseInMediation();
    expect((await ok(mediator, id, { type: 'MEDIATION_FAILED', reason: 'IRRECONCILABLE' })).state).toBe('closed.failed');

    const answer = await routes(supervisor, id);
    expect(openRoutes(answer)).toEqual(['ARBITRATION']);
    // The compensation claim runs from 2025-10-01: one year ends on National Day and rolls to 2026-10-08.
    expect(byRoute(answer, 'ARBITRATION')).toMatchObject({
      deadlineOn: '2026-10-08',
      daysLeft: 22,
      ifInterruptedDueOn: '2027-09-16',
      calendarVerified: false,
    });
  });

  it('answers 404 NOT_FOUND to another organization’s supervisor', async () => {
    const id = await effectiveCase();

    const res = await getRoutes(outsider, id);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each([
    ['a month that does not exist', '?asOf=2026-13-01', 'asOf', 'INVALID_FORMAT'],
    ['a date with a time', '?asOf=2026-10-01T00:00:00Z', 'asOf', 'INVALID_FORMAT'],
    ['an empty date', '?asOf=', 'asOf', 'INVALID_FORMAT'],
    ['an unknown parameter', '?asOf=2026-10-01&at=now', 'at', 'FORBIDDEN'],
  ])('answers 400 VALIDATION_FAILED for %s', async (_name, query, field, code) => {
    const id = await effectiveCase();

    const res = await getRoutes(mediator, id, query);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field, code }] });
  });

  it('answers 401 without a token', async () => {
    const res = await t.request({ method: 'GET', url: '/api/cases/3f0c9a52-6f0e-4d7a-9d43-1f1f8f0f8a11/routes' });
    expect(res.statusCode).toBe(401);
  });

  it('is documented in the OpenAPI description', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs-json' });
    const doc = res.json() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const operation = doc.paths['/api/cases/{id}/routes']?.get;
    expect(operation?.parameters?.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['id', 'asOf']));
  });
});
