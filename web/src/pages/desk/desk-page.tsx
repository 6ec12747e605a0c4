import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/use-session';
import { RiskTag, StateTag } from '../../cases/case-tags';
import { CASE_STATE_GROUPS, type CaseSummary, type CaseStateGroup } from '../../cases/case-vocabulary';
import { ErrorAlert } from '../../common/error-result';
import { CountdownTag } from './countdown-tag';
import { useCasesByStage, useDeadlinesDue, useIntakeQueue, useUnresolvedAlerts, type Alert, type DeadlineItem, type DeskScope } from './desk-queries';
import { legalDateOf } from './legal-date';

/** Enough to fill the card beside the deadlines; the rest are a page away. */
const ALERTS_PER_PAGE = 8;

function CaseLink({ id, caseNumber }: { id: string; caseNumber: string }) {
  return <Link to={`/cases/${id}`}>{caseNumber}</Link>;
}

/** A failed section says why and offers a retry; the rest of the desk stays usable. */
function SectionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="small" align="flex-start">
      <ErrorAlert error={error} />
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </Flex>
  );
}

function emptyText(pending: boolean, text: string): ReactNode {
  return pending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

function applicantOf(row: CaseSummary, t: TFunction): string {
  if (!row.leadApplicant) return t('common.none');
  return row.applicantCount > 1 ? `${row.leadApplicant.name} ${t('cases.moreApplicants', { count: row.applicantCount })}` : row.leadApplicant.name;
}

function StageCases({ group, rows, total, pending, mine }: { group: CaseStateGroup; rows: CaseSummary[] | undefined; total: number; pending: boolean; mine: boolean }) {
  const { t } = useTranslation();
  const search = new URLSearchParams({ state: group, ...(mine ? { mine: 'true' } : {}) });
  return (
    <Flex vertical gap="small">
      <Table<CaseSummary>
        size="small"
        rowKey="id"
        pagination={false}
        loading={pending}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: emptyText(pending, t('desk.noCases')) }}
        columns={[
          { key: 'caseNumber', title: t('desk.columns.caseNumber'), render: (_, row) => <CaseLink id={row.id} caseNumber={row.caseNumber} /> },
          { key: 'state', title: t('desk.columns.state'), render: (_, row) => <StateTag state={row.state} /> },
          { key: 'applicant', title: t('desk.columns.applicant'), render: (_, row) => applicantOf(row, t) },
          { key: 'respondent', title: t('desk.columns.respondent'), dataIndex: 'respondentName', ellipsis: true },
          { key: 'risk', title: t('desk.columns.risk'), render: (_, row) => <RiskTag level={row.riskLevel} /> },
          { key: 'receivedOn', title: t('desk.columns.receivedOn'), dataIndex: 'receivedOn' },
        ]}
      />
      {total > (rows?.length ?? 0) ? (
        <Link to={`/cases?${search.toString()}`}>
          {t('desk.viewAll')} · {t('common.total', { total })}
        </Link>
      ) : null}
    </Flex>
  );
}

function MyCases({ scope }: { scope: DeskScope }) {
  const { t } = useTranslation();
  const stages = useCasesByStage(scope);
  const [chosen, setChosen] = useState<string | null>(null);
  // Until the user picks a tab, the desk opens on the first stage that has cases, once all counts are in.
  const counted = stages.every((stage) => stage.data !== undefined);
  const firstWithCases = CASE_STATE_GROUPS.find((_, index) => (stages[index].data?.total ?? 0) > 0);
  return (
    <Card title={t(scope.mine ? 'desk.myCases' : 'desk.studioCases')} data-testid="desk-my-cases">
      <Tabs
        activeKey={chosen ?? (counted ? (firstWithCases ?? CASE_STATE_GROUPS[0]) : CASE_STATE_GROUPS[0])}
        onChange={setChosen}
        items={CASE_STATE_GROUPS.map((group, index) => {
          const stage = stages[index];
          return {
            key: group,
            label: (
              <span data-testid={`desk-stage-${group}`}>
                {t(`cases.stateGroup.${group}`)} ({stage.data?.total ?? '…'})
              </span>
            ),
            children: stage.isError ? (
              <SectionError error={stage.error} onRetry={() => void stage.refetch()} />
            ) : (
              <StageCases group={group} rows={stage.data?.items} total={stage.data?.total ?? 0} pending={stage.isPending} mine={scope.mine} />
            ),
          };
        })}
      />
    </Card>
  );
}

