import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './lib/args';
import { RESULTS_DIR } from './lib/paths';
import { onDatabase } from './lib/database';
import { closeOnSignal, openEnvironment } from './lib/environment';
import { cpuSample } from './lib/machine';
import { formatTable, say } from './lib/output';
import { runOpenLoop } from './lib/open-loop';
import { runScenario, transitionsScenario } from './lib/scenarios';
import { activate, createCases, seedDirectory } from './lib/seed';

/**
 * Every SCHEDULE_SESSION adds a session to its case, and a case's snapshot, event and answer grow with its sessions, so
 * the cases must be many enough to stay case-sized: 30 minutes at ~115/s over 1,000 cases left ~200 sessions on each,
 * and a transition's cost grew with them until the service fell behind. Over 10,000 (the bench's city) each ends with
 * 10–20 (12 at 65/s); the per-minute sessions and service CPU per transition show what growth remains.
 */
const CASES = 10_000;

interface Minute {
  minute: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  rssMiB: number;
  /** The service's own CPU per answered transition: a cost that creeps up shows here before it shows in p99. */
  svcCpuMs: number;
  sessionsPerCase: number;
}

/** The average scheduled sessions per active case: what the workload itself has grown to. */
async function sessionsPerCase(databaseUrl: string): Promise<number> {
  return onDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query<{ sessions: string }>(
      `SELECT avg(jsonb_array_length(snapshot->'context'->'sessions'->'scheduled')) AS sessions FROM cases WHERE state = 'mediation.active'`,
    );
    return Number(rows[0].sessions);
  });
}

/**
 * `npm run soak -- --minutes N` (default 30): transitions at half the measured maximum, one autocannon run per
 * minute, so that a p99 that creeps up or a service that keeps growing shows as a trend rather than an average.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const env = await openEnvironment({ poolSize: args.poolSize });
  closeOnSignal(() => env.close());
  try {
    say(`Machine: ${env.machine.cpuModel}, ${env.machine.cores} cores, ${env.machine.memoryGiB} GiB, node ${env.machine.node}, PostgreSQL ${env.machine.postgres}`);
    const directory = await seedDirectory(env.api, env.service.admin, 10, 'K');
    say(`Seeding ${CASES} cases in mediation.active (a few minutes)`);
    const cases = await createCases(env.api, directory, CASES, 12);
    await activate(env.api, cases, 12);
    const scenario = transitionsScenario(cases, 16);
    await runScenario(env.service.baseUrl, scenario, { seconds: 3 });
    const max = await runScenario(env.service.baseUrl, scenario, { seconds: 10 });
    const rate = Math.max(1, Math.round(max.rps / 2));
    say(`Maximum ${max.rps.toFixed(0)} transitions/s; soaking at ${rate}/s for ${args.minutes} min`);

    const rssStartMiB = env.service.rssKiB() / 1024;
    const sessionsAtStart = await sessionsPerCase(env.appDatabaseUrl);
    const minutes: Minute[] = [];
    for (let minute = 1; minute <= args.minutes; minute += 1) {
      const before = cpuSample(env.service.pid);
      const f = await runOpenLoop(env.service.baseUrl, scenario, { seconds: 60, rate });
      const svcCpuMs = (cpuSample(env.service.pid).processMs - before.processMs) / (f.totalRps * f.seconds);
      const row = { minute, rate: f.rps, p50: f.p50, p99: f.p99, max: f.max, errors: f.errors, rssMiB: env.service.rssKiB() / 1024, svcCpuMs, sessionsPerCase: await sessionsPerCase(env.appDatabaseUrl) };
      minutes.push(row);
      say(
        `  minute ${minute}: ${row.rate.toFixed(0)}/s, p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms, errors ${row.errors}, RSS ${row.rssMiB.toFixed(0)} MiB, ` +
          `service CPU ${svcCpuMs.toFixed(2)} ms/transition, ${row.sessionsPerCase.toFixed(1)} sessions a case`,
      );
    }
    const first = minutes[0];
    const last = minutes[minutes.length - 1];
    const summary = {
      p99FirstMs: first.p99,
      p99LastMs: last.p99,
      p99DriftMs: last.p99 - first.p99,
      rssBeforeMiB: rssStartMiB,
      rssFirstMinuteMiB: first.rssMiB,
      rssEndMiB: last.rssMiB,
      // From the end of the first minute: the pool, caches and JIT have settled by then, so what grows after is kept.
      rssGrowthMiB: last.rssMiB - first.rssMiB,
      errors: minutes.reduce((sum, m) => sum + m.errors, 0),
      svcCpuMsFirst: first.svcCpuMs,
      svcCpuMsLast: last.svcCpuMs,
      sessionsPerCaseStart: sessionsAtStart,
      sessionsPerCaseEnd: last.sessionsPerCase,
    };
    say();
    say(
      formatTable(
        ['minute', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'RSS MiB', 'svc CPU ms', 'sessions/case'],
        minutes.map((m) => [m.minute, m.rate, m.p50, m.p99, m.max, m.errors, m.rssMiB, m.svcCpuMs, m.sessionsPerCase]),
      ),
    );
    const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
    say(
      `\np99 ${summary.p99FirstMs} → ${summary.p99LastMs} ms (drift ${signed(summary.p99DriftMs, 1)} ms); RSS ${first.rssMiB.toFixed(0)} → ${last.rssMiB.toFixed(0)} MiB after ` +
        `minute 1 → ${args.minutes} (${signed(summary.rssGrowthMiB, 0)} MiB; ${rssStartMiB.toFixed(0)} MiB before the soak); errors ${summary.errors}; ` +
        `service CPU ${first.svcCpuMs.toFixed(2)} → ${last.svcCpuMs.toFixed(2)} ms/transition while cases grew from ${sessionsAtStart.toFixed(1)} to ${last.sessionsPerCase.toFixed(1)} sessions`,
    );

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(RESULTS_DIR, `soak-${startedAt.toISOString().replaceAll(':', '-')}.json`);
    writeFileSync(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), options: args, machine: env.machine, maxRate: max.rps, rate, minutes, summary }, null, 2)}\n`);
    say(`Written ${file}`);
  } finally {
    await env.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
