import { CheckOutlined, FileDoneOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { useSession } from '../../auth/use-session';
import { RiskTag } from '../../cases/case-tags';
import { RISK_LEVELS } from '../../cases/case-vocabulary';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { AlertStatusTag, EscalatedTag } from './alert-tags';
import { ALERT_PAGE_SIZES, alertQueryFromSearch, searchFromAlertQuery } from './alert-list-params';
import { DueCountdown } from './due-countdown';
import { formatInstant } from './format';
import { ResolveAlertDialog } from './resolve-alert-dialog';
import { RISK_KEYS } from './risk-queries';
import { ALERT_KINDS, ALERT_STATUSES, type Alert, type AlertQuery } from './risk-vocabulary';
import { useNow } from './use-now';

interface FiltersProps {
  readonly query: AlertQuery;
  readonly onChange: (changes: Partial<AlertQuery>) => void;
  readonly onReset: () => void;
}

function AlertFilters({ query, onChange, onReset }: FiltersProps) {
  const { t } = useTranslation();
  const change = (changes: Partial<AlertQuery>) => onChange({ ...changes, page: 1 });
  return (
    <Flex wrap gap="middle" align="center" role="search" data-testid="alert-filters">
      <Select
        aria-label={t('risk.alerts.filterLevel')}
        placeholder={t('risk.alerts.filterLevel')}
        allowClear
        value={query.level}
        options={RISK_LEVELS.map((level) => ({ value: level, label: t(`riskLevel.${level}`) }))}
        onChange={(level?: AlertQuery['level']) => change({ level })}
        style={{ width: 130 }}
        data-testid="filter-level"
      />
      <Select
        aria-label={t('risk.alerts.filterKind')}
        placeholder={t('risk.alerts.filterKind')}
        allowClear
        value={query.kind}
        options={ALERT_KINDS.map((kind) => ({ value: kind, label: t(`risk.alertKind.${kind}`) }))}
        onChange={(kind?: AlertQuery['kind']) => change({ kind })}
        style={{ width: 160 }}
      />
      <Select
        aria-label={t('risk.alerts.filterStatus')}
        placeholder={t('risk.alerts.filterStatus')}
        allowClear
        value={query.status}
        options={ALERT_STATUSES.map((status) => ({ value: status, label: t(`risk.alertStatus.${status}`) }))}
        onChange={(status?: AlertQuery['status']) => change({ status })}
        style={{ width: 140 }}
        data-testid="filter-status"
      />
      <Flex align="center" gap="small">
        <Switch id="alerts-escalated" checked={query.escalated === true} onChange={(on) => change({ escalated: on || undefined })} />
        <Typography.Text>
          <label htmlFor="alerts-escalated">{t('risk.alerts.escalatedOnly')}</label>
        </Typography.Text>
      </Flex>
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </Flex>
  );
}

/** Acknowledge and resolve: the case's own mediator and supervisors may; administrators and court liaisons read. */
function useAlertActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: RISK_KEYS.alerts });
  const acknowledge = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/alerts/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: async () => {
      void message.success(t('risk.alerts.acknowledged'));
      await refresh();
    },
  });
  const resolve = async (id: string, note: string) => {
    await unwrap(api.POST('/api/alerts/{id}/resolve', { params: { path: { id } }, body: { note } }));
    void message.success(t('risk.alerts.resolved'));
    await refresh();
  };
  return { acknowledge, resolve };
}

