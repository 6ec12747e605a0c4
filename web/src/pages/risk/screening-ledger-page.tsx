import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Radio, Result, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { components } from '../../api/schema';
import { hasCode } from '../../api/api-error';
import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import { unwrap } from '../../api/unwrap';
import { RiskTag, StateTag } from '../../cases/case-tags';
import { isCaseState, isRiskLevel, RISK_LEVELS } from '../../cases/case-vocabulary';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { formatInstant } from './format';
import { LevelCountTags } from './level-counts';
import { LEDGER_PAGE_SIZES, ledgerQueryFromSearch, searchFromLedgerQuery, type LedgerQuery } from './ledger-params';
import { RISK_KEYS } from './risk-queries';
import type { Screening } from './risk-vocabulary';
import './screening-ledger.css';

type LedgerCase = components['schemas']['LedgerCaseDto'];
type LedgerPage = components['schemas']['LedgerPageDto'];
type AssistanceStanding = NonNullable<LedgerCase['assistance']>;

const STANDING_COLORS: Record<AssistanceStanding, string> = { NONE: 'red', PROPOSED: 'gold', APPROVED: 'green' };

/** A worker in hardship (困难职工帮扶), and where the union's help stood on the screening date. */
function HardshipTag({ standing }: { standing: AssistanceStanding }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('risk.ledger.hardshipHint')}>
      <Tag color={STANDING_COLORS[standing]} data-testid="hardship" data-standing={standing}>
        {t('risk.ledger.hardship')} · {t(`risk.ledger.assistance.${standing}`)}
      </Tag>
    </Tooltip>
  );
}

function BackToScreenings() {
  const { t } = useTranslation();
  return (
    <Link to="/screenings" className="no-print">
      <ArrowLeftOutlined aria-hidden /> {t('risk.ledger.back')}
    </Link>
  );
}

function LedgerFacts({ screening, hardship }: { screening: Screening; hardship: LedgerPage['hardship'] | undefined }) {
  const { t } = useTranslation();
  const windows = screening.windows.length
    ? screening.windows.map((window) => `${window.name}（${window.startsOn}–${window.endsOn}，${t(`risk.ledger.windowPhase.${window.phase}`)}）`).join('；')
    : t('risk.ledger.noWindows');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 4 }}
      data-testid="ledger-facts"
      items={[
        { key: 'asOf', label: t('risk.ledger.asOf'), children: screening.asOf },
        { key: 'trigger', label: t('risk.ledger.trigger'), children: t(`risk.screenings.trigger.${screening.trigger}`) },
        { key: 'by', label: t('risk.ledger.by'), children: screening.by?.displayName ?? t('risk.ledger.system') },
        { key: 'createdAt', label: t('risk.ledger.createdAt'), children: formatInstant(screening.createdAt) },
        { key: 'casesScreened', label: t('risk.ledger.casesScreened'), children: screening.casesScreened },
        { key: 'counts', label: t('risk.screenings.columns.counts'), children: <LevelCountTags counts={screening.counts} /> },
        { key: 'alertsRaised', label: t('risk.ledger.alertsRaised'), children: screening.alertsRaised },
        { key: 'ruleSetVersion', label: t('risk.ledger.ruleSetVersion'), children: screening.ruleSetVersion },
        ...(hardship !== undefined && hardship.cases > 0
          ? [{ key: 'hardship', label: t('risk.ledger.hardshipWithoutAssistance'), children: t('risk.ledger.hardshipCount', hardship), span: 'filled' as const }]
          : []),
        { key: 'windows', label: t('risk.ledger.windows'), children: windows, span: 'filled' },
      ]}
    />
  );
}

