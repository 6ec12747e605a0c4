import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../../api/error-text';
import { StateTag } from '../../cases/case-tags';
import { isCaseSource, isCaseState } from '../../cases/case-vocabulary';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import type { courtZhCN } from '../../i18n/areas/court';
import { CountdownTag } from '../desk/countdown-tag';
import {
  downloadFeedbackLetter,
  useAcknowledgeFeedback,
  useCourtQueue,
  type AwaitingConfirmation,
  type FeedbackDue,
  type ReferredCase,
} from './court-queue-query';

const NOTE_MAX_LENGTH = 1000;

type Outcome = keyof typeof courtZhCN.outcome;

function CaseLink({ id, caseNumber }: { id: string; caseNumber: string }) {
  return <Link to={`/cases/${id}`}>{caseNumber}</Link>;
}

function stateOf(state: string): ReactNode {
  return isCaseState(state) ? <StateTag state={state} /> : state;
}

function sourceOf(source: string, t: TFunction): string {
  return isCaseSource(source) ? t(`caseSource.${source}`) : source;
}

const OUTCOMES: readonly Outcome[] = [
  'RESOLVED',
  'WITHDRAWN',
  'RESPONDENT_REFUSED',
  'RESPONDENT_UNREACHABLE',
  'RESPONDENT_NO_REPLY',
  'DEADLINE_EXPIRED',
  'REFUSED_TO_SIGN',
  'MEDIATION_FAILED',
  'REJECTED',
  'REFERRED',
];

/** `MEDIATION_FAILED:IRRECONCILABLE` → 调解不成 (IRRECONCILABLE); the reason after the colon is the service's code. */
function outcomeOf(outcome: string | null, t: TFunction): string {
  if (outcome === null) return t('common.none');
  const [base, detail] = outcome.split(':');
  const label = (OUTCOMES as readonly string[]).includes(base) ? t(`court.outcome.${base as Outcome}`) : base;
  return detail ? `${label}（${detail}）` : label;
}

function emptyText(text: string): ReactNode {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;
}

function ReferredCases({ rows }: { rows: ReferredCase[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('court.referred')} data-testid="court-referred">
      <Table<ReferredCase>
        size="small"
        rowKey="caseId"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: emptyText(t('court.referredEmpty')) }}
        columns={[
          { key: 'caseNumber', title: t('court.columns.caseNumber'), render: (_, row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} /> },
          { key: 'courtCaseNumber', title: t('court.columns.courtCaseNumber'), render: (_, row) => row.courtCaseNumber ?? t('common.none') },
          { key: 'source', title: t('court.columns.source'), render: (_, row) => sourceOf(row.source, t) },
          { key: 'state', title: t('court.columns.state'), render: (_, row) => stateOf(row.state) },
          { key: 'mediator', title: t('court.columns.mediator'), render: (_, row) => row.assignedMediator?.displayName ?? t('cases.unassigned') },
          { key: 'receivedOn', title: t('court.columns.receivedOn'), dataIndex: 'receivedOn' },
          { key: 'outcome', title: t('court.columns.outcome'), render: (_, row) => (row.closedOn ? outcomeOf(row.outcome, t) : t('court.notClosed')) },
          { key: 'closedOn', title: t('court.columns.closedOn'), render: (_, row) => row.closedOn ?? t('common.none') },
          {
            key: 'handoff',
            title: t('court.columns.handoff'),
            render: (_, row) => {
              if (!row.closedOn) return t('common.none');
              return row.handoffAcknowledgedAt ? <Tag color="green">{t('court.acknowledged')}</Tag> : <Tag color="orange">{t('court.notAcknowledged')}</Tag>;
            },
          },
        ]}
      />
    </Card>
  );
}

