import { Api } from './lib/api';
import { cpuSample } from './lib/machine';
import { withLoggedService } from './lib/logged-service';
import { say } from './lib/output';
import { activate, caseBody, createCases, seedDirectory, type Directory, type SeededCase } from './lib/seed';

/**
 * `node dist/bench/bench/statement-cost.js [transition|read|audit|register] [count]` (after `npm run bench` or
 * `tsc -p bench/tsconfig.json`): PostgreSQL's own time per request, statement by statement and phase by phase (parse,
 * bind, which plans an unnamed statement, and execute), from its log with `log_min_duration_statement = 0`, over
 * `count` requests sent one at a time. Where query-log shows how many round trips a request makes, this shows what each
 * costs the server, apart from the network and the service.
 */
const SCENARIOS = ['transition', 'read', 'audit', 'register'] as const;
type Scenario = (typeof SCENARIOS)[number];

async function main(): Promise<void> {
  const scenario = (process.argv[2] ?? 'transition') as Scenario;
  const count = Number(process.argv[3] ?? 400);
  if (!SCENARIOS.includes(scenario) || !Number.isInteger(count) || count < 1) {
    throw new Error(`usage: statement-cost.js [${SCENARIOS.join('|')}] [count]`);
  }
  await withLoggedService('statement-cost', async ({ service, log, setForService, analyze }) => {
    const api = new Api(service.baseUrl);
    const directory = await seedDirectory(api, service.admin, 4, 'C');
    const cases = await createCases(api, directory, 200, 4);
    await activate(api, cases, 4);
    await analyze();
    const request = requestOf(scenario, api, directory, cases);
    // Warm: the pool's connections open and the prepared statements reach their generic plans.
    for (let i = 0; i < 50; i += 1) await request(i);
    await setForService('log_min_duration_statement = 0');
    for (let i = 0; i < 50; i += 1) await request(i);
    await settleLog();
    log.length = 0;
    const start = process.hrtime.bigint();
    const cpuBefore = cpuSample(service.pid);
    for (let i = 0; i < count; i += 1) await request(50 + i);
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const cpuAfter = cpuSample(service.pid);
    await settleLog();
    printCosts(scenario, count, { wallMs, serviceCpuMs: cpuAfter.processMs - cpuBefore.processMs, machineBusyMs: cpuAfter.machineBusyMs - cpuBefore.machineBusyMs }, log);
  });
}

function requestOf(scenario: Scenario, api: Api, directory: Directory, cases: SeededCase[]): (i: number) => Promise<unknown> {
  switch (scenario) {
    case 'transition':
      return async (i) => {
        const c = cases[i % cases.length];
        c.version = await api.event(c.mediator.token, c.id, c.version, { type: 'SCHEDULE_SESSION', at: new Date(Date.now() + 7 * 86_400_000).toISOString(), online: true });
      };
    case 'read':
      return (i) => api.expect(200, 'GET', `/api/cases/${cases[i % cases.length].id}`, { token: directory.supervisor.token });
    case 'audit':
      return (i) => api.expect(200, 'GET', `/api/audit?pageSize=50&page=${1 + (i % 10)}`, { token: directory.supervisor.token });
    case 'register':
      return (i) => api.expect(201, 'POST', '/api/cases', { token: directory.mediators[i % directory.mediators.length].token, body: caseBody(1_000 + i) });
  }
}

/** The server writes its log a moment after it answers. */
function settleLog(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 500));
}

interface Spent {
  readonly wallMs: number;
  /** The service process's user and system CPU. */
  readonly serviceCpuMs: number;
  /** Every core's busy time: the service, PostgreSQL, this tool and the kernel's network work between them. */
  readonly machineBusyMs: number;
}

function printCosts(scenario: Scenario, count: number, spent: Spent, lines: readonly string[]): void {
  const byStatement = new Map<string, { ms: number; times: number }>();
  let totalMs = 0;
  // One log entry per statement phase; a multi-line statement continues on lines that start with white space.
  for (const entry of lines.join('').split(/\n(?=\S)/)) {
    const match = /duration: ([\d.]+) ms\s+(?:(parse|bind|execute) [^:]*|statement): ([\s\S]*)$/.exec(entry);
    if (match === null || /pgboss\./.test(match[3])) continue;
    const key = `${(match[2] ?? 'simple').padEnd(7)} ${match[3].replace(/\s+/g, ' ').trim().slice(0, 110)}`;
    const seen = byStatement.get(key) ?? { ms: 0, times: 0 };
    seen.ms += Number(match[1]);
    seen.times += 1;
    byStatement.set(key, seen);
    totalMs += Number(match[1]);
  }
  const each = (ms: number, digits = 2) => (ms / count).toFixed(digits);
  say(`${count} × ${scenario}, one at a time: ${each(spent.wallMs)} ms each; PostgreSQL's own time ${each(totalMs, 3)} ms each (pg-boss's statements left out)`);
  say(`CPU per request: the service ${each(spent.serviceCpuMs)} ms, the whole machine ${each(spent.machineBusyMs)} ms (/proc, 10 ms ticks)`);
  say('ms per request  times  phase   statement');
  for (const [key, { ms, times }] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms)) {
    say(`${(ms / count).toFixed(3).padStart(14)}  ${String(times).padStart(5)}  ${key}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
