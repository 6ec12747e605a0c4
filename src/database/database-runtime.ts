import { Env } from '../config/env.schema';
import { EmbeddedDatabase, startEmbeddedDatabase } from './embedded';
import { persistentSecret } from './secret-file';

export interface DatabaseRuntime {
  databaseUrl: string;
  embedded: boolean;
  jwtSecret: string;
  piiSecret: string;
  embeddedDatabase?: EmbeddedDatabase;
}

/**
 * DATABASE_URL wins and nothing embedded starts. Otherwise an embedded PostgreSQL under DATA_DIR serves the app,
 * and the JWT and PII secrets are generated once and kept beside it so that tokens and encrypted data survive a
 * restart.
 */
export async function prepareDatabase(env: Env, onLog?: (line: string) => void): Promise<DatabaseRuntime> {
  if (env.DATABASE_URL !== undefined) {
    return { databaseUrl: env.DATABASE_URL, embedded: false, jwtSecret: env.JWT_SECRET!, piiSecret: env.PII_SECRET! };
  }
  const embeddedDatabase = await startEmbeddedDatabase({ dataDir: env.DATA_DIR, persistent: true, onLog });
  const jwtSecret = env.JWT_SECRET ?? persistentSecret(env.DATA_DIR, 'jwt-secret', 48).value;
  const piiSecret = env.PII_SECRET ?? persistentSecret(env.DATA_DIR, 'pii-secret', 48).value;
  return { databaseUrl: embeddedDatabase.url, embedded: true, jwtSecret, piiSecret, embeddedDatabase };
}
