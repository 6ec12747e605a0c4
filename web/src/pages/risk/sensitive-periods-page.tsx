import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { useSession } from '../../auth/use-session';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { shanghaiDate } from './legal-dates';
import { PeriodPhaseTag } from './period-phase-tag';
import { PeriodTimeline } from './period-timeline';
import { RISK_KEYS, useSensitivePeriods } from './risk-queries';
import type { SensitivePeriod } from './risk-vocabulary';
import { SensitivePeriodForm } from './sensitive-period-form';
import { draftOfPeriod, mayChangePeriod, toPeriodBody, type PeriodDraft } from './sensitive-period-rules';
import { useNow } from './use-now';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

type Editing = { mode: 'create' } | { mode: 'edit'; period: SensitivePeriod };

function useYear(today: string): [number, (year: number) => void] {
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('year'));
  const year = Number.isInteger(asked) && asked >= MIN_YEAR && asked <= MAX_YEAR ? asked : Number(today.slice(0, 4));
  return [year, (next) => setSearch(new URLSearchParams({ year: String(next) }))];
}

/** An ADMIN places a period in one organization or every one; the form lists the mediation studios. */
function useUnionOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', 'UNION'],
    queryFn: () => unwrap(api.GET('/api/organizations', { params: { query: { kind: 'UNION' } } })),
    enabled,
  });
}

function usePeriodMutations(onSaved: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: RISK_KEYS.periods });
  const save = async (editing: Editing, draft: PeriodDraft) => {
    const body = toPeriodBody(draft, user.role);
    const saved =
      editing.mode === 'create'
        ? await unwrap(api.POST('/api/sensitive-periods', { body }))
        : await unwrap(api.PATCH('/api/sensitive-periods/{id}', { params: { path: { id: editing.period.id } }, body }));
    void message.success(t(editing.mode === 'create' ? 'risk.periods.created' : 'risk.periods.updated', { name: saved.name }));
    onSaved();
    await refresh();
  };
  const setActive = useMutation({
    mutationFn: ({ period, active }: { period: SensitivePeriod; active: boolean }) =>
      active
        ? unwrap(api.PATCH('/api/sensitive-periods/{id}', { params: { path: { id: period.id } }, body: { active: true } }))
        : unwrap(api.DELETE('/api/sensitive-periods/{id}', { params: { path: { id: period.id } } })),
    onSuccess: async (period) => {
      void message.success(t(period.active ? 'risk.periods.reactivated' : 'risk.periods.deactivated', { name: period.name }));
      await refresh();
    },
  });
  return { save, setActive };
}

interface TableProps {
  readonly periods: readonly SensitivePeriod[] | undefined;
  readonly loading: boolean;
  readonly today: string;
  readonly onEdit: (period: SensitivePeriod) => void;
  readonly onSetActive: (period: SensitivePeriod, active: boolean) => void;
}

