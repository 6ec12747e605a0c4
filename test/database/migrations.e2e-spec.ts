import { Client } from 'pg';
import { MIGRATIONS } from '../../src/database/migrations';
import { revertLastMigration, runMigrations } from '../../src/database/migrate';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

async function userTables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1",
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });

  afterAll(async () => {
    await database.drop();
  });

  it('run up from an empty database, then down one by one to an empty schema, then up again', async () => {
    expect(await userTables(database.url)).toEqual([]);
    const applied = await runMigrations(database.url);
    expect(applied).toHaveLength(MIGRATIONS.length);
    const tablesAfterUp = await userTables(database.url);
    if (MIGRATIONS.length > 0) expect(tablesAfterUp.length).toBeGreaterThan(0);

    for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigration(database.url);
    expect(await userTables(database.url)).toEqual([]);

    expect(await runMigrations(database.url)).toHaveLength(MIGRATIONS.length);
    expect(await userTables(database.url)).toEqual(tablesAfterUp);
  });

  it('apply nothing the second time', async () => {
    expect(await runMigrations(database.url)).toEqual([]);
  });

  it('serialise concurrent runs so that each migration applies once', async () => {
    const fresh = await createTestDatabase({ migrated: false });
    try {
      const [a, b] = await Promise.all([runMigrations(fresh.url), runMigrations(fresh.url)]);
      expect(a.length + b.length).toBe(MIGRATIONS.length);
    } finally {
      await fresh.drop();
    }
  });
});
