import { FixedClock } from '../../src/common/clock/clock';
import { createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Item { caseId: string; kind: string; dueOn: string; daysLeft: number; label: string; status: string; assignedMediator: { id: string } | null }

describe('GET /api/deadlines', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let colleague: SignedInUser;
  let outsider: SignedInUser;
  let mine: string;
  let colleagues: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    colleague = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    outsider = await createSignedInUser(t, { role: 'SUPERVISOR' });
    // Accepting by a queue mediator assigns the case to them, so each mediator ends up with one case of their own.
    mine = (await createCase(t, mediator, individualCaseBody())).id;
    colleagues = (await createCase(t, colleague, individualCaseBody())).id;
    for (const [user, id] of [[mediator, mine], [colleague, colleagues]] as const) {
      const res = await t.request({ method: 'POST', url: `/api/cases/${id}/events`, payload: { type: 'ACCEPT' }, headers: user.auth });
      expect(res.statusCode).toBe(200);
    }
    await createCase(t, outsider, individualCaseBody());
  });

  afterAll(async () => {
    await t.close();
  });

  const list = async (user: SignedInUser, query = '') => {
    const res = await t.request({ method: 'GET', url: `/api/deadlines${query}`, headers: user.auth });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Item[]; total: number; page: number; pageSize: number };
  };

  it("lists the pending deadlines of the organization's cases for a supervisor, soonest first, with days left", async () => {
    const body = await list(supervisor);
    expect(new Set(body.items.map((i) => i.caseId))).toEqual(new Set([mine, colleagues]));
    expect(body.items.map((i) => i.dueOn)).toEqual([...body.items.map((i) => i.dueOn)].sort());
    const period = body.items.find((i) => i.caseId === mine && i.kind === 'MEDIATION_PERIOD')!;
    expect(period).toMatchObject({ dueOn: '2026-10-08', daysLeft: 22, label: '调解期限', status: 'PENDING', assignedMediator: { id: mediator.user.id } });
    // ACCEPT met the acceptance decision, so it is no longer pending.
    expect(body.items.some((i) => i.kind === 'ACCEPTANCE_DECISION')).toBe(false);
    expect((await list(supervisor, '?status=MET')).items.map((i) => i.kind)).toEqual(['ACCEPTANCE_DECISION', 'ACCEPTANCE_DECISION']);
  });

  it("shows a mediator only their own cases' deadlines, and filters by due date and kind", async () => {
    expect(new Set((await list(mediator)).items.map((i) => i.caseId))).toEqual(new Set([mine]));
    const soon = await list(mediator, '?dueBefore=2026-09-30');
    expect(soon.items.map((i) => i.kind)).toEqual(['RESPONDENT_CONSENT']);
    expect((await list(supervisor, '?kind=MEDIATION_PERIOD&mine=true')).total).toBe(0);
    expect((await list(colleague, '?mine=true')).items.every((i) => i.caseId === colleagues)).toBe(true);
  });

  it("never shows another organization's deadlines", async () => {
    const theirs = await list(outsider);
    expect(theirs.items.some((i) => i.caseId === mine || i.caseId === colleagues)).toBe(false);
    expect(theirs.total).toBeGreaterThan(0);
  });

  it('refuses a malformed date with a field error', async () => {
    const res = await t.request({ method: 'GET', url: '/api/deadlines?dueBefore=2026-13-01', headers: supervisor.auth });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'dueBefore' })] });
  });
});
