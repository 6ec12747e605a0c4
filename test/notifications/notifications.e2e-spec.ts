import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { NotificationDeliveryWorker } from '../../src/notifications/notification-delivery.worker';
import { collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

interface Listed {
  items: { id: string; kind: string; title: string; body: string; caseId: string | null; alertId: string | null; readAt: string | null }[];
  total: number;
  unread: number;
}

describe('notifications', () => {
  let t: TestApp;
  let server: Server;
  const received: { headers: IncomingMessage['headers']; body: { id: string; kind: string; recipient: { username: string } } }[] = [];
  let failNext = 0;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let supervisor: SignedInUser;
  let mediator: SignedInUser;
  let colleague: SignedInUser;

  beforeAll(async () => {
    // A stand-in for an SMS gateway: it refuses while `failNext` says so, then accepts.
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body: JSON.parse(data) as (typeof received)[number]['body'] });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    t = await createTestApp({ clock, env: { NOTIFICATION_WEBHOOK_URL: url } });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    colleague = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
  });

  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const list = async (user: SignedInUser, query = '') => (await t.request({ method: 'GET', url: `/api/notifications${query}`, headers: user.auth })).json() as Listed;

  it('tells a mediator a supervisor assigned them a case, in the transaction of the assignment', async () => {
    const { id, caseNumber } = await createCase(t, supervisor, individualCaseBody());
    const res = await t.request({ method: 'POST', url: `/api/cases/${id}/events`, payload: { type: 'ASSIGN_MEDIATOR', mediatorId: mediator.user.id }, headers: supervisor.auth });
    expect(res.statusCode).toBe(200);
    const mine = await list(mediator);
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'CASE_ASSIGNED', caseId: id, title: `新分派案件：${caseNumber}`, readAt: null })]);
    expect(mine.unread).toBe(1);
    expect((await list(colleague)).total).toBe(0);
  });

  it('does not tell a mediator what they did themselves', async () => {
    const { id } = await createCase(t, colleague, individualCaseBody());
    await t.request({ method: 'POST', url: `/api/cases/${id}/events`, payload: { type: 'ACCEPT' }, headers: colleague.auth });
    expect((await list(colleague)).items.filter((n) => n.kind === 'CASE_ASSIGNED')).toEqual([]);
  });

  it('tells the supervisors of a new alert at YELLOW or above, masked like every list', async () => {
    const { id } = await createCase(t, mediator, collectiveCaseBody({ respondent: { name: '东丰县某建筑劳务有限公司', contactPhone: '13904371234' } }));
    const [alert] = (await t.app.get(DataSource).query(`SELECT id FROM alerts WHERE case_id = $1`, [id])) as { id: string }[];
    const theirs = await list(supervisor);
    expect(theirs.items.find((n) => n.alertId === alert.id)).toMatchObject({ kind: 'ALERT_RAISED', title: expect.stringContaining('橙色') });
    // Nobody is assigned yet: the mediator who registered it is not told as if they were.
    expect((await list(mediator)).items.some((n) => n.alertId === alert.id)).toBe(false);
    expect(JSON.stringify(theirs)).not.toMatch(/13904371234/);
  });

  it('marks one read, then all; another user cannot touch mine', async () => {
    const [first] = (await list(mediator)).items;
    expect((await t.request({ method: 'POST', url: `/api/notifications/${first.id}/read`, headers: colleague.auth })).statusCode).toBe(404);
    const read = await t.request({ method: 'POST', url: `/api/notifications/${first.id}/read`, headers: mediator.auth });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: first.id, readAt: expect.any(String) });
    expect((await list(mediator, '?unread=true')).total).toBe(0);
    const all = await t.request({ method: 'POST', url: '/api/notifications/read-all', headers: supervisor.auth });
    expect(all.json()).toEqual({ marked: (await list(supervisor)).total });
    expect((await list(supervisor)).unread).toBe(0);
  });

  it('hands each notification to the webhook, retrying a refusal, once per notification', async () => {
    const dataSource = t.app.get(DataSource);
    const [row] = (await dataSource.query(`SELECT id FROM notifications WHERE recipient_id = $1 AND kind = 'CASE_ASSIGNED'`, [mediator.user.id])) as { id: string }[];
    const jobs = (await (await t.owner()).query(`SELECT data FROM pgboss.job WHERE name = 'notification-delivery' AND data->>'notificationId' = $1`, [row.id])) as unknown[];
    expect(jobs).toHaveLength(1);

    const worker = t.app.get(NotificationDeliveryWorker);
    failNext = 1;
    expect(await worker.deliver({ notificationId: row.id, channel: 'webhook' })).toBe('RETRYING');
    expect(await worker.deliver({ notificationId: row.id, channel: 'webhook' })).toBe('DELIVERED');
    expect(await worker.deliver({ notificationId: row.id, channel: 'webhook' })).toBe('ALREADY_DELIVERED');
    const delivered = received.filter((r) => r.body.id === row.id);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ headers: { 'idempotency-key': row.id }, body: { kind: 'CASE_ASSIGNED', recipient: { username: mediator.user.username } } });
    const [state] = (await dataSource.query(`SELECT status, attempts, last_error FROM notification_deliveries WHERE notification_id = $1`, [row.id])) as unknown[];
    expect(state).toEqual({ status: 'DELIVERED', attempts: 2, last_error: null });
  });
});
