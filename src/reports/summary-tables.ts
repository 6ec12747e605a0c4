import { OUTCOME_LABELS } from './report-labels';
import type { CountByKey, ReportGroupBy, SummaryCounts, SummaryGroup, SummaryReport } from './summary-report';

// The summary laid out as the tables a supervisor prints: one CSV section or one XLSX sheet each. Cells keep their
// kind, so that each format writes an amount as it must (the exact decimal string in CSV, a number cell with a
// currency format in XLSX) without re-deriving anything from the JSON.

export type ReportCell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: number | null }
  | { readonly kind: 'decimal'; readonly value: number | null }
  | { readonly kind: 'percent'; readonly value: number | null }
  | { readonly kind: 'money'; readonly value: string };

export interface ReportTable {
  /** The CSV section title and the XLSX sheet name (at most 31 characters, none of []:*?/\). */
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ReportCell[])[];
}

const text = (value: string): ReportCell => ({ kind: 'text', value });
const integer = (value: number | null): ReportCell => ({ kind: 'integer', value });
const decimal = (value: number | null): ReportCell => ({ kind: 'decimal', value });
const percent = (value: number | null): ReportCell => ({ kind: 'percent', value });
const money = (value: string): ReportCell => ({ kind: 'money', value });

const GROUP_BY_LABELS: Record<ReportGroupBy, string> = {
  month: '受理月份',
  source: '案件来源',
  claimType: '请求类型',
  mediator: '承办调解员',
  outcome: '结案方式',
};

export const SUCCESS_RATE_DEFINITION = '调解成功率 = 区间内履行完毕结案数 ÷（区间内结案数 − 不予受理数）';
export const P90_DEFINITION = 'P90 天数取 percentile_disc(0.9)：至少 90% 的协议所用天数不超过该值（取实际出现的天数）';

function aboutTable(report: SummaryReport): ReportTable {
  const rows: [string, string][] = [
    ['统计区间', `${report.from} 至 ${report.to}（含首尾两日）`],
    ['时区', report.timeZone],
    ['生成时间', report.generatedAt],
    ['分组方式', report.groupBy === null ? '不分组' : GROUP_BY_LABELS[report.groupBy]],
    ['币种', '人民币元（CNY）'],
    ['受理口径', '法定收件日期（北京时间）在区间内的案件'],
    ['结案口径', '结案日期在区间内的案件；在办案件数为生成时仍未结案的案件'],
    ['协议口径', '调解协议生效日期（最后一方签署之日）在区间内；天数为自收件日至生效日的自然日'],
    ['履行口径', '履行日期在区间内的各笔付款'],
    ['帮扶口径', '发放日期在区间内且已批准的困难帮扶；人数按案件与职工去重，面向全案的帮扶计该案全部职工'],
    ['成功率', SUCCESS_RATE_DEFINITION],
    ['P90', P90_DEFINITION],
  ];
  return { title: '报表说明', headers: ['项目', '内容'], rows: rows.map(([item, value]) => [text(item), text(value)]) };
}

function totalsTable(report: SummaryReport): ReportTable {
  const t = report.totals;
  const o = t.outcomes;
  const j = report.judicialConfirmations;
  const rows: [string, ReportCell][] = [
    ['受理案件数', integer(t.received)],
    ['覆盖劳动者人数', integer(t.workersCovered)],
    ['集体争议案件数', integer(t.collectiveCases)],
    ['在办案件数（生成时）', integer(t.open)],
    ['结案数', integer(o.total)],
    [OUTCOME_LABELS.RESOLVED, integer(o.resolved)],
    [OUTCOME_LABELS.FAILED, integer(o.failed)],
    [OUTCOME_LABELS.WITHDRAWN, integer(o.withdrawn)],
    [OUTCOME_LABELS.REFERRED, integer(o.referred)],
    [OUTCOME_LABELS.REJECTED, integer(o.rejected)],
    ['调解成功率', percent(t.successRate)],
    ['协议生效数', integer(t.agreements)],
    ['收件至协议生效平均天数', decimal(t.averageDaysToAgreement)],
    ['收件至协议生效P90天数', integer(t.p90DaysToAgreement)],
    ['请求金额（元）', money(t.amounts.claimed)],
    ['协议金额（元）', money(t.amounts.agreed)],
    ['履行金额（元）', money(t.amounts.paid)],
    ['司法确认申请数', integer(j.requested)],
    ['司法确认裁定确认数', integer(j.granted)],
    ['司法确认不予确认数', integer(j.refused)],
    ['逾期期限数', integer(report.deadlinesMissed.total)],
    ...assistanceRows(report),
  ];
  return { title: '总体指标', headers: ['指标', '数值'], rows: rows.map(([name, cell]) => [text(name), cell]) };
}

function assistanceRows(report: SummaryReport): [string, ReportCell][] {
  const a = report.assistance;
  if (a === null) return [];
  return [['困难帮扶次数（已批准）', integer(a.count)], ['困难帮扶人数', integer(a.people)], ['困难帮扶金额（元）', money(a.amount)]];
}

function countTable(title: string, keyHeader: string, countHeader: string, counts: readonly CountByKey[]): ReportTable {
  return { title, headers: [keyHeader, countHeader], rows: counts.map((entry) => [text(entry.label), integer(entry.count)]) };
}

const COUNT_HEADERS = [
  '受理案件数', '覆盖劳动者人数', '集体争议案件数', '在办案件数', '结案数',
  OUTCOME_LABELS.RESOLVED, OUTCOME_LABELS.FAILED, OUTCOME_LABELS.WITHDRAWN, OUTCOME_LABELS.REFERRED, OUTCOME_LABELS.REJECTED,
  '调解成功率', '协议生效数', '平均天数', 'P90天数', '请求金额（元）', '协议金额（元）', '履行金额（元）',
];

function countCells(c: SummaryCounts): ReportCell[] {
  const o = c.outcomes;
  return [
    integer(c.received), integer(c.workersCovered), integer(c.collectiveCases), integer(c.open), integer(o.total),
    integer(o.resolved), integer(o.failed), integer(o.withdrawn), integer(o.referred), integer(o.rejected),
    percent(c.successRate), integer(c.agreements), decimal(c.averageDaysToAgreement), integer(c.p90DaysToAgreement),
    money(c.amounts.claimed), money(c.amounts.agreed), money(c.amounts.paid),
  ];
}

function groupsTable(groupBy: ReportGroupBy, groups: readonly SummaryGroup[]): ReportTable {
  return {
    title: `按${GROUP_BY_LABELS[groupBy]}分组`,
    headers: [GROUP_BY_LABELS[groupBy], ...COUNT_HEADERS],
    rows: groups.map((group) => [text(group.label), ...countCells(group)]),
  };
}

export function summaryTables(report: SummaryReport): ReportTable[] {
  const tables = [
    aboutTable(report),
    totalsTable(report),
    countTable('受理来源', '案件来源', '受理案件数', report.receivedBySource),
    {
      title: '请求类型',
      headers: ['请求类型', '受理案件数', '请求金额（元）'],
      rows: report.receivedByClaimType.map((entry) => [text(entry.label), integer(entry.count), money(entry.claimed)]),
    },
    countTable('在办案件状态', '案件状态', '在办案件数', report.openByState),
    countTable('在办案件风险等级', '风险等级', '在办案件数', report.openByRiskLevel),
    countTable('逾期期限', '期限类型', '逾期数', report.deadlinesMissed.byKind),
  ];
  return report.groupBy === null ? tables : [...tables, groupsTable(report.groupBy, report.groups)];
}
