import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Flex, Result, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasCode } from '../../api/api-error';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { RiskTag, StateTag } from '../../cases/case-tags';
import { isCaseState } from '../../cases/case-vocabulary';
import { ErrorResult } from '../../common/error-result';
import { assistanceStanding, type AssistanceStanding } from './assistance-standing';
import { formatInstant } from './format';
import { LevelCountTags } from './level-counts';
import { RISK_KEYS } from './risk-queries';
import type { ScreenedCase, Screening } from './risk-vocabulary';
import './screening-ledger.css';

/** The HARDSHIP rule matched: a worker in hardship, whom the union should be helping (困难职工帮扶). */
function hasHardship(row: ScreenedCase): boolean {
  return row.reasons.some((reason) => reason.ruleId === 'HARDSHIP');
}

/** caseId → where each hardship case stood on assistance at the screening date; absent while it loads. */
type Standings = ReadonlyMap<string, AssistanceStanding>;

/** The ledger has no assistance of its own: each hardship case's records are read from the case (few cases, small). */
function useAssistanceStandings(screening: Screening | undefined): Standings {
  const hardship = screening?.cases.filter(hasHardship) ?? [];
  const records = useQueries({
    queries: hardship.map((row) => ({
      queryKey: ['case', row.caseId, 'assistance'],
      queryFn: () => unwrap(api.GET('/api/cases/{id}/assistance', { params: { path: { id: row.caseId } } })),
    })),
  });
  const standings = new Map<string, AssistanceStanding>();
  hardship.forEach((row, index) => {
    const items = records[index]?.data?.items;
    if (items && screening) standings.set(row.caseId, assistanceStanding(items, screening.asOf));
  });
  return standings;
}

const STANDING_COLORS: Record<AssistanceStanding, string> = { none: 'red', proposed: 'gold', approved: 'green' };

function HardshipTag({ standing }: { standing: AssistanceStanding | undefined }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('risk.ledger.hardshipHint')}>
      <Tag color={standing ? STANDING_COLORS[standing] : 'purple'} data-testid="hardship" data-standing={standing}>
        {t('risk.ledger.hardship')}
        {standing ? ` · ${t(`risk.ledger.assistance.${standing}`)}` : ''}
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

function LedgerFacts({ screening, standings }: { screening: Screening; standings: Standings }) {
  const { t } = useTranslation();
  const windows = screening.windows.length
    ? screening.windows.map((window) => `${window.name}（${window.startsOn}–${window.endsOn}，${t(`risk.ledger.windowPhase.${window.phase}`)}）`).join('；')
    : t('risk.ledger.noWindows');
  const hardshipCases = screening.cases.filter(hasHardship).length;
  const withoutAssistance = [...standings.values()].filter((standing) => standing === 'none').length;
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
        ...(hardshipCases > 0
          ? [{ key: 'hardship', label: t('risk.ledger.hardshipWithoutAssistance'), children: standings.size < hardshipCases ? '…' : withoutAssistance, span: 'filled' as const }]
          : []),
        { key: 'windows', label: t('risk.ledger.windows'), children: windows, span: 'filled' },
      ]}
    />
  );
}

function LedgerTable({ screening, standings }: { screening: Screening; standings: Standings }) {
  const { t } = useTranslation();
  return (
    <Table<ScreenedCase>
      rowKey="caseId"
      size="small"
      bordered
      pagination={false}
      dataSource={screening.cases}
      locale={{ emptyText: t('risk.ledger.empty') }}
      data-testid="ledger-table"
      columns={[
        { key: 'index', title: t('risk.ledger.columns.index'), width: 56, align: 'right', render: (_, _row, index) => index + 1 },
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
        {
          key: 'flags',
          title: t('risk.ledger.columns.flags'),
          render: (_, row) => (hasHardship(row) ? <HardshipTag standing={standings.get(row.caseId)} /> : null),
        },
      ]}
    />
  );
}

/** GET /api/risk-screenings/:id: the ledger (台账) of one screening, most serious first, ready to print and file. */
export function ScreeningLedgerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const screening = useQuery({
    queryKey: [...RISK_KEYS.screenings, id],
    queryFn: () => unwrap(api.GET('/api/risk-screenings/{id}', { params: { path: { id } } })),
  });
  const standings = useAssistanceStandings(screening.data);
  if (screening.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (screening.isError) {
    if (hasCode(screening.error, 'NOT_FOUND')) return <Result status="404" title={t('risk.ledger.notFound')} extra={<BackToScreenings />} />;
    return <ErrorResult error={screening.error} onRetry={() => void screening.refetch()} />;
  }
  const data = screening.data;
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
        <Button className="no-print" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} data-testid="print-ledger">
          {t('risk.ledger.print')}
        </Button>
      </Flex>
      <LedgerFacts screening={data} standings={standings} />
      <LedgerTable screening={data} standings={standings} />
      <Typography.Text type="secondary" className="print-only">
        {t('risk.ledger.printedAt', { time: formatInstant(new Date().toISOString()) })}
      </Typography.Text>
    </Flex>
  );
}
