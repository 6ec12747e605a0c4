import { Client } from 'pg';
import { eventually } from '../helpers/eventually';
import { startService, ServiceProcess } from '../helpers/service-process';
import { answerProblems, commandProblems, expiryProblems, ledgerProblems, readLedgers, unfinishedDueTimers } from './case-ledger';
import { caseInMediation, lapsedCase, openDesk, serviceEnv } from './chaos-desk';
import { OwnCluster, startOwnCluster } from './own-cluster';
import { TransitionLoad } from './transition-load';

// PostgreSQL goes away under load the hard way (`pg_ctl stop -m immediate`: backends killed, no checkpoint) and comes
// back after crash recovery, while the service keeps running. The service must not need a restart to notice either
// change, must say honestly whether it is ready, and must lose or half-write nothing it was told had committed.

const LOAD_CASES = 6;
const LOOPS_PER_CASE = 2;
const APPLIED_BEFORE_CRASH = 100;
const APPLIED_AFTER_RECOVERY = 60;
const SETUP_VERSION = 3;
const REAL_POLLING = { timeoutMs: 30_000 };

interface Probe {
  status: number;
  body: Record<string, unknown>;
}

async function probe(url: string, requestId: string): Promise<Probe> {
  const res = await fetch(url, { headers: { 'x-request-id': requestId } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('PostgreSQL stopped in immediate mode under a load of transitions', () => {
  let cluster: OwnCluster;
  let owner: Client | undefined;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    // Our own cluster even when DATABASE_URL names a server: the shared one serves every other suite of the run.
    cluster = await startOwnCluster();
  });

  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGKILL');
      await service.exited();
    }
    await owner?.end().catch(() => undefined);
    await cluster?.destroy();
  });

  it('fails requests cleanly while the database is down, reports readiness truthfully, and recovers without a restart', async () => {
    service = await startService(serviceEnv(cluster.url, true));
    const { baseUrl } = service;
    const desk = await openDesk(baseUrl);
    const loadCases = await Promise.all(Array.from({ length: LOAD_CASES }, () => caseInMediation(baseUrl, desk)));
    expect((await probe(`${baseUrl}/api/health/ready`, 'ready-before')).status).toBe(200);

    const load = new TransitionLoad(baseUrl, desk.mediatorToken, loadCases, LOOPS_PER_CASE);
    load.start();
    await load.appliedReaches(APPLIED_BEFORE_CRASH);
    const inFlightAtCrash = load.inFlight;
    await cluster.crash();
    const downSince = performance.now();
    expect(inFlightAtCrash).toBeGreaterThan(0);

    // Readiness must not lag behind the truth: the first probe after the crash already answers 503.
    const readyDown = await probe(`${baseUrl}/api/health/ready`, 'ready-down');
    expect(readyDown).toEqual({
      status: 503,
      body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: { database: 'down' }, requestId: 'ready-down' },
    });
    expect((await probe(`${baseUrl}/api/health`, 'live-down')).status).toBe(200);
    // The clients keep trying through the outage; wait until every loop has been refused at least once.
    const failedSinceDown = () => load.commands.flatMap((c) => c.attempts).filter((a) => a.sentAt > downSince && a.status !== 'cut' && a.status >= 500);
    await eventually(async () => failedSinceDown().length, (n) => n >= LOAD_CASES * LOOPS_PER_CASE, { timeoutMs: 15_000 });
    expect((await probe(`${baseUrl}/api/health/ready`, 'ready-still-down')).status).toBe(503);
    const restartingAt = performance.now();

    await cluster.restart();
    owner = new Client({ connectionString: cluster.url });
    await owner.connect();
    await eventually(() => probe(`${baseUrl}/api/health/ready`, 'ready-up'), (p) => p.status === 200, { timeoutMs: 15_000 });
    expect((await probe(`${baseUrl}/api/health`, 'live-up')).status).toBe(200);
    const appliedAtRecovery = load.applied;
    await load.appliedReaches(appliedAtRecovery + APPLIED_AFTER_RECOVERY);
    await load.stop();
    // Recovered by itself: still the process that was started before the crash.
    expect(service.child.exitCode).toBeNull();

    // Nothing sent while the database was gone was answered as if it had worked.
    const sentWhileDown = load.commands.flatMap((c) => c.attempts).filter((a) => a.sentAt > downSince && a.sentAt < restartingAt);
    expect(sentWhileDown.filter((a) => a.status === 'cut' || a.status < 500).map((a) => `${a.requestId}: ${a.status}`)).toEqual([]);
    expect(answerProblems(load.commands)).toEqual([]);

    // pg-boss works again without a restart: cases whose mediation period is long over expire, once each.
    const lapsed = await Promise.all(Array.from({ length: 3 }, () => lapsedCase(baseUrl, desk)));
    await eventually(() => expiryProblems(owner!, lapsed), (problems) => problems.length === 0, REAL_POLLING);
    await eventually(() => unfinishedDueTimers(owner!, lapsed), (n) => n === 0, REAL_POLLING);

    const loadLedgers = await readLedgers(owner, loadCases.map((c) => c.id));
    expect(ledgerProblems(loadLedgers, LOAD_CASES)).toEqual([]);
    expect(ledgerProblems(await readLedgers(owner, lapsed), lapsed.length)).toEqual([]);
    expect(commandProblems(load.commands, loadLedgers, SETUP_VERSION)).toEqual([]);
    expect(loadLedgers.reduce((sum, ledger) => sum + ledger.version - SETUP_VERSION, 0)).toBeGreaterThanOrEqual(APPLIED_BEFORE_CRASH);

    const verify = await fetch(`${baseUrl}/api/audit/verify`, { headers: { authorization: `Bearer ${desk.adminToken}` } });
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ ok: true });
  }, 90_000);
});
