import { DataSource } from 'typeorm';
import { parseLegalDate } from '../../src/calendar/legal-date';
import { FixedClock } from '../../src/common/clock/clock';
import { HardshipAssistanceService } from '../../src/hardship/hardship-assistance.service';
import { assignMediator, collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW, type Body, type CaseDetail } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

// The clock stands at 2026-09-16 10:00 in Liaoyuan, the day the factories' cases are received: assistance may be
// given from that day up to 30 days ahead, 2026-10-16.

interface AssistanceBody {
  id: string;
  caseId: string;
  caseNumber: string;
  applicantPosition: number | null;
  worker: { position: number; name: string } | null;
  kind: string;
  amount: string | null;
  givenOn: string;
  note: string;
  status: string;
  proposedBy: { id: string; displayName: string };
  approvedBy: { id: string; displayName: string } | null;
  approvedAt: string | null;
  rejectedBy: { id: string; displayName: string } | null;
  rejectedAt: string | null;
  decisionNote: string | null;
}

interface AuditRow {
  action: string;
  actor_user_id: string;
  actor_role: string;
  category: string;
  payload: Record<string, unknown>;
}

const RESIDENT_ID_ANYWHERE = /\d{17}[\dX]/;

describe('hardship assistance (困难职工帮扶)', () => {
  let t: TestApp;
  let clock: FixedClock;
  let studioId: string;
  let courtId: string;
  const users = {} as Record<
    'supervisor' | 'supervisor2' | 'mediatorA' | 'mediatorB' | 'admin' | 'liaison' | 'otherLiaison' | 'otherSupervisor',
    SignedInUser
  >;

  beforeAll(async () => {
    clock = new FixedClock(new Date(INTAKE_NOW));
    t = await createTestApp({ clock });
    const studio = await createOrganization(t, { kind: 'UNION' });
    const otherStudio = await createOrganization(t, { kind: 'UNION' });
    const court = await createOrganization(t, { kind: 'COURT' });
    const otherCourt = await createOrganization(t, { kind: 'COURT' });
    studioId = studio.id;
    courtId = court.id;
    users.supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id, displayName: '王主任' });
    users.supervisor2 = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id, displayName: '李副主任' });
    users.mediatorA = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id, displayName: '赵调解员' });
    users.mediatorB = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    users.admin = await createSignedInUser(t, { role: 'ADMIN', organizationId: studio.id });
    users.liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: court.id });
    users.otherLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: otherCourt.id });
    users.otherSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: otherStudio.id });
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, user: SignedInUser) => t.request({ method: 'GET', url, headers: user.auth });
  const post = (url: string, user: SignedInUser, payload?: object) =>
    t.request({ method: 'POST', url, headers: { ...user.auth, 'x-request-id': 'assist-desk-1' }, ...(payload ? { payload } : {}) });
  const propose = (caseId: string, user: SignedInUser, payload: object) => post(`/api/cases/${caseId}/assistance`, user, payload);
  const approve = (caseId: string, id: string, user: SignedInUser, payload?: object) => post(`/api/cases/${caseId}/assistance/${id}/approve`, user, payload);
  const reject = (caseId: string, id: string, user: SignedInUser, note = '已享受同类帮扶，不重复发放') => post(`/api/cases/${caseId}/assistance/${id}/reject`, user, { note });
  const relief = (overrides: Body = {}): Body => ({ applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '2000.50', givenOn: '2026-09-20', note: '家中老人住院，生活困难', ...overrides });

  const assistanceAudit = async (caseId: string): Promise<AuditRow[]> =>
    (await (await t.owner()).query(
      `SELECT action, actor_user_id, actor_role, category, payload FROM audit_entries
       WHERE chain_id = $1 AND action LIKE 'ASSISTANCE\\_%' ORDER BY chain_seq`,
      [`case:${caseId}`],
    )) as AuditRow[];
  const recordCount = async (caseId: string): Promise<number> =>
    Number(((await (await t.owner()).query('SELECT count(*)::int AS n FROM assistance_records WHERE case_id = $1', [caseId])) as { n: number }[])[0].n);

  /** A delegated collective case of the studio (HARDSHIP-flagged, 12 workers), assigned to mediator A. */
  async function workedCase(organizationSupervisor = users.supervisor, mediator: SignedInUser | null = users.mediatorA): Promise<CaseDetail> {
    const created = await createCase(t, organizationSupervisor, collectiveCaseBody({ source: 'COURT_DELEGATED', courtOrgId: courtId }));
    if (mediator !== null) await assignMediator(t, created.id, mediator.user.id);
    return created;
  }

  async function proposed(caseId: string, user: SignedInUser, payload: object): Promise<AssistanceBody> {
    const res = await propose(caseId, user, payload);
    if (res.statusCode !== 201) throw new Error(`proposing failed: ${res.statusCode} ${res.body}`);
    return res.json() as AssistanceBody;
  }

  describe('lifecycle', () => {
    it('a mediator proposes for one worker and a supervisor approves; each step is one audit row in the case chain', async () => {
      const c = await workedCase();
      const res = await propose(c.id, users.mediatorA, relief());
      expect(res.statusCode).toBe(201);
      const record = res.json() as AssistanceBody;
      expect(record).toMatchObject({
        caseId: c.id,
        caseNumber: c.caseNumber,
        applicantPosition: 0,
        worker: { position: 0, name: '刘强' },
        kind: 'RELIEF_FUNDS',
        amount: '2000.50',
        givenOn: '2026-09-20',
        status: 'PROPOSED',
        proposedBy: { id: users.mediatorA.user.id, displayName: '赵调解员' },
        approvedBy: null,
        approvedAt: null,
        decisionNote: null,
      });

      const approved = await approve(c.id, record.id, users.supervisor, { note: '经工会研究同意' });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({
        id: record.id,
        status: 'APPROVED',
        approvedBy: { id: users.supervisor.user.id, displayName: '王主任' },
        approvedAt: new Date(INTAKE_NOW).toISOString(),
        rejectedBy: null,
        decisionNote: '经工会研究同意',
      });

      expect(await assistanceAudit(c.id)).toEqual([
        {
          action: 'ASSISTANCE_PROPOSED',
          actor_user_id: users.mediatorA.user.id,
          actor_role: 'MEDIATOR',
          category: 'CASE',
          payload: { assistanceId: record.id, applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '2000.50', givenOn: '2026-09-20', note: '家中老人住院，生活困难', status: 'PROPOSED' },
        },
        {
          action: 'ASSISTANCE_APPROVED',
          actor_user_id: users.supervisor.user.id,
          actor_role: 'SUPERVISOR',
          category: 'CASE',
          payload: { assistanceId: record.id, applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '2000.50', givenOn: '2026-09-20', fromStatus: 'PROPOSED', toStatus: 'APPROVED', note: '经工会研究同意' },
        },
      ]);
      const verify = await get('/api/audit/verify', users.supervisor);
      expect(verify.json()).toMatchObject({ ok: true });
    });

    it('a supervisor rejects a case-level proposal with a note; a decided record answers 409 to either decision and writes nothing', async () => {
      const c = await workedCase();
      const record = await proposed(c.id, users.mediatorA, { kind: 'LEGAL_AID', givenOn: '2026-09-18', note: '联系法律援助中心代为申请仲裁' });
      expect(record).toMatchObject({ applicantPosition: null, worker: null, amount: null });

      const rejected = await reject(c.id, record.id, users.supervisor);
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({
        status: 'REJECTED',
        rejectedBy: { id: users.supervisor.user.id },
        rejectedAt: new Date(INTAKE_NOW).toISOString(),
        approvedBy: null,
        approvedAt: null,
        decisionNote: '已享受同类帮扶，不重复发放',
      });

      for (const again of [approve(c.id, record.id, users.supervisor2), reject(c.id, record.id, users.supervisor2)]) {
        const res = await again;
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({ code: 'ASSISTANCE_ALREADY_DECIDED', details: { status: 'REJECTED' } });
      }
      expect((await assistanceAudit(c.id)).map((row) => row.action)).toEqual(['ASSISTANCE_PROPOSED', 'ASSISTANCE_REJECTED']);
      expect((await assistanceAudit(c.id))[1].payload).toMatchObject({ fromStatus: 'PROPOSED', toStatus: 'REJECTED', note: '已享受同类帮扶，不重复发放' });
    });

    it("a supervisor's own proposal waits for another supervisor: approving it is 403, rejecting it withdraws it", async () => {
      const c = await workedCase();
      const own = await proposed(c.id, users.supervisor, relief({ applicantPosition: 3, kind: 'FESTIVAL_CONDOLENCE', amount: '500' }));
      expect(own).toMatchObject({ status: 'PROPOSED', amount: '500.00' });

      const self = await approve(c.id, own.id, users.supervisor);
      expect(self.statusCode).toBe(403);
      expect(self.json()).toMatchObject({ code: 'FORBIDDEN' });
      const byColleague = await approve(c.id, own.id, users.supervisor2);
      expect(byColleague.statusCode).toBe(200);
      expect(byColleague.json()).toMatchObject({ status: 'APPROVED', approvedBy: { id: users.supervisor2.user.id } });

      const second = await proposed(c.id, users.supervisor, relief({ applicantPosition: 4 }));
      expect((await reject(c.id, second.id, users.supervisor, '重复申报，撤回')).json()).toMatchObject({ status: 'REJECTED' });
      expect((await assistanceAudit(c.id)).map((row) => row.action)).toEqual(['ASSISTANCE_PROPOSED', 'ASSISTANCE_APPROVED', 'ASSISTANCE_PROPOSED', 'ASSISTANCE_REJECTED']);
    });

    it('exactly one of two supervisors deciding the same proposal at once wins', async () => {
      const c = await workedCase();
      const record = await proposed(c.id, users.mediatorA, relief());
      const results = await Promise.all([approve(c.id, record.id, users.supervisor), reject(c.id, record.id, users.supervisor2)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(await assistanceAudit(c.id)).toHaveLength(2);
    });

    it('lists the case records oldest gift first to everyone who may read the case, with names but never ID numbers', async () => {
      const c = await workedCase();
      const later = await proposed(c.id, users.mediatorA, relief({ applicantPosition: 2, givenOn: '2026-10-01' }));
      const earlier = await proposed(c.id, users.mediatorA, { kind: 'JOB_REFERRAL', applicantPosition: 1, givenOn: '2026-09-17', note: '推荐至东丰县人力资源市场' });
      for (const reader of [users.mediatorA, users.supervisor, users.admin, users.liaison]) {
        const res = await get(`/api/cases/${c.id}/assistance`, reader);
        expect(res.statusCode).toBe(200);
        const items = (res.json() as { items: AssistanceBody[] }).items;
        expect(items.map((item) => item.id)).toEqual([earlier.id, later.id]);
        expect(items.map((item) => item.worker)).toEqual([{ position: 1, name: '陈刚' }, { position: 2, name: '赵磊' }]);
        expect(res.body).not.toMatch(RESIDENT_ID_ANYWHERE);
        expect(res.body).not.toContain('idNumber');
      }
    });

    it('masks ID and mobile numbers typed into notes, in the record and in the audit payload', async () => {
      const c = await workedCase();
      const record = await proposed(c.id, users.mediatorA, relief({ note: '本人身份证220402199003071231，电话13843712345，家庭困难' }));
      expect(record.note).toBe('本人身份证2204**********1231，电话138****2345，家庭困难');
      const [row] = await assistanceAudit(c.id);
      expect(JSON.stringify(row.payload)).not.toMatch(/220402199003071231|13843712345/);
    });

    it('keeps a decided record as decided, even against SQL from the application role, and never deletes one', async () => {
      const c = await workedCase();
      const record = await proposed(c.id, users.mediatorA, relief());
      await approve(c.id, record.id, users.supervisor);
      const app = t.app.get(DataSource);
      await expect(app.query(`UPDATE assistance_records SET amount = '1.00' WHERE id = $1`, [record.id])).rejects.toThrow(/APPROVED and cannot change/);
      await expect(app.query('DELETE FROM assistance_records WHERE id = $1', [record.id])).rejects.toThrow(/permission denied/);
    });
  });

  describe('validation', () => {
    let c: CaseDetail;

    beforeAll(async () => {
      c = await workedCase();
    });

    const problems = async (payload: object) => {
      const res = await propose(c.id, users.mediatorA, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      return (res.json() as { details: { field: string; code: string }[] }).details.map(({ field, code }) => ({ field, code }));
    };

    it.each([
      ['RELIEF_FUNDS without an amount', relief({ amount: undefined }), [{ field: 'amount', code: 'REQUIRED' }]],
      ['FESTIVAL_CONDOLENCE with a null amount', relief({ kind: 'FESTIVAL_CONDOLENCE', amount: null }), [{ field: 'amount', code: 'REQUIRED' }]],
      ['MEDICAL_MUTUAL_AID without an amount', relief({ kind: 'MEDICAL_MUTUAL_AID', amount: undefined }), [{ field: 'amount', code: 'REQUIRED' }]],
      ['JOB_REFERRAL with an amount', relief({ kind: 'JOB_REFERRAL' }), [{ field: 'amount', code: 'FORBIDDEN' }]],
      ['LEGAL_AID with an amount', relief({ kind: 'LEGAL_AID' }), [{ field: 'amount', code: 'FORBIDDEN' }]],
      ['an amount sent as a JSON number', relief({ amount: 2000.5 }), [{ field: 'amount', code: 'INVALID_FORMAT' }]],
      ['an amount with three decimals', relief({ amount: '1.234' }), [{ field: 'amount', code: 'INVALID_FORMAT' }]],
      ['an amount of zero', relief({ amount: '0.00' }), [{ field: 'amount', code: 'OUT_OF_RANGE' }]],
      ['an unknown kind', relief({ kind: 'CASH' }), [{ field: 'kind', code: 'INVALID_FORMAT' }]],
      ['no kind', relief({ kind: undefined }), [{ field: 'kind', code: 'REQUIRED' }]],
      ['a position past the 12 applicants', relief({ applicantPosition: 12 }), [{ field: 'applicantPosition', code: 'OUT_OF_RANGE' }]],
      ['a negative position', relief({ applicantPosition: -1 }), [{ field: 'applicantPosition', code: 'OUT_OF_RANGE' }]],
      ['a fractional position', relief({ applicantPosition: 1.5 }), [{ field: 'applicantPosition', code: 'INVALID_FORMAT' }]],
      ['a position sent as text', relief({ applicantPosition: '1' }), [{ field: 'applicantPosition', code: 'INVALID_FORMAT' }]],
      ['givenOn before the case was received', relief({ givenOn: '2026-09-15' }), [{ field: 'givenOn', code: 'OUT_OF_RANGE' }]],
      ['givenOn more than 30 days ahead', relief({ givenOn: '2026-10-17' }), [{ field: 'givenOn', code: 'FUTURE_DATE' }]],
      ['a date that does not exist', relief({ givenOn: '2026-02-30' }), [{ field: 'givenOn', code: 'INVALID_FORMAT' }]],
      ['no note', relief({ note: '  ' }), [{ field: 'note', code: 'REQUIRED' }]],
      ['an unknown field', relief({ idNumber: '220402199003071231' }), [{ field: 'idNumber', code: 'FORBIDDEN' }]],
      [
        'several broken rules at once',
        relief({ applicantPosition: 30, amount: undefined, givenOn: '2026-12-01' }),
        [{ field: 'applicantPosition', code: 'OUT_OF_RANGE' }, { field: 'amount', code: 'REQUIRED' }, { field: 'givenOn', code: 'FUTURE_DATE' }],
      ],
    ])('answers 400 for %s', async (_name, payload, expected) => {
      expect(await problems(payload)).toEqual(expected);
    });

    it('accepts the edges: the last applicant, OTHER with or without an amount, givenOn 30 days ahead', async () => {
      expect((await propose(c.id, users.mediatorA, relief({ applicantPosition: 11, givenOn: '2026-10-16' }))).statusCode).toBe(201);
      expect((await propose(c.id, users.mediatorA, relief({ kind: 'OTHER', amount: undefined, applicantPosition: null }))).statusCode).toBe(201);
      expect((await propose(c.id, users.mediatorA, relief({ kind: 'OTHER', amount: '88.8' }))).statusCode).toBe(201);
    });

    it('writes neither a record nor an audit row for a refused proposal', async () => {
      const fresh = await workedCase();
      await propose(fresh.id, users.mediatorA, relief({ amount: undefined }));
      await propose(fresh.id, users.mediatorA, relief({ applicantPosition: 99 }));
      expect(await recordCount(fresh.id)).toBe(0);
      expect(await assistanceAudit(fresh.id)).toEqual([]);
    });

    it('requires a note of 4–500 characters to reject, and takes an approval without a body', async () => {
      const record = await proposed(c.id, users.mediatorA, relief());
      const noNote = await post(`/api/cases/${c.id}/assistance/${record.id}/reject`, users.supervisor, {});
      expect(noNote.statusCode).toBe(400);
      expect(noNote.json().details).toEqual([expect.objectContaining({ field: 'note', code: 'REQUIRED' })]);
      const short = await post(`/api/cases/${c.id}/assistance/${record.id}/reject`, users.supervisor, { note: '不' });
      expect(short.json().details).toEqual([expect.objectContaining({ field: 'note', code: 'OUT_OF_RANGE' })]);
      const bare = await approve(c.id, record.id, users.supervisor);
      expect(bare.statusCode).toBe(200);
      expect(bare.json()).toMatchObject({ status: 'APPROVED', decisionNote: null });
    });
  });

  describe('who may do what', () => {
    it('court liaisons and administrators who can read the case may not propose (403); an unassigned mediator may not either', async () => {
      const c = await workedCase();
      for (const user of [users.liaison, users.admin]) {
        const res = await propose(c.id, user, relief());
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
      }
      // In the intake queue the case is visible to every mediator of the studio, but nobody has taken it on.
      const queued = await workedCase(users.supervisor, null);
      expect((await get(`/api/cases/${queued.id}`, users.mediatorB)).statusCode).toBe(200);
      expect((await propose(queued.id, users.mediatorB, relief())).statusCode).toBe(403);
      expect((await propose(queued.id, users.supervisor, relief())).statusCode).toBe(201);
      expect(await recordCount(c.id)).toBe(0);
    });

    it("answers 404 for a case outside the user's scope: another studio, another court, another mediator's case", async () => {
      const c = await workedCase();
      const record = await proposed(c.id, users.mediatorA, relief());
      for (const user of [users.otherSupervisor, users.otherLiaison, users.mediatorB]) {
        expect((await get(`/api/cases/${c.id}/assistance`, user)).statusCode).toBe(404);
        expect((await propose(c.id, user, relief())).statusCode).toBe(404);
      }
      const foreign = await approve(c.id, record.id, users.otherSupervisor);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect((await reject(c.id, record.id, users.otherSupervisor)).statusCode).toBe(404);
      expect(await recordCount(c.id)).toBe(1);
    });

    it('lets only a supervisor decide: the proposing mediator, an administrator and a liaison get 403', async () => {
      const c = await workedCase();
      const record = await proposed(c.id, users.mediatorA, relief());
      for (const user of [users.mediatorA, users.admin, users.liaison]) {
        expect((await approve(c.id, record.id, user)).statusCode).toBe(403);
        expect((await reject(c.id, record.id, user)).statusCode).toBe(403);
      }
      expect((await assistanceAudit(c.id)).map((row) => row.action)).toEqual(['ASSISTANCE_PROPOSED']);
    });

    it("answers 404 for a record of another case, and for a record id that does not exist", async () => {
      const c = await workedCase();
      const other = await workedCase();
      const record = await proposed(other.id, users.mediatorA, relief());
      expect((await approve(c.id, record.id, users.supervisor)).statusCode).toBe(404);
      expect((await approve(c.id, '00000000-0000-4000-8000-000000000000', users.supervisor)).statusCode).toBe(404);
      expect((await approve(c.id, 'not-a-uuid', users.supervisor)).statusCode).toBe(400);
      expect((await get(`/api/cases/${other.id}/assistance`, users.supervisor)).json().items[0]).toMatchObject({ status: 'PROPOSED' });
    });

    it('opens the period list to supervisors and administrators of the organization only', async () => {
      const url = '/api/assistance?from=2026-09-01&to=2026-10-31';
      for (const user of [users.mediatorA, users.liaison]) expect((await get(url, user)).statusCode).toBe(403);
      for (const user of [users.supervisor, users.admin]) expect((await get(url, user)).statusCode).toBe(200);
      const foreign = await get(url, users.otherSupervisor);
      expect(foreign.json()).toMatchObject({ items: [], total: 0, approved: { count: 0, people: 0, amount: '0.00' } });
    });
  });

  describe('the exported queries on a known data set', () => {
    let service: HardshipAssistanceService;
    let manager: DataSource['manager'];
    let org2: string;
    let supervisorA: SignedInUser;
    let supervisorB: SignedInUser;
    let mediator: SignedInUser;
    const ids = {} as Record<'A' | 'B' | 'C' | 'D' | 'E', string>;
    const foreign = {} as Record<'withAssistance' | 'without', string>;

    const since = (date: string) =>
      service.casesWithoutAssistanceSince(manager, org2, [...Object.values(ids), ...Object.values(foreign)], parseLegalDate(date));
    const summary = (from: string, to: string) => service.summary(manager, org2, parseLegalDate(from), parseLegalDate(to));

    async function give(caseId: string, payload: Body, decision: 'APPROVE' | 'REJECT' | 'NONE' = 'APPROVE'): Promise<void> {
      const record = await proposed(caseId, mediator, { note: '困难帮扶', ...payload });
      if (decision === 'APPROVE') expect((await approve(caseId, record.id, supervisorA)).statusCode).toBe(200);
      if (decision === 'REJECT') expect((await reject(caseId, record.id, supervisorB)).statusCode).toBe(200);
    }

    /**
     * A second studio, so that nothing else in this suite touches its numbers:
     * - A, collective (12): worker 0 twice (1000.10 on 09-20, 500.05 on 09-30), worker 1 (3000.33 on 10-01), all
     *   approved; worker 3's 800.00 on 10-05 only proposed, worker 2's 9999.99 on 10-06 rejected.
     * - B, collective (12): 1200.00 to the case as a whole on 09-28 and legal aid to worker 5 on 09-29, approved.
     * - C, individual: a job referral on 10-10, approved. D, individual, HARDSHIP: nothing. E, individual: 0.01 on 09-17.
     */
    beforeAll(async () => {
      service = t.app.get(HardshipAssistanceService);
      manager = t.app.get(DataSource).manager;
      const studio = await createOrganization(t, { kind: 'UNION' });
      org2 = studio.id;
      supervisorA = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: org2 });
      supervisorB = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: org2 });
      mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: org2 });
      const bodies: Record<keyof typeof ids, Body> = {
        A: collectiveCaseBody(),
        B: collectiveCaseBody(),
        C: individualCaseBody(),
        D: individualCaseBody({ riskFlags: ['HARDSHIP'] }),
        E: individualCaseBody(),
      };
      for (const key of Object.keys(bodies) as (keyof typeof ids)[]) {
        ids[key] = (await createCase(t, supervisorA, bodies[key])).id;
        await assignMediator(t, ids[key], mediator.user.id);
      }
      // The first studio's cases: one with approved assistance in the period, one without any. Neither is org2's.
      foreign.withAssistance = (await workedCase()).id;
      foreign.without = (await workedCase()).id;
      const foreignRecord = await proposed(foreign.withAssistance, users.mediatorA, relief({ givenOn: '2026-09-20' }));
      expect((await approve(foreign.withAssistance, foreignRecord.id, users.supervisor)).statusCode).toBe(200);

      await give(ids.A, { applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '1000.10', givenOn: '2026-09-20' });
      await give(ids.A, { applicantPosition: 0, kind: 'FESTIVAL_CONDOLENCE', amount: '500.05', givenOn: '2026-09-30' });
      await give(ids.A, { applicantPosition: 1, kind: 'MEDICAL_MUTUAL_AID', amount: '3000.33', givenOn: '2026-10-01' });
      await give(ids.A, { applicantPosition: 3, kind: 'RELIEF_FUNDS', amount: '800.00', givenOn: '2026-10-05' }, 'NONE');
      await give(ids.A, { applicantPosition: 2, kind: 'RELIEF_FUNDS', amount: '9999.99', givenOn: '2026-10-06' }, 'REJECT');
      await give(ids.B, { kind: 'FESTIVAL_CONDOLENCE', amount: '1200', givenOn: '2026-09-28' });
      await give(ids.B, { applicantPosition: 5, kind: 'LEGAL_AID', givenOn: '2026-09-29' });
      await give(ids.C, { applicantPosition: 0, kind: 'JOB_REFERRAL', givenOn: '2026-10-10' });
      await give(ids.E, { applicantPosition: 0, kind: 'OTHER', amount: '0.01', givenOn: '2026-09-17' });
    });

    it('summary counts approved records, distinct workers (a case-level record counts the workerCount once) and the amount to the fen', async () => {
      expect(await summary('2026-09-16', '2026-10-16')).toEqual({ count: 7, people: 16, amount: '5700.49' });
      expect(await summary('2026-09-25', '2026-09-30')).toEqual({ count: 3, people: 13, amount: '1700.05' });
      expect(await summary('2026-09-20', '2026-09-20')).toEqual({ count: 1, people: 1, amount: '1000.10' });
      expect(await summary('2026-10-02', '2026-10-09')).toEqual({ count: 0, people: 0, amount: '0.00' });
    });

    it('casesWithoutAssistanceSince names the cases with no approved assistance on or after the date, among the organization\'s', async () => {
      expect(await since('2026-09-16')).toEqual(new Set([ids.D]));
      expect(await since('2026-09-29')).toEqual(new Set([ids.D, ids.E]));
      expect(await since('2026-10-01')).toEqual(new Set([ids.B, ids.D, ids.E]));
      // A's proposed and rejected records after 10-01 do not count as assistance given.
      expect(await since('2026-10-02')).toEqual(new Set([ids.A, ids.B, ids.D, ids.E]));
      expect(await since('2026-10-11')).toEqual(new Set(Object.values(ids)));
      expect(await service.casesWithoutAssistanceSince(manager, org2, [], parseLegalDate('2026-09-16'))).toEqual(new Set());
    });

    it("reads through the caller's transaction: a record approved in it counts before it commits", async () => {
      const seen: unknown[] = [];
      const rolledBack = t.app.get(DataSource).transaction(async (tx) => {
        await tx.query(`UPDATE assistance_records SET status = 'APPROVED', decided_by = $2, decided_at = now() WHERE case_id = $1 AND status = 'PROPOSED'`, [ids.A, supervisorA.user.id]);
        seen.push(await service.casesWithoutAssistanceSince(tx, org2, [ids.A], parseLegalDate('2026-10-02')));
        seen.push(await service.summary(tx, org2, parseLegalDate('2026-10-05'), parseLegalDate('2026-10-05')));
        throw new Error('roll back');
      });
      await expect(rolledBack).rejects.toThrow('roll back');
      expect(seen).toEqual([new Set(), { count: 1, people: 1, amount: '800.00' }]);
      expect(await since('2026-10-02')).toEqual(new Set([ids.A, ids.B, ids.D, ids.E]));
    });

    it('GET /api/assistance lists the period with the same approved totals, filtered and paged', async () => {
      const all = await get('/api/assistance?from=2026-09-16&to=2026-10-16', supervisorA);
      expect(all.statusCode).toBe(200);
      const body = all.json() as { items: AssistanceBody[]; total: number; approved: object };
      expect(body.total).toBe(9);
      expect(body.approved).toEqual({ count: 7, people: 16, amount: '5700.49' });
      expect(body.items.map((item) => item.givenOn)).toEqual([...body.items.map((item) => item.givenOn)].sort());
      expect(all.body).not.toMatch(RESIDENT_ID_ANYWHERE);

      const approvedOnly = (await get('/api/assistance?from=2026-09-16&to=2026-10-16&status=APPROVED', supervisorA)).json();
      expect(approvedOnly.total).toBe(7);
      expect(approvedOnly.items.every((item: AssistanceBody) => item.status === 'APPROVED')).toBe(true);
      const page2 = (await get('/api/assistance?from=2026-09-16&to=2026-10-16&page=2&pageSize=4', supervisorA)).json();
      expect(page2).toMatchObject({ total: 9, page: 2, pageSize: 4 });
      expect(page2.items.map((item: AssistanceBody) => item.id)).toEqual(body.items.slice(4, 8).map((item) => item.id));
    });

    it('GET /api/assistance refuses a period that ends before it starts, and missing or malformed dates', async () => {
      const backwards = await get('/api/assistance?from=2026-10-01&to=2026-09-01', supervisorA);
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().details).toEqual([expect.objectContaining({ field: 'to', code: 'INCONSISTENT' })]);
      const missing = await get('/api/assistance?to=2026-09-01', supervisorA);
      expect(missing.json().details).toEqual([expect.objectContaining({ field: 'from', code: 'REQUIRED' })]);
      const malformed = await get('/api/assistance?from=2026-9-1&to=2026-09-30&status=DONE', supervisorA);
      expect(malformed.json().details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'status']);
    });
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/docs-json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/cases/{id}/assistance']).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/cases/{id}/assistance/{assistanceId}/approve']).toHaveProperty('post');
    expect(doc.paths['/api/cases/{id}/assistance/{assistanceId}/reject']).toHaveProperty('post');
    expect(doc.paths['/api/assistance']).toHaveProperty('get');
  });

  it('records stay with the studio that owns the case', async () => {
    const c = await workedCase();
    await proposed(c.id, users.mediatorA, relief());
    const [row] = (await (await t.owner()).query('SELECT organization_id FROM assistance_records WHERE case_id = $1', [c.id])) as { organization_id: string }[];
    expect(row.organization_id).toBe(studioId);
  });
});
