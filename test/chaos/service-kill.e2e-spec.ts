import { Client } from 'pg';
import { eventually } from '../helpers/eventually';
import { startService, ServiceProcess } from '../helpers/service-process';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';
import { answerProblems, commandProblems, expiryProblems, ledgerProblems, readLedgers, unfinishedDueTimers } from './case-ledger';
import { caseInMediation, lapsedCase, openDesk, serviceEnv } from './chaos-desk';
import { isAnswer, lastAttempt, sendCommand, TransitionLoad } from './transition-load';

// The service dies by SIGKILL while clients are sending transitions: no drain, no rollback of its own, only what
// PostgreSQL committed survives. What a client was told must hold afterwards (DOMAIN §3 Invariants 1–2, §4 timers,
// §7 audit chain).

const LOAD_CASES = 6;
const LOOPS_PER_CASE = 2;
/** Answers the load gets before the kill: enough that the cases have moved well past their setup versions. */
const APPLIED_BEFORE_KILL = 150;
/** Version of a case in mediation.active after intake, ACCEPT and RESPONDENT_CONSENTS. */
const SETUP_VERSION = 3;
const REAL_POLLING = { timeoutMs: 30_000 };

describe('kill -9 of the service under a load of transitions', () => {
  let database: TestDatabase;
  let owner: Client;
  const running: ServiceProcess[] = [];

  async function start(runWorkers: boolean): Promise<ServiceProcess> {
    const service = await startService(serviceEnv(database.url, runWorkers));
    running.push(service);
    return service;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new Client({ connectionString: database.url });
    await owner.connect();
  });

  afterAll(async () => {
    for (const service of running) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGKILL');
        await service.exited();
      }
    }
    await owner?.end();
    await database?.drop();
  });

  it('keeps every answered transition with its audit row, and fires each timer that fell due meanwhile once after the restart', async () => {
    // The instance under load works the queues; a second, API-only one (README: RUN_WORKERS=false) is the intake desk
    // that stays up while the first is dead.
    const [service, intake] = await Promise.all([start(true), start(false)]);
    const desk = await openDesk(service.baseUrl);
    const loadCases = await Promise.all(Array.from({ length: LOAD_CASES }, () => caseInMediation(service.baseUrl, desk)));
    // Timers that fired before the crash must not fire again after it.
    const expiredBefore = await Promise.all([lapsedCase(service.baseUrl, desk), lapsedCase(service.baseUrl, desk)]);
    await eventually(() => expiryProblems(owner, expiredBefore), (problems) => problems.length === 0, REAL_POLLING);
    await eventually(() => unfinishedDueTimers(owner, expiredBefore), (n) => n === 0, REAL_POLLING);

    const load = new TransitionLoad(service.baseUrl, desk.mediatorToken, loadCases, LOOPS_PER_CASE);
    load.start();
    await load.appliedReaches(APPLIED_BEFORE_KILL);
    const inFlightAtKill = load.inFlight;
    const stopped = load.stop();
    service.child.kill('SIGKILL');
    await Promise.all([stopped, service.exited()]);
    expect(inFlightAtKill).toBeGreaterThan(0);

    // With no worker alive, the desk registers cases whose mediation period is already over: their expiry timers
    // fall due while the service is down, and wait.
    const dueWhileDown = await Promise.all(Array.from({ length: 4 }, () => lapsedCase(intake.baseUrl, desk)));
    expect(await unfinishedDueTimers(owner, dueWhileDown)).toBeGreaterThanOrEqual(dueWhileDown.length);
    expect(await expiryProblems(owner, dueWhileDown)).toHaveLength(dueWhileDown.length);

    const restarted = await start(true);
    // The client retries what the crash left unanswered with the same Idempotency-Key, against the new process.
    const open = load.commands.filter((command) => !isAnswer(lastAttempt(command)!));
    expect(open.length).toBeGreaterThan(0);
    for (const command of open) {
      command.attempts.push(await sendCommand(restarted.baseUrl, desk.mediatorToken, command, `${lastAttempt(command)!.requestId}-after-restart`));
    }
    expect(open.map((command) => lastAttempt(command)!.status).filter((status) => status !== 200 && status !== 412)).toEqual([]);

    const lapsed = [...expiredBefore, ...dueWhileDown];
    await eventually(() => unfinishedDueTimers(owner, lapsed), (n) => n === 0, REAL_POLLING);
    expect(await expiryProblems(owner, lapsed)).toEqual([]);

    const loadLedgers = await readLedgers(owner, loadCases.map((c) => c.id));
    expect(ledgerProblems(loadLedgers, LOAD_CASES)).toEqual([]);
    expect(ledgerProblems(await readLedgers(owner, lapsed), lapsed.length)).toEqual([]);
    expect(commandProblems(load.commands, loadLedgers, SETUP_VERSION)).toEqual([]);
    expect(answerProblems(load.commands)).toEqual([]);
    // Not a vacuous pass: the ledgers hold at least the transitions answered before the kill.
    expect(loadLedgers.reduce((sum, ledger) => sum + ledger.version - SETUP_VERSION, 0)).toBeGreaterThanOrEqual(APPLIED_BEFORE_KILL);

    const verify = await fetch(`${restarted.baseUrl}/api/audit/verify`, { headers: { authorization: `Bearer ${desk.adminToken}` } });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ ok: true });
  }, 90_000);
});
