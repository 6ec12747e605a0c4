import type { ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';

/**
 * A connection of its own to the pool's server, as the pool's role and with its timeouts, for work that runs outside
 * TypeORM (a worker thread). `applicationName` tells it apart in pg_stat_activity.
 */
export function pgClientConfigOf(options: DataSourceOptions, applicationName: string): ClientConfig {
  if (options.type !== 'postgres' || options.url === undefined) throw new Error('Expected PostgreSQL data source options with a url');
  return { ...(options.extra as ClientConfig | undefined), connectionString: options.url, application_name: applicationName };
}
