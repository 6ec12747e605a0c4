import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { LEDGER_HEADERS } from '../../src/risk-assessment/ledger-file';
import { ledgerBatches } from '../../src/risk-assessment/screening-ledger';
import { assignMediator, collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createSignedInUser, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import { parseCsv, sectionsOf } from '../reports/csv-reader';

interface LedgerRow {
  caseId: string;
  caseNumber: string;
  level: string;
}

describe("a screening's ledger as a file", () => {
  let t: TestApp;
  let head: SignedInUser;
  let desk: SignedInUser;
  let outsider: SignedInUser;
  let screeningId: string;
  let ledger: LedgerRow[];
  let organizationName: string;
  const helpedCases: string[] = [];

  const query = async <T>(sql: string, params: unknown[] = []) => (await t.app.get(DataSource).query(sql, params)) as T[];
  const files = { csv: (id: string) => `/api/risk-screenings/${id}/ledger.csv`, xlsx: (id: string) => `/api/risk-screenings/${id}/ledger.xlsx` };
  const exported = (format: 'csv' | 'xlsx', search = '', user = head) =>
    t.request({ method: 'GET', url: `${files[format](screeningId)}${search}`, headers: { ...user.auth, 'x-request-id': `ledger-${format}-${search.replace(/\W/g, '')}` } });
  const exportAudits = () =>
    query<{ action: string; category: string; actor_user_id: string; request_id: string; payload: Record<string, unknown> }>(
      `SELECT action, category, actor_user_id, request_id, payload FROM audit_entries WHERE action = 'LEDGER_EXPORTED' AND org_id = $1 ORDER BY seq`,
      [head.user.organizationId],
    );

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date(INTAKE_NOW)) });
    head = await createSignedInUser(t, { role: 'SUPERVISOR' });
    desk = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: head.user.organizationId });
    outsider = await createSignedInUser(t, { role: 'SUPERVISOR' });
    for (let i = 0; i < 3; i += 1) {
      const { id } = await createCase(t, desk, collectiveCaseBody());
      await assignMediator(t, id, desk.user.id);
      helpedCases.push(id);
    }
    await createCase(t, desk, individualCaseBody());
    const relief = { applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '2000.00', givenOn: '2026-09-20', note: '家中老人住院，生活困难' };
    const proposed = await t.request({ method: 'POST', url: `/api/cases/${helpedCases[0]}/assistance`, headers: desk.auth, payload: relief });
    expect(proposed.statusCode).toBe(201);
    const posted = await t.request({ method: 'POST', url: '/api/risk-screenings', payload: { asOf: '2026-09-24' }, headers: { ...head.auth, prefer: 'return=minimal' } });
    screeningId = (posted.json() as { id: string }).id;
    ledger = ((await t.request({ method: 'GET', url: `/api/risk-screenings/${screeningId}/cases`, headers: head.auth })).json() as { items: LedgerRow[] }).items;
    expect(ledger.map((row) => row.level)).toEqual(['RED', 'RED', 'RED', 'YELLOW']);
    [{ name: organizationName }] = await query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [head.user.organizationId]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('downloads the whole ledger as CSV in its order, under the screening\'s facts, and audits the export', async () => {
    const res = await exported('csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="tiaojie-ledger_2026-09-24.csv"; filename*=UTF-8''${encodeURIComponent('风险排查台账_2026-09-24.csv')}`,
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const [about, table] = sectionsOf(parseCsv(res.body.slice(1)));
    expect(about.title).toBe('风险排查台账');
    const facts = new Map(about.rows.map(([item, value]) => [item, value]));
    expect(Object.fromEntries(['单位', '排查日期', '发起人', '导出范围'].map((item) => [item, facts.get(item)]))).toEqual({
      单位: organizationName,
      排查日期: '2026-09-24',
      发起人: head.user.displayName,
      导出范围: '全部等级，共 4 件',
    });
    expect(table).toMatchObject({ title: '台账', header: [...LEDGER_HEADERS] });
    expect(table.rows.map((row) => [row[0], row[1], row[4]])).toEqual(ledger.map((row, i) => [String(i + 1), row.caseNumber, { RED: '红色', YELLOW: '黄色' }[row.level]]));
    expect(table.rows.slice(0, 3).map((row) => row[3])).toEqual([desk.user.displayName, desk.user.displayName, desk.user.displayName]);
    expect(table.rows.slice(0, 3).map((row) => row[7]).sort()).toEqual(['帮扶待审批', '未帮扶', '未帮扶']);
    expect(table.rows[3][7]).toBe('');

    expect(await exportAudits()).toEqual([
      {
        action: 'LEDGER_EXPORTED',
        category: 'REPORT',
        actor_user_id: head.user.id,
        request_id: 'ledger-csv-',
        payload: { screeningId, asOf: '2026-09-24', format: 'CSV', level: null, rows: 4 },
      },
    ]);
  });

  it('downloads one level as an Excel workbook whose rows are that level of the ledger', async () => {
    const res = await exported('xlsx', '?level=RED');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename="tiaojie-ledger_2026-09-24_RED.xlsx"`);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('风险排查台账_2026-09-24_红色.xlsx'));
    const workbook = new Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('台账')!;
    expect(sheet.getCell('A1').value).toBe(`${organizationName} 风险排查台账`);
    expect(sheet.getRow(3).values).toEqual([undefined, ...LEDGER_HEADERS]);
    const numbers = [4, 5, 6].map((row) => sheet.getCell(`B${row}`).value);
    expect(numbers).toEqual(ledger.filter((row) => row.level === 'RED').map((row) => row.caseNumber));
    expect(sheet.rowCount).toBe(6);
    expect(workbook.getWorksheet('排查信息')!.getColumn(2).values).toContain('仅红色，共 3 件');
    expect((await exportAudits()).at(-1)).toMatchObject({ request_id: 'ledger-xlsx-levelRED', payload: { format: 'XLSX', level: 'RED', rows: 3 } });
  });

  it('reads a ledger longer than a batch whole and in order, through its cursor', async () => {
    const dataSource = t.app.get(DataSource);
    for (const size of [2, 3, 4, 10]) {
      const batches = await dataSource.transaction(async (tx) => {
        const read: string[][] = [];
        for await (const batch of ledgerBatches(tx, { id: screeningId, casesScreened: 4, counts: { RED: 3, ORANGE: 0, YELLOW: 1, BLUE: 0 } }, undefined, size)) read.push(batch.map((row) => row.caseNumber));
        return read;
      });
      expect(batches.flat()).toEqual(ledger.map((row) => row.caseNumber));
      expect(batches.map((batch) => batch.length)).toEqual({ 2: [2, 2], 3: [3, 1], 4: [4], 10: [4] }[size]);
    }
  });

  it('refuses an unknown level, a mediator and another organization, and records no export for them', async () => {
    const before = (await exportAudits()).length;
    const bad = await exported('csv', '?level=PURPLE');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'level' })] });
    expect((await exported('xlsx', '?page=2')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await exported('csv', '', desk)).statusCode).toBe(403);
    expect((await exported('xlsx', '', outsider)).json()).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await t.request({ method: 'GET', url: '/api/risk-screenings/not-a-screening/ledger.csv', headers: head.auth });
    expect(unknown.statusCode).toBe(404);
    expect(await exportAudits()).toHaveLength(before);
  });
});
