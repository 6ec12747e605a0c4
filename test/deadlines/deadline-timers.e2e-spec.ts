import { TestClock } from 'pg-boss';
import { FixedClock } from '../../src/common/clock/clock';
import { CaseDetail, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, signIn, SignedInUser } from '../factories/user.factory';
import { eventually } from '../helpers/eventually';
import { createTestApp, TestApp } from '../helpers/test-app';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

/** One second past 00:00 Asia/Shanghai the day after `dueOn`, when a deadline due that day expires. */
function justAfterExpiry(dueOn: string): string {
  return new Date(new Date(`${dueOn}T00:00:00+08:00`).getTime() + 86_400_000 + 1000).toISOString();
}

/** Workers poll on the test clock: each round of waiting moves every running instance's job clock on a second. */
function ticking(clocks: readonly TestClock[]): { between: () => Promise<void> } {
  return {
    between: async () => {
      for (const clock of clocks) await clock.tick(1_000);
    },
  };
}

interface Instance {
  t: TestApp;
  clock: FixedClock;
  jobs: TestClock;
}

describe('deadline timers', () => {
  let database: TestDatabase;
  let first: Instance;
  let supervisor: SignedInUser;
  let mediator: SignedInUser;

  async function start(runWorkers: boolean, at: string): Promise<Instance> {
    const clock = new FixedClock(new Date(at));
    const jobs = new TestClock(at);
    const t = await createTestApp({ clock, jobClock: jobs, database, env: { RUN_WORKERS: String(runWorkers) } });
    return { t, clock, jobs };
  }

  /** Moves an instance's clocks to `iso` and lets its workers poll. */
  async function moveTo(instance: Instance, iso: string): Promise<void> {
    instance.clock.set(iso);
    await instance.jobs.setTime(iso);
    await instance.jobs.tick(2_000);
  }

  const query = async <T>(sql: string, params: unknown[] = []) => (await (await first.t.owner()).query(sql, params)) as T[];
  const count = async (sql: string, params: unknown[]) => Number((await query<{ n: string }>(sql, params))[0].n);
  const deadlinesOf = (caseId: string) =>
    query<{ kind: string; status: string; dueOn: string }>('SELECT kind, status, due_on::text AS "dueOn" FROM deadlines WHERE case_id = $1 ORDER BY position', [caseId]);

  async function send(user: SignedInUser, caseId: string, body: Record<string, unknown>): Promise<CaseDetail> {
    user.token = await signIn(first.t, user.user.username, user.password);
    user.auth = { authorization: `Bearer ${user.token}` };
    const res = await first.t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: body, headers: user.auth });
    if (res.statusCode !== 200) throw new Error(`${String(body.type)} answered ${res.statusCode}: ${res.body}`);
    return res.json() as CaseDetail;
  }

  async function caseInMediation(): Promise<string> {
    const created = await createCase(first.t, mediator, individualCaseBody());
    await send(mediator, created.id, { type: 'ACCEPT' });
    await send(mediator, created.id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
    return created.id;
  }

  beforeEach(async () => {
    database = await createTestDatabase();
    first = await start(true, INTAKE_NOW);
    supervisor = await createSignedInUser(first.t, { role: 'SUPERVISOR' });
    mediator = await createSignedInUser(first.t, { role: 'MEDIATOR', organizationId: supervisor.user.organizationId });
  });

  afterEach(async () => {
    await first.t.close();
    await database.drop();
  });

  it('sends DEADLINE_EXPIRED as the system once the mediation period has run out, and only then', async () => {
    const id = await caseInMediation();
    // The last day of the period (2026-10-08, DOMAIN E1): nothing yet.
    await moveTo(first, '2026-10-08T15:59:00Z');
    expect((await deadlinesOf(id)).find((d) => d.kind === 'MEDIATION_PERIOD')).toMatchObject({ dueOn: '2026-10-08', status: 'PENDING' });

    await moveTo(first, '2026-10-08T16:00:01Z');
    await eventually(() => query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [id]), ([row]) => row.state === 'closed.failed', ticking([first.jobs]));
    const events = await query<{ type: string; actor_role: string }>('SELECT type, actor_role FROM case_events WHERE case_id = $1 AND version > 3', [id]);
    expect(events).toEqual([{ type: 'DEADLINE_EXPIRED', actor_role: 'SYSTEM' }]);
    expect((await deadlinesOf(id)).find((d) => d.kind === 'MEDIATION_PERIOD')).toMatchObject({ status: 'MISSED' });

    // What the desk sees: closed by the system, why, and what the worker can do next; one system step in the history.
    supervisor.token = await signIn(first.t, supervisor.user.username, supervisor.password);
    supervisor.auth = { authorization: `Bearer ${supervisor.token}` };
    const detail = (await first.t.request({ method: 'GET', url: `/api/cases/${id}`, headers: supervisor.auth })).json() as Record<string, unknown>;
    expect(detail).toMatchObject({ state: 'closed.failed', outcome: 'DEADLINE_EXPIRED', advice: { nextStep: 'ARBITRATE_BEFORE_LIMITATION', limitationDueOn: '2026-10-08' } });
    const history = (await first.t.request({ method: 'GET', url: `/api/cases/${id}/history`, headers: supervisor.auth })).json() as { items: { action: string; actor: { role: string } }[] };
    expect(history.items.filter((e) => e.action === 'CASE_EVENT' && e.actor.role === 'SYSTEM')).toHaveLength(1);
  });

  it('warns three days and one day before a deadline, and records a missed acceptance decision with an ORANGE alert', async () => {
    const { id } = await createCase(first.t, mediator, individualCaseBody());
    const acceptance = (await deadlinesOf(id)).find((d) => d.kind === 'ACCEPTANCE_DECISION')!;
    expect(acceptance.status).toBe('PENDING');
    const alerts = () => query<{ kind: string; level: string; scope_ref: string }>('SELECT kind, level, scope_ref FROM alerts WHERE case_id = $1 ORDER BY raised_at, kind', [id]);

    // 08:00 Asia/Shanghai the day before the due date.
    const dayBefore = new Date(`${acceptance.dueOn}T08:00:00+08:00`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await moveTo(first, dayBefore.toISOString());
    await eventually(alerts, (rows) => rows.some((a) => a.kind === 'DEADLINE_WARNING' && a.level === 'ORANGE'), ticking([first.jobs]));

    await moveTo(first, justAfterExpiry(acceptance.dueOn));
    await eventually(deadlinesOf.bind(null, id), (rows) => rows.find((d) => d.kind === 'ACCEPTANCE_DECISION')?.status === 'MISSED', ticking([first.jobs]));
    const raised = await eventually(alerts, (rows) => rows.some((a) => a.kind === 'DEADLINE_MISSED'), ticking([first.jobs]));
    expect(raised.filter((a) => a.kind === 'DEADLINE_MISSED')).toEqual([{ kind: 'DEADLINE_MISSED', level: 'ORANGE', scope_ref: expect.any(String) }]);
    expect(await count(`SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'DEADLINE_MISSED'`, [id])).toBe(1);
    // MISSED is a risk rule: the stored level follows at once.
    expect((await query<{ risk_level: string }>('SELECT risk_level FROM cases WHERE id = $1', [id]))[0].risk_level).toBe('ORANGE');
    // The case itself did not move: an acceptance decision has no event of its own (DOMAIN §4).
    expect((await query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [id]))[0].state).toBe('intake.registered');
  });

  it('does nothing for a deadline the case has met since', async () => {
    const created = await createCase(first.t, mediator, individualCaseBody());
    await send(mediator, created.id, { type: 'ACCEPT' });
    const consent = (await deadlinesOf(created.id)).find((d) => d.kind === 'RESPONDENT_CONSENT')!;
    await send(mediator, created.id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
    await moveTo(first, justAfterExpiry(consent.dueOn));
    // Give the worker every chance to act wrongly before looking.
    await eventually(
      () => query<{ n: string }>(`SELECT count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= $1`, [first.clock.now()]),
      ([row]) => row.n === '0',
      ticking([first.jobs]),
    );
    expect((await query<{ state: string; version: number }>('SELECT state, version FROM cases WHERE id = $1', [created.id]))[0]).toEqual({ state: 'mediation.active', version: 3 });
  });

  it('fires a timer that fell due while no worker ran, once, when one starts; two workers together fire it once', async () => {
    await first.t.close();
    first = await start(false, INTAKE_NOW);
    const id = await caseInMediation();
    await moveTo(first, '2026-10-10T00:00:00Z');
    // The expiry is due, queued and waiting: an API-only instance never works it.
    expect(await count(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'deadline-timer' AND data->>'caseId' = $1 AND data->>'action' = 'EXPIRE' AND state = 'created'`, [id])).toBeGreaterThan(0);
    expect((await query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [id]))[0].state).toBe('mediation.active');

    const workers = [await start(true, '2026-10-10T00:00:00Z'), await start(true, '2026-10-10T00:00:00Z')];
    try {
      await Promise.all(workers.map((w) => moveTo(w, '2026-10-10T00:00:01Z')));
      await eventually(() => query<{ state: string }>('SELECT state FROM cases WHERE id = $1', [id]), ([row]) => row.state === 'closed.failed', ticking(workers.map((w) => w.jobs)));
      await Promise.all(workers.map((w) => moveTo(w, '2026-10-11T00:00:00Z')));
      expect(await count(`SELECT count(*) AS n FROM case_events WHERE case_id = $1 AND type = 'DEADLINE_EXPIRED'`, [id])).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_EVENT'`, [id])).toBe(3);
    } finally {
      for (const worker of workers) await worker.t.close();
    }
  });
});
