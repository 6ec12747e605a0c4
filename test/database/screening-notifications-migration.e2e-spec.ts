import type { QueryRunner } from 'typeorm';
import { AddScreeningNotifications1768089600000 } from '../../migrations/1768089600000-AddScreeningNotifications';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { withOwnerRunner } from '../helpers/owner-runner';

describe(AddScreeningNotifications1768089600000.name, () => {
  let t: TestApp;
  let supervisor: SignedInUser;
  let screeningId: string;
  const migration = new AddScreeningNotifications1768089600000();

  const sql = async <T>(text: string, params: unknown[] = []) => (await (await t.owner()).query(text, params)) as T[];
  const notice = (kind: string, screening: string | null) =>
    sql(
      `INSERT INTO notifications (recipient_id, organization_id, kind, screening_id, title, body, created_at)
       VALUES ($1, $2, $3, $4, '风险排查新增预警 1 条（截至 2026-09-24）', '2026-09-24 风险排查新增预警 1 条', now())`,
      [supervisor.user.id, supervisor.user.organizationId, kind, screening],
    );
  const withRunner = (work: (runner: QueryRunner) => Promise<unknown>) => withOwnerRunner(t, work);

  beforeAll(async () => {
    t = await createTestApp();
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    [{ id: screeningId }] = await sql<{ id: string }>(
      `INSERT INTO risk_screenings (organization_id, as_of, trigger, run_by, windows, rule_set_version, cases_screened, counts, alerts_raised, created_at)
       VALUES ($1, '2026-09-24', 'ON_DEMAND', $2, '[]', 1, 0, '{}', 0, now()) RETURNING id`,
      [supervisor.user.organizationId, supervisor.user.id],
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets only a screening digest name a screening, and a digest always names one', async () => {
    await expect(notice('ALERT_RAISED', screeningId)).rejects.toThrow(/chk_notifications_screening/);
    await expect(notice('SCREENING_ALERTS', null)).rejects.toThrow(/chk_notifications_screening/);
    await expect(notice('SCREENING_ALERTS', screeningId)).resolves.toBeDefined();
  });

  it('refuses to go down while digests exist, and goes down and up again once there are none', async () => {
    await withRunner((runner) => expect(migration.down(runner)).rejects.toThrow(/screening digests/));
    await sql(`DELETE FROM notifications WHERE kind = 'SCREENING_ALERTS'`);
    await withRunner((runner) => migration.down(runner));
    expect(await sql(`SELECT 1 FROM information_schema.columns WHERE table_name = 'notifications' AND column_name = 'screening_id'`)).toEqual([]);
    const oldKinds = await sql<{ definition: string }>(`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'chk_notifications_kind'`);
    expect(oldKinds[0].definition).not.toContain('SCREENING_ALERTS');
    await withRunner((runner) => migration.up(runner));
    await expect(notice('SCREENING_ALERTS', screeningId)).resolves.toBeDefined();
  });
});
