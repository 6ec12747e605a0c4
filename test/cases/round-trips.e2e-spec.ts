import { Client } from 'pg';
import { FixedClock } from '../../src/common/clock/clock';
import { collectiveCaseBody, createCase, INTAKE_NOW, type CaseDetail } from '../factories/case.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * Statements are most of what a request costs under load (README, "What was found"), so the hot routes keep a budget
 * of round trips to PostgreSQL. A new read or write on these paths must pay for itself by removing another.
 */
describe('round trips per request', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  let mediator: SignedInUser;
  let supervisor: SignedInUser;
  let active: CaseDetail;

  /** Every pg client query sent while `work` runs, BEGIN and COMMIT included, with its name when it was prepared. */
  async function queriesOf(work: () => Promise<unknown>): Promise<{ text: string; name: string | undefined }[]> {
    const sent: { text: string; name: string | undefined }[] = [];
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const [query] = args;
      const config = typeof query === 'string' ? { text: query } : (query as { text?: string; name?: string });
      sent.push({ text: String(config.text).replace(/\s+/g, ' ').trim(), name: config.name });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return sent;
  }

  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    return (await queriesOf(work)).map((query) => query.text);
  }

  /** The statements that went unnamed, so that PostgreSQL parsed and planned them for this request alone. */
  const unprepared = (queries: { text: string; name: string | undefined }[]) => queries.filter((query) => query.name === undefined).map((query) => query.text);

  async function send(user: SignedInUser, id: string, version: number, body: Record<string, unknown>, key: string) {
    const res = await t.request({ method: 'POST', url: `/api/cases/${id}/events`, payload: body, headers: { ...user.auth, 'if-match': `"${version}"`, 'idempotency-key': key } });
    expect(res.statusCode).toBe(200);
    return res.json() as CaseDetail;
  }

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
    // Collective, so ORANGE: the risk alert is open and the recompute must find it covered without asking again.
    const created = await createCase(t, mediator, collectiveCaseBody());
    const accepted = await send(mediator, created.id, 1, { type: 'ACCEPT' }, 'accept-1');
    active = await send(mediator, created.id, accepted.version, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' }, 'consent-1');
  });

  afterAll(async () => {
    await t.close();
  });

  it('applies a transition that leaves the deadlines and the risk alert as they were in 9 statements', async () => {
    let answer: CaseDetail | undefined;
    const sent = await statementsOf(async () => {
      answer = await send(mediator, active.id, active.version, { type: 'SCHEDULE_SESSION', at: '2026-09-18T09:30:00+08:00', location: '调解室' }, 'session-1');
    });
    expect(answer).toMatchObject({ state: 'mediation.active', version: active.version + 1 });
    // The user for the token; BEGIN; key claimed with the case lock; case + event row + audit head locked; audit entry
    // + head; risk facts with policy revision and alert history; the detail; the key's answer; COMMIT.
    expect(sent).toHaveLength(9);
    expect(sent.filter((text) => /INSERT INTO deadlines/.test(text))).toEqual([]);
    expect(sent.filter((text) => /FROM alerts a WHERE a\.case_id = \$1/.test(text))).toEqual([]);
  });

  it('still syncs the deadlines when an event changes them', async () => {
    const current = (await t.request({ method: 'GET', url: `/api/cases/${active.id}`, headers: mediator.auth })).json() as CaseDetail;
    const sent = await statementsOf(() => send(mediator, active.id, current.version, { type: 'EXTEND', days: 5, applicantConsents: true, respondentConsents: true }, 'extend-1'));
    expect(sent.filter((text) => /INSERT INTO deadlines/.test(text))).toHaveLength(1);
  });

  it('registers a collective case with its deadlines, timers, risk alert and notices in 22 statements', async () => {
    const queries = await queriesOf(() => createCase(t, mediator, collectiveCaseBody()));
    const sent = queries.map((query) => query.text);
    // Number, case, applicants and claims in one; every timer of every deadline in one; a new audit chain's head
    // created and taken in one.
    expect(sent.filter((text) => /^INSERT INTO pgboss\./.test(text))).toHaveLength(1);
    expect(sent.filter((text) => /INSERT INTO audit_chain_heads/.test(text))).toHaveLength(1);
    expect(sent).toHaveLength(22);
    // pg-boss sends its own statements; every other one but BEGIN and COMMIT goes prepared.
    expect(unprepared(queries).filter((text) => !/pgboss\./.test(text))).toEqual(['START TRANSACTION', 'COMMIT']);
  });

  it('reads a case in 2 statements', async () => {
    const sent = await statementsOf(async () => {
      const res = await t.request({ method: 'GET', url: `/api/cases/${active.id}`, headers: supervisor.auth });
      expect(res.statusCode).toBe(200);
    });
    expect(sent).toHaveLength(2);
  });

  it('sends the statements of a transition and of a case read as prepared statements, BEGIN and COMMIT aside', async () => {
    const current = (await t.request({ method: 'GET', url: `/api/cases/${active.id}`, headers: mediator.auth })).json() as CaseDetail;
    const transition = await queriesOf(() =>
      send(mediator, active.id, current.version, { type: 'SCHEDULE_SESSION', at: '2026-09-19T09:30:00+08:00', location: '调解室' }, 'session-prepared'),
    );
    expect(transition).toHaveLength(9);
    expect(unprepared(transition)).toEqual(['START TRANSACTION', 'COMMIT']);
    const read = await queriesOf(() => t.request({ method: 'GET', url: `/api/cases/${active.id}`, headers: supervisor.auth }));
    expect(unprepared(read)).toEqual([]);
    // One name per text, whichever call site sends it.
    const names = new Map([...transition, ...read].filter((query) => query.name !== undefined).map((query) => [query.text, query.name]));
    expect(new Set(names.values()).size).toBe(names.size);
  });
});
