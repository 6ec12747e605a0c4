import { HARDSHIP_SQL } from '../../src/risk-assessment/screening-ledger';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('ix_risk_screening_cases_hardship', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  // A partial index serves only a query whose condition implies its predicate: were HARDSHIP_SQL written otherwise,
  // every ledger page would scan the whole ledger again without anything failing.
  it("serves the ledger's hardship counts", async () => {
    const runner = (await t.owner()).createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_seqscan = off');
      const plan = (await runner.query(
        `EXPLAIN SELECT count(*) FROM risk_screening_cases r WHERE r.screening_id = '00000000-0000-4000-8000-000000000000' AND ${HARDSHIP_SQL}`,
      )) as { 'QUERY PLAN': string }[];
      expect(plan.map((line) => line['QUERY PLAN']).join('\n')).toContain('ix_risk_screening_cases_hardship');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
