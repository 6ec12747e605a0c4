import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded';
import { REPO_ROOT } from './paths';

const MAIN_JS = join(REPO_ROOT, 'dist', 'src', 'main.js');

export interface BenchService {
  readonly baseUrl: string;
  readonly pid: number;
  readonly admin: { username: string; password: string };
  /** Resident set size in KiB, from /proc (Linux only). */
  rssKiB(): number;
  output(): string;
  stop(): Promise<void>;
}

/** `node dist/src/main.js` as an operator starts it against an external database, with logging at warn. */
export async function startService(databaseUrl: string, options: { poolSize?: number } = {}): Promise<BenchService> {
  const port = await freePort();
  const admin = { username: 'benchadmin', password: `bench-${randomBytes(12).toString('base64url')}` };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    TZ: 'Asia/Shanghai',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    PII_SECRET: randomBytes(36).toString('base64url'),
    ADMIN_USERNAME: admin.username,
    ADMIN_PASSWORD: admin.password,
    DEMO_SEED: 'false',
    LOG_LEVEL: 'warn',
    RUN_WORKERS: 'true',
    ...(options.poolSize === undefined ? {} : { DB_POOL_SIZE: String(options.poolSize) }),
  };
  // BENCH_CPU_PROFILE=<dir>: the service writes a V8 CPU profile there when it stops, to find where a request's time goes.
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const flags = profileDir === undefined || profileDir === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  const child = spawn(process.execPath, [...flags, MAIN_JS], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Bounded: a warn line per failed request over a long soak must not grow the bench's own memory.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-200_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
  await waitForReady(child, () => output, exited);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    admin,
    rssKiB: () => rssOf(child.pid!),
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForReady(child: ChildProcess, output: () => string, exited: Promise<number | null>): Promise<void> {
  let code: number | null | undefined;
  void exited.then((c) => (code = c));
  const deadline = Date.now() + 120000;
  while (!/Press Ctrl-C to stop/.test(output())) {
    if (code !== undefined) throw new Error(`service exited with ${code}:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`service not ready within 120 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match === null ? NaN : Number(match[1]);
}
