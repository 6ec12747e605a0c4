import { DataSource } from 'typeorm';
import { AuditRecord } from '../../src/audit/audit-chain';
import { AUDIT_RECORD_COLUMNS } from '../../src/audit/audit-record-columns';
import { FixedClock } from '../../src/common/clock/clock';
import { CourtQueueService } from '../../src/court/court-queue.service';
import { Body, CaseDetail, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, signIn, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Countdown {
  dueOn: string;
  daysLeft: number;
  status: string;
  calendarVerified: boolean;
}

interface QueueItem {
  caseId: string;
  caseNumber: string;
  courtCaseNumber: string | null;
  source: string;
  state: string;
  assignedMediator: { id: string; displayName: string } | null;
  [key: string]: unknown;
}

interface Queue {
  referred: QueueItem[];
  awaitingConfirmation: (QueueItem & { request: string; effectiveOn: string | null; appliedOn: string | null; confirmationWindow: Countdown | null; courtDecision: Countdown | null })[];
  feedbackDue: (QueueItem & { outcome: string | null; closedOn: string | null; daysSinceClosed: number | null })[];
}

// 10:00 in Liaoyuan on 2026-09-16: agreements signed now take effect today, so the 30-day confirmation window
// ends on 2026-10-16, a Friday and a working day (CPL Art.205).
const WINDOW_DUE = '2026-10-16';
// Applied for on 2026-09-16: 15 days end on 2026-10-01, inside National Day, and roll to 2026-10-08.
const DECISION_DUE = '2026-10-08';
// 01:30 on 2026-09-20 in Liaoyuan, still 2026-09-19 in UTC: days left are counted from the legal date.
const LATER = '2026-09-19T17:30:00Z';

const TERMS = {
  facts: '申请人在被申请人处从事织袜工作，2026年8月31日离职，被申请人未支付加班费及经济补偿。',
  disputedMatters: '加班费及经济补偿数额',
  items: [
    { kind: 'WAGES', description: '支付延时加班费', amount: '18600.00' },
    { kind: 'ECONOMIC_COMPENSATION', description: '支付解除劳动合同经济补偿', amount: '12000.00' },
  ],
  schedule: [{ no: 1, dueOn: '2026-10-30', amount: '30600.00' }],
  waiverOfOtherClaims: true,
};

describe(CourtQueueService.name, () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let liaison: SignedInUser;
  let otherLiaison: SignedInUser;
  let courtId: string;
  let otherCourtId: string;
  const cases: Record<string, CaseDetail> = {};

  async function send(user: SignedInUser, caseId: string, body: Body): Promise<CaseDetail> {
    const res = await t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: body, headers: user.auth });
    if (res.statusCode !== 200) throw new Error(`${String(body.type)} answered ${res.statusCode}: ${res.body}`);
    return res.json() as CaseDetail;
  }

  async function delegated(court: string, extra: Body = {}): Promise<CaseDetail> {
    return createCase(t, mediator, individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: court, courtCaseNumber: '（2026）吉0402民诉前调1234号', ...extra }));
  }

  async function inMediation(created: CaseDetail): Promise<CaseDetail> {
    await send(mediator, created.id, { type: 'ACCEPT' });
    return send(mediator, created.id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
  }

  async function effective(created: CaseDetail): Promise<CaseDetail> {
    await inMediation(created);
    await send(mediator, created.id, { type: 'REACH_AGREEMENT', terms: TERMS });
    for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR']) await send(mediator, created.id, { type: 'SIGN', party });
    return send(supervisor, created.id, { type: 'SIGN', party: 'ORGANIZATION' });
  }

  // Tokens last one working day, so after moving the clock everybody signs in again, as at a real desk.
  async function moveClockTo(instant: string): Promise<void> {
    clock.set(instant);
    for (const user of [supervisor, mediator, liaison, otherLiaison]) {
      user.token = await signIn(t, user.user.username, user.password);
      user.auth = { authorization: `Bearer ${user.token}` };
    }
  }

  async function queueOf(user: SignedInUser): Promise<Queue> {
    const res = await t.request({ method: 'GET', url: '/api/court/queue', headers: user.auth });
    expect(res.statusCode).toBe(200);
    return res.json() as Queue;
  }

  function acknowledge(user: SignedInUser, caseId: string, payload: Body = {}, headers: Record<string, string> = {}) {
    return t.request({ method: 'POST', url: `/api/cases/${caseId}/handoff/acknowledge`, payload, headers: { ...user.auth, ...headers } });
  }

  async function auditRows(caseId: string, action: string): Promise<AuditRecord[]> {
    return (await t.app.get(DataSource).query(
      `SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_entries WHERE case_id = $1 AND action = $2 ORDER BY audit_entries.seq`,
      [caseId, action],
    )) as AuditRecord[];
  }

  async function handoffRows(caseId: string): Promise<number> {
    const [{ n }] = (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM court_handoffs WHERE case_id = $1', [caseId])) as { n: number }[];
    return n;
  }

  const ids = (items: { caseId: string }[]) => items.map((item) => item.caseId).sort();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId, displayName: '李调解' });
    courtId = (await createOrganization(t, { kind: 'COURT' })).id;
    otherCourtId = (await createOrganization(t, { kind: 'COURT' })).id;
    liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: courtId });
    otherLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: otherCourtId });

    cases.mediating = await inMediation(await delegated(courtId));
    cases.effective = await effective(await delegated(courtId));
    cases.underReview = await effective(await delegated(courtId));
    await send(mediator, cases.underReview.id, { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true });
    cases.entrustedEffective = await effective(
      await createCase(t, mediator, individualCaseBody({ source: 'COURT_ENTRUSTED', courtOrgId: courtId, courtCaseNumber: '（2026）吉0402民初4321号', courtProcedure: 'ORDINARY' })),
    );
    cases.failed = await inMediation(await delegated(courtId));
    cases.failed = await send(mediator, cases.failed.id, { type: 'MEDIATION_FAILED', reason: 'IRRECONCILABLE', note: '双方差距过大' });
    cases.rejected = await createCase(
      t,
      mediator,
      individualCaseBody({ source: 'COURT_ENTRUSTED', courtOrgId: courtId, courtCaseNumber: '（2026）吉0402民初5678号', courtProcedure: 'SIMPLE' }),
    );
    cases.rejected = await send(mediator, cases.rejected.id, { type: 'REJECT', reason: 'OUT_OF_SCOPE' });
    // Referred by this court, confirmed by the other one, then paid in full.
    cases.reviewedElsewhere = await effective(await delegated(courtId));
    await send(mediator, cases.reviewedElsewhere.id, { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true, courtId: otherCourtId });
    await send(otherLiaison, cases.reviewedElsewhere.id, { type: 'CONFIRM_JUDICIALLY', rulingNumber: '（2026）吉0403民特12号', ruledOn: '2026-09-16' });
    await send(mediator, cases.reviewedElsewhere.id, { type: 'RECORD_PERFORMANCE', amountPaid: '30600.00', paidOn: '2026-09-16' });
    cases.reviewedElsewhere = await send(mediator, cases.reviewedElsewhere.id, { type: 'PERFORMED_IN_FULL' });
    // A walk-in agreement brought to the other court for confirmation.
    cases.walkIn = await effective(await createCase(t, mediator, individualCaseBody()));
    await send(mediator, cases.walkIn.id, { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true, courtId: otherCourtId });
    cases.otherCourts = await delegated(otherCourtId);
    cases.otherCourts = await send(mediator, cases.otherCourts.id, { type: 'REJECT', reason: 'DUPLICATE' });
    await moveClockTo(LATER);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/court/queue', () => {
    it('lists every case the court referred, with its status, mediator, outcome and closing date', async () => {
      const { referred } = await queueOf(liaison);
      const mine = ['mediating', 'effective', 'underReview', 'entrustedEffective', 'failed', 'rejected', 'reviewedElsewhere'];
      expect(ids(referred)).toEqual(mine.map((key) => cases[key].id).sort());
      expect(referred.find((item) => item.caseId === cases.failed.id)).toEqual({
        caseId: cases.failed.id,
        caseNumber: cases.failed.caseNumber,
        courtCaseNumber: '（2026）吉0402民诉前调1234号',
        source: 'COURT_DELEGATED',
        state: 'closed.failed',
        receivedOn: '2026-09-16',
        assignedMediator: { id: mediator.user.id, displayName: '李调解' },
        outcome: 'MEDIATION_FAILED:IRRECONCILABLE',
        closedOn: '2026-09-16',
        handoffAcknowledgedAt: null,
      });
      expect(referred.find((item) => item.caseId === cases.mediating.id)).toMatchObject({ state: 'mediation.active', outcome: null, closedOn: null });
      expect(referred.find((item) => item.caseId === cases.rejected.id)).toMatchObject({
        source: 'COURT_ENTRUSTED',
        courtCaseNumber: '（2026）吉0402民初5678号',
        assignedMediator: null,
        outcome: 'REJECTED:OUT_OF_SCOPE',
      });
    });

    it('counts the days left in the confirmation window and before the court decides in legal calendar days', async () => {
      const { awaitingConfirmation } = await queueOf(liaison);
      // Most urgent first: the decision due 10-08, the window closing 10-16, then the entrusted case, which has none.
      expect(awaitingConfirmation.map((item) => item.caseId)).toEqual([cases.underReview.id, cases.effective.id, cases.entrustedEffective.id]);
      const [review, signed] = awaitingConfirmation;
      expect(signed).toMatchObject({
        state: 'agreement.effective',
        request: 'JUDICIAL_CONFIRMATION',
        effectiveOn: '2026-09-16',
        appliedOn: null,
        confirmationWindow: { dueOn: WINDOW_DUE, daysLeft: 26, status: 'PENDING', calendarVerified: true },
        courtDecision: null,
      });
      expect(review).toMatchObject({
        state: 'agreement.judicialReview',
        effectiveOn: '2026-09-16',
        appliedOn: '2026-09-16',
        confirmationWindow: { dueOn: WINDOW_DUE, status: 'MET' },
        courtDecision: { dueOn: DECISION_DUE, daysLeft: 18, status: 'PENDING' },
      });
      const detail = (await t.request({ method: 'GET', url: `/api/cases/${cases.underReview.id}`, headers: liaison.auth })).json() as CaseDetail;
      expect(detail.deadlines.find((d) => d.kind === 'COURT_DECISION' && d.status === 'PENDING')?.dueOn).toBe(DECISION_DUE);
    });

    it('lists an entrusted case\'s effective agreement as awaiting the court\'s mediation statement, with no window', async () => {
      const { awaitingConfirmation } = await queueOf(liaison);
      expect(awaitingConfirmation.find((item) => item.caseId === cases.entrustedEffective.id)).toMatchObject({
        source: 'COURT_ENTRUSTED',
        request: 'MEDIATION_STATEMENT',
        effectiveOn: '2026-09-16',
        confirmationWindow: null,
        courtDecision: null,
      });
    });

    it('drops an effective delegated agreement once its confirmation window has passed', async () => {
      await moveClockTo('2026-10-17T01:00:00Z');
      try {
        const { awaitingConfirmation } = await queueOf(liaison);
        expect(ids(awaitingConfirmation)).not.toContain(cases.effective.id);
        expect(ids(awaitingConfirmation)).toContain(cases.entrustedEffective.id);
      } finally {
        await moveClockTo(LATER);
      }
    });

    it('lists closed referred cases whose feedback letter is not acknowledged, whatever their outcome', async () => {
      const { feedbackDue } = await queueOf(liaison);
      expect(ids(feedbackDue)).toEqual([cases.failed.id, cases.rejected.id, cases.reviewedElsewhere.id].sort());
      expect(feedbackDue.find((item) => item.caseId === cases.reviewedElsewhere.id)).toMatchObject({
        state: 'closed.resolved',
        outcome: 'RESOLVED',
        closedOn: '2026-09-16',
        daysSinceClosed: 4,
      });
    });

    it('shows another court only its own referrals and the agreements under its review', async () => {
      const queue = await queueOf(otherLiaison);
      expect(ids(queue.referred)).toEqual([cases.otherCourts.id]);
      expect(ids(queue.awaitingConfirmation)).toEqual([cases.walkIn.id]);
      expect(queue.awaitingConfirmation[0]).toMatchObject({ source: 'WALK_IN', courtCaseNumber: null, courtDecision: { dueOn: DECISION_DUE, daysLeft: 18 } });
      expect(ids(queue.feedbackDue)).toEqual([cases.otherCourts.id]);
      const mine = await queueOf(liaison);
      const everyId = JSON.stringify(mine);
      expect(everyId).not.toContain(cases.walkIn.id);
      expect(everyId).not.toContain(cases.otherCourts.id);
    });

    it('carries no personal data: no party at all', async () => {
      const text = JSON.stringify(await queueOf(liaison));
      expect(text).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}|0437-?\d{7}/);
      expect(text).not.toContain('张伟');
      expect(text).not.toContain('袜业');
    });

    it.each(['MEDIATOR', 'SUPERVISOR', 'ADMIN'] as const)('answers 403 to the role %s', async (role) => {
      const user = role === 'MEDIATOR' ? mediator : role === 'SUPERVISOR' ? supervisor : await createSignedInUser(t, { role });
      const res = await t.request({ method: 'GET', url: '/api/court/queue', headers: user.auth });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    });
  });

  describe('POST /api/cases/:id/handoff/acknowledge', () => {
    // A court of its own, so that acknowledging here changes nothing the queue tests above look at.
    let ackCourtId: string;
    let ackLiaison: SignedInUser;
    let ackColleague: SignedInUser;

    beforeAll(async () => {
      ackCourtId = (await createOrganization(t, { kind: 'COURT' })).id;
      ackLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: ackCourtId });
      ackColleague = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: ackCourtId });
    });

    async function closedReferral(): Promise<CaseDetail> {
      const created = await inMediation(await delegated(ackCourtId));
      return send(mediator, created.id, { type: 'MEDIATION_FAILED', reason: 'PARTY_UNWILLING' });
    }

    it('records the acknowledgement and its audit row in the case chain, and takes the letter off the queue', async () => {
      const closed = await closedReferral();
      expect(ids((await queueOf(ackLiaison)).feedbackDue)).toContain(closed.id);
      const res = await acknowledge(ackLiaison, closed.id, { note: ' 反馈函已收悉，经办人电话13912345678 ' }, { 'x-request-id': 'handoff-desk-1' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        caseId: closed.id,
        caseNumber: closed.caseNumber,
        courtOrgId: ackCourtId,
        acknowledgedAt: new Date(LATER).toISOString(),
        acknowledgedBy: { id: ackLiaison.user.id, displayName: ackLiaison.user.displayName },
        note: '反馈函已收悉，经办人电话139****5678',
      });
      const [row] = await auditRows(closed.id, 'HANDOFF_ACKNOWLEDGED');
      expect(row).toMatchObject({
        chainId: `case:${closed.id}`,
        orgId: supervisor.user.organizationId,
        category: 'CASE',
        actorUserId: ackLiaison.user.id,
        actorRole: 'COURT_LIAISON',
        caseVersion: closed.version,
        requestId: 'handoff-desk-1',
        payload: { courtOrgId: ackCourtId, state: 'closed.failed', note: '反馈函已收悉，经办人电话139****5678' },
      });
      const queue = await queueOf(ackLiaison);
      expect(ids(queue.feedbackDue)).not.toContain(closed.id);
      expect(queue.referred.find((item) => item.caseId === closed.id)?.handoffAcknowledgedAt).toBe(new Date(LATER).toISOString());
      const verified = await t.request({ method: 'GET', url: '/api/audit/verify', headers: supervisor.auth });
      expect(verified.json()).toMatchObject({ ok: true });
    });

    it('answers a second acknowledgement 200 with the first one unchanged, writing nothing', async () => {
      const closed = await closedReferral();
      const first = await acknowledge(ackLiaison, closed.id);
      expect(first.statusCode).toBe(200);
      expect(first.json().note).toBeNull();
      clock.advance(3_600_000);
      const second = await acknowledge(ackColleague, closed.id, { note: '再次确认' });
      clock.set(LATER);
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual(first.json());
      expect(await auditRows(closed.id, 'HANDOFF_ACKNOWLEDGED')).toHaveLength(1);
      expect(await handoffRows(closed.id)).toBe(1);
    });

    it('lets two liaisons acknowledging at once end up with one acknowledgement', async () => {
      const closed = await closedReferral();
      const [a, b] = await Promise.all([acknowledge(ackLiaison, closed.id), acknowledge(ackColleague, closed.id)]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect(a.json()).toEqual(b.json());
      expect(await auditRows(closed.id, 'HANDOFF_ACKNOWLEDGED')).toHaveLength(1);
      expect(await handoffRows(closed.id)).toBe(1);
    });

    it('answers 409 HANDOFF_NOT_DUE while the case is open', async () => {
      const open = await inMediation(await delegated(ackCourtId));
      const res = await acknowledge(ackLiaison, open.id);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'HANDOFF_NOT_DUE', details: { state: 'mediation.active' } });
      expect(await handoffRows(open.id)).toBe(0);
    });

    it('answers 404 to the liaison of another court, as if the case did not exist', async () => {
      const closed = await closedReferral();
      const res = await acknowledge(otherLiaison, closed.id);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
      expect((await acknowledge(ackLiaison, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
      expect(await handoffRows(closed.id)).toBe(0);
    });

    it('answers 403 to the liaison of a court that only reviewed the agreement, since the letter goes to the referring court', async () => {
      const res = await acknowledge(otherLiaison, cases.walkIn.id);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    });

    it.each(['MEDIATOR', 'SUPERVISOR'] as const)('answers 403 to the role %s', async (role) => {
      const closed = await closedReferral();
      const res = await acknowledge(role === 'MEDIATOR' ? mediator : supervisor, closed.id);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect(await handoffRows(closed.id)).toBe(0);
    });

    it.each([
      ['a note of 1001 characters', { note: 'x'.repeat(1001) }, 'note', 'OUT_OF_RANGE'],
      ['a note that is a number', { note: 42 }, 'note', 'INVALID_FORMAT'],
      ['a blank note', { note: '   ' }, 'note', 'REQUIRED'],
      ['an unknown field', { received: true }, 'received', 'FORBIDDEN'],
    ])('answers 400 VALIDATION_FAILED to %s', async (_label, payload, field, code) => {
      const res = await acknowledge(ackLiaison, cases.otherCourts.id, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field, code }] });
    });
  });

  it('puts both routes in the OpenAPI document', async () => {
    const paths = ((await t.request({ method: 'GET', url: '/api/docs-json' })).json() as { paths: Record<string, Record<string, unknown>> }).paths;
    expect(paths['/api/court/queue']).toHaveProperty('get');
    expect(paths['/api/cases/{id}/handoff/acknowledge']).toHaveProperty('post');
  });
});
