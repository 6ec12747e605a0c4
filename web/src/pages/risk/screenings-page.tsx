import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Card, DatePicker, Empty, Flex, Form, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useErrorText } from '../../api/error-text';
import { showFieldErrors } from '../../api/form-errors';
import { unwrap } from '../../api/unwrap';
import { useSession } from '../../auth/use-session';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { SubmitButton } from '../../common/submit-button';
import { formatInstant } from './format';
import { LevelCountTags } from './level-counts';
import { RISK_KEYS, useScreenings } from './risk-queries';
import { RiskRulesDrawer } from './risk-rules-drawer';
import type { ScreeningSummary } from './risk-vocabulary';

interface RunValues {
  readonly asOf: Dayjs;
}

/** POST /api/risk-screenings for a chosen date; on success, straight to its ledger. Only a supervisor may run one. */
function RunScreening() {
  const { t } = useTranslation();
  const { describeProblem } = useErrorText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RunValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const run = useMutation({
    // Only the summary: the ledger page reads the ledger, and a city's would otherwise arrive twice (tens of MB each).
    mutationFn: (asOf: string) => unwrap(api.POST('/api/risk-screenings', { body: { asOf }, params: { header: { Prefer: 'return=minimal' } } })),
    onSuccess: async (screening) => {
      void message.success(t('risk.screenings.ran', { asOf: screening.asOf, cases: screening.casesScreened, alerts: screening.alertsRaised }));
      // A screening opens alerts and is the newest point of the dashboard's chart.
      await Promise.all([queryClient.invalidateQueries({ queryKey: RISK_KEYS.screenings }), queryClient.invalidateQueries({ queryKey: RISK_KEYS.alerts })]);
      await navigate(`/screenings/${screening.id}`);
    },
    onError: (error) => {
      const { placed, unplaced } = showFieldErrors(form, error, describeProblem);
      if (placed === 0 || unplaced.length > 0) setFailure(error);
    },
  });
  return (
    <Card title={t('risk.screenings.runTitle')} size="small">
      <Typography.Paragraph type="secondary">{t('risk.screenings.runHint')}</Typography.Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form<RunValues>
        form={form}
        layout="inline"
        initialValues={{ asOf: dayjs() }}
        disabled={run.isPending}
        onFinish={(values) => {
          setFailure(null);
          run.mutate(values.asOf.format('YYYY-MM-DD'));
        }}
        style={{ marginTop: 8, rowGap: 8 }}
        data-testid="run-screening"
      >
        <Form.Item name="asOf" label={t('risk.screenings.asOf')} rules={[{ required: true, message: t('risk.screenings.asOfRequired') }]}>
          <DatePicker id="screening-as-of" allowClear={false} />
        </Form.Item>
        <Form.Item>
          <SubmitButton submitting={run.isPending}>{t('risk.screenings.run')}</SubmitButton>
        </Form.Item>
      </Form>
    </Card>
  );
}

function ScreeningHistory() {
  const { t } = useTranslation();
  const screenings = useScreenings();
  if (screenings.isError) return <ErrorResult error={screenings.error} onRetry={() => void screenings.refetch()} />;
  return (
    <Card title={t('risk.screenings.history')} size="small">
      <Table<ScreeningSummary>
        rowKey="id"
        size="small"
        loading={screenings.isFetching}
        dataSource={screenings.data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: screenings.isPending ? ' ' : <Empty description={t('risk.screenings.empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        data-testid="screening-history"
        columns={[
          { key: 'asOf', title: t('risk.screenings.columns.asOf'), render: (_, row) => <Link to={`/screenings/${row.id}`}>{row.asOf}</Link> },
          { key: 'trigger', title: t('risk.screenings.columns.trigger'), render: (_, row) => t(`risk.screenings.trigger.${row.trigger as 'SCHEDULED' | 'ON_DEMAND'}`) },
          { key: 'casesScreened', title: t('risk.screenings.columns.casesScreened'), dataIndex: 'casesScreened', align: 'right' },
          { key: 'counts', title: t('risk.screenings.columns.counts'), render: (_, row) => <LevelCountTags counts={row.counts} /> },
          { key: 'alertsRaised', title: t('risk.screenings.columns.alertsRaised'), dataIndex: 'alertsRaised', align: 'right' },
          { key: 'createdAt', title: t('risk.screenings.columns.createdAt'), render: (_, row) => formatInstant(row.createdAt) },
          { key: 'ledger', title: t('risk.screenings.columns.ledger'), render: (_, row) => <Link to={`/screenings/${row.id}`}>{t('risk.screenings.openLedger')}</Link> },
        ]}
      />
    </Card>
  );
}

/** 排查: run a screening as of any date, and the past runs, each opening its ledger. */
export function ScreeningsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Flex vertical gap="middle">
      <Flex align="center" justify="space-between" gap="middle" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('risk.screenings.title')}
        </Typography.Title>
        <RiskRulesDrawer />
      </Flex>
      {user.role === 'SUPERVISOR' ? <RunScreening /> : null}
      <ScreeningHistory />
    </Flex>
  );
}