/** All levels, or one: a city's ledger is read most serious first, and RED and ORANGE are what gets printed and filed. */
function LevelFilter({ screening, query, onChange }: { screening: Screening; query: LedgerQuery; onChange: (level: LedgerQuery['level']) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      className="no-print"
      optionType="button"
      value={query.level ?? 'ALL'}
      onChange={(event) => {
        const value = String(event.target.value);
        onChange(isRiskLevel(value) ? value : undefined);
      }}
      options={[
        { value: 'ALL', label: t('risk.ledger.allLevels', { count: screening.casesScreened }) },
        ...[...RISK_LEVELS].reverse().map((level) => ({ value: level, label: `${t(`riskLevel.${level}`)} ${screening.counts[level]}` })),
      ]}
      data-testid="ledger-level"
    />
  );
}

type FileFormat = 'csv' | 'xlsx';

function downloadLedger(screening: Screening, level: LedgerQuery['level'], format: FileFormat): Promise<string> {
  const params = { path: { id: screening.id }, query: { level } };
  const request =
    format === 'csv'
      ? api.GET('/api/risk-screenings/{id}/ledger.csv', { params, parseAs: 'blob' })
      : api.GET('/api/risk-screenings/{id}/ledger.xlsx', { params, parseAs: 'blob' });
  return downloadFile(request as Promise<{ data?: Blob; error?: unknown; response: Response }>, `tiaojie-ledger_${screening.asOf}.${format}`);
}

/** The whole ledger of the level chosen, as a file to file or send up: printing gives only the page shown. */
function LedgerDownloads({ screening, level }: { screening: Screening; level: LedgerQuery['level'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: (format: FileFormat) => downloadLedger(screening, level, format),
    onSuccess: (name) => void message.success(t('risk.ledger.downloaded', { name })),
  });
  const button = (format: FileFormat, label: string) => (
    <Tooltip title={t('risk.ledger.downloadHint')}>
      <Button icon={<DownloadOutlined aria-hidden />} loading={download.isPending && download.variables === format} onClick={() => download.mutate(format)} data-testid={`download-ledger-${format}`}>
        {label}
      </Button>
    </Tooltip>
  );
  return (
    <Flex vertical gap="small">
      <Space wrap>
        {button('xlsx', t('risk.ledger.downloadXlsx'))}
        {button('csv', t('risk.ledger.downloadCsv'))}
      </Space>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
    </Flex>
  );
}

