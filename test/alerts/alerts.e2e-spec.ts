import { TestClock } from 'pg-boss';
import { DataSource } from 'typeorm';
import { AlertEscalationWorker } from '../../src/alerts/alert-escalation.worker';
import { AlertNotifier } from '../../src/alerts/alert-notifier';
import { AlertsService, type RaiseAlertInput, type RaiseAlertResult } from '../../src/alerts/alerts.service';
import { FixedClock } from '../../src/common/clock/clock';
import { assignMediator, createCase, individualCaseBody, INTAKE_NOW, moveToState, type CaseDetail } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { eventually } from '../helpers/eventually';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const MINUTE = 60_000;

interface AlertBody {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: string;
  level: string;
  status: string;
  dueBy: string | null;
  escalated: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
  deadlineKind: string | null;
  [key: string]: unknown;
}

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  actor_role: string;
  payload: Record<string, unknown>;
}

function raiseWith(t: TestApp) {
  return (input: RaiseAlertInput): Promise<RaiseAlertResult> => t.app.get(DataSource).transaction((tx) => t.app.get(AlertsService).raise(tx, input));
}

function sqlAs(t: TestApp) {
  return async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await (await t.owner()).query(sql, params)) as T[];
}

describe(AlertsService.name, () => {
  let t: TestApp;
  let clock: FixedClock;
  let raise: ReturnType<typeof raiseWith>;
  let sql: ReturnType<typeof sqlAs>;
  let studioId: string;
  let courtId: string;
  const users = {} as Record<'supervisor' | 'mediatorA' | 'mediatorB' | 'admin' | 'liaison' | 'otherLiaison' | 'otherSupervisor', SignedInUser>;

  beforeAll(async () => {
    clock = new FixedClock(new Date(INTAKE_NOW));
    t = await createTestApp({ clock });
    raise = raiseWith(t);
    sql = sqlAs(t);
    const studio = await createOrganization(t, { kind: 'UNION' });
    const otherStudio = await createOrganization(t, { kind: 'UNION' });
    const court = await createOrganization(t, { kind: 'COURT' });
    const otherCourt = await createOrganization(t, { kind: 'COURT' });
    studioId = studio.id;
    courtId = court.id;
    users.supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
    users.mediatorA = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    users.mediatorB = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    users.admin = await createSignedInUser(t, { role: 'ADMIN', organizationId: studio.id });
    users.liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: court.id });
    users.otherLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: otherCourt.id });
    users.otherSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: otherStudio.id });
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A delegated case of the studio, assigned to mediator A and in mediation. */
  async function workedCase(): Promise<CaseDetail> {
    const created = await createCase(t, users.supervisor, individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: courtId }));
    await assignMediator(t, created.id, users.mediatorA.user.id);
    await moveToState(t, created.id, 'mediation', 'active');
    return created;
  }

  const deadlineOf = (c: CaseDetail, kind: string) => c.deadlines.find((d) => d.kind === kind)!.id;
  const riskInput = (c: CaseDetail, level: RaiseAlertInput['level']): RaiseAlertInput => ({
    organizationId: studioId,
    caseId: c.id,
    kind: 'RISK_LEVEL',
    level,
    scopeRef: 'risk',
    message: `${c.caseNumber} 风险等级 ${level}`,
    reasons: [{ ruleId: 'ARREARS_1', text: '拖欠工资 1 个月' }],
  });
  const missedInput = (c: CaseDetail, deadlineId: string, level: RaiseAlertInput['level'] = 'ORANGE'): RaiseAlertInput => ({
    organizationId: studioId,
    caseId: c.id,
    kind: 'DEADLINE_MISSED',
    level,
    scopeRef: deadlineId,
    deadlineId,
    message: `${c.caseNumber} 期限已届满未完成`,
    reasons: [],
  });
  const alertAudit = (caseId: string) =>
    sql<AuditRow>(`SELECT action, actor_user_id, actor_role, payload FROM audit_entries WHERE case_id = $1 AND action LIKE 'ALERT\\_%' ORDER BY seq`, [caseId]);
  const get = (url: string, user: SignedInUser) => t.request({ method: 'GET', url, headers: user.auth });
  const post = (url: string, user: SignedInUser, payload?: object) => t.request({ method: 'POST', url, headers: user.auth, ...(payload ? { payload } : {}) });

  describe('raise', () => {
    it('opens exactly one alert and one ALERT_RAISED audit row when 20 raises of one scope race', async () => {
      const c = await workedCase();
      const input = missedInput(c, deadlineOf(c, 'ACCEPTANCE_DECISION'));
      const results = await Promise.all(Array.from({ length: 20 }, () => raise(input)));

      expect(results.filter((r) => r.outcome === 'RAISED')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'UNCHANGED')).toHaveLength(19);
      const ids = new Set(results.map((r) => r.alert?.id));
      expect(ids.size).toBe(1);
      expect(await sql('SELECT id FROM alerts WHERE case_id = $1', [c.id])).toHaveLength(1);
      const audit = await alertAudit(c.id);
      expect(audit).toEqual([{ action: 'ALERT_RAISED', actor_user_id: null, actor_role: 'SYSTEM', payload: expect.objectContaining({ alertId: [...ids][0], kind: 'DEADLINE_MISSED', level: 'ORANGE' }) }]);
    });

    it('opens exactly one RISK_LEVEL alert when 20 raises race', async () => {
      const c = await workedCase();
      const results = await Promise.all(Array.from({ length: 20 }, () => raise(riskInput(c, 'ORANGE'))));
      expect(results.filter((r) => r.outcome === 'RAISED')).toHaveLength(1);
      expect(await sql('SELECT id FROM alerts WHERE case_id = $1', [c.id])).toHaveLength(1);
      expect((await alertAudit(c.id)).map((r) => r.action)).toEqual(['ALERT_RAISED']);
    });

    it('is kept unique by the database itself, whoever writes', async () => {
      const c = await workedCase();
      const deadlineId = deadlineOf(c, 'MEDIATION_PERIOD');
      await raise(missedInput(c, deadlineId));
      await raise(riskInput(c, 'YELLOW'));
      const insert = (kind: string, scopeRef: string, deadline: string | null, level = 'YELLOW') =>
        sql(
          `INSERT INTO alerts (organization_id, case_id, kind, level, scope_ref, deadline_id, deadline_kind, message, raised_at)
           VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::uuid IS NULL THEN NULL ELSE 'MEDIATION_PERIOD' END, 'x', now())`,
          [studioId, c.id, kind, level, scopeRef, deadline],
        );
      await expect(insert('DEADLINE_MISSED', deadlineId, deadlineId)).rejects.toMatchObject({ code: '23505' });
      await expect(insert('RISK_LEVEL', 'risk', null, 'RED')).rejects.toMatchObject({ code: '23505' });
      await expect(insert('RISK_LEVEL', 'risk', null, 'BLUE')).rejects.toMatchObject({ code: '23514' });
      await expect(insert('DEADLINE_MISSED', `${deadlineId}:1`, deadlineId)).rejects.toMatchObject({ code: '23514' });
    });

    it('gives the application role read, insert and update on alerts, but not delete', async () => {
      const [privileges] = await sql<Record<string, boolean>>(
        `SELECT has_table_privilege('tiaojie_app', 'alerts', 'SELECT') AS "select", has_table_privilege('tiaojie_app', 'alerts', 'INSERT') AS "insert",
                has_table_privilege('tiaojie_app', 'alerts', 'UPDATE') AS "update", has_table_privilege('tiaojie_app', 'alerts', 'DELETE') AS "delete"`,
      );
      expect(privileges).toEqual({ select: true, insert: true, update: true, delete: false });
      expect(t.config.databaseRole).toBe('tiaojie_app');
    });

    it('sets dueBy from the level unless the caller gives one', async () => {
      clock.set(INTAKE_NOW);
      const c = await workedCase();
      // Wednesday 2026-09-16: Thursday, Friday and the make-up workday Sunday 09-20 are the three working days.
      const yellow = await raise(missedInput(c, deadlineOf(c, 'ACCEPTANCE_DECISION'), 'YELLOW'));
      expect(yellow.alert!.dueBy).toEqual(new Date('2026-09-21T00:00:00+08:00'));
      const orange = await raise(missedInput(c, deadlineOf(c, 'MEDIATION_PERIOD'), 'ORANGE'));
      expect(orange.alert!.dueBy).toEqual(new Date(clock.now().getTime() + 24 * 60 * MINUTE));
      const given = new Date('2026-10-01T00:00:00+08:00');
      const watch = await raise({ ...missedInput(c, deadlineOf(c, 'ARBITRATION_LIMITATION')), kind: 'LIMITATION_WATCH', scopeRef: 'limitation:2026-10-08', level: 'YELLOW', dueBy: given });
      expect(watch.alert!.dueBy).toEqual(given);
      expect(watch.alert!.deadlineKind).toBe('ARBITRATION_LIMITATION');
    });

    it('refuses a malformed raise before writing anything', async () => {
      const c = await workedCase();
      await expect(raise({ ...missedInput(c, deadlineOf(c, 'MEDIATION_PERIOD')), scopeRef: 'mediation' })).rejects.toThrow(/scopeRef/);
      await expect(raise({ ...missedInput(c, deadlineOf(c, 'MEDIATION_PERIOD')), deadlineKind: 'PAYMENT_DUE' })).rejects.toThrow(/MEDIATION_PERIOD/);
      await expect(raise({ ...riskInput(c, 'YELLOW'), organizationId: users.otherSupervisor.user.organizationId })).rejects.toThrow(/another/);
      expect(await sql('SELECT id FROM alerts WHERE case_id = $1', [c.id])).toEqual([]);
    });
  });

  describe('RISK_LEVEL', () => {
    it('opens at YELLOW, ignores equal and lower levels, and rises in place, reopening an acknowledged alert', async () => {
      const c = await workedCase();
      expect((await raise(riskInput(c, 'BLUE'))).outcome).toBe('UNCHANGED');
      const opened = await raise(riskInput(c, 'YELLOW'));
      expect(opened).toMatchObject({ outcome: 'RAISED', alert: { level: 'YELLOW', status: 'OPEN' } });
      expect(await raise(riskInput(c, 'YELLOW'))).toMatchObject({ outcome: 'UNCHANGED', alert: { id: opened.alert!.id } });
      expect((await raise(riskInput(c, 'BLUE'))).outcome).toBe('UNCHANGED');

      clock.advance(10 * MINUTE);
      const orange = await raise(riskInput(c, 'ORANGE'));
      expect(orange).toMatchObject({ outcome: 'LEVEL_RAISED', alert: { id: opened.alert!.id, level: 'ORANGE', levelRaisedAt: clock.now() } });
      expect(orange.alert!.dueBy).toEqual(new Date(clock.now().getTime() + 24 * 60 * MINUTE));
      expect((await raise(riskInput(c, 'YELLOW'))).outcome).toBe('UNCHANGED');

      expect((await post(`/api/alerts/${opened.alert!.id}/acknowledge`, users.mediatorA)).statusCode).toBe(200);
      const red = await raise(riskInput(c, 'RED'));
      expect(red).toMatchObject({ outcome: 'LEVEL_RAISED', alert: { id: opened.alert!.id, level: 'RED', status: 'OPEN', acknowledgedAt: null } });

      expect(await sql('SELECT level FROM alerts WHERE case_id = $1', [c.id])).toEqual([{ level: 'RED' }]);
      expect((await alertAudit(c.id)).map((r) => [r.action, r.payload.level])).toEqual([
        ['ALERT_RAISED', 'YELLOW'],
        ['ALERT_LEVEL_RAISED', 'ORANGE'],
        ['ALERT_ACKNOWLEDGED', 'ORANGE'],
        ['ALERT_LEVEL_RAISED', 'RED'],
      ]);
      const jobs = await sql<{ start_after: Date }>(`SELECT start_after FROM pgboss.job WHERE name = 'alert-escalation' AND singleton_key = $1`, [opened.alert!.id]);
      expect(jobs).toEqual([{ start_after: new Date(clock.now().getTime() + 120 * MINUTE) }]);
    });

    it('after an alert is resolved, opens a new one only at a higher level than the resolved one', async () => {
      const c = await workedCase();
      const first = await raise(riskInput(c, 'ORANGE'));
      expect((await post(`/api/alerts/${first.alert!.id}/resolve`, users.supervisor, { note: '已约谈用人单位，承诺按期支付' })).statusCode).toBe(200);

      expect(await raise(riskInput(c, 'ORANGE'))).toMatchObject({ outcome: 'UNCHANGED', alert: { id: first.alert!.id, status: 'RESOLVED' } });
      expect((await raise(riskInput(c, 'YELLOW'))).outcome).toBe('UNCHANGED');
      const second = await raise(riskInput(c, 'RED'));
      expect(second).toMatchObject({ outcome: 'RAISED', alert: { level: 'RED', status: 'OPEN' } });
      expect(second.alert!.id).not.toBe(first.alert!.id);
      expect(await sql('SELECT level, status FROM alerts WHERE case_id = $1 ORDER BY raised_at, level', [c.id])).toHaveLength(2);
    });

    it('answers a BLUE raise on a case without alerts with no alert', async () => {
      const c = await workedCase();
      expect(await raise(riskInput(c, 'BLUE'))).toEqual({ outcome: 'UNCHANGED', alert: null });
      expect(await sql('SELECT id FROM alerts WHERE case_id = $1', [c.id])).toEqual([]);
    });
  });

  describe('acknowledge and resolve', () => {
    it('acknowledges once, resolves with a note, and refuses a second resolve with 409, each change audited', async () => {
      const c = await workedCase();
      const { alert } = await raise(missedInput(c, deadlineOf(c, 'ACCEPTANCE_DECISION')));
      clock.advance(5 * MINUTE);
      const ack = await post(`/api/alerts/${alert!.id}/acknowledge`, users.mediatorA);
      expect(ack.statusCode).toBe(200);
      expect(ack.json()).toMatchObject({ id: alert!.id, status: 'ACKNOWLEDGED', acknowledgedBy: users.mediatorA.user.id, acknowledgedAt: clock.now().toISOString() });
      expect((await post(`/api/alerts/${alert!.id}/acknowledge`, users.supervisor)).json()).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: users.mediatorA.user.id });

      const resolved = await post(`/api/alerts/${alert!.id}/resolve`, users.supervisor, { note: '  已通知调解员补办受理决定，联系电话13843712345  ' });
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json()).toMatchObject({ status: 'RESOLVED', resolvedBy: users.supervisor.user.id, resolutionNote: '已通知调解员补办受理决定，联系电话138****2345' });

      const again = await post(`/api/alerts/${alert!.id}/resolve`, users.supervisor, { note: '重复处理一次' });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'ALERT_ALREADY_RESOLVED' });
      expect((await post(`/api/alerts/${alert!.id}/acknowledge`, users.mediatorA)).json()).toMatchObject({ statusCode: 409, code: 'ALERT_ALREADY_RESOLVED' });

      expect((await alertAudit(c.id)).map((r) => [r.action, r.actor_user_id, r.payload.toStatus ?? null])).toEqual([
        ['ALERT_RAISED', null, null],
        ['ALERT_ACKNOWLEDGED', users.mediatorA.user.id, 'ACKNOWLEDGED'],
        ['ALERT_RESOLVED', users.supervisor.user.id, 'RESOLVED'],
      ]);
      const verify = await get('/api/audit/verify', users.supervisor);
      expect(verify.json()).toMatchObject({ ok: true });
    });

    it('acknowledges an OPEN alert on the way to resolving it, both in the audit trail', async () => {
      const c = await workedCase();
      const { alert } = await raise(missedInput(c, deadlineOf(c, 'MEDIATION_PERIOD')));
      const res = await post(`/api/alerts/${alert!.id}/resolve`, users.mediatorA, { note: '已与双方当事人沟通' });
      expect(res.json()).toMatchObject({ status: 'RESOLVED', acknowledgedBy: users.mediatorA.user.id, resolvedBy: users.mediatorA.user.id });
      expect(res.json().acknowledgedAt).toBe(res.json().resolvedAt);
      expect((await alertAudit(c.id)).map((r) => r.action)).toEqual(['ALERT_RAISED', 'ALERT_ACKNOWLEDGED', 'ALERT_RESOLVED']);
    });

    it('wants a note of 4 to 500 characters', async () => {
      const c = await workedCase();
      const { alert } = await raise(missedInput(c, deadlineOf(c, 'MEDIATION_PERIOD')));
      for (const payload of [{}, { note: '已办' }, { note: 'x'.repeat(501) }, { note: '已处理完毕', extra: 1 }]) {
        const res = await post(`/api/alerts/${alert!.id}/resolve`, users.supervisor, payload);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      expect((await sql<{ status: string }>('SELECT status FROM alerts WHERE id = $1', [alert!.id]))[0].status).toBe('OPEN');
    });
  });

  describe('visibility', () => {
    let worked: CaseDetail;
    let queued: CaseDetail;
    let other: CaseDetail;
    const ids = {} as Record<'riskYellow' | 'warningOrange' | 'courtDecision' | 'queued' | 'other', string>;

    beforeAll(async () => {
      worked = await workedCase();
      queued = await createCase(t, users.mediatorA, individualCaseBody());
      other = await createCase(t, users.otherSupervisor, individualCaseBody());
      // A COURT_DECISION deadline exists once confirmation is requested; written directly for this arrangement.
      const [{ id: courtDecision }] = await sql<{ id: string }>(
        `INSERT INTO deadlines (case_id, key, position, kind, starts_on, days, unit, due_on, status, calendar_verified, basis)
         VALUES ($1, 'courtDecision#test', 99, 'COURT_DECISION', '2026-09-16', 15, 'CALENDAR_DAYS', '2026-10-08', 'MISSED', true, 'test') RETURNING id`,
        [worked.id],
      );
      const raiseAt = async (offsetMinutes: number, input: RaiseAlertInput) => {
        clock.advance(offsetMinutes * MINUTE);
        return (await raise(input)).alert!.id;
      };
      ids.riskYellow = await raiseAt(1, riskInput(worked, 'YELLOW'));
      ids.warningOrange = await raiseAt(1, {
        ...missedInput(worked, deadlineOf(worked, 'MEDIATION_PERIOD'), 'ORANGE'),
        kind: 'DEADLINE_WARNING',
        scopeRef: `${deadlineOf(worked, 'MEDIATION_PERIOD')}:1`,
      });
      ids.courtDecision = await raiseAt(1, { ...missedInput(worked, courtDecision, 'YELLOW'), deadlineKind: 'COURT_DECISION' });
      ids.queued = await raiseAt(1, riskInput(queued, 'YELLOW'));
      ids.other = await raiseAt(1, { ...riskInput(other, 'RED'), organizationId: users.otherSupervisor.user.organizationId });
      expect((await post(`/api/alerts/${ids.riskYellow}/acknowledge`, users.supervisor)).statusCode).toBe(200);
    });

    const listed = async (user: SignedInUser, query = '') => {
      const res = await get(`/api/alerts${query}`, user);
      expect(res.statusCode).toBe(200);
      return res.json() as { items: AlertBody[]; total: number; page: number; pageSize: number };
    };
    const mine = (items: AlertBody[]) => items.filter((a) => [worked.id, queued.id, other.id].includes(a.caseId)).map((a) => a.id);

    it('shows supervisors and admins their organization, newest first, and nothing of another', async () => {
      for (const user of [users.supervisor, users.admin]) {
        expect(mine((await listed(user, '?pageSize=100')).items)).toEqual([ids.queued, ids.courtDecision, ids.warningOrange, ids.riskYellow]);
        expect((await get(`/api/alerts/${ids.other}`, user)).statusCode).toBe(404);
      }
      expect(mine((await listed(users.otherSupervisor)).items)).toEqual([ids.other]);
      const res = await get(`/api/alerts/${ids.riskYellow}`, users.otherSupervisor);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    });

    it("shows a mediator the alerts of their cases and of the intake queue, and another mediator's case as 404", async () => {
      expect(mine((await listed(users.mediatorA, '?pageSize=100')).items)).toEqual([ids.queued, ids.courtDecision, ids.warningOrange, ids.riskYellow]);
      expect(mine((await listed(users.mediatorA, '?mine=true&pageSize=100')).items)).toEqual([ids.courtDecision, ids.warningOrange, ids.riskYellow]);
      expect(mine((await listed(users.mediatorB, '?pageSize=100')).items)).toEqual([ids.queued]);
      expect((await get(`/api/alerts/${ids.riskYellow}`, users.mediatorB)).statusCode).toBe(404);
      expect((await get(`/api/alerts/${ids.riskYellow}`, users.mediatorA)).json()).toMatchObject({ id: ids.riskYellow, caseNumber: worked.caseNumber, level: 'YELLOW' });
    });

    it("shows a liaison only ORANGE, RED and COURT_DECISION alerts of the court's cases", async () => {
      expect(mine((await listed(users.liaison, '?pageSize=100')).items)).toEqual([ids.courtDecision, ids.warningOrange]);
      expect((await get(`/api/alerts/${ids.courtDecision}`, users.liaison)).json()).toMatchObject({ deadlineKind: 'COURT_DECISION', level: 'YELLOW' });
      expect((await get(`/api/alerts/${ids.riskYellow}`, users.liaison)).statusCode).toBe(404);
      expect(mine((await listed(users.otherLiaison)).items)).toEqual([]);
      expect((await get(`/api/alerts/${ids.warningOrange}`, users.otherLiaison)).statusCode).toBe(404);
    });

    it('lets only the assigned mediator and supervisors act: 404 outside the scope, then 403 for those who only read', async () => {
      const expectCode = async (user: SignedInUser, id: string, status: number, code: string) => {
        const res = await post(`/api/alerts/${id}/acknowledge`, user);
        expect([res.statusCode, res.json().code]).toEqual([status, code]);
      };
      await expectCode(users.otherSupervisor, ids.warningOrange, 404, 'NOT_FOUND');
      await expectCode(users.mediatorB, ids.warningOrange, 404, 'NOT_FOUND');
      await expectCode(users.liaison, ids.riskYellow, 404, 'NOT_FOUND');
      await expectCode(users.admin, ids.warningOrange, 403, 'FORBIDDEN');
      await expectCode(users.liaison, ids.warningOrange, 403, 'FORBIDDEN');
      await expectCode(users.mediatorB, ids.queued, 403, 'FORBIDDEN');
      const resolve = await post(`/api/alerts/${ids.warningOrange}/resolve`, users.admin, { note: '管理员不能处理' });
      expect([resolve.statusCode, resolve.json().code]).toEqual([403, 'FORBIDDEN']);
      expect((await sql<{ status: string }>('SELECT status FROM alerts WHERE id = ANY($1)', [[ids.warningOrange, ids.queued]])).map((r) => r.status)).toEqual(['OPEN', 'OPEN']);

      // Fresh alerts, so that the other tests here see theirs untouched.
      const assigned = await workedCase();
      const inQueue = await createCase(t, users.mediatorA, individualCaseBody());
      const onAssigned = (await raise(riskInput(assigned, 'ORANGE'))).alert!.id;
      const onQueued = (await raise(riskInput(inQueue, 'ORANGE'))).alert!.id;
      expect((await post(`/api/alerts/${onAssigned}/acknowledge`, users.mediatorA)).json()).toMatchObject({ status: 'ACKNOWLEDGED' });
      expect((await post(`/api/alerts/${onAssigned}/resolve`, users.supervisor, { note: '已安排专人跟进' })).json()).toMatchObject({ status: 'RESOLVED' });
      expect((await post(`/api/alerts/${onQueued}/acknowledge`, users.supervisor)).json()).toMatchObject({ status: 'ACKNOWLEDGED' });
    });

    it('filters by status, level, kind and case, and pages with a total', async () => {
      const scoped = `&caseId=${worked.id}`;
      expect((await listed(users.supervisor, `?level=ORANGE${scoped}`)).items.map((a) => a.id)).toEqual([ids.warningOrange]);
      expect((await listed(users.supervisor, `?kind=RISK_LEVEL${scoped}`)).items.map((a) => a.id)).toEqual([ids.riskYellow]);
      expect((await listed(users.supervisor, `?status=OPEN${scoped}`)).items.map((a) => a.id)).toEqual([ids.courtDecision, ids.warningOrange]);
      expect((await listed(users.supervisor, `?status=ACKNOWLEDGED${scoped}`)).items.map((a) => a.id)).toEqual([ids.riskYellow]);
      const page2 = await listed(users.supervisor, `?pageSize=2&page=2${scoped}`);
      expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page2.items.map((a) => a.id)).toEqual([ids.riskYellow]);
      for (const query of ['?level=PURPLE', '?status=CLOSED', '?caseId=abc', '?pageSize=101', '?mine=yes', '?escalated=maybe']) {
        expect((await get(`/api/alerts${query}`, users.supervisor)).statusCode).toBe(400);
      }
      expect((await get('/api/alerts/not-a-uuid', users.supervisor)).statusCode).toBe(400);
    });
  });

  it('documents the four alert operations and their errors in the OpenAPI document', async () => {
    const paths = (await t.request({ method: 'GET', url: '/api/docs-json' })).json().paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const operations = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/alerts'))
      .flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, operation]) => `${method.toUpperCase()} ${path} ${Object.keys(operation.responses).sort().join(',')}`));
    expect(operations.sort()).toEqual([
      'GET /api/alerts 200,400,401',
      'GET /api/alerts/{id} 200,400,401,404',
      'POST /api/alerts/{id}/acknowledge 200,400,401,403,404,409',
      'POST /api/alerts/{id}/resolve 200,400,401,403,404,409',
    ]);
  });

  describe(AlertEscalationWorker.name, () => {
    const escalate = (id: string) => t.app.get(AlertEscalationWorker).escalate(id, 'test');
    const escalatedCount = (caseId: string) => sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entries WHERE case_id = $1 AND action = 'ALERT_ESCALATED'`, [caseId]);

    it('escalates a RED alert left OPEN past the escalation time once, however often the job runs', async () => {
      const notifier = jest.spyOn(t.app.get(AlertNotifier), 'alertEscalated');
      const c = await workedCase();
      const { alert } = await raise(riskInput(c, 'RED'));
      clock.advance(119 * MINUTE);
      expect(await escalate(alert!.id)).toBe('NOT_YET');
      clock.advance(2 * MINUTE);
      expect(await escalate(alert!.id)).toBe('ESCALATED');
      expect(await escalate(alert!.id)).toBe('STALE');

      expect(await sql('SELECT escalated, escalated_at, status FROM alerts WHERE id = $1', [alert!.id])).toEqual([{ escalated: true, escalated_at: clock.now(), status: 'OPEN' }]);
      expect(await escalatedCount(c.id)).toEqual([{ n: 1 }]);
      const alertsOf = async (escalated: boolean) => ((await get(`/api/alerts?escalated=${escalated}&caseId=${c.id}`, users.supervisor)).json() as { items: AlertBody[] }).items;
      expect((await alertsOf(true)).map((a) => a.id)).toEqual([alert!.id]);
      expect(await alertsOf(false)).toEqual([]);
      expect(notifier).toHaveBeenCalledTimes(1);
      expect(notifier.mock.calls[0][1]).toMatchObject({ alert: { id: alert!.id, escalated: true }, supervisorIds: [users.supervisor.user.id] });
      notifier.mockRestore();
    });

    it('does nothing for a RED alert that was acknowledged in time', async () => {
      const c = await workedCase();
      const { alert } = await raise(riskInput(c, 'RED'));
      expect((await post(`/api/alerts/${alert!.id}/acknowledge`, users.supervisor)).statusCode).toBe(200);
      clock.advance(121 * MINUTE);
      expect(await escalate(alert!.id)).toBe('STALE');
      expect(await escalate(alert!.id)).toBe('STALE');
      expect(await sql('SELECT escalated FROM alerts WHERE id = $1', [alert!.id])).toEqual([{ escalated: false }]);
      expect(await escalatedCount(c.id)).toEqual([{ n: 0 }]);
    });

    it('queues no escalation for alerts below RED', async () => {
      const c = await workedCase();
      const { alert } = await raise(riskInput(c, 'ORANGE'));
      expect(await sql(`SELECT id FROM pgboss.job WHERE name = 'alert-escalation' AND singleton_key = $1`, [alert!.id])).toEqual([]);
    });
  });
});

describe('alert escalation job', () => {
  let database: TestDatabase;
  let t: TestApp;
  let clock: FixedClock;
  let jobs: TestClock;

  beforeAll(async () => {
    database = await createTestDatabase();
    clock = new FixedClock(new Date(INTAKE_NOW));
    jobs = new TestClock(INTAKE_NOW);
    t = await createTestApp({ clock, jobClock: jobs, database, env: { RUN_WORKERS: 'true' } });
  });

  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  async function moveTo(instant: Date): Promise<void> {
    clock.set(instant);
    await jobs.setTime(instant);
    await jobs.tick(2_000);
  }

  it('fires when the escalation time has come and marks the alert escalated exactly once', async () => {
    const sql = sqlAs(t);
    const supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    const c = await createCase(t, supervisor, individualCaseBody());
    const start = clock.now().getTime();
    const { alert } = await raiseWith(t)({
      organizationId: supervisor.user.organizationId,
      caseId: c.id,
      kind: 'RISK_LEVEL',
      level: 'RED',
      scopeRef: 'risk',
      message: `${c.caseNumber} 风险等级红色：有极端行为倾向`,
      reasons: [{ ruleId: 'FLAG_RED', text: '有极端行为倾向' }],
    });
    const state = () => sql<{ escalated: boolean; n: number }>(
      `SELECT a.escalated, (SELECT count(*)::int FROM audit_entries e WHERE e.case_id = a.case_id AND e.action = 'ALERT_ESCALATED') AS n FROM alerts a WHERE a.id = $1`,
      [alert!.id],
    );

    await moveTo(new Date(start + 119 * MINUTE));
    expect(await state()).toEqual([{ escalated: false, n: 0 }]);

    await moveTo(new Date(start + 121 * MINUTE));
    await eventually(state, ([row]) => row.escalated, { between: () => jobs.tick(1_000) });
    await eventually(() => sql(`SELECT id FROM pgboss.job WHERE name = 'alert-escalation' AND state IN ('created', 'retry', 'active')`), (rows) => rows.length === 0, { between: () => jobs.tick(1_000) });
    await moveTo(new Date(start + 240 * MINUTE));
    expect(await state()).toEqual([{ escalated: true, n: 1 }]);
  });
});
