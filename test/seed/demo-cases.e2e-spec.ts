import { DataSource } from 'typeorm';
import { AlertEscalationWorker } from '../../src/alerts/alert-escalation.worker';
import { legalDateOf } from '../../src/calendar/legal-date';
import { CASE_STATES } from '../../src/cases/machine/case.types';
import { FixedClock } from '../../src/common/clock/clock';
import type { AppConfig } from '../../src/config/app-config';
import { DeadlineTimerWorker } from '../../src/deadlines/deadline-timer.worker';
import type { DeadlineTimerJob } from '../../src/deadlines/deadline-timers';
import { DemoCaseSeederService } from '../../src/seed/demo-case-seeder.service';
import { LUNAR_NEW_YEARS_DAYS } from '../../src/seed/demo-cases';
import { DemoDirectoryService } from '../../src/seed/demo-directory.service';
import { runStartupTasks } from '../../src/startup/startup-tasks';
import { signIn } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

// DOMAIN §9: the demo cases are replayed through the real services on a pinned clock at the first start. Each suite
// seeds a fresh database the way the start-up does and then reads what the product made of the stories.

const ADMIN = { username: 'director', password: 'director-desk-phrase-2026' };
const SEED_TIMEOUT = 60_000;

const EXPECTED_STATES: Record<string, number> = {
  'intake.registered': 2,
  'intake.awaitingConsent': 2,
  'mediation.active': 4,
  'mediation.suspended': 1,
  'agreement.signing': 1,
  'agreement.effective': 2,
  'agreement.judicialReview': 2,
  'agreement.confirmed': 1,
  'agreement.defaulted': 2,
  'closed.resolved': 7,
  'closed.failed': 3,
  'closed.rejected': 1,
  'closed.withdrawn': 1,
  'closed.referred': 1,
};

const EXPECTED_SOURCES: Record<string, number> = {
  WALK_IN: 9,
  HOTLINE: 5,
  ONLINE: 3,
  WRITTEN: 2,
  COURT_DELEGATED: 6,
  COURT_ENTRUSTED: 3,
  LABOR_INSPECTION: 2,
};

interface FirstStart {
  readonly t: TestApp;
  readonly lines: string[];
  readonly db: DataSource;
}

/** A fresh database started the way `npm start` starts it: demo directory, administrator, then the demo cases. */
async function firstStart(clock = new FixedClock(new Date())): Promise<FirstStart> {
  const t = await createTestApp({ clock });
  const config: AppConfig = { ...t.config, demoSeed: true, embedded: false, admin: ADMIN };
  const lines = await runStartupTasks(t.app, config);
  return { t, lines, db: t.app.get(DataSource) };
}

async function countsBy(db: DataSource, column: 'state' | 'source'): Promise<Record<string, number>> {
  const rows = (await db.query(`SELECT ${column} AS key, count(*)::int AS n FROM cases GROUP BY 1`)) as { key: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.key, row.n]));
}

