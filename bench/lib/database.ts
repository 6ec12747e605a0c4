import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../../src/database/embedded';
import { REPO_ROOT } from './paths';

export const BENCH_DATA_DIR = join(REPO_ROOT, '.data', 'bench');

export interface BenchServer {
  /** URL of the maintenance database on the server, for CREATE/DROP DATABASE. */
  readonly url: string;
  readonly embedded: boolean;
  /** The embedded server's log since the last call (empty with DATABASE_URL: that server's log is not ours). */
  takeLog(): string[];
  createDatabase(prefix: string): Promise<string>;
  stop(): Promise<void>;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The machine's PostgreSQL when DATABASE_URL is set (fresh databases, dropped afterwards), otherwise an embedded
 * cluster in .data/bench, wiped before and after so that one run's bloat never slows the next.
 */
export async function startServer(): Promise<BenchServer> {
  const external = process.env.DATABASE_URL;
  const created: string[] = [];
  const createDatabase = async (url: string, prefix: string) => {
    const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
    await onDatabase(url, (client) => client.query(`CREATE DATABASE ${name}`));
    created.push(name);
    return withDatabase(url, name);
  };
  if (external !== undefined && external !== '') {
    return {
      url: external,
      embedded: false,
      takeLog: () => [],
      createDatabase: (prefix) => createDatabase(external, prefix),
      async stop() {
        for (const name of created.splice(0)) {
          await onDatabase(external, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        }
      },
    };
  }
  rmSync(BENCH_DATA_DIR, { recursive: true, force: true });
  let log: string[] = [];
  const keep = (message: unknown) => {
    log.push(String(message));
    if (log.length > 5000) log = log.slice(-2500);
  };
  const embedded = await startEmbeddedDatabase({ dataDir: BENCH_DATA_DIR, persistent: false, onLog: keep });
  return {
    url: embedded.url,
    embedded: true,
    takeLog: () => log.splice(0),
    createDatabase: (prefix) => createDatabase(embedded.url, prefix),
    async stop() {
      await embedded.stop();
      rmSync(BENCH_DATA_DIR, { recursive: true, force: true });
    },
  };
}

export async function serverVersion(url: string): Promise<string> {
  return onDatabase(url, async (client) => ((await client.query('SHOW server_version')).rows[0] as { server_version: string }).server_version);
}
