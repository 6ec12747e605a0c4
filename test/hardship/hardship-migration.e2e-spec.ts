import { DataSource } from 'typeorm';
import { CreateHardshipAssistance1767916800000 } from '../../migrations/1767916800000-CreateHardshipAssistance';
import { dataSourceOptions } from '../../src/database/data-source';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// The whole chain runs up and down in test/database/migrations.e2e-spec.ts; this one checks that this migration's
// down removes exactly what its up made, on a database where every later migration is applied too.

describe(CreateHardshipAssistance1767916800000.name, () => {
  let database: TestDatabase;
  let owner: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = await new DataSource({ ...dataSourceOptions({ url: database.url, poolSize: 2, applicationName: 'tiaojie-test-owner' }), logging: false }).initialize();
  });

  afterAll(async () => {
    await owner?.destroy();
    await database?.drop();
  });

  const objects = async () =>
    (await owner.query(
      `SELECT (SELECT count(*)::int FROM pg_class WHERE relname LIKE '%assistance_records%') AS relations,
              (SELECT count(*)::int FROM pg_proc WHERE proname = 'assistance_records_guard') AS functions,
              (SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) FROM information_schema.role_table_grants
                WHERE table_name = 'assistance_records' AND grantee = 'tiaojie_app') AS app_privileges`,
    )) as { relations: number; functions: number; app_privileges: string | null }[];

  it('goes down to nothing and up again to the same table, indexes, trigger function and application privileges', async () => {
    const migration = new CreateHardshipAssistance1767916800000();
    const before = await objects();
    // Records are never deleted: the application role keeps SELECT, INSERT and UPDATE only.
    expect(before[0]).toMatchObject({ functions: 1, app_privileges: 'INSERT,SELECT,UPDATE' });
    expect(before[0].relations).toBeGreaterThan(1);

    const runner = owner.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await objects()).toEqual([{ relations: 0, functions: 0, app_privileges: null }]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await objects()).toEqual(before);
  });
});
