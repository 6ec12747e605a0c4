import { Writable } from 'node:stream';
import { stream as excelStream, type Worksheet } from 'exceljs';
import { RISK_LEVELS, type RiskLevel } from '../cases/case-vocabulary';
import type { CaseState } from '../cases/machine/case.types';
import { csvFile, csvText } from '../reports/csv';
import { NO_MEDIATOR_LABEL } from '../reports/report-labels';
import { CASE_STATE_LABELS } from '../risk/risk-reason-text';
import type { RiskScreeningDto } from './dto/risk-screening.dto';
import { RISK_LEVEL_LABELS } from './risk-labels';
import type { AssistanceStanding, LedgerCase } from './screening-ledger';

// The screening ledger (台账) as the file a supervisor files or sends up to the federation: the screening's facts, then
// every row in the console's order and words. Both formats are written a batch of rows at a time.

export type LedgerFileFormat = 'csv' | 'xlsx';

export const LEDGER_CONTENT_TYPES: Record<LedgerFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What the file says above its rows. */
export interface LedgerFileHead {
  readonly organizationName: string;
  readonly screening: Omit<RiskScreeningDto, 'cases'>;
  /** The one level exported, or undefined for the whole ledger. */
  readonly level: RiskLevel | undefined;
  readonly exportedAt: Date;
  readonly exportedBy: string;
  readonly timeZone: string;
}

export interface LedgerFileWriter {
  rows(batch: readonly LedgerCase[]): void;
  /** The whole file; `rows` is how many were written. */
  finish(): Promise<{ body: Buffer; rows: number }>;
}

export const LEDGER_TITLE = '风险排查台账';
export const LEDGER_HEADERS = ['序号', '案号', '状态', '承办调解员', '风险等级', '上调前等级', '风险依据', '困难职工帮扶'] as const;

const TRIGGER_LABELS: Record<RiskScreeningDto['trigger'], string> = { SCHEDULED: '每日自动', ON_DEMAND: '人工发起' };
const PHASE_LABELS: Record<RiskScreeningDto['windows'][number]['phase'], string> = { inLead: '提前期', inPeriod: '期间' };
const ASSISTANCE_LABELS: Record<AssistanceStanding, string> = { NONE: '未帮扶', PROPOSED: '帮扶待审批', APPROVED: '已帮扶' };

