import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { installJobSchema } from '../jobs/job-schema';

// Any constant works as long as every instance uses the same one: it serialises migrations across instances.
const MIGRATION_LOCK_KEY = 7_150_211_2026;

async function withMigrationLock<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, poolSize: 2, applicationName: 'tiaojie-migrate' }), logging: false });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    // TypeORM's migrationsRun takes no lock; two instances starting together would both apply the same migration.
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work(dataSource);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

/**
 * Applies every pending migration in one transaction, then installs the job queue schema; returns the names applied.
 * Both happen under the migration lock, as the owner.
 */
export async function runMigrations(url: string): Promise<string[]> {
  return withMigrationLock(url, async (dataSource) => {
    const applied = (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);
    await installJobSchema(url, await usableRole(dataSource));
    return applied;
  });
}

/** Reverts the most recent migration. */
export async function revertLastMigration(url: string): Promise<void> {
  await withMigrationLock(url, (dataSource) => dataSource.undoLastMigration({ transaction: 'all' }));
}

export async function pendingMigrations(url: string): Promise<boolean> {
  return withMigrationLock(url, (dataSource) => dataSource.showMigrations());
}

export const APPLICATION_ROLE = 'tiaojie_app';

/**
 * The role the application should run as: `tiaojie_app` when the migrations could create it and the connecting user
 * may switch to it; otherwise none, and the service runs as the connecting user (still held by the audit triggers).
 */
export async function applicationRole(url: string): Promise<string | undefined> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, poolSize: 1, applicationName: 'tiaojie-migrate' }), logging: false });
  await dataSource.initialize();
  try {
    return await usableRole(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function usableRole(dataSource: DataSource): Promise<string | undefined> {
  const [row] = (await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role(current_user, $1, 'MEMBER') AS usable`,
    [APPLICATION_ROLE],
  )) as { usable: boolean }[];
  return row.usable ? APPLICATION_ROLE : undefined;
}
