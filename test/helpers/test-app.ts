import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app.factory';
import { AppConfig, buildAppConfig } from '../../src/config/app-config';
import { parseEnv } from '../../src/config/env.schema';
import { Clock, FixedClock } from '../../src/common/clock/clock';
import { createTestDatabase, TestDatabase } from './test-database';
import { applicationRole } from '../../src/database/migrate';
import { dataSourceOptions } from '../../src/database/data-source';
import { DataSource } from 'typeorm';
import type { Clock as JobClock } from 'pg-boss';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  readonly database: TestDatabase;
  readonly clock: Clock;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /**
   * A connection as the database owner, not the application's restricted role: for what only an operator can do
   * (tamper with the audit trail) or see (every backend in pg_stat_activity).
   */
  owner(): Promise<DataSource>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const TEST_PII_SECRET = 'test-pii-secret-that-is-long-enough-0123456789abcdef';

/**
 * The real application on Fastify against its own freshly migrated database. Workers are off unless a test asks for them (`env: {RUN_WORKERS: 'true'}` with a `jobClock`): with the wall clock
 * far ahead of a test's FixedClock, every timer would otherwise fire at once.
 */
export async function createTestApp(options: { clock?: Clock; jobClock?: JobClock; env?: Record<string, string>; logger?: boolean; database?: TestDatabase } = {}): Promise<TestApp> {
  // A second instance on another instance's database (restarts, several instances) leaves dropping it to the first.
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const env = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', RUN_WORKERS: 'false', DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET, PII_SECRET: TEST_PII_SECRET, ...options.env });
  const config = buildAppConfig(env, { databaseUrl: database.url, databaseRole: await applicationRole(database.url), embedded: false, jwtSecret: TEST_JWT_SECRET, piiSecret: TEST_PII_SECRET });
  const clock = options.clock ?? new FixedClock(new Date());
  const app = await createApp(config, { clock, jobClock: options.jobClock, logger: options.logger ?? false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  let owner: DataSource | undefined;
  const ownerConnection = async () => {
    owner ??= await new DataSource({ ...dataSourceOptions({ url: database.url, poolSize: 4, applicationName: 'tiaojie-test-owner' }), logging: false }).initialize();
    return owner;
  };
  // pg-boss's test clock keeps its time in a table it creates as the owner; the app's own transactions read it
  // (through job_now()) whenever they queue a job.
  if (options.jobClock) await (await ownerConnection()).query('GRANT SELECT ON pgboss.__pgboss_test_clock TO tiaojie_app');
  return {
    app,
    config,
    database,
    clock,
    request: (injectOptions) => app.inject(injectOptions),
    owner: ownerConnection,
    async close() {
      await app.close();
      await owner?.destroy();
      if (ownsDatabase) await database.drop();
    },
  };
}
