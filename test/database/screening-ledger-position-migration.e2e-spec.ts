import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { KeyScreeningLedgerByPosition1768348800000 } from '../../migrations/1768348800000-KeyScreeningLedgerByPosition';
import { createSignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { withOwnerRunner } from '../helpers/owner-runner';

describe(KeyScreeningLedgerByPosition1768348800000.name, () => {
  let t: TestApp;
  const migration = new KeyScreeningLedgerByPosition1768348800000();

  const sql = async <T>(text: string, params: unknown[] = []) => (await (await t.owner()).query(text, params)) as T[];
  const withRunner = (work: (runner: QueryRunner) => Promise<unknown>) => withOwnerRunner(t, work);

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('numbers the ledgers written before it in the order they were read in, each from 1, and keys them by it', async () => {
    const supervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    const screening = async () =>
      (
        await sql<{ id: string }>(
          `INSERT INTO risk_screenings (organization_id, as_of, trigger, run_by, windows, rule_set_version, cases_screened, counts, alerts_raised, created_at)
           VALUES ($1, '2026-09-24', 'ON_DEMAND', $2, '[]', 1, 0, '{}', 0, now()) RETURNING id`,
          [supervisor.user.organizationId, supervisor.user.id],
        )
      )[0].id;
    const [first, second] = [await screening(), await screening()];
    await withRunner((runner) => migration.down(runner));
    // Written out of order: YELLOW before RED, and within a level not by case number.
    const rows: [string, string, string][] = [
      [first, 'LY-2026-000010', 'YELLOW'],
      [first, 'LY-2026-000002', 'RED'],
      [second, 'LY-2026-000005', 'BLUE'],
      [first, 'LY-2026-000009', 'YELLOW'],
      [first, 'LY-2026-000100', 'RED'],
      [second, 'LY-2026-000004', 'ORANGE'],
    ];
    for (const [screeningId, caseNumber, level] of rows) {
      await sql(
        `INSERT INTO risk_screening_cases (screening_id, case_id, case_number, state, level, base_level, reasons) VALUES ($1, $2, $3, 'intake.registered', $4, $4, '[]')`,
        [screeningId, randomUUID(), caseNumber, level],
      );
    }
    await withRunner((runner) => migration.up(runner));

    const ledger = async (screeningId: string) =>
      (await sql<{ position: number; case_number: string }>('SELECT position, case_number FROM risk_screening_cases WHERE screening_id = $1 ORDER BY position', [screeningId])).map(
        (row) => [row.position, row.case_number],
      );
    expect(await ledger(first)).toEqual([
      [1, 'LY-2026-000002'],
      [2, 'LY-2026-000100'],
      [3, 'LY-2026-000009'],
      [4, 'LY-2026-000010'],
    ]);
    expect(await ledger(second)).toEqual([
      [1, 'LY-2026-000004'],
      [2, 'LY-2026-000005'],
    ]);
    const [key] = await sql<{ definition: string }>(`SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'pk_risk_screening_cases'`);
    expect(key.definition).toBe('PRIMARY KEY (screening_id, "position")');
    await expect(
      sql(`INSERT INTO risk_screening_cases (screening_id, position, case_id, case_number, state, level, base_level, reasons) VALUES ($1, 0, $2, 'LY-2026-000001', 'intake.registered', 'RED', 'RED', '[]')`, [
        first,
        randomUUID(),
      ]),
    ).rejects.toThrow(/chk_risk_screening_cases_position/);
  });
});
