import { Workbook } from 'exceljs';
import { UTF8_BOM } from '../reports/csv';
import { csvLedgerWriter, LEDGER_HEADERS, ledgerFacts, ledgerRowValues, localTime, type LedgerFileHead, xlsxLedgerWriter } from './ledger-file';
import type { LedgerCase } from './screening-ledger';

const HEAD: LedgerFileHead = {
  organizationName: '辽源市总工会劳动争议调解工作室',
  screening: {
    id: 'a0f7c8e2-1b7e-4c55-9d0e-6b1a3f1e2d01',
    organizationId: '5d3c0b7a-8f41-4f0e-9a57-0c1f3d2b8e11',
    asOf: '2026-12-01',
    trigger: 'SCHEDULED',
    by: null,
    windows: [{ id: 'w1', name: '2026—2027年度冬季根治欠薪', kind: 'WINTER_WAGE_CAMPAIGN', startsOn: '2026-11-15', endsOn: '2027-02-05', phase: 'inPeriod' }],
    ruleSetVersion: 3,
    casesScreened: 2,
    counts: { BLUE: 0, YELLOW: 1, ORANGE: 0, RED: 1 },
    alertsRaised: 2,
    createdAt: '2026-12-01T00:00:03.000Z',
  },
  level: undefined,
  exportedAt: new Date('2026-12-02T06:30:00.000Z'),
  exportedBy: '王建华',
  timeZone: 'Asia/Shanghai',
};

const RED_ROW: LedgerCase = {
  caseId: 'c1',
  caseNumber: 'LY-2026-000123',
  state: 'mediation.active',
  mediator: { id: 'm1', displayName: '李娜' },
  level: 'RED',
  baseLevel: 'ORANGE',
  reasons: [
    { ruleId: 'ARREARS_WINTER', text: '冬季根治欠薪期间拖欠工资 2 个月' },
    { ruleId: 'HARDSHIP', text: '涉及生活困难劳动者' },
  ],
  assistance: 'NONE',
};
const YELLOW_ROW: LedgerCase = { ...RED_ROW, caseId: 'c2', caseNumber: 'LY-2026-000124', state: 'intake.registered', mediator: null, level: 'YELLOW', baseLevel: 'YELLOW', reasons: [], assistance: null };

describe('the screening ledger as a file', () => {
  it("writes instants on the office's clock", () => {
    expect(localTime('2026-12-01T00:00:03.000Z', 'Asia/Shanghai')).toBe('2026-12-01 08:00:03');
    expect(localTime(new Date('2026-12-31T16:00:00.000Z'), 'Asia/Shanghai')).toBe('2027-01-01 00:00:00');
  });

  it("states the screening's facts and what part of the ledger the file holds", () => {
    const facts = new Map(ledgerFacts({ ...HEAD, level: 'RED' }, 1));
    expect(facts.get('单位')).toBe(HEAD.organizationName);
    expect(facts.get('方式')).toBe('每日自动');
    expect(facts.get('发起人')).toBe('系统');
    expect(facts.get('排查时间')).toBe('2026-12-01 08:00:03');
    expect(facts.get('风险等级分布')).toBe('红色 1，橙色 0，黄色 1，蓝色 0');
    expect(facts.get('所处敏感时期')).toBe('2026—2027年度冬季根治欠薪（2026-11-15–2027-02-05，期间）');
    expect(facts.get('导出范围')).toBe('仅红色，共 1 件');
    expect(facts.get('导出时间')).toBe('2026-12-02 14:30:00');
  });

  it("words a row as the console does: state, level and assistance in Chinese, an unassigned case's mediator named so", () => {
    expect(ledgerRowValues(RED_ROW, 1, '；')).toEqual([1, 'LY-2026-000123', '调解中', '李娜', '红色', '橙色', '冬季根治欠薪期间拖欠工资 2 个月；涉及生活困难劳动者', '未帮扶']);
    expect(ledgerRowValues(YELLOW_ROW, 2, '；')).toEqual([2, 'LY-2026-000124', '已登记', '未分配调解员', '黄色', '黄色', '', '']);
    expect(ledgerRowValues({ ...YELLOW_ROW, state: 'some.future.state' }, 3, '；')[2]).toBe('some.future.state');
  });

  it('writes CSV as the summary report does: BOM, CRLF, the facts, then the rows in the order given, formulas defused', async () => {
    const writer = csvLedgerWriter(HEAD);
    writer.rows([RED_ROW]);
    writer.rows([{ ...YELLOW_ROW, mediator: { id: 'm2', displayName: '=HYPERLINK("http://x")' } }]);
    const { body, rows } = await writer.finish();
    expect(rows).toBe(2);
    const text = body.toString('utf8');
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['风险排查台账', '项目,内容', `单位,${HEAD.organizationName}`]);
    expect(lines).toContain('导出范围,全部等级，共 2 件');
    const header = lines.indexOf(LEDGER_HEADERS.join(','));
    expect(lines[header - 2]).toBe('');
    expect(lines.slice(header + 1)).toEqual([
      '1,LY-2026-000123,调解中,李娜,红色,橙色,冬季根治欠薪期间拖欠工资 2 个月；涉及生活困难劳动者,未帮扶',
      `2,LY-2026-000124,已登记,"'=HYPERLINK(""http://x"")",黄色,黄色,,`,
      '',
    ]);
  });

  it('writes a workbook Excel reads back: the ledger sheet under its title and frozen header, reasons a line each, then the facts', async () => {
    const writer = xlsxLedgerWriter(HEAD);
    writer.rows([RED_ROW]);
    writer.rows([YELLOW_ROW]);
    const { body, rows } = await writer.finish();
    expect(rows).toBe(2);
    const workbook = new Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['台账', '排查信息']);
    const ledger = workbook.getWorksheet('台账')!;
    expect(ledger.getCell('A1').value).toBe(`${HEAD.organizationName} 风险排查台账`);
    expect(String(ledger.getCell('A2').value)).toContain('排查日期 2026-12-01');
    expect(ledger.getRow(3).values).toEqual([undefined, ...LEDGER_HEADERS]);
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ledger.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '3:3' });
    expect(ledger.getRow(4).values).toEqual([undefined, 1, 'LY-2026-000123', '调解中', '李娜', '红色', '橙色', '冬季根治欠薪期间拖欠工资 2 个月\n涉及生活困难劳动者', '未帮扶']);
    expect(ledger.getCell('A5').value).toBe(2);
    expect(ledger.rowCount).toBe(5);
    const facts = workbook.getWorksheet('排查信息')!;
    expect(facts.getRow(1).values).toEqual([undefined, '项目', '内容']);
    expect(facts.getColumn(1).values).toContain('导出范围');
    expect(facts.getColumn(2).values).toContain('全部等级，共 2 件');
  });

  it('writes the facts and the header of a ledger with no rows', async () => {
    const { body, rows } = await xlsxLedgerWriter(HEAD).finish();
    expect(rows).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('台账')!.rowCount).toBe(3);
    expect(workbook.getWorksheet('排查信息')!.getColumn(2).values).toContain('全部等级，共 0 件');
  });
});
