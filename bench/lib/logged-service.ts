import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../../src/database/embedded';
import { onDatabase, withDatabase } from './database';
import { REPO_ROOT } from './paths';
import { startService, type BenchService } from './service';

export interface LoggedService {
  readonly service: BenchService;
  /** Every line the server logged so far; a tool empties it before the requests it wants to read about. */
  readonly log: string[];
  /**
   * `ALTER DATABASE … SET <setting>` for the service's database, then ends the pool's connections: pooled sessions
   * keep the settings they started with, and the pool reconnects with the new ones on the next query.
   */
  setForService(setting: string): Promise<void>;
  /**
   * ANALYZE of the service's database: a tool that seeds and measures within a minute would otherwise be planned on
   * the statistics of empty tables, which autovacuum replaces only later, and a production trail never has.
   */
  analyze(): Promise<void>;
}

/**
 * For the tools that read what PostgreSQL logs about each request: a fresh embedded server whose log is collected, a
 * database on it and the built service on that database, all of it gone when `work` ends.
 */
export async function withLoggedService<T>(name: string, work: (logged: LoggedService) => Promise<T>): Promise<T> {
  const dataDir = join(REPO_ROOT, '.data', `bench-${name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const log: string[] = [];
  const pg = await startEmbeddedDatabase({ dataDir, persistent: false, onLog: (line) => log.push(String(line)) });
  const database = `bench_${name.replace(/-/g, '_')}`;
  await onDatabase(pg.url, (client) => client.query(`CREATE DATABASE ${database}`));
  const service = await startService(withDatabase(pg.url, database));
  const setForService = (setting: string) =>
    onDatabase(pg.url, async (client) => {
      await client.query(`ALTER DATABASE ${database} SET ${setting}`);
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
      const pids = rows.map((row) => row.pid);
      await client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
      // A backend goes a moment after it is told to: a request sent on its connection before the pool has heard of
      // the end would fail with 503 and stop the tool, so wait for those backends to be gone and their sockets closed.
      while ((await client.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [pids])).rowCount! > 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
  const analyze = () => onDatabase(withDatabase(pg.url, database), (client) => client.query('ANALYZE')).then(() => undefined);
  try {
    return await work({ service, log, setForService, analyze });
  } finally {
    await service.stop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
