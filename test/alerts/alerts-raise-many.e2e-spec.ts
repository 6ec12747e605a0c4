import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AlertsService, type RaiseAlertInput, type RaiseAlertResult } from '../../src/alerts/alerts.service';
import { FixedClock } from '../../src/common/clock/clock';
import { assignMediator, createCase, individualCaseBody, INTAKE_NOW, moveToState, type CaseDetail } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * raiseMany against raise: two sets of cases in the same starting state, one raised one by one and the other in a
 * batch, must end with the same alerts, audit entries, escalation jobs, notifications and their deliveries.
 */
describe(`${AlertsService.name}.raiseMany`, () => {
  let t: TestApp;
  let studioId: string;
  let courtId: string;
  const users = {} as Record<'supervisor' | 'mediator' | 'liaison', SignedInUser>;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  const windowId = randomUUID();

  beforeAll(async () => {
    // A channel, so that each notification also gets a delivery row and a delivery job; workers are off, nothing is sent.
    t = await createTestApp({ clock, env: { NOTIFICATION_WEBHOOK_URL: 'http://127.0.0.1:9/hook' } });
    const studio = await createOrganization(t, { kind: 'UNION' });
    const court = await createOrganization(t, { kind: 'COURT' });
    [studioId, courtId] = [studio.id, court.id];
    users.supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
    users.mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    users.liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: court.id });
  });

  afterAll(async () => {
    await t?.close();
  });

  const inTx = <T>(work: (service: AlertsService, tx: EntityManager) => Promise<T>) =>
    t.app.get(DataSource).transaction((tx) => work(t.app.get(AlertsService), tx));
  const raise = (input: RaiseAlertInput) => inTx((service, tx) => service.raise(tx, input));
  const post = (url: string, user: SignedInUser, payload?: object) => t.request({ method: 'POST', url, headers: user.auth, ...(payload ? { payload } : {}) });
  const sql = async <T>(text: string, params: unknown[] = []) => (await (await t.owner()).query(text, params)) as T[];

  async function workedCase(): Promise<CaseDetail> {
    const created = await createCase(t, users.supervisor, individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: courtId }));
    await assignMediator(t, created.id, users.mediator.user.id);
    await moveToState(t, created.id, 'mediation', 'active');
    return created;
  }

  const deadlineOf = (c: CaseDetail, kind: string) => c.deadlines.find((d) => d.kind === kind)!.id;
  const risk = (c: CaseDetail, level: RaiseAlertInput['level']): RaiseAlertInput => ({
    organizationId: studioId,
    caseId: c.id,
    kind: 'RISK_LEVEL',
    level,
    scopeRef: 'risk',
    message: `风险等级 ${level}，联系电话13843712345`,
    reasons: [{ ruleId: 'ARREARS_1', text: `拖欠工资（${level}）` }],
  });
  const missed = (c: CaseDetail): RaiseAlertInput => {
    const deadlineId = deadlineOf(c, 'ACCEPTANCE_DECISION');
    return { organizationId: studioId, caseId: c.id, kind: 'DEADLINE_MISSED', level: 'ORANGE', scopeRef: deadlineId, deadlineId, message: '受理期限已届满', reasons: [] };
  };
  const warning = (c: CaseDetail): RaiseAlertInput => {
    const deadlineId = deadlineOf(c, 'MEDIATION_PERIOD');
    return { organizationId: studioId, caseId: c.id, kind: 'DEADLINE_WARNING', level: 'YELLOW', scopeRef: `${deadlineId}:3`, deadlineId, deadlineKind: 'MEDIATION_PERIOD', message: '调解期限将届满', reasons: [] };
  };
  const period = (c: CaseDetail): RaiseAlertInput => ({
    organizationId: studioId,
    caseId: c.id,
    kind: 'SENSITIVE_PERIOD',
    level: 'ORANGE',
    scopeRef: windowId,
    windowId,
    message: '处于敏感时期',
    reasons: [],
    dueBy: new Date('2026-09-30T16:00:00Z'),
  });

  /** Five cases in the states the inputs meet, and the inputs, in the same order for both sets. */
  async function arrange(): Promise<{ cases: CaseDetail[]; inputs: RaiseAlertInput[] }> {
    const cases = [await workedCase(), await workedCase(), await workedCase(), await workedCase(), await workedCase()];
    const acknowledged = await raise(risk(cases[1], 'YELLOW'));
    expect((await post(`/api/alerts/${acknowledged.alert!.id}/acknowledge`, users.mediator)).statusCode).toBe(200);
    const resolved = await raise(risk(cases[2], 'ORANGE'));
    expect((await post(`/api/alerts/${resolved.alert!.id}/resolve`, users.supervisor, { note: '已约谈用人单位' })).statusCode).toBe(200);
    await raise(missed(cases[3]));
    const inputs = [
      risk(cases[0], 'YELLOW'), // opens
      risk(cases[1], 'RED'), // rises in place, reopening the acknowledged alert, and escalates
      risk(cases[2], 'YELLOW'), // not above the resolved ORANGE
      risk(cases[2], 'ORANGE'), // nor equal to it
      missed(cases[3]), // open already
      { ...risk(cases[4], 'RED'), actor: { userId: users.supervisor.user.id, role: 'SUPERVISOR' }, requestId: 'desk-request-1' }, // opens at RED
      warning(cases[4]), // opens
      period(cases[0]), // opens
      risk(cases[0], 'ORANGE'), // rises what this batch opened
      warning(cases[4]), // what this batch opened
    ];
    return { cases, inputs };
  }

  /** Everything the raises left, with the ids that differ between the two sets replaced by their role. */
  async function outcome(cases: readonly CaseDetail[], results: readonly RaiseAlertResult[]) {
    const caseIds = cases.map((c) => c.id);
    const alerts = await sql<Record<string, unknown> & { id: string; case_id: string; kind: string; scope_ref: string }>(
      `SELECT id, case_id, kind, level, scope_ref, window_id, deadline_kind, message, reasons, due_by, status, escalated, raised_at, level_raised_at,
              acknowledged_at, acknowledged_by, resolved_at, resolution_note
       FROM alerts WHERE case_id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], case_id), kind, scope_ref`,
      [caseIds],
    );
    const audit = await sql(
      `SELECT case_id, chain_seq - min(chain_seq) OVER (PARTITION BY chain_id) AS position, action, actor_role, category, request_id, payload
       FROM audit_entries WHERE case_id = ANY($1::uuid[]) AND action IN ('ALERT_RAISED', 'ALERT_LEVEL_RAISED') ORDER BY array_position($1::uuid[], case_id), chain_seq`,
      [caseIds],
    );
    const alertIds = alerts.map((a) => a.id);
    const escalations = await sql(
      `SELECT data, start_after, singleton_key, state, policy, retry_limit, retry_delay, retry_backoff, expire_seconds
       FROM pgboss.job WHERE name = 'alert-escalation' AND data->>'alertId' = ANY($1::text[]) ORDER BY array_position($1::text[], data->>'alertId')`,
      [alertIds],
    );
    const notifications = await sql<{ id: string } & Record<string, unknown>>(
      `SELECT n.id, n.alert_id, n.recipient_id, n.organization_id, n.kind, n.case_id, n.title, n.body, n.created_at, n.read_at, d.channel, d.status
       FROM notifications n LEFT JOIN notification_deliveries d ON d.notification_id = n.id
       WHERE n.alert_id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], n.alert_id), n.title, n.recipient_id`,
      [alertIds],
    );
    const deliveries = await sql(
      `SELECT data, singleton_key, state, policy, retry_limit FROM pgboss.job
       WHERE name = 'notification-delivery' AND data->>'notificationId' = ANY($1::text[]) ORDER BY array_position($1::text[], data->>'notificationId')`,
      [notifications.map((n) => n.id)],
    );
    const roles = new Map<string, string>();
    cases.forEach((c, i) => {
      roles.set(c.id, `case#${i}`);
      roles.set(c.caseNumber, `number#${i}`);
      for (const d of c.deadlines) roles.set(d.id, `deadline#${i}:${d.kind}`);
    });
    for (const a of alerts) roles.set(a.id, `alert:${roles.get(a.case_id)}:${a.kind}:${a.kind === 'RISK_LEVEL' ? String(a.status === 'RESOLVED') : ''}`);
    notifications.forEach((n, i) => roles.set(n.id, `notification#${i}`));
    let text = JSON.stringify({ results, alerts, audit, escalations, notifications, deliveries });
    for (const [id, role] of roles) text = text.replaceAll(id, role);
    return JSON.parse(text) as unknown;
  }

  it('leaves what raising the inputs one by one leaves', async () => {
    const oneByOne = await arrange();
    const batched = await arrange();
    const singles: RaiseAlertResult[] = await inTx(async (service, tx) => {
      const results: RaiseAlertResult[] = [];
      for (const input of oneByOne.inputs) results.push(await service.raise(tx, input));
      return results;
    });
    const many = await inTx((service, tx) => service.raiseMany(tx, batched.inputs));

    expect(many.map((r) => r.outcome)).toEqual(['RAISED', 'LEVEL_RAISED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'RAISED', 'RAISED', 'RAISED', 'LEVEL_RAISED', 'UNCHANGED']);
    const [expected, actual] = [await outcome(oneByOne.cases, singles), await outcome(batched.cases, many)];
    expect(actual).toEqual(expected);
    // The comparison is only as good as what there is to compare.
    expect(expected).toMatchObject({
      escalations: [expect.anything(), expect.anything()],
      deliveries: expect.arrayContaining([expect.objectContaining({ state: 'created' })]),
    });
  });

  it('refuses a case of another organization, and the transaction leaves no alert', async () => {
    const c = await workedCase();
    const foreign = { ...risk(c, 'YELLOW'), organizationId: courtId };
    await expect(inTx((service, tx) => service.raiseMany(tx, [risk(c, 'ORANGE'), foreign]))).rejects.toThrow(/belongs to another/);
    expect(await sql('SELECT id FROM alerts WHERE case_id = $1', [c.id])).toEqual([]);
  });
});
