import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Empty, Flex, Radio, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import { unwrap } from '../../api/unwrap';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { legalToday, presetRange, RANGE_PRESETS, type RangePreset } from './range-presets';
import { searchFromSummaryQuery, summaryQueryFrom, GROUP_BY_OPTIONS, type GroupBy, type SummaryQuery } from './statistics-params';
import { SummaryBreakdowns } from './summary-breakdowns';
import { SummaryHeadline } from './summary-headline';
import type { Summary } from './summary-labels';

const DATE = 'YYYY-MM-DD';
type FileFormat = 'csv' | 'xlsx';

function presetOf(query: SummaryQuery, today: string): RangePreset | undefined {
  return RANGE_PRESETS.find((preset) => {
    const range = presetRange(preset, today);
    return range.from === query.from && range.to === query.to;
  });
}

function downloadSummary(query: SummaryQuery, format: FileFormat): Promise<string> {
  const fallback = `tiaojie-summary_${query.from}_${query.to}.${format}`;
  const request =
    format === 'csv'
      ? api.GET('/api/reports/summary.csv', { params: { query }, parseAs: 'blob' })
      : api.GET('/api/reports/summary.xlsx', { params: { query }, parseAs: 'blob' });
  return downloadFile(request as Promise<{ data?: Blob; error?: unknown; response: Response }>, fallback);
}

function isEmpty(summary: Summary): boolean {
  const { totals } = summary;
  return totals.received === 0 && totals.open === 0 && totals.outcomes.total === 0 && totals.agreements === 0;
}

interface ToolbarProps {
  readonly query: SummaryQuery;
  readonly today: string;
  readonly onChange: (query: SummaryQuery) => void;
}

/** Period (a preset in one click, or any two dates), grouping, and the two files of the same numbers. */
function StatisticsToolbar({ query, today, onChange }: ToolbarProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: (format: FileFormat) => downloadSummary(query, format),
    onSuccess: (name) => void message.success(t('statistics.downloaded', { name })),
  });
  const presets = RANGE_PRESETS.map((preset) => {
    const range = presetRange(preset, today);
    return { preset, label: t(`statistics.presets.${preset}`), value: [dayjs(range.from), dayjs(range.to)] as [Dayjs, Dayjs] };
  });
  return (
    <Flex vertical gap="small">
      <Flex wrap gap="middle" align="center" role="search" data-testid="statistics-toolbar">
        <Radio.Group
          aria-label={t('statistics.range')}
          optionType="button"
          value={presetOf(query, today)}
          options={presets.map(({ preset, label }) => ({ value: preset, label }))}
          onChange={(event) => onChange({ ...query, ...presetRange(event.target.value as RangePreset, today) })}
        />
        <DatePicker.RangePicker
          aria-label={t('statistics.range')}
          placeholder={[t('statistics.rangeStart'), t('statistics.rangeEnd')]}
          allowClear={false}
          value={[dayjs(query.from), dayjs(query.to)]}
          presets={presets.map(({ label, value }) => ({ label, value }))}
          onChange={(dates) => {
            if (dates?.[0] && dates[1]) onChange({ ...query, from: dates[0].format(DATE), to: dates[1].format(DATE) });
          }}
          data-testid="statistics-range"
        />
        <Select<GroupBy | ''>
          aria-label={t('statistics.groupBy')}
          value={query.groupBy ?? ''}
          options={[{ value: '', label: t('statistics.groupByNone') }, ...GROUP_BY_OPTIONS.map((groupBy) => ({ value: groupBy, label: t(`statistics.groupByOptions.${groupBy}`) }))]}
          onChange={(groupBy) => onChange({ ...query, groupBy: groupBy || undefined })}
          style={{ width: 160 }}
          data-testid="statistics-group-by"
        />
        <Button icon={<DownloadOutlined />} loading={download.isPending && download.variables === 'csv'} onClick={() => download.mutate('csv')} data-testid="download-csv">
          {t('statistics.downloadCsv')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={download.isPending && download.variables === 'xlsx'} onClick={() => download.mutate('xlsx')} data-testid="download-xlsx">
          {t('statistics.downloadXlsx')}
        </Button>
      </Flex>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
    </Flex>
  );
}

/** GET /api/reports/summary: a supervisor's (or a court liaison's, for their court) numbers for a period. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const [today] = useState(() => legalToday());
  const [search, setSearch] = useSearchParams();
  const query = summaryQueryFrom(search, today);
  const summary = useQuery({
    queryKey: ['reports', 'summary', query],
    queryFn: () => unwrap(api.GET('/api/reports/summary', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('statistics.title')}
      </Typography.Title>
      <StatisticsToolbar query={query} today={today} onChange={(next) => setSearch(searchFromSummaryQuery(next))} />
      {summary.isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {summary.isError && !summary.data ? <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.isError && summary.data ? <ErrorAlert error={summary.error} /> : null}
      {summary.data ? (
        <Flex vertical gap="middle" style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }} aria-busy={summary.isFetching} data-testid="statistics-report">
          <Typography.Text type="secondary" data-testid="statistics-period">
            {t('statistics.period', { from: summary.data.from, to: summary.data.to })} · {t('statistics.generatedAt', { at: when.format(new Date(summary.data.generatedAt)) })}
          </Typography.Text>
          {isEmpty(summary.data) ? <Empty description={t('statistics.empty')} /> : null}
          <SummaryHeadline summary={summary.data} />
          <SummaryBreakdowns summary={summary.data} />
        </Flex>
      ) : null}
    </Flex>
  );
}