function LedgerTable({ page, query, loading, onPage }: { page: LedgerPage | undefined; query: LedgerQuery; loading: boolean; onPage: (page: number, pageSize: number) => void }) {
  const { t } = useTranslation();
  const offset = ((page?.page ?? query.page) - 1) * (page?.pageSize ?? query.pageSize);
  return (
    <Table<LedgerCase>
      rowKey="caseId"
      size="small"
      bordered
      loading={loading}
      dataSource={page?.items}
      locale={{ emptyText: t('risk.ledger.empty') }}
      data-testid="ledger-table"
      pagination={{
        className: 'no-print',
        current: page?.page ?? query.page,
        pageSize: page?.pageSize ?? query.pageSize,
        total: page?.total ?? 0,
        pageSizeOptions: LEDGER_PAGE_SIZES,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      onChange={(pagination) => onPage(pagination.current ?? 1, pagination.pageSize ?? query.pageSize)}
      columns={[
        { key: 'index', title: t('risk.ledger.columns.index'), width: 64, align: 'right', render: (_, _row, index) => offset + index + 1 },
        { key: 'caseNumber', title: t('risk.ledger.columns.caseNumber'), render: (_, row) => <Link to={`/cases/${row.caseId}`}>{row.caseNumber}</Link> },
        { key: 'state', title: t('risk.ledger.columns.state'), render: (_, row) => (isCaseState(row.state) ? <StateTag state={row.state} /> : row.state) },
        { key: 'mediator', title: t('risk.ledger.columns.mediator'), render: (_, row) => row.mediator?.displayName ?? t('cases.unassigned') },
        {
          key: 'level',
          title: t('risk.ledger.columns.level'),
          render: (_, row) => (
            <Space size={4} wrap>
              <RiskTag level={row.level} />
              {row.level !== row.baseLevel ? (
                <Tooltip title={t('risk.ledger.raised')}>
                  <Typography.Text type="secondary">
                    ↑ {t('risk.ledger.columns.baseLevel')} {t(`riskLevel.${row.baseLevel}`)}
                  </Typography.Text>
                </Tooltip>
              ) : null}
            </Space>
          ),
        },
        {
          key: 'reasons',
          title: t('risk.ledger.columns.reasons'),
          render: (_, row) => (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {row.reasons.map((reason) => (
                <li key={reason.ruleId}>{reason.text}</li>
              ))}
            </ul>
          ),
        },
        { key: 'flags', title: t('risk.ledger.columns.flags'), render: (_, row) => (row.assistance ? <HardshipTag standing={row.assistance} /> : null) },
      ]}
    />
  );
}

/**
 * GET /api/risk-screenings/:id without its ledger, and the ledger a page at a time (…/cases): a city's runs to
 * 100,000 rows. Printing prints the rows shown, under a line that says which they are.
 */
export function ScreeningLedgerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = ledgerQueryFromSearch(search);
  const screening = useQuery({
    queryKey: [...RISK_KEYS.screenings, id],
    queryFn: () => unwrap(api.GET('/api/risk-screenings/{id}', { params: { path: { id }, header: { Prefer: 'return=minimal' } } })),
  });
  const ledger = useQuery({
    queryKey: [...RISK_KEYS.screenings, id, 'cases', query],
    queryFn: () => unwrap(api.GET('/api/risk-screenings/{id}/cases', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    enabled: screening.isSuccess,
  });
  const update = (changes: Partial<LedgerQuery>) => setSearch(searchFromLedgerQuery({ ...query, ...changes }), { replace: true });
  if (screening.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (screening.isError) {
    if (hasCode(screening.error, 'NOT_FOUND')) return <Result status="404" title={t('risk.ledger.notFound')} extra={<BackToScreenings />} />;
    return <ErrorResult error={screening.error} onRetry={() => void screening.refetch()} />;
  }
  const data = screening.data;
  const shown = ledger.data;
  return (
    <Flex vertical gap="middle" className="screening-ledger" data-testid="screening-ledger">
      <BackToScreenings />
      <Flex align="center" justify="space-between" gap="middle" wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="ledger-title">
            {t('risk.ledger.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('risk.ledger.subtitle', { asOf: data.asOf })}</Typography.Text>
        </div>
        <Space className="no-print" wrap>
          <LedgerDownloads screening={data} level={query.level} />
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} data-testid="print-ledger">
            {t('risk.ledger.print')}
          </Button>
        </Space>
      </Flex>
      <LedgerFacts screening={data} hardship={shown?.hardship} />
      <LevelFilter screening={data} query={query} onChange={(level) => update({ level, page: 1 })} />
      {ledger.isError ? <ErrorAlert error={ledger.error} /> : null}
      <LedgerTable page={shown} query={query} loading={ledger.isFetching} onPage={(page, pageSize) => update({ page: pageSize === query.pageSize ? page : 1, pageSize })} />
      {shown !== undefined ? (
        <Typography.Text type="secondary" className="print-only" data-testid="ledger-print-scope">
          {t('risk.ledger.printedScope', {
            scope: query.level === undefined ? t('risk.ledger.allLevels', { count: data.casesScreened }) : t(`riskLevel.${query.level}`),
            from: shown.items.length === 0 ? 0 : (shown.page - 1) * shown.pageSize + 1,
            to: (shown.page - 1) * shown.pageSize + shown.items.length,
            total: shown.total,
          })}
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" className="print-only">
        {t('risk.ledger.printedAt', { time: formatInstant(new Date().toISOString()) })}
      </Typography.Text>
    </Flex>
  );
}