function ConfirmationDeadline({ row }: { row: AwaitingConfirmation }) {
  const { t } = useTranslation();
  // Under review the court's own decision is what is due; before that, the parties' 30-day window to apply.
  const countdown = row.courtDecision ?? row.confirmationWindow;
  if (!countdown) return <Typography.Text type="secondary">{t('court.noWindow')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <CountdownTag daysLeft={countdown.daysLeft} />
      <Typography.Text type="secondary">{t(row.courtDecision ? 'court.decisionLabel' : 'court.windowLabel', { dueOn: countdown.dueOn })}</Typography.Text>
      {countdown.calendarVerified ? null : (
        <Tooltip title={t('desk.calendarUnverifiedHint')}>
          <Tag color="warning">{t('desk.calendarUnverified')}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

function AwaitingConfirmations({ rows }: { rows: AwaitingConfirmation[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('court.awaiting')} extra={<Typography.Text type="secondary">{t('court.awaitingHint')}</Typography.Text>} data-testid="court-awaiting">
      <Table<AwaitingConfirmation>
        size="small"
        rowKey="caseId"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: emptyText(t('court.awaitingEmpty')) }}
        columns={[
          { key: 'countdown', title: t('court.columns.countdown'), render: (_, row) => <ConfirmationDeadline row={row} /> },
          { key: 'caseNumber', title: t('court.columns.caseNumber'), render: (_, row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} /> },
          { key: 'courtCaseNumber', title: t('court.columns.courtCaseNumber'), render: (_, row) => row.courtCaseNumber ?? t('common.none') },
          { key: 'request', title: t('court.columns.request'), render: (_, row) => t(`court.request.${row.request}`) },
          { key: 'state', title: t('court.columns.state'), render: (_, row) => stateOf(row.state) },
          { key: 'effectiveOn', title: t('court.columns.effectiveOn'), render: (_, row) => row.effectiveOn ?? t('common.none') },
          { key: 'appliedOn', title: t('court.columns.appliedOn'), render: (_, row) => row.appliedOn ?? t('common.none') },
          { key: 'mediator', title: t('court.columns.mediator'), render: (_, row) => row.assignedMediator?.displayName ?? t('cases.unassigned') },
        ]}
      />
    </Card>
  );
}

function DownloadLetter({ row }: { row: FeedbackDue }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { describeError } = useErrorText();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const name = await downloadFeedbackLetter(row);
      void message.success(t('court.downloaded', { name }));
    } catch (error) {
      void message.error(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="download-letter">
      {t('court.download')}
    </Button>
  );
}

/** The confirm step: who acknowledges what is said once more, with an optional note for the record. */
function AcknowledgeDialog({ row, onClose }: { row: FeedbackDue; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const acknowledge = useAcknowledgeFeedback();
  const submit = async ({ note }: { note?: string }) => {
    try {
      await acknowledge.mutateAsync({ caseId: row.caseId, note: note?.trim() || undefined });
      void message.success(t('court.acknowledgedMessage', { caseNumber: row.caseNumber }));
      onClose();
    } catch {
      // Shown in the dialog from the mutation's error.
    }
  };
  return (
    <Modal
      open
      title={t('court.acknowledgeTitle', { caseNumber: row.caseNumber })}
      okText={t('court.acknowledgeConfirm')}
      cancelText={t('court.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: acknowledge.isPending }}
      onCancel={onClose}
      destroyOnHidden
      modalRender={(dialog) => (
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} clearOnDestroy>
          {dialog}
        </Form>
      )}
    >
      <Flex vertical gap="small">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('court.acknowledgeHint')}
        </Typography.Paragraph>
        {acknowledge.isError ? <ErrorAlert error={acknowledge.error} /> : null}
        <Form.Item name="note" label={t('court.note')} rules={[{ max: NOTE_MAX_LENGTH, message: t('court.noteTooLong') }]}>
          <Input.TextArea rows={3} placeholder={t('court.notePlaceholder')} autoFocus />
        </Form.Item>
      </Flex>
    </Modal>
  );
}

function FeedbackLetters({ rows }: { rows: FeedbackDue[] }) {
  const { t } = useTranslation();
  const [acknowledging, setAcknowledging] = useState<FeedbackDue | null>(null);
  return (
    <Card title={t('court.feedback')} data-testid="court-feedback">
      <Table<FeedbackDue>
        size="small"
        rowKey="caseId"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: emptyText(t('court.feedbackEmpty')) }}
        columns={[
          { key: 'caseNumber', title: t('court.columns.caseNumber'), render: (_, row) => <CaseLink id={row.caseId} caseNumber={row.caseNumber} /> },
          { key: 'courtCaseNumber', title: t('court.columns.courtCaseNumber'), render: (_, row) => row.courtCaseNumber ?? t('common.none') },
          { key: 'source', title: t('court.columns.source'), render: (_, row) => sourceOf(row.source, t) },
          { key: 'outcome', title: t('court.columns.outcome'), render: (_, row) => outcomeOf(row.outcome, t) },
          { key: 'closedOn', title: t('court.columns.closedOn'), render: (_, row) => row.closedOn ?? t('common.none') },
          {
            key: 'daysSinceClosed',
            title: t('court.columns.daysSinceClosed'),
            render: (_, row) => (row.daysSinceClosed === null ? t('common.none') : t('court.daysSinceClosed', { count: row.daysSinceClosed })),
          },
          {
            key: 'actions',
            title: t('court.columns.actions'),
            render: (_, row) => (
              <Space>
                <DownloadLetter row={row} />
                <Button type="primary" icon={<CheckOutlined />} onClick={() => setAcknowledging(row)} data-testid="acknowledge">
                  {t('court.acknowledge')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {acknowledging ? <AcknowledgeDialog row={acknowledging} onClose={() => setAcknowledging(null)} /> : null}
    </Card>
  );
}

/**
 * 法院队列 (GET /api/court/queue): what the liaison's court referred to the studio, the agreements it may be asked to
 * confirm with the days left, and the feedback letters of closed cases to download and acknowledge. Rulings on
 * confirmation are made on the case page, one click away.
 */
export function CourtQueuePage() {
  const { t } = useTranslation();
  const queue = useCourtQueue();
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('court.title')}
      </Typography.Title>
      {queue.isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {queue.isError && !queue.data ? <ErrorResult error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.isError && queue.data ? <ErrorAlert error={queue.error} /> : null}
      {queue.data ? (
        <>
          <AwaitingConfirmations rows={queue.data.awaitingConfirmation} />
          <FeedbackLetters rows={queue.data.feedbackDue} />
          <ReferredCases rows={queue.data.referred} />
        </>
      ) : null}
    </Flex>
  );
}
