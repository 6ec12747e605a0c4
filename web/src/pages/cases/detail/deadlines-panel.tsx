import { CheckCircleTwoTone, ExclamationCircleTwoTone, PauseCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../cases/case-vocabulary';
import { legalToday } from '../../../cases/events/form-values';
import { Countdown } from './countdown';

type Deadline = CaseDetail['deadlines'][number];

const STATUS_COLORS: Record<Deadline['status'], string> = { PENDING: 'processing', MET: 'success', MISSED: 'error', CANCELLED: 'default' };

/** The case's periods, running ones first by due date; finished ones on request. */
export function DeadlinesPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const today = legalToday();
  const rows = detail.deadlines
    .filter((deadline) => showAll || deadline.status === 'PENDING')
    .sort((a, b) => Number(b.status === 'PENDING') - Number(a.status === 'PENDING') || a.dueOn.localeCompare(b.dueOn));
  return (
    <Card
      size="small"
      title={t('caseFile.deadlines.title')}
      extra={
        <Flex gap="small" align="center">
          <Switch size="small" id="deadlines-all" checked={showAll} onChange={setShowAll} />
          <label htmlFor="deadlines-all">{t('caseFile.deadlines.showClosed')}</label>
        </Flex>
      }
      data-testid="deadlines-panel"
    >
      <Table<Deadline>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('caseFile.deadlines.empty') }}
        columns={[
          {
            key: 'kind',
            title: t('caseFile.deadlines.kind'),
            render: (_, row) => (
              <Tooltip title={`${t('caseFile.deadlines.basis')}: ${row.basis}`}>
                <span>
                  {t(`caseFile.deadlineKind.${row.kind}`)}
                  {row.instalmentNo ? ` · ${t('caseFile.deadlines.instalment', { no: row.instalmentNo })}` : ''}
                </span>
              </Tooltip>
            ),
          },
          {
            key: 'dueOn',
            title: t('caseFile.deadlines.dueOn'),
            render: (_, row) => (
              <Flex gap={4} align="center">
                {row.dueOn}
                {row.calendarVerified ? (
                  <Tooltip title={t('caseFile.deadlines.verified')}>
                    <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('caseFile.deadlines.verified')} />
                  </Tooltip>
                ) : (
                  <Tooltip title={t('caseFile.deadlines.unverified')}>
                    <ExclamationCircleTwoTone twoToneColor="#faad14" aria-label={t('caseFile.deadlines.unverified')} data-testid="deadline-unverified" />
                  </Tooltip>
                )}
              </Flex>
            ),
          },
          { key: 'status', title: t('caseFile.deadlines.status'), render: (_, row) => <Tag color={STATUS_COLORS[row.status]}>{t(`caseFile.deadlineStatus.${row.status}`)}</Tag> },
          {
            key: 'left',
            title: t('caseFile.deadlines.left'),
            render: (_, row) => {
              if (row.status !== 'PENDING') return null;
              if (row.pausedSince) {
                return (
                  <Tag icon={<PauseCircleOutlined />} data-testid="deadline-paused">
                    {t('caseFile.deadlines.paused', { since: row.pausedSince })}
                  </Tag>
                );
              }
              return (
                <Flex vertical>
                  <Countdown today={today} dueOn={row.dueOn} />
                  {row.pausedDays > 0 ? <Typography.Text type="secondary">{t('caseFile.deadlines.pausedDays', { count: row.pausedDays })}</Typography.Text> : null}
                </Flex>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
