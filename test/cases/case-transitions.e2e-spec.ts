import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { CaseWorkflowService } from '../../src/cases/case-workflow.service';
import { CaseDetail, collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, signIn, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

type Body = Record<string, unknown>;

describe('case transitions over HTTP', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let otherMediator: SignedInUser;
  let liaison: SignedInUser;
  let courtId: string;
  let outsider: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    otherMediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
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

  function send(user: SignedInUser, caseId: string, body: Body, headers: Record<string, string> = {}) {
    return t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: body, headers: { ...user.auth, ...headers } });
  }

  async function ok(user: SignedInUser, caseId: string, body: Body): Promise<CaseDetail> {
    const res = await send(user, caseId, body);
    if (res.statusCode !== 200) throw new Error(`${String(body.type)} answered ${res.statusCode}: ${res.body}`);
    return res.json() as CaseDetail;
  }

  // Tokens last one working day, so after moving the clock on by days everybody signs in again, as at a real desk.
  async function advanceDays(days: number): Promise<void> {
    clock.advance(days * 86_400_000);
    for (const user of [supervisor, mediator, otherMediator, liaison, outsider]) {
      user.token = await signIn(t, user.user.username, user.password);
      user.auth = { authorization: `Bearer ${user.token}` };
    }
  }

  async function caseInMediation(): Promise<CaseDetail> {
    const created = await createCase(t, mediator, individualCaseBody());
    await ok(mediator, created.id, { type: 'ACCEPT' });
    return ok(mediator, created.id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
  }

  async function countRows(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = (await t.app.get(DataSource).query(sql, params)) as { n: number }[];
    return Number(n);
  }

  it('takes a collective wage case from intake to closed.resolved, every step in the history, the audit verifying', async () => {
    const created = await createCase(t, mediator, collectiveCaseBody());
    expect(created).toMatchObject({ state: 'intake.registered', version: 1 });
    const id = created.id;

    const accepted = await ok(mediator, id, { type: 'ACCEPT', note: '材料齐全，予以受理' });
    expect(accepted).toMatchObject({ state: 'intake.awaitingConsent', version: 2, assignedMediator: { id: mediator.user.id } });
    await ok(mediator, id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'IN_PERSON' });
    await ok(supervisor, id, { type: 'SCHEDULE_SESSION', at: '2026-09-18T09:30:00+08:00', location: '市总工会调解室' });
    await advanceDays(2);
    await ok(mediator, id, { type: 'RECORD_SESSION', heldAt: '2026-09-18T09:55:00+08:00', summary: '双方就欠薪数额达成一致', withoutPrejudice: false });
    const terms = {
      facts: '申请人等12人在东丰县城南安置小区二期项目务工，被申请人拖欠2026年6月至7月工资。',
      disputedMatters: '欠薪数额及支付期限',
      items: [{ kind: 'WAGES', description: '支付拖欠工资', amount: '186000.00' }],
      schedule: [
        { no: 1, dueOn: '2026-09-30', amount: '93000.00' },
        { no: 2, dueOn: '2026-10-30', amount: '93000.00' },
      ],
      waiverOfOtherClaims: true,
      defaultClause: '逾期未付的，申请人可申请支付令',
      collectiveConsentRecorded: true,
    };
    expect((await ok(mediator, id, { type: 'REACH_AGREEMENT', terms })).state).toBe('agreement.signing');
    for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR']) await ok(mediator, id, { type: 'SIGN', party });
    const effective = await ok(supervisor, id, { type: 'SIGN', party: 'ORGANIZATION' });
    expect(effective.state).toBe('agreement.effective');
    expect(effective.deadlines.map((d) => d.kind)).toEqual(expect.arrayContaining(['JUDICIAL_CONFIRMATION_WINDOW', 'PAYMENT_DUE']));

    const requested = await ok(mediator, id, { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true, courtId });
    expect(requested.state).toBe('agreement.judicialReview');
    await advanceDays(5);
    expect((await send(mediator, id, { type: 'CONFIRM_JUDICIALLY', rulingNumber: '（2026）吉0402民特88号', ruledOn: '2026-09-23' })).statusCode).toBe(403);
    expect((await ok(liaison, id, { type: 'CONFIRM_JUDICIALLY', rulingNumber: '（2026）吉0402民特88号', ruledOn: '2026-09-23' })).state).toBe('agreement.confirmed');

    await advanceDays(7);
    await ok(mediator, id, { type: 'RECORD_PERFORMANCE', amountPaid: '93000.00', paidOn: '2026-09-29' });
    await advanceDays(30);
    await ok(mediator, id, { type: 'RECORD_PERFORMANCE', amountPaid: '93000.00', paidOn: '2026-10-28' });
    const resolved = await ok(mediator, id, { type: 'PERFORMED_IN_FULL' });
    expect(resolved).toMatchObject({ state: 'closed.resolved', version: 15, allowedEvents: [] });

    expect(await countRows('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [id])).toBe(14);
    expect(await countRows("SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_EVENT'", [id])).toBe(14);
    expect(await countRows("SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_CREATED'", [id])).toBe(1);
    const verify = await t.request({ method: 'GET', url: '/api/audit/verify', headers: supervisor.auth });
    expect(verify.json()).toMatchObject({ ok: true });

    const history = (await t.request({ method: 'GET', url: `/api/cases/${id}/history`, headers: mediator.auth })).json() as {
      items: { action: string; eventType: string | null; version: number; actor: { id: string | null; role: string }; toState: string }[];
    };
    // Alerts the case raised along the way sit in its chain too; the case's own steps are these, in this order.
    expect(history.items.some((e) => e.action === 'ALERT_RAISED')).toBe(true);
    const steps = history.items.filter((e) => e.action === 'CASE_CREATED' || e.action === 'CASE_EVENT');
    expect(steps.map((e) => e.eventType ?? e.action)).toEqual([
      'CASE_CREATED', 'ACCEPT', 'RESPONDENT_CONSENTS', 'SCHEDULE_SESSION', 'RECORD_SESSION', 'REACH_AGREEMENT',
      'SIGN', 'SIGN', 'SIGN', 'SIGN', 'REQUEST_JUDICIAL_CONFIRMATION', 'CONFIRM_JUDICIALLY',
      'RECORD_PERFORMANCE', 'RECORD_PERFORMANCE', 'PERFORMED_IN_FULL',
    ]);
    expect(steps.map((e) => e.version)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(steps[11]).toMatchObject({ actor: { id: liaison.user.id, role: 'COURT_LIAISON' }, toState: 'agreement.confirmed' });
    expect(JSON.stringify(history)).not.toMatch(/\d{17}[\dX]/);
    expect((await t.request({ method: 'GET', url: `/api/cases/${id}/history`, headers: outsider.auth })).statusCode).toBe(404);

    // The court's ruling reached the desk as a notification to the mediator and the supervisors.
    for (const user of [mediator, supervisor]) {
      const notices = (await t.request({ method: 'GET', url: '/api/notifications', headers: user.auth })).json() as { items: { kind: string; caseId: string; title: string }[] };
      expect(notices.items.filter((n) => n.kind === 'COURT_DECISION' && n.caseId === id)).toEqual([expect.objectContaining({ title: expect.stringContaining('法院已司法确认') })]);
    }
  });

  it('answers a closed case with 409 and no allowed events', async () => {
    const created = await createCase(t, mediator, individualCaseBody());
    await ok(mediator, created.id, { type: 'REJECT', reason: 'DUPLICATE', note: '与在办案件重复' });
    const res = await send(supervisor, created.id, { type: 'ACCEPT' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_TRANSITION', details: { allowedEvents: [] } });
  });

  describe('refusals, in the order DOMAIN §3 Invariant 7 gives', () => {
    it('answers 404 for another organization’s case, even with a bad body', async () => {
      const { id } = await createCase(t, mediator, individualCaseBody());
      const res = await send(outsider, id, { type: 'NOPE' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    });

    it('answers 400 with field details for a bad payload', async () => {
      const { id } = await createCase(t, mediator, individualCaseBody());
      const res = await send(mediator, id, { type: 'REJECT', reason: 'BORED', extra: 1 });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`).sort()).toEqual(['extra:FORBIDDEN', 'reason:INVALID_FORMAT']);
    });

    it('answers 403 to a sender the chart does not allow, before looking at If-Match', async () => {
      const { id } = await caseInMediation();
      const res = await send(liaison, id, { type: 'SUSPEND', reason: 'APPRAISAL', note: '工伤鉴定' }, { 'if-match': '"1"' });
      expect(res.statusCode).toBe(404);
      const byOtherMediator = await send(otherMediator, id, { type: 'SUSPEND', reason: 'APPRAISAL' }, { 'if-match': '"1"' });
      expect(byOtherMediator.statusCode).toBe(404);
      const systemOnly = await send(supervisor, id, { type: 'DEADLINE_EXPIRED', deadlineKey: 'MEDIATION_PERIOD#1' }, { 'if-match': '"1"' });
      expect(systemOnly.statusCode).toBe(403);
      expect(systemOnly.json().code).toBe('EVENT_NOT_ALLOWED_FOR_ROLE');
    });

    it('answers 412 with the current version for a stale If-Match', async () => {
      const { id, version } = await caseInMediation();
      const res = await send(mediator, id, { type: 'SUSPEND', reason: 'APPRAISAL' }, { 'if-match': `"${version - 1}"` });
      expect(res.statusCode).toBe(412);
      expect(res.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: version } });
    });

    it('answers 409 with the events this user may send now', async () => {
      const { id } = await caseInMediation();
      const res = await send(mediator, id, { type: 'ACCEPT' });
      expect(res.statusCode).toBe(409);
      expect(res.json().details.allowedEvents).toEqual(expect.arrayContaining(['SCHEDULE_SESSION', 'SUSPEND', 'REACH_AGREEMENT']));
      expect(res.json().details.allowedEvents).not.toContain('DEADLINE_EXPIRED');
    });

    it('answers 422 naming the guard that refused', async () => {
      const { id } = await caseInMediation();
      const res = await send(mediator, id, { type: 'EXTEND', days: 10, applicantConsents: true, respondentConsents: false });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'GUARD_REJECTED', details: { guard: expect.any(String) } });
    });

    it('changes nothing when it refuses', async () => {
      const { id, version } = await caseInMediation();
      await send(mediator, id, { type: 'EXTEND', days: 10, applicantConsents: true, respondentConsents: false });
      const detail = (await t.request({ method: 'GET', url: `/api/cases/${id}`, headers: mediator.auth })).json() as CaseDetail;
      expect(detail.version).toBe(version);
      expect(await countRows('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [id])).toBe(version - 1);
    });
  });

  it('sets ETag to the new version', async () => {
    const { id } = await createCase(t, mediator, individualCaseBody());
    const res = await send(mediator, id, { type: 'ACCEPT' });
    expect(res.headers.etag).toBe('"2"');
  });

  it('lets exactly one of 64 concurrent events with the same If-Match through, round after round', async () => {
    const { id, version: start } = await caseInMediation();
    let version = start;
    for (let round = 0; round < 5; round++) {
      const body = { type: 'SCHEDULE_SESSION', at: `2026-10-${String(10 + round).padStart(2, '0')}T09:00:00+08:00`, location: '调解室' };
      const answers = await Promise.all(Array.from({ length: 64 }, () => send(mediator, id, body, { 'if-match': `"${version}"` })));
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(63);
      version += 1;
    }
    const events = await countRows('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [id]);
    const audits = await countRows("SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_EVENT'", [id]);
    expect(version - 1).toBe(events);
    expect(audits).toBe(events);
  });

  describe('Idempotency-Key', () => {
    it('applies 20 concurrent retries once and answers them all alike', async () => {
      const { id, version } = await caseInMediation();
      const body = { type: 'SUSPEND', reason: 'APPRAISAL', note: '伤残等级鉴定' };
      const answers = await Promise.all(Array.from({ length: 20 }, () => send(mediator, id, body, { 'idempotency-key': 'desk-7-suspend-1' })));
      expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([200]));
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
      expect(answers[0].json()).toMatchObject({ state: 'mediation.suspended', version: version + 1 });
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
      expect(await countRows('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [id])).toBe(version);
    });

    it('refuses the same key with a different body', async () => {
      const { id } = await caseInMediation();
      await ok(mediator, id, { type: 'SCHEDULE_SESSION', at: '2026-10-01T09:00:00+08:00', location: '调解室' });
      const first = await send(mediator, id, { type: 'SUSPEND', reason: 'APPRAISAL' }, { 'idempotency-key': 'k-1' });
      expect(first.statusCode).toBe(200);
      const reused = await send(mediator, id, { type: 'SUSPEND', reason: 'FORCE_MAJEURE' }, { 'idempotency-key': 'k-1' });
      expect(reused.statusCode).toBe(422);
      expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('re-evaluates a retry whose first attempt was refused, since nothing was kept', async () => {
      const { id } = await caseInMediation();
      const refused = await send(mediator, id, { type: 'RESUME' }, { 'idempotency-key': 'k-2' });
      expect(refused.statusCode).toBe(409);
      expect((await send(mediator, id, { type: 'RESUME' }, { 'idempotency-key': 'k-2' })).statusCode).toBe(409);
    });
  });

  it('keeps raw personal data out of event rows and audit payloads', async () => {
    const { id } = await createCase(t, mediator, individualCaseBody());
    await ok(mediator, id, { type: 'ACCEPT', note: '联系电话13843712345' });
    const rows = (await t.app.get(DataSource).query(
      "SELECT payload::text AS p FROM audit_entries WHERE case_id = $1 UNION ALL SELECT payload::text FROM case_events WHERE case_id = $1",
      [id],
    )) as { p: string }[];
    expect(rows.map((r) => r.p).join('\n')).not.toMatch(/220402199003071231/);
  });

  it('masks an ID number or phone typed into a note for everyone but the assigned mediator', async () => {
    const { id } = await caseInMediation();
    await ok(mediator, id, { type: 'SUSPEND', reason: 'OTHER', note: '申请人联系电话 13904371234，身份证 220402199003071231' });
    const read = async (user: SignedInUser) =>
      ((await t.request({ method: 'GET', url: `/api/cases/${id}`, headers: user.auth })).json() as { suspensions: { note: string }[] }).suspensions[0].note;
    expect(await read(mediator)).toBe('申请人联系电话 13904371234，身份证 220402199003071231');
    expect(await read(supervisor)).toBe('申请人联系电话 139****1234，身份证 2204**********1231');
  });

  describe('events from the system (timers)', () => {
    const workflow = () => t.app.get(CaseWorkflowService);

    it('applies DEADLINE_EXPIRED as SYSTEM once the mediation period has run out, and drops a repeat with nothing written', async () => {
      const { id, deadlines } = await caseInMediation();
      const period = deadlines.find((d) => d.kind === 'MEDIATION_PERIOD')!;
      expect(period.dueOn).toBe('2026-10-08');
      const body = { type: 'DEADLINE_EXPIRED', deadlineKey: period.key };

      // Still the last day of the period: the guard refuses, and a refused system event leaves no trace.
      await advanceDays(22);
      const events = () => countRows('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [id]);
      const trail = () => countRows('SELECT count(*) AS n FROM audit_entries WHERE case_id = $1', [id]);
      const [eventsBefore, trailBefore] = [await events(), await trail()];
      expect(await workflow().sendSystemEvent(id, body, 'timer-early')).toEqual({ applied: false, reason: 'GUARD_REJECTED' });
      expect([await events(), await trail()]).toEqual([eventsBefore, trailBefore]);

      await advanceDays(1);
      expect(await workflow().sendSystemEvent(id, body, 'timer-1')).toEqual({ applied: true, version: 4, state: 'closed.failed' });
      expect(await workflow().sendSystemEvent(id, body, 'timer-1-again')).toEqual({ applied: false, reason: 'INVALID_TRANSITION' });
      expect([await events(), await trail()]).toEqual([eventsBefore + 1, trailBefore + 1]);

      const detail = (await t.request({ method: 'GET', url: `/api/cases/${id}`, headers: mediator.auth })).json() as CaseDetail;
      expect(detail).toMatchObject({ state: 'closed.failed', version: 4, allowedEvents: [] });
      expect(detail.deadlines.find((d) => d.key === period.key)).toMatchObject({ status: 'MISSED' });
      const history = (await t.request({ method: 'GET', url: `/api/cases/${id}/history`, headers: supervisor.auth })).json() as {
        items: { eventType: string | null; actor: { id: string | null; role: string } }[];
      };
      expect(history.items.at(-1)).toMatchObject({ eventType: 'DEADLINE_EXPIRED', actor: { id: null, role: 'SYSTEM' } });
    });

    it('refuses a user who sends a system-only event with 403', async () => {
      const { id, deadlines } = await caseInMediation();
      const period = deadlines.find((d) => d.kind === 'MEDIATION_PERIOD')!;
      await advanceDays(30);
      const res = await send(supervisor, id, { type: 'DEADLINE_EXPIRED', deadlineKey: period.key });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'EVENT_NOT_ALLOWED_FOR_ROLE' });
    });

    it('drops an event for a case that does not exist', async () => {
      expect(await workflow().sendSystemEvent('00000000-0000-4000-8000-000000000000', { type: 'DEADLINE_EXPIRED', deadlineKey: 'x' }, 'timer-x')).toEqual({
        applied: false,
        reason: 'CASE_NOT_FOUND',
      });
    });
  });
});
