import { PgBoss } from 'pg-boss';
import { Client } from 'pg';
import { JOB_QUEUES, JOB_SCHEMA } from './job-queues';

/**
 * Installs or upgrades pg-boss's schema and creates the service's queues, as the connecting (owner) user, then lets
 * the application's role use them. The running service never does DDL: its own PgBoss starts with migrate and
 * createSchema off.
 */
export async function installJobSchema(url: string, applicationRole: string | undefined): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: JOB_SCHEMA, max: 2, application_name: 'tiaojie-migrate', supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const { name, ...options } of JOB_QUEUES) {
      // A queue's policy is fixed at creation; the other options follow the code on every install.
      const { policy: _policy, partition: _partition, ...changeable } = options;
      if (await boss.getQueue(name)) await boss.updateQueue(name, changeable);
      else await boss.createQueue(name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  if (applicationRole !== undefined) await grantJobSchema(url, applicationRole);
}

async function grantJobSchema(url: string, role: string): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'tiaojie-migrate' });
  await client.connect();
  try {
    await client.query(`
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${role};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${role};
      GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${role};`);
  } finally {
    await client.end();
  }
}
