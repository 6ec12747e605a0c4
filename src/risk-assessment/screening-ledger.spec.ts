import type { EntityManager } from 'typeorm';
import { compareLedgerRows, insertLedger, ledgerPositions, type ScreenedCase } from './screening-ledger';

const row = (caseNumber: string, level: ScreenedCase['level']): ScreenedCase => ({
  caseId: caseNumber,
  caseNumber,
  state: 'mediation.active',
  mediator: null,
  level,
  baseLevel: level,
  reasons: [],
});

describe(compareLedgerRows.name, () => {
  it('puts the most serious first, then orders by case number', () => {
    const ledger = [row('LY-2026-000003', 'BLUE'), row('LY-2026-000002', 'RED'), row('LY-2026-000001', 'BLUE'), row('LY-2026-000004', 'ORANGE')].sort(compareLedgerRows);
    expect(ledger.map((c) => c.caseNumber)).toEqual(['LY-2026-000002', 'LY-2026-000004', 'LY-2026-000001', 'LY-2026-000003']);
  });
});

describe(insertLedger.name, () => {
  it('refuses a ledger out of order before writing anything: the rows are stored with their place in it', async () => {
    const query = jest.fn();
    const tx = { query } as unknown as EntityManager;
    await expect(insertLedger(tx, 's1', [row('LY-2026-000001', 'BLUE'), row('LY-2026-000002', 'RED')])).rejects.toThrow(/not in ledger order at row 2/);
    expect(query).not.toHaveBeenCalled();
  });
});

describe(ledgerPositions.name, () => {
  const ledger = { id: 's1', casesScreened: 10, counts: { RED: 2, ORANGE: 0, YELLOW: 5, BLUE: 3 } };

  it('finds each level as the run of positions after the more serious ones', () => {
    expect(ledgerPositions(ledger, 'RED')).toEqual({ after: 0, last: 2 });
    expect(ledgerPositions(ledger, 'ORANGE')).toEqual({ after: 2, last: 2 });
    expect(ledgerPositions(ledger, 'YELLOW')).toEqual({ after: 2, last: 7 });
    expect(ledgerPositions(ledger, 'BLUE')).toEqual({ after: 7, last: 10 });
  });

  it('spans the whole ledger without a level', () => {
    expect(ledgerPositions(ledger, undefined)).toEqual({ after: 0, last: 10 });
  });
});
