import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, unknownOnlyKeys } from './lib/args';
import { RESULTS_DIR } from './lib/paths';
import { closeOnSignal, openEnvironment } from './lib/environment';
import { cpuSample } from './lib/machine';
import { runOpenLoop } from './lib/open-loop';
import { formatTable, say } from './lib/output';
import { measurePgbench, PgbenchResult } from './lib/pgbench';
import type { BenchEnvironment } from './lib/environment';
import { FULL_SCALE, QUICK_SCALE, runScale, ScaleFigures } from './lib/scale';
import {
  auditPageScenario,
  contentionScenario,
  createCaseScenario,
  Figures,
  readCaseScenario,
  runScenario,
  Scenario,
  SCENARIO_KEYS,
  transitionsScenario,
} from './lib/scenarios';
import { activate, createCases, seedDirectory } from './lib/seed';

interface Plan {
  cases: number;
  activeCases: number;
  seconds: number;
  warmupSeconds: number;
  pgbenchSeconds: number;
  seedConcurrency: number;
}

const FULL: Plan = { cases: 10_000, activeCases: 2_000, seconds: 12, warmupSeconds: 3, pgbenchSeconds: 30, seedConcurrency: 12 };
const QUICK: Plan = { cases: 400, activeCases: 120, seconds: 3, warmupSeconds: 1, pgbenchSeconds: 5, seedConcurrency: 8 };

interface ScenarioReport {
  key: string;
  name: string;
  max: Figures;
  half: Figures;
  /** CPU per answered request at the maximum rate: the service's own, and the whole machine's (PostgreSQL included). */
  cpuMsPerRequest: { service: number; machine: number };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const known = [...SCENARIO_KEYS, 'scale'];
  const unknown = unknownOnlyKeys(args.only, known);
  if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const plan = args.quick ? QUICK : FULL;
  const startedAt = new Date();
  const env = await openEnvironment({ poolSize: args.poolSize });
  closeOnSignal(() => env.close());
  try {
    say(`Machine: ${env.machine.cpuModel}, ${env.machine.cores} cores, ${env.machine.memoryGiB} GiB, node ${env.machine.node}, PostgreSQL ${env.machine.postgres}`);
    say(`Load average at start: ${env.machine.loadAverageAtStart.join(' ')}${env.server.embedded ? '' : ' (external server)'}`);

    const selected = (key: string) => args.only === undefined || args.only.includes(key);
    const runsScenarios = SCENARIO_KEYS.some(selected);
    // --only scale needs neither T_pg nor the 10,000 seeded cases: the scale part seeds its own city.
    const pgbench = runsScenarios ? await measureTpg(env, plan) : undefined;
    const scenarios = runsScenarios ? await seedScenarios(env, plan, selected) : [];

    const reports: ScenarioReport[] = [];
    for (const scenario of scenarios) {
      await runScenario(env.service.baseUrl, scenario, { seconds: plan.warmupSeconds });
      const before = cpuSample(env.service.pid);
      const max = await runScenario(env.service.baseUrl, scenario, { seconds: plan.seconds });
      const after = cpuSample(env.service.pid);
      const answered = max.totalRps * max.seconds;
      const cpuMsPerRequest = { service: (after.processMs - before.processMs) / answered, machine: (after.machineBusyMs - before.machineBusyMs) / answered };
      const half = await runOpenLoop(env.service.baseUrl, scenario, { seconds: plan.seconds, rate: Math.max(1, Math.round(max.totalRps / 2)) });
      reports.push({ key: scenario.key, name: scenario.name, max, half, cpuMsPerRequest });
      say(`  ${scenario.name}: ${max.rps.toFixed(0)}/s, p99 ${max.p99} ms; at half load p99 ${half.p99} ms`);
    }

    const scale = args.skipScale || !selected('scale') ? undefined : await runScale(env, args.quick ? QUICK_SCALE : FULL_SCALE);

    say();
    if (pgbench !== undefined) printTables(pgbench, reports);
    if (scale !== undefined) printScale(scale);
    const targets = printTargets(pgbench, reports, scale);

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `${startedAt.toISOString().replaceAll(':', '-')}.json`);
    const result = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      options: args,
      plan,
      machine: env.machine,
      databaseServer: env.server.embedded ? 'embedded' : 'DATABASE_URL',
      serviceRssKiB: env.service.rssKiB(),
      pgbench,
      scenarios: reports.map((r) => ({ ...r, ratioToTpg: pgbench === undefined ? undefined : r.max.rps / pgbench.tps })),
      scale,
      targets,
    };
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    say(`\nWritten ${file}`);
  } finally {
    await env.close();
  }
}

