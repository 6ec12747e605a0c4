import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScreeningOfAlerts } from '../../src/alerts/alert-notifier';
import { AlertsService, type RaiseAlertInput, type RaiseAlertResult } from '../../src/alerts/alerts.service';
import { LEVEL_WORDS, screeningDigest, type DigestAlert } from '../../src/alerts/screening-digest';
import { FixedClock } from '../../src/common/clock/clock';
import { assignMediator, createCase, individualCaseBody, INTAKE_NOW, moveToState, type CaseDetail } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * raiseMany against raise: two sets of cases in the same starting state, one raised one by one and the other in a
 * batch, must end with the same alerts, audit entries and escalation jobs. The notices differ by design: the batch is
 * a screening's, and tells each person once what raise() tells them alert by alert.
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

  /** A screening for a batch's digests to name; what it recorded does not matter here. */
  async function screeningRow(): Promise<ScreeningOfAlerts> {
    const [{ id }] = await sql<{ id: string }>(
      `INSERT INTO risk_screenings (organization_id, as_of, trigger, run_by, windows, rule_set_version, cases_screened, counts, alerts_raised, created_at)
       VALUES ($1, '2026-09-16', 'ON_DEMAND', $2, '[]', 1, 0, '{}', 0, now()) RETURNING id`,
      [studioId, users.supervisor.user.id],
    );
    return { id, organizationId: studioId, asOf: '2026-09-16' };
  }

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

  interface Notice {
    id: string;
    recipient_id: string;
    kind: string;
    case_id: string | null;
    alert_id: string | null;
    screening_id: string | null;
    title: string;
    body: string;
  }
  interface Delivery {
    data: { notificationId: string; channel: string };
    singleton_key: string;
    state: string;
  }
  const noticesSince = (before: readonly string[]) =>
    sql<Notice>('SELECT id, recipient_id, kind, case_id, alert_id, screening_id, title, body FROM notifications WHERE NOT (id = ANY($1::uuid[])) ORDER BY recipient_id, title', [
      before,
    ]);
  const allNoticeIds = async () => (await sql<{ id: string }>('SELECT id FROM notifications')).map((row) => row.id);
  const deliveriesOf = (notices: readonly Notice[]) =>
    sql<Delivery>(`SELECT data, singleton_key, state FROM pgboss.job WHERE name = 'notification-delivery' AND data->>'notificationId' = ANY($1::text[])`, [
      notices.map((n) => n.id),
    ]);

  /** Everything the raises left but the notices, with the ids that differ between the two sets replaced by their role. */
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
    const roles = new Map<string, string>();
    cases.forEach((c, i) => {
      roles.set(c.id, `case#${i}`);
      roles.set(c.caseNumber, `number#${i}`);
      for (const d of c.deadlines) roles.set(d.id, `deadline#${i}:${d.kind}`);
    });
    for (const a of alerts) roles.set(a.id, `alert:${roles.get(a.case_id)}:${a.kind}:${a.kind === 'RISK_LEVEL' ? String(a.status === 'RESOLVED') : ''}`);
    let text = JSON.stringify({ results, alerts, audit, escalations });
    for (const [id, role] of roles) text = text.replaceAll(id, role);
    return JSON.parse(text) as unknown;
  }

  it('leaves what raising the inputs one by one leaves, and tells each person once what raise() tells them alert by alert', async () => {
    const oneByOne = await arrange();
    const batched = await arrange();
    const screening = await screeningRow();
    const before = await allNoticeIds();
    const singles: RaiseAlertResult[] = await inTx(async (service, tx) => {
      const results: RaiseAlertResult[] = [];
      for (const input of oneByOne.inputs) results.push(await service.raise(tx, input));
      return results;
    });
    const singleNotices = await noticesSince(before);
    const many = await inTx((service, tx) => service.raiseMany(tx, batched.inputs, screening));
    const digests = await noticesSince([...before, ...singleNotices.map((n) => n.id)]);

    expect(many.map((r) => r.outcome)).toEqual(['RAISED', 'LEVEL_RAISED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'RAISED', 'RAISED', 'RAISED', 'LEVEL_RAISED', 'UNCHANGED']);
    const [expected, actual] = [await outcome(oneByOne.cases, singles), await outcome(batched.cases, many)];
    expect(actual).toEqual(expected);
    // The comparison is only as good as what there is to compare.
    expect(expected).toMatchObject({ escalations: [expect.anything(), expect.anything()] });

    // What each person heard alert by alert, with the batch's case numbers in place of the singles' (same positions).
    const heard = new Map<string, DigestAlert[]>();
    for (const notice of singleNotices) {
      expect(notice.kind).toBe('ALERT_RAISED');
      const [, raised, level, caseNumber] = /^(新预警|预警升级)（(.+)）：(.+)$/.exec(notice.title)!;
      const position = oneByOne.cases.findIndex((c) => c.caseNumber === caseNumber);
      const digestAlert: DigestAlert = {
        level: (Object.keys(LEVEL_WORDS) as DigestAlert['level'][]).find((l) => LEVEL_WORDS[l] === level)!,
        outcome: raised === '预警升级' ? 'LEVEL_RAISED' : 'RAISED',
        caseNumber: batched.cases[position].caseNumber,
      };
      heard.set(notice.recipient_id, [...(heard.get(notice.recipient_id) ?? []), digestAlert]);
    }
    expect([...heard.keys()].sort()).toEqual([users.mediator.user.id, users.supervisor.user.id, users.liaison.user.id].sort());
    expect(digests).toHaveLength(heard.size);
    for (const digest of digests) {
      expect(digest).toMatchObject({ kind: 'SCREENING_ALERTS', case_id: null, alert_id: null, screening_id: screening.id });
      expect({ title: digest.title, body: digest.body }).toEqual(screeningDigest(screening.asOf, heard.get(digest.recipient_id)!));
    }
    // One delivery row and one delivery job per notice and channel, in both ways.
    for (const notices of [singleNotices, digests]) {
      const jobs = await deliveriesOf(notices);
      expect(jobs.map((job) => job.data.notificationId).sort()).toEqual(notices.map((n) => n.id).sort());
      expect(jobs.every((job) => job.state === 'created' && job.singleton_key === `${job.data.notificationId}:webhook`)).toBe(true);
      const rows = await sql<{ notification_id: string }>('SELECT notification_id FROM notification_deliveries WHERE notification_id = ANY($1::uuid[])', [notices.map((n) => n.id)]);
      expect(rows).toHaveLength(notices.length);
    }
  });

  it('refuses a case of another organization, and the transaction leaves no alert', async () => {
    const c = await workedCase();
    const foreign = { ...risk(c, 'YELLOW'), organizationId: courtId };
    await expect(inTx((service, tx) => service.raiseMany(tx, [risk(c, 'ORANGE'), foreign], { id: randomUUID(), organizationId: studioId, asOf: '2026-09-16' }))).rejects.toThrow(/belongs to another/);
    expect(await sql('SELECT id FROM alerts WHERE case_id = $1', [c.id])).toEqual([]);
  });
});
