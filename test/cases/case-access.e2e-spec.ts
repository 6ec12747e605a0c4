import { DataSource } from 'typeorm';
import { CaseAccessService } from '../../src/cases/case-access.service';
import { CaseQueryService } from '../../src/cases/case-query.service';
import { FixedClock } from '../../src/common/clock/clock';
import {
  assignMediator,
  createCase,
  EXAMPLE_RESIDENT_ID,
  individualCaseBody,
  INTAKE_NOW,
  moveToState,
  type CaseDetail,
} from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

const RAW_PHONE = '13843712345';
const RAW_CONTACT_PHONE = '0437-3221234';

describe(CaseAccessService.name, () => {
  let t: TestApp;
  const users = {} as Record<'supervisor' | 'mediatorA' | 'mediatorB' | 'admin' | 'otherSupervisor' | 'liaison' | 'reviewLiaison', SignedInUser>;
  const cases = {} as Record<'queued' | 'assignedToA' | 'assignedToB' | 'referred' | 'reviewed' | 'mediationUnassigned' | 'otherStudio', CaseDetail>;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date(INTAKE_NOW)) });
    const studio = await createOrganization(t, { kind: 'UNION' });
    const otherStudio = await createOrganization(t, { kind: 'UNION' });
    const court = await createOrganization(t, { kind: 'COURT' });
    const reviewCourt = await createOrganization(t, { kind: 'COURT' });
    users.supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
    users.mediatorA = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    users.mediatorB = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    users.admin = await createSignedInUser(t, { role: 'ADMIN', organizationId: studio.id });
    users.otherSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: otherStudio.id });
    users.liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: court.id });
    users.reviewLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: reviewCourt.id });

    // Every applicant below carries EXAMPLE_RESIDENT_ID and RAW_PHONE, and every respondent RAW_CONTACT_PHONE.
    const body = () => individualCaseBody();
    cases.queued = await createCase(t, users.mediatorA, body());
    cases.assignedToA = await createCase(t, users.supervisor, body());
    cases.assignedToB = await createCase(t, users.supervisor, body());
    cases.referred = await createCase(t, users.supervisor, individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: court.id }));
    cases.reviewed = await createCase(t, users.supervisor, body());
    cases.mediationUnassigned = await createCase(t, users.supervisor, body());
    cases.otherStudio = await createCase(t, users.otherSupervisor, body());
    await assignMediator(t, cases.assignedToA.id, users.mediatorA.user.id);
    await assignMediator(t, cases.assignedToB.id, users.mediatorB.user.id);
    await moveToState(t, cases.mediationUnassigned.id, 'mediation', 'active');
    await t.app.get(DataSource).query('UPDATE cases SET review_court_id = $2 WHERE id = $1', [cases.reviewed.id, reviewCourt.id]);
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (url: string, user: SignedInUser) => t.request({ method: 'GET', url, headers: user.auth });
  const reveal = (caseId: string, user: SignedInUser, payload: object) =>
    t.request({ method: 'POST', url: `/api/cases/${caseId}/reveal`, payload, headers: { ...user.auth, 'x-request-id': 'reveal-test' } });

  describe('visibility', () => {
    type UserKey = keyof typeof users;
    type CaseKey = keyof typeof cases;
    const visible: Record<UserKey, CaseKey[]> = {
      supervisor: ['queued', 'assignedToA', 'assignedToB', 'referred', 'reviewed', 'mediationUnassigned'],
      // Their assigned case, plus the studio's unassigned cases still in intake.
      mediatorA: ['queued', 'assignedToA', 'referred', 'reviewed'],
      mediatorB: ['queued', 'assignedToB', 'referred', 'reviewed'],
      admin: ['queued', 'assignedToA', 'assignedToB', 'referred', 'reviewed', 'mediationUnassigned'],
      otherSupervisor: ['otherStudio'],
      liaison: ['referred'],
      reviewLiaison: ['reviewed'],
    };

    it.each(Object.keys(visible) as UserKey[])('lets the %s see exactly their cases, and answers 404 for the others', async (userKey) => {
      const statuses: Record<string, number> = {};
      for (const caseKey of Object.keys(cases) as CaseKey[]) {
        statuses[caseKey] = (await get(`/api/cases/${cases[caseKey].id}`, users[userKey])).statusCode;
      }

      const expected = Object.fromEntries((Object.keys(cases) as CaseKey[]).map((k) => [k, visible[userKey].includes(k) ? 200 : 404]));
      expect(statuses).toEqual(expected);
    });

    it.each(Object.keys(visible) as UserKey[])('lists to the %s exactly the cases they may open', async (userKey) => {
      const res = await get('/api/cases?pageSize=100', users[userKey]);

      expect(res.statusCode).toBe(200);
      const ids = (res.json().items as { id: string }[]).map((item) => item.id).sort();
      expect(ids).toEqual(visible[userKey].map((k) => cases[k].id).sort());
    });

    it('answers 404, not 403, for another studio’s case, with the same body as for a missing one', async () => {
      const foreign = await get(`/api/cases/${cases.otherStudio.id}`, users.supervisor);
      const missing = await get('/api/cases/00000000-0000-4000-8000-000000000000', users.supervisor);

      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(foreign.json().code).toBe('NOT_FOUND');
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const res = await get('/api/cases/LY-2026-000001', users.supervisor);

      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ field: 'id', code: 'INVALID_FORMAT', message: 'id must be a UUID' }]);
    });
  });

  describe('GET /api/cases/:id', () => {
    it('answers the version as ETag', async () => {
      const res = await get(`/api/cases/${cases.assignedToA.id}`, users.mediatorA);

      expect(res.headers.etag).toBe('"1"');
    });

    it('shows raw PII to the assigned mediator only', async () => {
      const res = await get(`/api/cases/${cases.assignedToA.id}`, users.mediatorA);

      expect(res.json()).toMatchObject({ piiMasked: false, respondent: { contactPhone: RAW_CONTACT_PHONE } });
      expect(res.json().applicants[0]).toMatchObject({ idNumber: EXAMPLE_RESIDENT_ID, phone: RAW_PHONE });
    });

    it.each(['supervisor', 'admin', 'mediatorB'] as const)('masks PII for the %s, keeping the length', async (userKey) => {
      const caseId = userKey === 'mediatorB' ? cases.queued.id : cases.assignedToA.id;
      const res = await get(`/api/cases/${caseId}`, users[userKey]);

      expect(res.json()).toMatchObject({ piiMasked: true, respondent: { contactPhone: '********1234' } });
      expect(res.json().applicants[0]).toMatchObject({ idNumber: '2204**********1231', phone: '138****2345' });
      expect(res.body).not.toContain(EXAMPLE_RESIDENT_ID);
    });

    it('tells each viewer the events they may send', async () => {
      const forSupervisor = (await get(`/api/cases/${cases.queued.id}`, users.supervisor)).json().allowedEvents;
      const forQueueMediator = (await get(`/api/cases/${cases.queued.id}`, users.mediatorB)).json().allowedEvents;
      const forAssigned = (await get(`/api/cases/${cases.assignedToA.id}`, users.mediatorA)).json().allowedEvents;
      const forAdmin = (await get(`/api/cases/${cases.queued.id}`, users.admin)).json().allowedEvents;
      const forLiaison = (await get(`/api/cases/${cases.referred.id}`, users.liaison)).json().allowedEvents;

      expect(forSupervisor).toEqual(['ACCEPT', 'REJECT', 'ASSIGN_MEDIATOR', 'WITHDRAW']);
      expect(forQueueMediator).toEqual(['ACCEPT', 'REJECT', 'ASSIGN_MEDIATOR', 'WITHDRAW']);
      // Once assigned, reassigning is the supervisor's (#3).
      expect(forAssigned).toEqual(['ACCEPT', 'REJECT', 'WITHDRAW']);
      expect(forAdmin).toEqual([]);
      expect(forLiaison).toEqual([]);
    });

    it('answers a command that took the case out of the user’s scope with its detail all the same', async () => {
      const rejected = await createCase(t, users.mediatorB);
      await moveToState(t, rejected.id, 'closed', 'rejected');
      const queries = t.app.get(CaseQueryService);
      const manager = t.app.get(DataSource).manager;
      const actor = { ...users.mediatorB.user, role: 'MEDIATOR' as const };

      await expect(queries.detail(manager, rejected.id, actor)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(queries.detail(manager, rejected.id, actor, { alreadyAuthorized: true })).resolves.toMatchObject({ state: 'closed.rejected', allowedEvents: [] });
    });

    it('names the assigned mediator', async () => {
      const res = await get(`/api/cases/${cases.assignedToB.id}`, users.supervisor);

      expect(res.json().assignedMediator).toEqual({ id: users.mediatorB.user.id, displayName: users.mediatorB.user.displayName });
    });
  });

  describe('lists', () => {
    it('mask PII even for the assigned mediator, and never carry a raw ID number', async () => {
      const res = await get('/api/cases?mine=true', users.mediatorA);

      expect(res.json().items).toHaveLength(1);
      expect(res.json().items[0].leadApplicant).toEqual({ name: '张伟', idNumber: '2204**********1231', phone: '138****2345' });
      expect(res.body).not.toContain(EXAMPLE_RESIDENT_ID);
      expect(res.body).not.toContain(RAW_PHONE);
    });
  });

  describe('POST /api/cases/:id/reveal', () => {
    const reason = '核对身份以出具调解协议书';

    async function revealRows(caseId: string) {
      return (await t.app.get(DataSource).query(
        `SELECT actor_user_id, category, payload FROM audit_entries WHERE case_id = $1 AND action = 'PII_REVEALED' ORDER BY seq`,
        [caseId],
      )) as { actor_user_id: string; category: string; payload: unknown }[];
    }

    it('answers the raw value to the assigned mediator and audits the field and reason, never the value', async () => {
      const res = await reveal(cases.assignedToA.id, users.mediatorA, { field: 'applicants[0].idNumber', reason });

      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ field: 'applicants[0].idNumber', value: EXAMPLE_RESIDENT_ID });
      const rows = await revealRows(cases.assignedToA.id);
      expect(rows).toEqual([{ actor_user_id: users.mediatorA.user.id, category: 'ACCESS', payload: { field: 'applicants[0].idNumber', reason } }]);
      expect(JSON.stringify(rows)).not.toContain(EXAMPLE_RESIDENT_ID);
    });

    it('answers a supervisor of the studio', async () => {
      const res = await reveal(cases.queued.id, users.supervisor, { field: 'respondent.contactPhone', reason });

      expect(res.statusCode).toBe(200);
      expect(res.json().value).toBe(RAW_CONTACT_PHONE);
    });

    it('answers the liaison of the referring court and of the reviewing court', async () => {
      const referred = await reveal(cases.referred.id, users.liaison, { field: 'applicants[0].phone', reason });
      const reviewed = await reveal(cases.reviewed.id, users.reviewLiaison, { field: 'applicants[0].phone', reason });

      expect(referred.statusCode).toBe(200);
      expect(reviewed.json()).toEqual({ field: 'applicants[0].phone', value: RAW_PHONE });
    });

    it.each([
      ['an administrator', 'admin', 'queued'],
      ['a queue mediator who has not taken the case', 'mediatorB', 'queued'],
    ] as const)('answers 403 FORBIDDEN to %s and audits nothing', async (_who, userKey, caseKey) => {
      const before = (await revealRows(cases[caseKey].id)).length;

      const res = await reveal(cases[caseKey].id, users[userKey], { field: 'applicants[0].idNumber', reason });

      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
      expect(await revealRows(cases[caseKey].id)).toHaveLength(before);
    });

    it('answers 404 to someone who cannot see the case, before any 403', async () => {
      const otherMediator = await reveal(cases.assignedToA.id, users.mediatorB, { field: 'applicants[0].idNumber', reason });
      const otherStudio = await reveal(cases.assignedToA.id, users.otherSupervisor, { field: 'applicants[0].idNumber', reason });

      expect(otherMediator.statusCode).toBe(404);
      expect(otherStudio.statusCode).toBe(404);
    });

    it('answers 404 for an applicant the case does not have', async () => {
      const res = await reveal(cases.assignedToA.id, users.mediatorA, { field: 'applicants[5].idNumber', reason });

      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    });

    it.each([
      ['an unknown path', { field: 'applicants[0].name', reason }, 'field'],
      ['a path outside the case', { field: 'respondent.legalRepresentative', reason }, 'field'],
      ['a reason under 4 characters', { field: 'applicants[0].phone', reason: '看看' }, 'reason'],
      ['a reason over 500 characters', { field: 'applicants[0].phone', reason: 'x'.repeat(501) }, 'reason'],
    ])('answers 400 VALIDATION_FAILED for %s', async (_what, payload, field) => {
      const res = await reveal(cases.assignedToA.id, users.mediatorA, payload);

      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([expect.objectContaining({ field })]);
    });
  });
});