/** 预警: the organization's alerts, filtered; acknowledge, resolve with a note, and the time left to respond. */
export function AlertsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const now = useNow();
  const [search, setSearch] = useSearchParams();
  const query = alertQueryFromSearch(search);
  const alerts = useQuery({
    queryKey: [...RISK_KEYS.alerts, query],
    queryFn: () => unwrap(api.GET('/api/alerts', { params: { query: query } })),
    placeholderData: keepPreviousData,
  });
  const { acknowledge, resolve } = useAlertActions();
  const [resolving, setResolving] = useState<Alert | null>(null);
  const mayAct = user.role === 'SUPERVISOR' || user.role === 'MEDIATOR';
  const update = (changes: Partial<AlertQuery>) => setSearch(searchFromAlertQuery({ ...query, ...changes }));

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('risk.alerts.title')}
      </Typography.Title>
      <AlertFilters query={query} onChange={update} onReset={() => setSearch(new URLSearchParams())} />
      {acknowledge.isError ? <ErrorAlert error={acknowledge.error} /> : null}
      {alerts.isError && alerts.data ? <ErrorAlert error={alerts.error} /> : null}
      {alerts.isError && !alerts.data ? (
        <ErrorResult error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <div data-testid="alert-table">
          <Table<Alert>
            rowKey="id"
            dataSource={alerts.data?.items}
            loading={alerts.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: alerts.isPending ? ' ' : <Empty description={t('risk.alerts.empty')} /> }}
            rowClassName={(alert) => `alert-${alert.status.toLowerCase()}`}
            pagination={{
              current: alerts.data?.page ?? query.page,
              pageSize: alerts.data?.pageSize ?? query.pageSize,
              total: alerts.data?.total ?? 0,
              pageSizeOptions: ALERT_PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(pagination) => update({ page: pagination.current, pageSize: pagination.pageSize })}
            columns={[
              {
                key: 'level',
                title: t('risk.alerts.columns.level'),
                render: (_, alert) => (
                  <Space size={4} wrap>
                    <RiskTag level={alert.level} />
                    {alert.escalated ? <EscalatedTag /> : null}
                  </Space>
                ),
              },
              { key: 'case', title: t('risk.alerts.columns.case'), render: (_, alert) => <Link to={`/cases/${alert.caseId}`}>{alert.caseNumber}</Link> },
              { key: 'kind', title: t('risk.alerts.columns.kind'), render: (_, alert) => t(`risk.alertKind.${alert.kind}`) },
              {
                key: 'message',
                title: t('risk.alerts.columns.message'),
                render: (_, alert) => (
                  <Flex vertical style={{ maxWidth: 420 }}>
                    <span>{alert.message}</span>
                    {alert.resolutionNote ? <Typography.Text type="secondary">{t('risk.alerts.resolutionNote', { note: alert.resolutionNote })}</Typography.Text> : null}
                  </Flex>
                ),
              },
              { key: 'status', title: t('risk.alerts.columns.status'), render: (_, alert) => <AlertStatusTag status={alert.status} /> },
              {
                key: 'dueBy',
                title: t('risk.alerts.columns.dueBy'),
                render: (_, alert) => {
                  if (!alert.dueBy) return <Typography.Text type="secondary">{t('risk.alerts.noDueBy')}</Typography.Text>;
                  return alert.status === 'RESOLVED' ? formatInstant(alert.dueBy) : <DueCountdown dueBy={alert.dueBy} now={now} />;
                },
              },
              { key: 'raisedAt', title: t('risk.alerts.columns.raisedAt'), render: (_, alert) => formatInstant(alert.levelRaisedAt ?? alert.raisedAt) },
              ...(mayAct
                ? [
                    {
                      key: 'actions',
                      title: t('risk.alerts.columns.actions'),
                      fixed: 'right' as const,
                      render: (_: unknown, alert: Alert) => (
                        <Space size="small">
                          {alert.status === 'OPEN' ? (
                            <Button
                              size="small"
                              icon={<CheckOutlined aria-hidden />}
                              loading={acknowledge.isPending && acknowledge.variables === alert.id}
                              onClick={() => acknowledge.mutate(alert.id)}
                              data-testid="acknowledge"
                            >
                              {t('risk.alerts.acknowledge')}
                            </Button>
                          ) : null}
                          {alert.status !== 'RESOLVED' ? (
                            <Button size="small" type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setResolving(alert)} data-testid="resolve">
                              {t('risk.alerts.resolve')}
                            </Button>
                          ) : null}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      {resolving ? <ResolveAlertDialog alert={resolving} onResolve={(note) => resolve(resolving.id, note)} onClose={() => setResolving(null)} /> : null}
    </Flex>
  );
}
