import { DataSource } from 'typeorm';
import type { DeadlineEntry } from '../../src/cases/machine/case.context';
import { FixedClock } from '../../src/common/clock/clock';
import { DeadlineProjection } from '../../src/deadlines/deadline-projection';
import { createCase, INTAKE_NOW, type CaseDetail } from '../factories/case.factory';
import { createSignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe(DeadlineProjection.name, () => {
  let t: TestApp;
  let projection: DeadlineProjection;
  let dataSource: DataSource;
  const clock = new FixedClock(new Date(INTAKE_NOW));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    projection = t.app.get(DeadlineProjection);
    dataSource = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t.close();
  });

  async function newCase(): Promise<CaseDetail> {
    return createCase(t, await createSignedInUser(t, { role: 'SUPERVISOR' }));
  }

  const storedEntries = async (caseId: string): Promise<DeadlineEntry[]> => {
    const [{ snapshot }] = (await dataSource.query('SELECT snapshot FROM cases WHERE id = $1', [caseId])) as { snapshot: { context: { deadlines: DeadlineEntry[] } } }[];
    return snapshot.context.deadlines;
  };

  const sync = (caseId: string, entries: readonly DeadlineEntry[]) => dataSource.transaction((tx) => projection.sync(tx, caseId, entries));

  it('keeps one row per entry key, with a stable id across syncs', async () => {
    const created = await newCase();
    const entries = await storedEntries(created.id);
    const before = await projection.listForCase(dataSource.manager, created.id);

    await sync(created.id, entries);

    const after = await projection.listForCase(dataSource.manager, created.id);
    expect(after.map((row) => [row.key, row.id])).toEqual(before.map((row) => [row.key, row.id]));
    expect(after.map((row) => row.updatedAt)).toEqual(before.map((row) => row.updatedAt));
  });

  it('follows a changed entry and appends a new one after the others', async () => {
    const created = await newCase();
    const [acceptance, period, ...rest] = await storedEntries(created.id);
    clock.advance(60_000);
    const consent: DeadlineEntry = { ...acceptance, key: 'RESPONDENT_CONSENT#1', kind: 'RESPONDENT_CONSENT', dueOn: acceptance.dueOn };

    await sync(created.id, [{ ...acceptance, status: 'MET' }, { ...period, pausedSince: period.startsOn }, ...rest, consent]);

    const rows = await projection.listForCase(dataSource.manager, created.id);
    expect(rows.map((row) => [row.key, row.status, row.pausedSince])).toEqual([
      ['ACCEPTANCE_DECISION#1', 'MET', null],
      ['MEDIATION_PERIOD#1', 'PENDING', period.startsOn],
      ['ARBITRATION_LIMITATION#1', 'PENDING', null],
      ['RESPONDENT_CONSENT#1', 'PENDING', null],
    ]);
    expect(rows[0].updatedAt.getTime()).toBeGreaterThan(rows[2].updatedAt.getTime());
  });

  it('never moves a row out of a final status, which a timer may have set first', async () => {
    const created = await newCase();
    const entries = await storedEntries(created.id);
    await dataSource.query(`UPDATE deadlines SET status = 'MISSED' WHERE case_id = $1 AND key = 'ACCEPTANCE_DECISION#1'`, [created.id]);

    await sync(created.id, entries);

    const rows = await projection.listForCase(dataSource.manager, created.id);
    expect(rows.find((row) => row.key === 'ACCEPTANCE_DECISION#1')?.status).toBe('MISSED');
  });

  it('reads legal dates back as YYYY-MM-DD strings', async () => {
    const created = await newCase();

    const [row] = await projection.listForCase(dataSource.manager, created.id);

    expect(row).toMatchObject({ startsOn: '2026-09-16', dueOn: '2026-09-20', calendarVerified: true, instalmentNo: null, supersedes: null });
  });

  it('writes nothing when the transaction rolls back', async () => {
    const created = await newCase();
    const entries = await storedEntries(created.id);

    await expect(
      dataSource.transaction(async (tx) => {
        await projection.sync(tx, created.id, [{ ...entries[0], status: 'MET' }]);
        throw new Error('the command failed later');
      }),
    ).rejects.toThrow('the command failed later');

    const rows = await projection.listForCase(dataSource.manager, created.id);
    expect(rows[0].status).toBe('PENDING');
  });
});
