import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from '../../src/database/embedded';

/**
 * One throw-away PostgreSQL cluster for the whole run unless DATABASE_URL points at a server already; test workers
 * inherit DATABASE_URL and each suite creates (and drops) its own database on that server.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'tiaojie-test-'));
  const database = await startEmbeddedDatabase({ dataDir, persistent: false });
  process.env.DATABASE_URL = database.url;
  (globalThis as { __tiaojieTestDatabase?: typeof database }).__tiaojieTestDatabase = database;
}
