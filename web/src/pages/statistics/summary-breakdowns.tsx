import { Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { CountChart, type ChartDatum } from './count-chart';
import { formatYuan } from './money-format';
import {
  claimTypeLabel,
  deadlineKindLabel,
  groupLabel,
  riskLevelLabel,
  sourceLabel,
  stateLabel,
  type CountByKey,
  type Summary,
  type SummaryGroup,
} from './summary-labels';
import type { GroupBy } from './statistics-params';

type ClaimTypeCount = components['schemas']['ClaimTypeCountDto'];

const RISK_COLORS: Record<string, string> = { BLUE: '#1677ff', YELLOW: '#fadb14', ORANGE: '#fa8c16', RED: '#f5222d' };

interface BreakdownRow extends CountByKey {
  readonly text: string;
  readonly claimed?: string;
}

function countColumns(t: TFunction, withClaimed: boolean): ColumnsType<BreakdownRow> {
  const columns: ColumnsType<BreakdownRow> = [
    { key: 'item', title: t('statistics.column.item'), dataIndex: 'text' },
    { key: 'count', title: t('statistics.column.count'), dataIndex: 'count', align: 'right' },
  ];
  if (withClaimed) columns.push({ key: 'claimed', title: t('statistics.column.claimed'), align: 'right', render: (_, row) => formatYuan(row.claimed ?? '0.00') });
  return columns;
}

interface BreakdownProps {
  readonly testId: string;
  readonly title: string;
  readonly rows: readonly BreakdownRow[];
  readonly chart?: 'bar' | 'pie';
  readonly colors?: Record<string, string>;
  readonly withClaimed?: boolean;
  readonly note?: string;
}

/** One breakdown: its chart beside the table of the same numbers (the table is what a screen reader reads). */
function Breakdown({ testId, title, rows, chart = 'bar', colors, withClaimed = false, note }: BreakdownProps) {
  const { t } = useTranslation();
  const data: ChartDatum[] = rows.filter((row) => chart === 'bar' || row.count > 0).map((row) => ({ label: row.text, value: row.count, color: colors?.[row.key] }));
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <CountChart data={data} title={title} kind={chart} height={Math.max(200, rows.length * 32)} />
        </Col>
        <Col xs={24} lg={12}>
          <Table<BreakdownRow> rowKey="key" size="small" pagination={false} columns={countColumns(t, withClaimed)} dataSource={[...rows]} />
          {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
        </Col>
      </Row>
    </Card>
  );
}

function Outcomes({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const { outcomes } = summary.totals;
  const items = (['resolved', 'failed', 'withdrawn', 'referred', 'rejected'] as const).map((key) => ({
    key,
    label: t(`statistics.outcome.${key.toUpperCase() as Uppercase<typeof key>}`),
    children: outcomes[key],
  }));
  return (
    <Card size="small" title={t('statistics.outcomes')} data-testid="statistics-outcomes">
      <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }} items={[...items, { key: 'total', label: t('statistics.outcomesTotal'), children: outcomes.total }]} />
    </Card>
  );
}

function groupColumns(t: TFunction, groupBy: GroupBy, percent: Intl.NumberFormat): ColumnsType<SummaryGroup> {
  const none = t('common.none');
  return [
    { key: 'group', title: t('statistics.column.group'), fixed: 'left', render: (_, group) => groupLabel(groupBy, group, t) },
    { key: 'received', title: t('statistics.column.received'), dataIndex: 'received', align: 'right' },
    { key: 'workers', title: t('statistics.column.workers'), dataIndex: 'workersCovered', align: 'right' },
    { key: 'open', title: t('statistics.column.open'), dataIndex: 'open', align: 'right' },
    { key: 'closed', title: t('statistics.column.closed'), align: 'right', render: (_, group) => group.outcomes.total },
    { key: 'resolved', title: t('statistics.column.resolved'), align: 'right', render: (_, group) => group.outcomes.resolved },
    { key: 'successRate', title: t('statistics.column.successRate'), align: 'right', render: (_, group) => (group.successRate === null ? none : percent.format(group.successRate)) },
    { key: 'agreements', title: t('statistics.column.agreements'), dataIndex: 'agreements', align: 'right' },
    { key: 'averageDays', title: t('statistics.column.averageDays'), align: 'right', render: (_, group) => group.averageDaysToAgreement ?? none },
    { key: 'claimed', title: t('statistics.column.claimed'), align: 'right', render: (_, group) => formatYuan(group.amounts.claimed) },
    { key: 'agreed', title: t('statistics.column.agreed'), align: 'right', render: (_, group) => formatYuan(group.amounts.agreed) },
    { key: 'paid', title: t('statistics.column.paid'), align: 'right', render: (_, group) => formatYuan(group.amounts.paid) },
  ];
}

function Groups({ summary, groupBy }: { summary: Summary; groupBy: GroupBy }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const title = `${t('statistics.groups')} · ${t(`statistics.groupByOptions.${groupBy}`)}`;
  const data = summary.groups.map((group) => ({ label: groupLabel(groupBy, group, t), value: group.received }));
  return (
    <Card size="small" title={title} data-testid="statistics-groups">
      <CountChart data={data} title={`${title} · ${t('statistics.column.received')}`} height={Math.max(200, data.length * 32)} />
      <Table<SummaryGroup>
        rowKey={(group) => group.key ?? '—'}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={groupColumns(t, groupBy, percent)}
        dataSource={[...summary.groups]}
      />
    </Card>
  );
}

/** Where the numbers come from: by source, claim type, open state and risk, missed deadlines, and the chosen groups. */
export function SummaryBreakdowns({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const rowsOf = (entries: readonly CountByKey[], label: (entry: CountByKey, t: TFunction) => string): BreakdownRow[] => entries.map((entry) => ({ ...entry, text: label(entry, t) }));
  const claimRows = (summary.receivedByClaimType as ClaimTypeCount[]).map((entry) => ({ ...entry, text: claimTypeLabel(entry, t) }));
  return (
    <>
      <Outcomes summary={summary} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <Breakdown testId="statistics-by-source" title={t('statistics.bySource')} rows={rowsOf(summary.receivedBySource, sourceLabel)} />
        </Col>
        <Col xs={24} xxl={12}>
          <Breakdown testId="statistics-by-claim-type" title={t('statistics.byClaimType')} rows={claimRows} withClaimed note={t('statistics.byClaimTypeHint')} />
        </Col>
        <Col xs={24} xxl={12}>
          <Breakdown testId="statistics-open-by-state" title={t('statistics.openByState')} rows={rowsOf(summary.openByState, stateLabel)} />
        </Col>
        <Col xs={24} xxl={12}>
          <Breakdown
            testId="statistics-open-by-risk"
            title={t('statistics.openByRiskLevel')}
            rows={rowsOf(summary.openByRiskLevel, riskLevelLabel)}
            chart="pie"
            colors={RISK_COLORS}
          />
        </Col>
        <Col xs={24} xxl={12}>
          <Breakdown testId="statistics-deadlines-missed" title={t('statistics.deadlinesMissedByKind')} rows={rowsOf(summary.deadlinesMissed.byKind, deadlineKindLabel)} />
        </Col>
      </Row>
      {summary.groupBy ? <Groups summary={summary} groupBy={summary.groupBy} /> : null}
    </>
  );
}
