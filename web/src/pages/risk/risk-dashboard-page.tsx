import { useQueries } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { RiskTag } from '../../cases/case-tags';
import { RISK_LEVELS, type RiskLevel } from '../../cases/case-vocabulary';
import { ErrorAlert } from '../../common/error-result';
import { DueCountdown } from './due-countdown';
import { shanghaiDate } from './legal-dates';
import { EscalatedTag } from './alert-tags';
import { PeriodPhaseTag } from './period-phase-tag';
import { periodsNeedingAttention } from './period-phase';
import { RISK_KEYS, useScreenings, useSensitivePeriods } from './risk-queries';
import { RISK_LEVEL_HEX, type Alert } from './risk-vocabulary';
import { ScreeningTrendChart } from './screening-trend-chart';
import { screeningTrend } from './screening-trend';
import { useNow } from './use-now';

/** Open cases per level: the service keeps each case's level as of today; a one-row page per level carries its total. */
function OpenCasesByLevel() {
  const { t } = useTranslation();
  const totals = useQueries({
    queries: RISK_LEVELS.map((riskLevel) => ({
      queryKey: [...RISK_KEYS.openCounts, riskLevel],
      queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { riskLevel, open: true, pageSize: 1 } } })).then((page) => page.total),
    })),
  });
  const failed = totals.find((query) => query.isError);
  return (
    <Card title={t('risk.dashboard.openByLevel')} size="small">
      {failed ? <ErrorAlert error={failed.error} /> : null}
      <Row gutter={[16, 16]} data-testid="open-by-level">
        {RISK_LEVELS.map((level, index) => (
          <Col key={level} xs={12} lg={6}>
            <LevelCount level={level} count={totals[index].data} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function LevelCount({ level, count }: { level: RiskLevel; count: number | undefined }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ borderTop: `4px solid ${RISK_LEVEL_HEX[level]}` }} data-testid={`open-${level}`}>
      <Statistic
        title={<RiskTag level={level} />}
        value={count ?? '—'}
        loading={count === undefined}
        suffix={<Typography.Text type="secondary">{t('risk.dashboard.openCases')}</Typography.Text>}
        styles={{ content: { color: RISK_LEVEL_HEX[level] } }}
      />
      <Link to={`/cases?riskLevel=${level}&open=true`}>{t('risk.dashboard.toCases')}</Link>
    </Card>
  );
}

function TrendCard() {
  const { t } = useTranslation();
  const screenings = useScreenings();
  return (
    <Card title={t('risk.dashboard.trend')} size="small" extra={<Link to="/screenings">{t('risk.dashboard.toScreenings')}</Link>}>
      {screenings.isPending ? <Skeleton active /> : null}
      {screenings.isError ? <ErrorAlert error={screenings.error} /> : null}
      {screenings.data && screenings.data.items.length === 0 ? <Empty description={t('risk.dashboard.trendEmpty')} /> : null}
      {screenings.data && screenings.data.items.length > 0 ? <ScreeningTrendChart trend={screeningTrend(screenings.data.items)} /> : null}
    </Card>
  );
}

function PeriodsCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const periods = useSensitivePeriods({ active: true });
  const soon = periods.data ? periodsNeedingAttention(periods.data, today) : [];
  return (
    <Card title={t('risk.dashboard.periods')} size="small" extra={<Link to="/sensitive-periods">{t('risk.dashboard.toPeriods')}</Link>} data-testid="dashboard-periods">
      {periods.isError ? <ErrorAlert error={periods.error} /> : null}
      <List
        size="small"
        loading={periods.isPending}
        dataSource={soon}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.dashboard.periodsEmpty')} /> }}
        renderItem={(period) => (
          <List.Item key={period.id}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap="small" wrap>
                <Typography.Text strong>{period.name}</Typography.Text>
                <PeriodPhaseTag period={period} today={today} />
              </Flex>
              <Typography.Text type="secondary">
                {period.startsOn} – {period.endsOn} · {t('risk.periods.columns.windowOpensOn')} {period.windowOpensOn}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

const URGENT_LEVELS = ['RED', 'ORANGE'] as const;
const UNRESOLVED = ['OPEN', 'ACKNOWLEDGED'] as const;
const SHOWN_ALERTS = 8;

function UrgentAlertsCard() {
  const { t } = useTranslation();
  const now = useNow();
  const pages = useQueries({
    queries: URGENT_LEVELS.flatMap((level) =>
      UNRESOLVED.map((status) => {
        const query = { level, status, pageSize: SHOWN_ALERTS };
        return { queryKey: [...RISK_KEYS.alerts, query], queryFn: () => unwrap(api.GET('/api/alerts', { params: { query } })) };
      }),
    ),
  });
  const failed = pages.find((page) => page.isError);
  const pending = pages.some((page) => page.isPending);
  const alerts = pages.flatMap((page) => page.data?.items ?? []).sort(byUrgency).slice(0, SHOWN_ALERTS);
  const total = pages.reduce((sum, page) => sum + (page.data?.total ?? 0), 0);
  return (
    <Card title={t('risk.dashboard.alerts')} size="small" extra={<Link to="/alerts">{t('risk.dashboard.toAlerts')}</Link>} data-testid="dashboard-alerts">
      {failed ? <ErrorAlert error={failed.error} /> : null}
      <List<Alert>
        size="small"
        loading={pending}
        dataSource={alerts}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.dashboard.alertsEmpty')} /> }}
        renderItem={(alert) => (
          <List.Item key={alert.id}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Space wrap size="small">
                <RiskTag level={alert.level} />
                {alert.escalated ? <EscalatedTag /> : null}
                <Link to={`/cases/${alert.caseId}`}>{alert.caseNumber}</Link>
                <Tag>{t(`risk.alertStatus.${alert.status}`)}</Tag>
                {alert.dueBy ? <DueCountdown dueBy={alert.dueBy} now={now} /> : null}
              </Space>
              <Typography.Text>{alert.message}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {total > alerts.length ? (
        <Link to="/alerts">{t('risk.dashboard.moreAlerts', { count: total - alerts.length })}</Link>
      ) : null}
    </Card>
  );
}

/** Escalated first, then the soonest due; an alert without a due time last. */
function byUrgency(a: Alert, b: Alert): number {
  if (a.escalated !== b.escalated) return a.escalated ? -1 : 1;
  return (a.dueBy ?? '\uffff').localeCompare(b.dueBy ?? '\uffff');
}

/** 风险: the supervisor's start page, the risk picture before anything else (DOMAIN §5). */
export function RiskDashboardPage() {
  const { t } = useTranslation();
  const today = shanghaiDate(useNow(60_000));
  return (
    <Flex vertical gap="middle" data-testid="risk-dashboard">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('risk.dashboard.title')}
      </Typography.Title>
      <OpenCasesByLevel />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <TrendCard />
        </Col>
        <Col xs={24} xl={10}>
          <PeriodsCard today={today} />
        </Col>
      </Row>
      <UrgentAlertsCard />
    </Flex>
  );
}
