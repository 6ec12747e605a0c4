import { LEDGER_HARDSHIP_SQL } from '../../src/risk-assessment/screening-ledger';
import { withOwnerRunner } from '../helpers/owner-runner';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('ix_risk_screening_cases_hardship', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  // A partial index serves only a query whose condition implies its predicate: were the statement written otherwise,
  // every ledger page would scan the whole ledger again without anything failing.
  it("serves the ledger's hardship counts", async () => {
    const plan = await withOwnerRunner(t, async (runner) => {
      await runner.query('SET enable_seqscan = off');
      try {
        return (await runner.query(`EXPLAIN ${LEDGER_HARDSHIP_SQL}`, ['00000000-0000-4000-8000-000000000000'])) as { 'QUERY PLAN': string }[];
      } finally {
        await runner.query('RESET enable_seqscan');
      }
    });
    expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain('ix_risk_screening_cases_hardship');
  });
});