async function measureTpg(env: BenchEnvironment, plan: Plan): Promise<PgbenchResult> {
  const pgbench = await timed('T_pg: pgbench -i -s 10, then tpcb-like -c 10 -j 2', async () =>
    measurePgbench(await env.server.createDatabase('bench_pgbench'), { seconds: plan.pgbenchSeconds, scale: 10, clients: 10 }),
  );
  say(`T_pg = ${pgbench.tps.toFixed(0)} tps (tpcb-like, 10 clients, ${plan.pgbenchSeconds} s)`);
  return pgbench;
}

async function seedScenarios(env: BenchEnvironment, plan: Plan, selected: (key: string) => boolean): Promise<Scenario[]> {
  const directory = await timed('directory: organization, supervisor, 10 mediators', () => seedDirectory(env.api, env.service.admin, 10, 'A'));
  const cases = await timed(`seed: ${plan.cases} cases through POST /api/cases`, () => createCases(env.api, directory, plan.cases, plan.seedConcurrency));
  const active = cases.slice(0, plan.activeCases);
  await timed(`seed: ${plan.activeCases} cases to mediation.active (3 events each)`, () => activate(env.api, active, plan.seedConcurrency));
  const contended = active.slice(-4);
  return [
    transitionsScenario(active.slice(0, -4), 16),
    contentionScenario(contended, 20),
    readCaseScenario(cases, directory, 16),
    auditPageScenario(directory, 8),
    createCaseScenario(directory, 8),
  ].filter((s) => selected(s.key));
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  process.stdout.write(`${label} … `);
  const result = await work();
  say(`${((Date.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

function printTables(pgbench: PgbenchResult, reports: readonly ScenarioReport[]): void {
  const header = ['scenario', 'req/s', '× T_pg', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'other'];
  const row = (r: ScenarioReport, f: Figures) => [
    r.name,
    f.rps,
    f.rps / pgbench.tps,
    f.p50,
    f.p90,
    f.p99,
    f.max,
    f.errors,
    f.statusCounts['412'] === undefined ? '' : `412: ${(f.statusCounts['412'] / f.seconds).toFixed(0)}/s`,
  ];
  say(`Maximum rate (T_pg = ${pgbench.tps.toFixed(0)} tps; CPU ms per answered request, the service's and the whole machine's)`);
  say(formatTable([...header, 'svc CPU ms', 'all CPU ms'], reports.map((r) => [...row(r, r.max), r.cpuMsPerRequest.service, r.cpuMsPerRequest.machine])));
  say();
  say('Half of each maximum (open loop: Poisson arrivals, latency from the moment each request was due)');
  say(formatTable(['target/s', ...header], reports.map((r) => [r.half.targetRate ?? 0, ...row(r, r.half)])));
}

function printScale(scale: ScaleFigures): void {
  say();
  say('Scale');
  say(formatTable(['operation', 'rows', 'seconds', 'target s'], scale.timings.map((t) => [t.name, t.rows, t.seconds, t.targetSeconds ?? '-'])));
  for (const { operation, statements } of scale.slowStatements) {
    say(`\nStatements over 250 ms during "${operation}":`);
    for (const statement of statements.slice(0, 12)) say(`  ${statement}`);
  }
  for (const plan of scale.plans) {
    say(`\n${plan.name}:\n${plan.plan}`);
  }
}

interface TargetCheck {
  name: string;
  value: number;
  limit: number;
  pass: boolean;
}

function printTargets(pgbench: PgbenchResult | undefined, reports: readonly ScenarioReport[], scale: ScaleFigures | undefined): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const transitions = reports.find((r) => r.key === 'transitions');
  if (transitions !== undefined && pgbench !== undefined) {
    const ratio = transitions.max.rps / pgbench.tps;
    checks.push({ name: 'transitions ≥ 0.3 × T_pg (aim 1.0)', value: ratio, limit: 0.3, pass: ratio >= 0.3 });
  }
  for (const r of reports) checks.push({ name: `${r.name}: p99 ≤ 25 ms at half load`, value: r.half.p99, limit: 25, pass: r.half.p99 <= 25 });
  for (const t of scale?.timings ?? []) {
    if (t.targetSeconds !== undefined) checks.push({ name: `${t.name} ≤ ${t.targetSeconds} s`, value: t.seconds, limit: t.targetSeconds, pass: t.seconds <= t.targetSeconds });
  }
  say();
  say('Targets');
  say(formatTable(['target', 'measured', 'result'], checks.map((c) => [c.name, c.value, c.pass ? 'PASS' : 'FAIL'])));
  return checks;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