function IntakeQueue() {
  const { t } = useTranslation();
  const queue = useIntakeQueue();
  const today = legalDateOf(new Date());
  return (
    <Card title={t('desk.queue')} extra={<Typography.Text type="secondary">{t('desk.queueHint')}</Typography.Text>} data-testid="desk-queue">
      {queue.isError ? (
        <SectionError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : (
        <Table<CaseSummary>
          size="small"
          rowKey="id"
          pagination={false}
          loading={queue.isPending}
          dataSource={queue.data}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: emptyText(queue.isPending, t('desk.queueEmpty')) }}
          columns={[
            { key: 'caseNumber', title: t('desk.columns.caseNumber'), render: (_, row) => <CaseLink id={row.id} caseNumber={row.caseNumber} /> },
            { key: 'state', title: t('desk.columns.state'), render: (_, row) => <StateTag state={row.state} /> },
            { key: 'source', title: t('desk.columns.source'), render: (_, row) => t(`caseSource.${row.source}`) },
            { key: 'applicant', title: t('desk.columns.applicant'), render: (_, row) => applicantOf(row, t) },
            { key: 'respondent', title: t('desk.columns.respondent'), dataIndex: 'respondentName', ellipsis: true },
            { key: 'workers', title: t('desk.columns.workers'), dataIndex: 'workerCount', align: 'right' },
            { key: 'risk', title: t('desk.columns.risk'), render: (_, row) => <RiskTag level={row.riskLevel} /> },
            {
              key: 'receivedOn',
              title: t('desk.columns.receivedOn'),
              render: (_, row) => (
                <Space>
                  {row.receivedOn}
                  <Typography.Text type="secondary">{t('desk.waiting', { count: dayjs(today).diff(row.receivedOn, 'day') })}</Typography.Text>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function DeadlineName({ item }: { item: DeadlineItem }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span>
        {t(`desk.deadlineKind.${item.kind}`)}
        {item.instalmentNo !== null ? ` · ${t('desk.instalment', { no: item.instalmentNo })}` : ''}
      </span>
      {item.paused ? <Tag>{t('desk.paused')}</Tag> : null}
      {item.calendarVerified ? null : (
        <Tooltip title={t('desk.calendarUnverifiedHint')}>
          <Tag color="warning">{t('desk.calendarUnverified')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function DeadlinesDue({ scope }: { scope: DeskScope }) {
  const { t } = useTranslation();
  const deadlines = useDeadlinesDue(scope);
  return (
    <Card title={t('desk.deadlines')} data-testid="desk-deadlines" style={{ height: '100%' }}>
      {deadlines.isError ? (
        <SectionError error={deadlines.error} onRetry={() => void deadlines.refetch()} />
      ) : (
        <Table<DeadlineItem>
          size="small"
          rowKey="id"
          pagination={false}
          loading={deadlines.isPending}
          dataSource={deadlines.data?.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: emptyText(deadlines.isPending, t('desk.deadlinesEmpty')) }}
          columns={[
            { key: 'countdown', title: t('desk.columns.countdown'), render: (_, row) => <CountdownTag daysLeft={row.daysLeft} /> },
            { key: 'caseNumber', title: t('desk.columns.caseNumber'), render: (_, row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} /> },
            { key: 'deadline', title: t('desk.columns.deadline'), render: (_, row) => <DeadlineName item={row} /> },
            { key: 'dueOn', title: t('desk.columns.dueOn'), render: (_, row) => <Tooltip title={row.basis}>{row.dueOn}</Tooltip> },
            ...(scope.mine ? [] : [{ key: 'mediator', title: t('desk.columns.mediator'), render: (_: unknown, row: DeadlineItem) => row.assignedMediator?.displayName ?? t('cases.unassigned') }]),
          ]}
        />
      )}
    </Card>
  );
}

function AlertsOpen({ scope }: { scope: DeskScope }) {
  const { t } = useTranslation();
  const alerts = useUnresolvedAlerts(scope);
  return (
    <Card title={t(scope.mine ? 'desk.alerts' : 'desk.studioAlerts')} data-testid="desk-alerts" style={{ height: '100%' }}>
      {alerts.error && !alerts.items ? (
        <SectionError error={alerts.error} onRetry={alerts.refetch} />
      ) : (
        <Table<Alert>
          size="small"
          rowKey="id"
          pagination={(alerts.items?.length ?? 0) > ALERTS_PER_PAGE ? { pageSize: ALERTS_PER_PAGE, size: 'small' } : false}
          loading={alerts.isPending}
          dataSource={alerts.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: emptyText(alerts.isPending, t('desk.alertsEmpty')) }}
          columns={[
            { key: 'level', title: t('desk.columns.level'), render: (_, row) => <RiskTag level={row.level} /> },
            { key: 'caseNumber', title: t('desk.columns.caseNumber'), render: (_, row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} /> },
            {
              key: 'kind',
              title: t('desk.columns.kind'),
              render: (_, row) => (
                <Tooltip title={row.message}>
                  <Space size={4}>
                    {t(`desk.alertKind.${row.kind}`)}
                    {row.escalated ? <Tag color="red">{t('desk.escalated')}</Tag> : null}
                  </Space>
                </Tooltip>
              ),
            },
            { key: 'status', title: t('desk.columns.status'), render: (_, row) => <Tag>{t(`desk.alertStatus.${row.status}`)}</Tag> },
            { key: 'dueBy', title: t('desk.columns.dueBy'), render: (_, row) => (row.dueBy ? dayjs(row.dueBy).format('YYYY-MM-DD HH:mm') : t('common.none')) },
          ]}
        />
      )}
    </Card>
  );
}

/**
 * 工作台: what a mediator looks at first in the morning. Deadlines of the next 7 days and unresolved alerts on top,
 * then their cases by stage and the studio's intake queue, every row one click from its case. A supervisor gets the
 * same desk over the whole studio (no "mine" filter).
 */
export function DeskPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const scope: DeskScope = { mine: user.role === 'MEDIATOR' };
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="middle">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t(scope.mine ? 'desk.title' : 'desk.studioTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('desk.greeting', { name: user.displayName, today: legalDateOf(new Date()) })}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/intake')}>
          {t('desk.newCase')}
        </Button>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <DeadlinesDue scope={scope} />
        </Col>
        <Col xs={24} xl={11}>
          <AlertsOpen scope={scope} />
        </Col>
      </Row>
      <MyCases scope={scope} />
      <IntakeQueue />
    </Flex>
  );
}