async function verifyAsAdmin(t: TestApp): Promise<{ ok: boolean; checked: number }> {
  const token = await signIn(t, ADMIN.username, ADMIN.password);
  const res = await t.request({ method: 'GET', url: '/api/audit/verify', headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode).toBe(200);
  return res.json() as { ok: boolean; checked: number };
}

/** Deadlines of open cases that are still running but already past: a worker starting now would fire them at once. */
async function overdueRunningDeadlines(db: DataSource, today: string): Promise<unknown[]> {
  return (await db.query(
    `SELECT c.case_number, c.state, d.kind, d.due_on::text FROM deadlines d JOIN cases c ON c.id = d.case_id
     WHERE c.state NOT LIKE 'closed.%' AND d.status = 'PENDING' AND d.paused_since IS NULL AND d.due_on < $1::date`,
    [today],
  )) as unknown[];
}

/** Deadlines of open cases that ran out: only the instalments the defaulted stories are about. */
async function missedDeadlinesOfOpenCases(db: DataSource): Promise<{ state: string; kind: string }[]> {
  return (await db.query(
    `SELECT c.state, d.kind FROM deadlines d JOIN cases c ON c.id = d.case_id
     WHERE c.state NOT LIKE 'closed.%' AND d.status = 'MISSED' ORDER BY 1, 2`,
  )) as { state: string; kind: string }[];
}

describe(DemoCaseSeederService.name, () => {
  describe('on the first start, today', () => {
    let start: FirstStart;

    beforeAll(async () => {
      start = await firstStart();
    }, SEED_TIMEOUT);

    afterAll(async () => {
      await start.t.close();
    });

    it('tells the operator how many cases it replayed', () => {
      expect(start.lines.filter((line) => line.startsWith('  Demo cases:'))).toEqual([
        expect.stringMatching(/^ {2}Demo cases: 30 cases of the last 12 months replayed \(\d+ actions, \d+ timers\) in \d+\.\d s$/),
      ]);
    });

    it('ends the stories in exactly the states DOMAIN §9 lists', async () => {
      expect(await countsBy(start.db, 'state')).toEqual(EXPECTED_STATES);
      expect(Object.keys(EXPECTED_STATES).sort()).toEqual([...CASE_STATES].sort());
    });

    it('takes the cases in through exactly the sources DOMAIN §9 lists', async () => {
      expect(await countsBy(start.db, 'source')).toEqual(EXPECTED_SOURCES);
    });

    it('leaves one registered case unassigned in the intake queue and every other open case assigned', async () => {
      const rows = (await start.db.query(`SELECT state FROM cases WHERE assigned_mediator_id IS NULL AND state NOT LIKE 'closed.%'`)) as { state: string }[];
      expect(rows).toEqual([{ state: 'intake.registered' }]);
    });

    it('writes one CASE_EVENT audit row per version step of every case, and every chain verifies', async () => {
      const rows = (await start.db.query(
        `SELECT c.case_number, c.version,
                (SELECT count(*)::int FROM audit_entries a WHERE a.case_id = c.id AND a.action = 'CASE_EVENT') AS audited,
                (SELECT count(*)::int FROM audit_entries a WHERE a.case_id = c.id AND a.action = 'CASE_CREATED') AS created,
                (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id) AS events
         FROM cases c`,
      )) as { case_number: string; version: number; audited: number; created: number; events: number }[];
      expect(rows).toHaveLength(30);
      expect(rows.filter((row) => row.audited !== row.version - 1 || row.events !== row.version - 1 || row.created !== 1)).toEqual([]);
      expect(rows.some((row) => row.version > 15)).toBe(true);

      const verification = await verifyAsAdmin(start.t);
      expect(verification).toMatchObject({ ok: true });
      expect(verification.checked).toBeGreaterThan(300);
    });

    // Case chains only: an organization's chain opens with its directory, created at the first start itself, before the
    // stories are replayed into the past.
    it('keeps every case history in time order and in the past', async () => {
      const [{ disorders, latest }] = (await start.db.query(
        `SELECT count(*) FILTER (WHERE at < previous)::int AS disorders, max(at) AS latest
         FROM (SELECT at, lag(at) OVER (PARTITION BY chain_id ORDER BY chain_seq) AS previous FROM audit_entries
               WHERE chain_id LIKE 'case:%') chained`,
      )) as { disorders: number; latest: Date }[];
      expect(disorders).toBe(0);
      expect(latest.getTime()).toBeLessThanOrEqual(start.t.clock.now().getTime());
      const [{ spread }] = (await start.db.query(`SELECT (max(received_on) - min(received_on))::int AS spread FROM cases`)) as { spread: number }[];
      expect(spread).toBeGreaterThan(300);
      expect(spread).toBeLessThanOrEqual(366);
    });

    it('raises alerts at every level an alert can have, RED escalated when nobody took it on within two hours', async () => {
      const levels = (await start.db.query(`SELECT DISTINCT level FROM alerts ORDER BY 1`)) as { level: string }[];
      // BLUE is routine work: the product never opens an alert for it (DOMAIN §5), so alerts are YELLOW to RED.
      expect(levels.map((row) => row.level).sort()).toEqual(['ORANGE', 'RED', 'YELLOW']);
      const kinds = (await start.db.query(`SELECT DISTINCT kind FROM alerts`)) as { kind: string }[];
      expect(kinds.map((row) => row.kind)).toEqual(expect.arrayContaining(['RISK_LEVEL', 'DEADLINE_WARNING', 'DEADLINE_MISSED', 'LIMITATION_WATCH']));
      const statuses = (await start.db.query(`SELECT DISTINCT status FROM alerts`)) as { status: string }[];
      expect(statuses.map((row) => row.status).sort()).toEqual(['ACKNOWLEDGED', 'OPEN', 'RESOLVED']);

      const redFlagged = async (flag: string) =>
        (await start.db.query(
          `SELECT a.level, a.status, a.escalated FROM alerts a JOIN cases c ON c.id = a.case_id WHERE $1 = ANY(c.risk_flags) AND a.kind = 'RISK_LEVEL'`,
          [flag],
        )) as { level: string; status: string; escalated: boolean }[];
      // The threat was taken on within minutes; the vanished gang boss came in at the end of the day.
      expect(await redFlagged('EXTREME_ACT_THREAT')).toEqual([{ level: 'RED', status: 'ACKNOWLEDGED', escalated: false }]);
      expect(await redFlagged('EMPLOYER_ABSCONDED')).toEqual([{ level: 'RED', status: 'ACKNOWLEDGED', escalated: true }]);
      const escalations = (await start.db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'ALERT_ESCALATED'`)) as { n: number }[];
      const escalated = (await start.db.query(`SELECT count(*)::int AS n FROM alerts WHERE escalated`)) as { n: number }[];
      expect(escalations[0].n).toBe(escalated[0].n);
    });

    it('includes the collective case: at least twelve migrant construction workers owed wages before Spring Festival, paid', async () => {
      const rows = (await start.db.query(
        `SELECT c.state, c.worker_count, c.migrant_workers, c.received_on::text AS received_on, c.closed_at, c.respondent,
                (SELECT count(*)::int FROM case_applicants a WHERE a.case_id = c.id AND a.migrant_worker) AS migrant_applicants,
                (SELECT count(*)::int FROM case_applicants a WHERE a.case_id = c.id AND a.is_representative) AS representatives,
                (SELECT array_agg(DISTINCT type) FROM case_claims k WHERE k.case_id = c.id) AS claim_types
         FROM cases c WHERE c.worker_count >= 10`,
      )) as {
        state: string;
        worker_count: number;
        migrant_workers: number;
        received_on: string;
        closed_at: Date;
        respondent: { projectName?: string };
        migrant_applicants: number;
        representatives: number;
        claim_types: string[];
      }[];
      expect(rows).toHaveLength(1);
      const [collective] = rows;
      expect(collective).toMatchObject({ state: 'closed.resolved', claim_types: ['WAGE_ARREARS'], representatives: 3 });
      expect(collective.migrant_workers).toBeGreaterThanOrEqual(12);
      expect(collective.migrant_applicants).toBeGreaterThanOrEqual(12);
      expect(collective.respondent.projectName).toMatch(/安置小区/);
      const festival = LUNAR_NEW_YEARS_DAYS.find((day) => day > collective.received_on)!;
      const daysBefore = (Date.parse(festival) - Date.parse(collective.received_on)) / 86_400_000;
      expect(daysBefore).toBeGreaterThan(0);
      expect(daysBefore).toBeLessThanOrEqual(60);
      expect(legalDateOf(collective.closed_at) < festival).toBe(true);
    });

    it('fails one case by DEADLINE_EXPIRED from the system, through the expiry timer', async () => {
      const rows = (await start.db.query(
        `SELECT e.actor_role, e.actor_user_id, e.to_state, e.request_id, c.snapshot->'context'->>'outcome' AS outcome
         FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.type = 'DEADLINE_EXPIRED'`,
      )) as { actor_role: string; actor_user_id: string | null; to_state: string; request_id: string; outcome: string }[];
      expect(rows).toEqual([
        { actor_role: 'SYSTEM', actor_user_id: null, to_state: 'closed.failed', request_id: expect.stringMatching(/^demo-seed:timer:.+:EXPIRE:/), outcome: 'DEADLINE_EXPIRED' },
      ]);
      const outcomes = (await start.db.query(`SELECT snapshot->'context'->>'outcome' AS outcome FROM cases WHERE state = 'closed.failed' ORDER BY 1`)) as { outcome: string }[];
      expect(outcomes.map((row) => row.outcome)).toEqual(['DEADLINE_EXPIRED', 'MEDIATION_FAILED:IRRECONCILABLE', 'RESPONDENT_REFUSED']);
      const referred = (await start.db.query(`SELECT snapshot->'context'->>'outcome' AS outcome FROM cases WHERE state = 'closed.referred'`)) as { outcome: string }[];
      expect(referred).toEqual([{ outcome: 'REFERRED:PAYMENT_ORDER' }]);
    });

    it('leaves no open case with a running deadline already past; only the defaulted instalments were missed', async () => {
      const today = legalDateOf(start.t.clock.now());
      expect(await overdueRunningDeadlines(start.db, today)).toEqual([]);
      expect(await missedDeadlinesOfOpenCases(start.db)).toEqual([
        { state: 'agreement.defaulted', kind: 'PAYMENT_DUE' },
        { state: 'agreement.defaulted', kind: 'PAYMENT_DUE' },
      ]);
    });

    it('leaves the workers no timer job already due, and running the replayed ones again changes nothing', async () => {
      const timerJobs = (state: string, startAfterAtMost: Date) =>
        start.db.query(
          `SELECT id, name, data FROM pgboss.job WHERE name IN ('deadline-timer', 'alert-escalation') AND state::text = ANY($1) AND start_after <= $2`,
          [state === 'queued' ? ['created', 'retry'] : [state], startAfterAtMost],
        ) as Promise<{ id: string; name: string; data: DeadlineTimerJob & { alertId: string } }[]>;
      expect(await timerJobs('queued', start.t.clock.now())).toEqual([]);
      expect((await timerJobs('queued', new Date('2100-01-01'))).length).toBeGreaterThan(0);

      const snapshot = () =>
        start.db.query(
          `SELECT (SELECT count(*)::int FROM audit_entries) AS audit, (SELECT sum(version)::int FROM cases) AS versions,
                  (SELECT count(*)::int FROM alerts) AS alerts, (SELECT count(*)::int FROM notifications) AS notifications`,
        );
      const before = await snapshot();
      const replayed = await timerJobs('completed', start.t.clock.now());
      expect(replayed.length).toBeGreaterThan(100);
      const timers = start.t.app.get(DeadlineTimerWorker, { strict: false });
      const escalations = start.t.app.get(AlertEscalationWorker, { strict: false });
      for (const job of replayed) {
        const outcome = job.name === 'deadline-timer' ? await timers.fire(job.data, `timer:${job.id}`) : await escalations.escalate(job.data.alertId, `job:${job.id}`);
        expect(['STALE', 'ALERTED']).toContain(outcome);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('keeps identity numbers and mobiles out of the audit trail and the event log', async () => {
      const [{ payloads }] = (await start.db.query(
        `SELECT string_agg(payload::text, ' ') AS payloads FROM (SELECT payload FROM audit_entries UNION ALL SELECT payload FROM case_events) p`,
      )) as { payloads: string }[];
      // Random ids are left out first: a UUID's last group may hold eleven digits that look like a mobile
      // (…-a13473199006 failed CI once).
      const text = payloads.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
      expect(text).not.toMatch(/\d{17}[\dX]/);
      expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    });

    it('seeds nothing on the next start', async () => {
      const before = await countsBy(start.db, 'state');
      await expect(start.t.app.get(DemoCaseSeederService).seedIfNoCases()).resolves.toBeUndefined();
      const lines = await runStartupTasks(start.t.app, { ...start.t.config, demoSeed: true, embedded: false, admin: ADMIN });
      expect(lines.filter((line) => line.includes('Demo cases'))).toEqual([]);
      expect(await countsBy(start.db, 'state')).toEqual(before);
    });
  });

  describe('when two instances start together', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp();
      await t.app.get(DataSource).transaction((tx) => t.app.get(DemoDirectoryService).seedIfEmpty(tx, () => 'demo-desk-phrase-2026'));
    });

    afterAll(async () => {
      await t.close();
    });

    it('seeds the cases once', async () => {
      const seeder = t.app.get(DemoCaseSeederService);
      const reports = await Promise.all([seeder.seedIfNoCases(), seeder.seedIfNoCases()]);
      expect(reports.filter((report) => report !== undefined)).toEqual([expect.objectContaining({ cases: 30 })]);
      const [{ n }] = (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM cases')) as { n: number }[];
      expect(n).toBe(30);
    }, SEED_TIMEOUT);
  });

  it('seeds nothing without the demo directory', async () => {
    const t = await createTestApp();
    try {
      await expect(t.app.get(DemoCaseSeederService).seedIfNoCases()).resolves.toBeUndefined();
    } finally {
      await t.close();
    }
  });

  // The stories count working days back from the first start; right after the longest holidays is where a story
  // would stretch past one of its periods if it could.
  describe.each([
    ['just after Spring Festival', '2026-02-26T01:30:00Z'],
    ['just after National Day', '2026-10-09T00:30:00Z'],
  ])('on a first start %s', (_when, instant) => {
    let start: FirstStart;

    beforeAll(async () => {
      start = await firstStart(new FixedClock(new Date(instant)));
    }, SEED_TIMEOUT);

    afterAll(async () => {
      await start.t.close();
    });

    it('still ends every story as written, with nothing overdue and the audit verifying', async () => {
      expect(start.lines).toContainEqual(expect.stringMatching(/^ {2}Demo cases: 30 cases/));
      expect(await countsBy(start.db, 'state')).toEqual(EXPECTED_STATES);
      expect(await overdueRunningDeadlines(start.db, legalDateOf(new Date(instant)))).toEqual([]);
      expect(await verifyAsAdmin(start.t)).toMatchObject({ ok: true });
    });
  });
});