/** `2026-12-01 08:00:03` on the office's clock. */
export function localTime(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-iso8601-nu-latn', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

export function ledgerScope(level: RiskLevel | undefined): string {
  return level === undefined ? '全部等级' : `仅${RISK_LEVEL_LABELS[level]}`;
}

/** The screening's facts, as the console's ledger page lists them, and what this file holds of the ledger. */
export function ledgerFacts(head: LedgerFileHead, rows: number): [string, string][] {
  const { screening: s, timeZone } = head;
  const counts = [...RISK_LEVELS].reverse().map((level) => `${RISK_LEVEL_LABELS[level]} ${s.counts[level]}`).join('，');
  const windows = s.windows.length === 0 ? '无' : s.windows.map((w) => `${w.name}（${w.startsOn}–${w.endsOn}，${PHASE_LABELS[w.phase]}）`).join('；');
  return [
    ['单位', head.organizationName],
    ['排查日期', s.asOf],
    ['方式', TRIGGER_LABELS[s.trigger]],
    ['发起人', s.by?.displayName ?? '系统'],
    ['排查时间', localTime(s.createdAt, timeZone)],
    ['规则版本', String(s.ruleSetVersion)],
    ['排查案件数', String(s.casesScreened)],
    ['风险等级分布', counts],
    ['新增或上调预警', String(s.alertsRaised)],
    ['所处敏感时期', windows],
    ['导出范围', `${ledgerScope(head.level)}，共 ${rows} 件`],
    ['导出人', head.exportedBy],
    ['导出时间', localTime(head.exportedAt, timeZone)],
    ['时区', timeZone],
  ];
}

/** One ledger row in the file's columns; `index` counts from 1 over the rows exported. */
export function ledgerRowValues(row: LedgerCase, index: number, reasonSeparator: string): [number, ...string[]] {
  return [
    index,
    row.caseNumber,
    CASE_STATE_LABELS[row.state as CaseState] ?? row.state,
    row.mediator?.displayName ?? NO_MEDIATOR_LABEL,
    RISK_LEVEL_LABELS[row.level],
    RISK_LEVEL_LABELS[row.baseLevel],
    row.reasons.map((reason) => reason.text).join(reasonSeparator),
    row.assistance === null ? '' : ASSISTANCE_LABELS[row.assistance],
  ];
}

/**
 * Two sections as the summary report's CSV has them (UTF-8 with BOM, CRLF, formulas guarded): the facts as 项目/内容,
 * then the ledger. The facts come last to the writer (they count the rows) and are put in front at the end.
 */
export function csvLedgerWriter(head: LedgerFileHead): LedgerFileWriter {
  const lines: string[] = [];
  let count = 0;
  return {
    rows(batch) {
      for (const row of batch) {
        count += 1;
        const [index, ...texts] = ledgerRowValues(row, count, '；');
        lines.push([String(index), ...texts.map(csvText)].join(','));
      }
    },
    finish() {
      const facts = ledgerFacts(head, count).map(([item, value]) => `${csvText(item)},${csvText(value)}`);
      const text = csvFile([
        { title: LEDGER_TITLE, headers: ['项目', '内容'], lines: facts },
        { title: '台账', headers: LEDGER_HEADERS, lines },
      ]);
      return Promise.resolve({ body: Buffer.from(text, 'utf8'), rows: count });
    },
  };
}

// Widths in Excel's character units: a Chinese character is about two.
const COLUMN_WIDTHS = [7, 18, 14, 14, 10, 12, 60, 14];
const HEADER_ROW = 3;

/**
 * An Excel workbook, streamed as the rows come (exceljs's WorkbookWriter): sheet 台账 with a title line, a line saying
 * which screening and what part of it, the frozen header and the rows, reasons one per line; sheet 排查信息 with the
 * facts. Printed, the ledger sheet is A4 landscape, one page wide, with the header on every page.
 */
export function xlsxLedgerWriter(head: LedgerFileHead): LedgerFileWriter {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'tiaojie';
  workbook.created = head.exportedAt;
  workbook.modified = head.exportedAt;
  const sheet = workbook.addWorksheet('台账', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  COLUMN_WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.mergeCells(1, 1, 1, LEDGER_HEADERS.length);
  sheet.mergeCells(2, 1, 2, LEDGER_HEADERS.length);
  const s = head.screening;
  const lines = [
    `${head.organizationName} ${LEDGER_TITLE}`,
    `排查日期 ${s.asOf} · ${TRIGGER_LABELS[s.trigger]} · 规则版本 ${s.ruleSetVersion} · 导出范围：${ledgerScope(head.level)} · 导出时间 ${localTime(head.exportedAt, head.timeZone)}`,
  ];
  lines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = line;
    if (i === 0) row.font = { bold: true, size: 14 };
    row.commit();
  });
  const header = sheet.getRow(HEADER_ROW);
  header.values = [...LEDGER_HEADERS];
  header.font = { bold: true };
  header.commit();
  let count = 0;
  return {
    rows(batch) {
      for (const row of batch) {
        count += 1;
        const added = sheet.addRow(ledgerRowValues(row, count, '\n'));
        added.getCell(7).alignment = { wrapText: true, vertical: 'top' };
        added.commit();
      }
    },
    async finish() {
      sheet.commit();
      addFactsSheet(workbook.addWorksheet('排查信息'), ledgerFacts(head, count));
      await workbook.commit();
      return { body: Buffer.concat(chunks), rows: count };
    },
  };
}

function addFactsSheet(sheet: Worksheet, facts: readonly [string, string][]): void {
  sheet.getColumn(1).width = 16;
  sheet.getColumn(2).width = 80;
  const header = sheet.addRow(['项目', '内容']);
  header.font = { bold: true };
  header.commit();
  for (const fact of facts) sheet.addRow([...fact]).commit();
  sheet.commit();
}
