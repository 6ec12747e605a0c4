import type { SummaryCounts, SummaryReport } from './summary-report';
import { summaryTables } from './summary-tables';

const COUNTS: SummaryCounts = {
  received: 2, workersCovered: 13, collectiveCases: 1, open: 1,
  outcomes: { resolved: 1, failed: 0, withdrawn: 0, referred: 0, rejected: 0, total: 1 },
  successRate: 1, agreements: 1, averageDaysToAgreement: 12, p90DaysToAgreement: 12,
  amounts: { claimed: '186000.10', agreed: '0.30', paid: '0.10' },
};

const REPORT: SummaryReport = {
  from: '2026-07-01', to: '2026-09-30', timeZone: 'Asia/Shanghai', currency: 'CNY', generatedAt: '2026-10-02T02:00:00.000Z', groupBy: null,
  totals: COUNTS,
  receivedBySource: [{ key: 'WALK_IN', label: '来访申请', count: 2 }],
  receivedByClaimType: [{ key: 'WAGE_ARREARS', label: '拖欠工资', count: 1, claimed: '186000.10' }],
  openByState: [], openByRiskLevel: [],
  deadlinesMissed: { total: 0, byKind: [] },
  judicialConfirmations: { requested: 1, granted: 0, refused: 0 },
  assistance: { count: 2, people: 13, amount: '2400.50' },
  groups: [],
};

describe(summaryTables.name, () => {
  it('lays out the totals as indicator rows, amounts as the exact strings of the JSON', () => {
    const totals = summaryTables(REPORT).find((table) => table.title === '总体指标')!;
    expect(totals.headers).toEqual(['指标', '数值']);
    expect(totals.rows).toContainEqual([{ kind: 'text', value: '协议金额（元）' }, { kind: 'money', value: '0.30' }]);
    expect(totals.rows).toContainEqual([{ kind: 'text', value: '调解成功率' }, { kind: 'percent', value: 1 }]);
  });

  it('adds the approved hardship assistance to the totals, and leaves it out of a court liaison’s report', () => {
    const rowsOf = (report: SummaryReport) => summaryTables(report).find((table) => table.title === '总体指标')!.rows;
    expect(rowsOf(REPORT).slice(-3)).toEqual([
      [{ kind: 'text', value: '困难帮扶次数（已批准）' }, { kind: 'integer', value: 2 }],
      [{ kind: 'text', value: '困难帮扶人数' }, { kind: 'integer', value: 13 }],
      [{ kind: 'text', value: '困难帮扶金额（元）' }, { kind: 'money', value: '2400.50' }],
    ]);
    const forLiaison = rowsOf({ ...REPORT, assistance: null });
    expect(forLiaison.map(([name]) => name.value)).not.toContain('困难帮扶人数');
    expect(forLiaison).toHaveLength(rowsOf(REPORT).length - 3);
  });

  it('adds a group table only when the report is grouped, one column per main count', () => {
    expect(summaryTables(REPORT).map((table) => table.title)).not.toContain('按受理月份分组');
    const grouped = summaryTables({ ...REPORT, groupBy: 'month', groups: [{ key: '2026-07', label: '2026-07', ...COUNTS }] });
    const table = grouped[grouped.length - 1];
    expect(table.title).toBe('按受理月份分组');
    expect(table.rows[0]).toHaveLength(table.headers.length);
    expect(table.rows[0].slice(-3)).toEqual([{ kind: 'money', value: '186000.10' }, { kind: 'money', value: '0.30' }, { kind: 'money', value: '0.10' }]);
  });

  it('keeps every sheet name within what Excel allows', () => {
    const grouped = summaryTables({ ...REPORT, groupBy: 'mediator' });
    for (const { title } of grouped) {
      expect(title.length).toBeLessThanOrEqual(31);
      expect(title).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
