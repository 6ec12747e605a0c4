import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { readCliDatabaseUrl } from '../config/cli-env';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** A role every connection switches to at start-up (the migrations' owner role stays with the migrations). */
  role?: string;
}

/** The one place DataSource options are built: the app, the migration CLI and the tests all call this. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    uuidExtension: 'pgcrypto',
    poolSize: settings.poolSize ?? 10,
    applicationName: settings.applicationName ?? 'tiaojie',
    extra: { connectionTimeoutMillis: 5000, ...(settings.role ? { options: `-c role=${settings.role}` } : {}) },
  };
}

// The TypeORM CLI (`typeorm -d dist/src/database/data-source.js`) needs a default export; the app never uses it.
export default new DataSource(dataSourceOptions({ url: readCliDatabaseUrl(), applicationName: 'tiaojie-cli' }));
