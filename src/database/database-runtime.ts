import { Env } from '../config/env.schema';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded';
import { persistentSecret } from './secret-file';

export interface DatabaseRuntime {
  databaseUrl: string;
  embedded: boolean;
  jwtSecret: string;
  embeddedDatabase?: EmbeddedDatabase;
}

/**
 * DATABASE_URL wins and nothing embedded starts. Otherwise an embedded PostgreSQL under DATA_DIR serves the app,
 * and the JWT secret is generated once and kept beside it so that tokens survive a restart.
 */
export async function prepareDatabase(env: Env, onLog?: (line: string) => void): Promise<DatabaseRuntime> {
  if (env.DATABASE_URL !== undefined) {
    return { databaseUrl: env.DATABASE_URL, embedded: false, jwtSecret: env.JWT_SECRET! };
  }
  const embeddedDatabase = await startEmbeddedDatabase({ dataDir: env.DATA_DIR, persistent: true, onLog });
  const jwtSecret = env.JWT_SECRET ?? persistentSecret(env.DATA_DIR, 'jwt-secret', 48).value;
  return { databaseUrl: embeddedDatabase.url, embedded: true, jwtSecret, embeddedDatabase };
}