function PeriodTable({ periods, loading, today, onEdit, onSetActive }: TableProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Table<SensitivePeriod>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={periods as SensitivePeriod[] | undefined}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: loading ? ' ' : <Empty description={t('risk.periods.empty')} /> }}
      data-testid="period-table"
      columns={[
        {
          key: 'name',
          title: t('risk.periods.columns.name'),
          render: (_, period) => (
            <Space size={4} wrap>
              <Typography.Text delete={!period.active}>{period.name}</Typography.Text>
              {period.verified ? null : <Tag color="warning">{t('risk.periods.provisional')}</Tag>}
            </Space>
          ),
        },
        { key: 'kind', title: t('risk.periods.columns.kind'), render: (_, period) => t(`risk.periodKind.${period.kind}`) },
        { key: 'dates', title: t('risk.periods.columns.dates'), render: (_, period) => `${period.startsOn} – ${period.endsOn}` },
        { key: 'leadDays', title: t('risk.periods.columns.leadDays'), dataIndex: 'leadDays', align: 'right' },
        { key: 'windowOpensOn', title: t('risk.periods.columns.windowOpensOn'), dataIndex: 'windowOpensOn' },
        {
          key: 'milestones',
          title: t('risk.periods.columns.milestones'),
          render: (_, period) =>
            period.milestones.length === 0 ? (
              t('common.none')
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 360 }}>
                {period.milestones.map((milestone) => (
                  <li key={`${milestone.on}-${milestone.label}`}>
                    {milestone.on} {milestone.label}
                  </li>
                ))}
              </ul>
            ),
        },
        {
          key: 'scope',
          title: t('risk.periods.columns.scope'),
          render: (_, period) => (period.orgId === null ? t('risk.periods.everyOrganization') : t('risk.periods.ownOrganization')),
        },
        {
          key: 'status',
          title: t('risk.periods.columns.status'),
          render: (_, period) => (period.active ? <PeriodPhaseTag period={period} today={today} /> : <Tag>{t('risk.periods.inactive')}</Tag>),
        },
        {
          key: 'actions',
          title: t('risk.periods.columns.actions'),
          fixed: 'right',
          render: (_, period) =>
            mayChangePeriod(user, period) ? (
              <Space size="small">
                <Button size="small" onClick={() => onEdit(period)}>
                  {t('risk.periods.edit')}
                </Button>
                {period.active ? (
                  <Popconfirm
                    title={t('risk.periods.deactivateConfirm', { name: period.name })}
                    description={<div style={{ maxWidth: 320 }}>{t('risk.periods.deactivateHint')}</div>}
                    okText={t('risk.periods.deactivate')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('risk.periods.form.cancel')}
                    onConfirm={() => onSetActive(period, false)}
                  >
                    <Button size="small" danger>
                      {t('risk.periods.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => onSetActive(period, true)}>
                    {t('risk.periods.reactivate')}
                  </Button>
                )}
              </Space>
            ) : null,
        },
      ]}
    />
  );
}

/** 敏感期: the year's sensitive periods on a timeline and in a list; supervisors and administrators keep them. */
export function SensitivePeriodsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const today = shanghaiDate(useNow(60_000));
  const [year, setYear] = useYear(today);
  const periods = useSensitivePeriods({ year });
  const [editing, setEditing] = useState<Editing | null>(null);
  const { save, setActive } = usePeriodMutations(() => setEditing(null));
  const mayAdd = user.role === 'SUPERVISOR' || user.role === 'ADMIN';
  const organizations = useUnionOrganizations(user.role === 'ADMIN' && editing !== null);

  if (periods.isError && !periods.data) return <ErrorResult error={periods.error} onRetry={() => void periods.refetch()} />;
  return (
    <Flex vertical gap="middle">
      <Flex align="center" justify="space-between" gap="middle" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('risk.periods.title')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="periods-year">{t('risk.periods.year')}</label>
          <InputNumber id="periods-year" min={MIN_YEAR} max={MAX_YEAR} precision={0} value={year} onChange={(next) => next && setYear(next)} style={{ width: 100 }} />
          {mayAdd ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ mode: 'create' })} data-testid="add-period">
              {t('risk.periods.add')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {setActive.isError ? <ErrorAlert error={setActive.error} /> : null}
      <Card size="small" title={t('risk.periods.timeline')}>
        {periods.data ? <PeriodTimeline periods={periods.data} year={year} today={today} /> : null}
      </Card>
      <Card size="small" title={t('risk.periods.list')}>
        <PeriodTable
          periods={periods.data}
          loading={periods.isFetching}
          today={today}
          onEdit={(period) => setEditing({ mode: 'edit', period })}
          onSetActive={(period, active) => setActive.mutate({ period, active })}
        />
      </Card>
      {editing ? (
        <Modal open title={editing.mode === 'create' ? t('risk.periods.form.createTitle') : t('risk.periods.form.editTitle')} footer={null} width={720} onCancel={() => setEditing(null)} destroyOnHidden>
          <SensitivePeriodForm
            initial={editing.mode === 'edit' ? draftOfPeriod(editing.period) : undefined}
            role={user.role}
            organizations={organizations.data}
            onSubmit={(draft) => save(editing, draft)}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      ) : null}
    </Flex>
  );
}
