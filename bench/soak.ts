import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from './lib/args';
import { RESULTS_DIR } from './lib/paths';
import { closeOnSignal, openEnvironment } from './lib/environment';
import { formatTable, say } from './lib/output';
import { runOpenLoop } from './lib/open-loop';
import { runScenario, transitionsScenario } from './lib/scenarios';
import { activate, createCases, seedDirectory } from './lib/seed';

const CASES = 1_000;

interface Minute {
  minute: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  rssMiB: number;
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
    const cases = await createCases(env.api, directory, CASES, 12);
    await activate(env.api, cases, 12);
    const scenario = transitionsScenario(cases, 16);
    await runScenario(env.service.baseUrl, scenario, { seconds: 3 });
    const max = await runScenario(env.service.baseUrl, scenario, { seconds: 10 });
    const rate = Math.max(1, Math.round(max.rps / 2));
    say(`Maximum ${max.rps.toFixed(0)} transitions/s; soaking at ${rate}/s for ${args.minutes} min`);

    const rssStartMiB = env.service.rssKiB() / 1024;
    const minutes: Minute[] = [];
    for (let minute = 1; minute <= args.minutes; minute += 1) {
      const f = await runOpenLoop(env.service.baseUrl, scenario, { seconds: 60, rate });
      const row = { minute, rate: f.rps, p50: f.p50, p99: f.p99, max: f.max, errors: f.errors, rssMiB: env.service.rssKiB() / 1024 };
      minutes.push(row);
      say(`  minute ${minute}: ${row.rate.toFixed(0)}/s, p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms, errors ${row.errors}, RSS ${row.rssMiB.toFixed(0)} MiB`);
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
    };
    say();
    say(formatTable(['minute', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'RSS MiB'], minutes.map((m) => [m.minute, m.rate, m.p50, m.p99, m.max, m.errors, m.rssMiB])));
    const signed = (n: number, digits: number) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
    say(
      `\np99 ${summary.p99FirstMs} → ${summary.p99LastMs} ms (drift ${signed(summary.p99DriftMs, 1)} ms); RSS ${first.rssMiB.toFixed(0)} → ${last.rssMiB.toFixed(0)} MiB after ` +
        `minute 1 → ${args.minutes} (${signed(summary.rssGrowthMiB, 0)} MiB; ${rssStartMiB.toFixed(0)} MiB before the soak); errors ${summary.errors}`,
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
