import { PgBoss } from 'pg-boss';
import { applicationRole, runMigrations } from '../../src/database/migrate';
import { DEADLINE_TIMER_QUEUE, JOB_SCHEMA } from '../../src/jobs/job-queues';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

describe('job queue schema', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('lets the application role send and work jobs without any DDL of its own', async () => {
    const role = await applicationRole(database.url);
    expect(role).toBe('tiaojie_app');
    const boss = new PgBoss({ connectionString: database.url, schema: JOB_SCHEMA, options: `-c role=${role}`, migrate: false, createSchema: false, supervise: false, schedule: false } as ConstructorParameters<typeof PgBoss>[0]);
    boss.on('error', (error) => { throw error; });
    await boss.start();
    try {
      const [who] = (await boss.getDb().executeSql('SELECT current_user AS role')).rows as { role: string }[];
      expect(who.role).toBe('tiaojie_app');
      const id = await boss.send(DEADLINE_TIMER_QUEUE, { probe: true }, { singletonKey: 'probe' });
      expect(id).toEqual(expect.any(String));
      expect(await boss.send(DEADLINE_TIMER_QUEUE, { probe: true }, { singletonKey: 'probe' })).toBeNull();
      const [job] = await boss.fetch(DEADLINE_TIMER_QUEUE);
      expect(job).toMatchObject({ id, data: { probe: true } });
      await boss.complete(DEADLINE_TIMER_QUEUE, job.id);
    } finally {
      await boss.stop({ graceful: false, close: true });
    }
  });

  it('installs again over an installed schema without error', async () => {
    await expect(runMigrations(database.url)).resolves.toEqual([]);
  });
});
