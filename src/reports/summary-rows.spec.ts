import { toDistributions, toGroups, type CountsRow, type GroupRow } from './summary-rows';

const ZERO_ROW: CountsRow = {
  received: 0, workersCovered: 0, collectiveCases: 0, open: 0, resolved: 0, failed: 0, withdrawn: 0, referred: 0, rejected: 0, closed: 0,
  agreements: 0, averageDays: null, p90Days: null, claimed: '0.00', agreed: '0.00', paid: '0.00', successRate: null,
};

const group = (key: string | null, label: string | null, row: Partial<CountsRow> = {}): GroupRow => ({ ...ZERO_ROW, ...row, key, label });

describe('summary rows', () => {
  it('lists every source, state, level and deadline kind, with zeros where the query found none', () => {
    const d = toDistributions([
      { dimension: 'source', key: 'HOTLINE', count: 2, amount: null },
      { dimension: 'claimType', key: 'OVERTIME', count: 1, amount: '0.30' },
      { dimension: 'judicialConfirmation', key: 'GRANTED', count: 1, amount: null },
      { dimension: 'deadlineMissed', key: 'PAYMENT_DUE', count: 2, amount: null },
      { dimension: 'deadlineMissed', key: 'COURT_DECISION', count: 1, amount: null },
    ]);
    expect(d.receivedBySource).toHaveLength(7);
    expect(d.receivedBySource.find((s) => s.key === 'HOTLINE')).toEqual({ key: 'HOTLINE', label: '热线（12351）', count: 2 });
    expect(d.receivedBySource.find((s) => s.key === 'WRITTEN')?.count).toBe(0);
    expect(d.receivedByClaimType.find((c) => c.key === 'OVERTIME')).toEqual({ key: 'OVERTIME', label: '加班费', count: 1, claimed: '0.30' });
    expect(d.receivedByClaimType.find((c) => c.key === 'OTHER')).toEqual({ key: 'OTHER', label: '其他', count: 0, claimed: '0.00' });
    expect(d.openByState.map((s) => s.key)).toEqual([
      'intake.registered', 'intake.awaitingConsent', 'mediation.active', 'mediation.suspended',
      'agreement.signing', 'agreement.effective', 'agreement.judicialReview', 'agreement.confirmed', 'agreement.defaulted',
    ]);
    expect(d.openByRiskLevel.map((l) => l.key)).toEqual(['BLUE', 'YELLOW', 'ORANGE', 'RED']);
    expect(d.deadlinesMissed.total).toBe(3);
    expect(d.judicialConfirmations).toEqual({ requested: 0, granted: 1, refused: 0 });
  });

  it('passes the numbers of PostgreSQL through, amounts as strings and rates and days as numbers', () => {
    const [g] = toGroups('source', [group('WALK_IN', null, { resolved: 1, closed: 2, successRate: '0.5000', averageDays: '11.7', p90Days: 14, agreed: '30000.30' })]);
    expect(g).toMatchObject({ key: 'WALK_IN', label: '来访申请', successRate: 0.5, averageDaysToAgreement: 11.7, p90DaysToAgreement: 14 });
    expect(g.outcomes).toEqual({ resolved: 1, failed: 0, withdrawn: 0, referred: 0, rejected: 0, total: 2 });
    expect(g.amounts.agreed).toBe('30000.30');
  });

  it('orders codes as the vocabulary does, months in time order, mediators by name with the unassigned last', () => {
    expect(toGroups('outcome', [group('OPEN', null), group('REJECTED', null), group('RESOLVED', null)]).map((g) => g.key)).toEqual(['RESOLVED', 'REJECTED', 'OPEN']);
    expect(toGroups('month', [group('2026-09', null), group('2025-12', null)]).map((g) => g.key)).toEqual(['2025-12', '2026-09']);
    expect(toGroups('mediator', [group(null, null), group('b', '王芳'), group('a', '李明')]).map((g) => g.label)).toEqual(['李明', '王芳', '未分配调解员']);
  });
});
