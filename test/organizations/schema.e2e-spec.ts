import { DataSource } from 'typeorm';
import { CreateOrganizationsAndUsers1767225600000 } from '../../migrations/1767225600000-CreateOrganizationsAndUsers';
import { dataSourceOptions } from '../../src/database/data-source';
import { createTestDatabase, TestDatabase } from '../helpers/test-database';

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

describe(CreateOrganizationsAndUsers1767225600000.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    // Only this migration, so that later migrations do not change what "up" and "down" leave behind.
    const options = { ...dataSourceOptions({ url: database.url, poolSize: 2 }), migrations: [CreateOrganizationsAndUsers1767225600000] };
    dataSource = await new DataSource({ ...options, logging: false }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function tables(): Promise<string[]> {
    const rows = (await dataSource.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) as { tablename: string }[];
    return rows.map((r) => r.tablename);
  }

  async function insertOrganization(kind: string, prefix: string): Promise<string> {
    const [row] = (await dataSource.query(
      "INSERT INTO organizations (name, kind, region, case_number_prefix) VALUES ('测试', $1, '吉林省', $2) RETURNING id",
      [kind, prefix],
    )) as { id: string }[];
    return row.id;
  }

  function insertUser(username: string, role: string, organizationId: string): Promise<unknown> {
    return dataSource.query(
      "INSERT INTO users (username, display_name, role, organization_id, password_hash, credentials_changed_at) VALUES ($1, '测试', $2, $3, $4, now())",
      [username, role, organizationId, DUMMY_HASH],
    );
  }

  it('goes up and down cleanly, and up again', async () => {
    await dataSource.runMigrations({ transaction: 'all' });
    expect(await tables()).toEqual(['login_failures', 'organizations', 'schema_migrations', 'users']);
    await dataSource.undoLastMigration({ transaction: 'all' });
    expect(await tables()).toEqual(['schema_migrations']);
    const functions = (await dataSource.query("SELECT proname FROM pg_proc WHERE proname LIKE '%_check_%fit%'")) as unknown[];
    expect(functions).toEqual([]);
    await dataSource.runMigrations({ transaction: 'all' });
    expect(await tables()).toContain('users');
  });

  describe('with the schema in place', () => {
    beforeAll(async () => {
      if (!(await tables()).includes('users')) await dataSource.runMigrations({ transaction: 'all' });
    });

    it('refuses a court liaison in a union organization even when the service is bypassed', async () => {
      const union = await insertOrganization('UNION', 'SCHA');
      await expect(insertUser('liaison1', 'COURT_LIAISON', union)).rejects.toThrow(/does not fit/);
      await insertUser('mediator1', 'MEDIATOR', union);
      await expect(dataSource.query("UPDATE users SET role = 'COURT_LIAISON' WHERE username = 'mediator1'")).rejects.toThrow(/does not fit/);
    });

    it('refuses to change the kind of an organization whose users would no longer fit', async () => {
      const union = await insertOrganization('UNION', 'SCHB');
      await insertUser('mediator2', 'MEDIATOR', union);
      await expect(dataSource.query("UPDATE organizations SET kind = 'COURT' WHERE id = $1", [union])).rejects.toThrow(/do not fit/);
      const empty = await insertOrganization('UNION', 'SCHC');
      await expect(dataSource.query("UPDATE organizations SET kind = 'COURT' WHERE id = $1", [empty])).resolves.toBeDefined();
    });

    it('keeps usernames lower-case and well-formed, and prefixes to 2–6 capitals', async () => {
      const union = await insertOrganization('UNION', 'SCHD');
      await expect(insertUser('WangJH', 'MEDIATOR', union)).rejects.toThrow(/chk_users_username/);
      await expect(insertUser('9lives', 'MEDIATOR', union)).rejects.toThrow(/chk_users_username/);
      await expect(insertOrganization('UNION', 'ly')).rejects.toThrow(/chk_organizations_case_number_prefix/);
      await expect(insertOrganization('TRIBUNAL', 'SCHE')).rejects.toThrow(/chk_organizations_kind/);
    });

    it('refuses to delete an organization that still has users', async () => {
      const union = await insertOrganization('UNION', 'SCHF');
      await insertUser('mediator3', 'MEDIATOR', union);
      await expect(dataSource.query('DELETE FROM organizations WHERE id = $1', [union])).rejects.toThrow(/fk_users_organization/);
    });
  });
});
