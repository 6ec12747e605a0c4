import { LEDGER_HARDSHIP_SQL, LEDGER_ROWS_SQL } from '../../src/risk-assessment/screening-ledger';
import { withOwnerRunner } from '../helpers/owner-runner';
import { createTestApp, type TestApp } from '../helpers/test-app';

const SCREENING = '00000000-0000-4000-8000-000000000000';

describe("the plans of a screening ledger's reads", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  // On an empty table the planner would scan it whatever the statement says; what is checked is that it could do better.
  const planOf = (sql: string, params: unknown[]) =>
    withOwnerRunner(t, async (runner) => {
      await runner.query('SET enable_seqscan = off');
      try {
        return ((await runner.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[]).map((line) => line['QUERY PLAN']).join('\n');
      } finally {
        await runner.query('RESET enable_seqscan');
      }
    });

  // A partial index serves only a query whose condition implies its predicate: were the statement written otherwise,
  // every ledger page would scan the whole ledger again without anything failing.
  it("serves the ledger's hardship counts from ix_risk_screening_cases_hardship", async () => {
    expect(await planOf(LEDGER_HARDSHIP_SQL, [SCREENING])).toContain('ix_risk_screening_cases_hardship');
  });

  // A page deep in a city's ledger then costs what the first one does, where OFFSET walked every row before it.
  it('reads a page as a run of positions along the key', async () => {
    const plan = await planOf(`${LEDGER_ROWS_SQL} LIMIT 100`, [SCREENING, 'YELLOW', 50_000, 50_100]);
    expect(plan).toMatch(/Index Scan using pk_risk_screening_cases .*\n.*Index Cond: \(\(screening_id = '[0-9a-f-]+'::uuid\) AND \("position" > 50000\) AND \("position" <= 50100\)\)/);
  });
});
