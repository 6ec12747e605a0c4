import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Dropdown, Empty, Flex, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import { unwrap } from '../../api/unwrap';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { AuditEntryDrawer, StateName, type AuditEntry } from './audit-entry-drawer';
import { AuditFilters } from './audit-filters';
import { AuditIntegrity } from './audit-integrity';
import { CaseRef, categoryText, roleText, useAuditUsers, type UserSummary } from './audit-lookups';
import { AUDIT_PAGE_SIZES, auditQueryFrom, exportQueryOf, searchFromAuditQuery, type AuditQuery } from './audit-params';
import { auditTotalText } from './audit-total';

type ExportFormat = 'csv' | 'jsonl';

/** A case event's row says which event (ACCEPT, ASSIGN, …) in its payload; the list shows it under the action. */
function eventTypeOf(entry: AuditEntry): string | undefined {
  const payload = entry.payload as { type?: unknown } | null;
  return typeof payload?.type === 'string' ? payload.type : undefined;
}

function columns(t: TFunction, when: Intl.DateTimeFormat, users: ReadonlyMap<string, UserSummary>, open: (entry: AuditEntry) => void): ColumnsType<AuditEntry> {
  return [
    { key: 'seq', title: t('audit.column.seq'), dataIndex: 'seq', align: 'right' },
    { key: 'at', title: t('audit.column.at'), render: (_, entry) => <span title={entry.at}>{when.format(new Date(entry.at))}</span> },
    {
      key: 'actor',
      title: t('audit.column.actor'),
      render: (_, entry) => {
        if (!entry.actorUserId) return <Typography.Text type="secondary">{t('audit.systemActor')}</Typography.Text>;
        const user = users.get(entry.actorUserId);
        return (
          <Flex vertical>
            <span title={entry.actorUserId}>{user?.displayName ?? entry.actorUserId.slice(0, 8)}</span>
            <Typography.Text type="secondary">{roleText(entry.actorRole, t)}</Typography.Text>
          </Flex>
        );
      },
    },
    { key: 'category', title: t('audit.column.category'), render: (_, entry) => categoryText(entry.category, t) },
    {
      key: 'action',
      title: t('audit.column.action'),
      render: (_, entry) => (
        <Flex vertical>
          <Typography.Text code>{entry.action}</Typography.Text>
          {eventTypeOf(entry) ? <Typography.Text type="secondary">{eventTypeOf(entry)}</Typography.Text> : null}
        </Flex>
      ),
    },
    { key: 'case', title: t('audit.column.case'), render: (_, entry) => (entry.caseId ? <CaseRef id={entry.caseId} /> : t('common.none')) },
    {
      key: 'states',
      title: t('audit.column.states'),
      render: (_, entry) =>
        entry.toState ? (
          <span>
            <StateName state={entry.fromState} /> → <StateName state={entry.toState} />
          </span>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'details',
      title: t('audit.column.details'),
      render: (_, entry) => (
        <Button size="small" onClick={() => open(entry)} aria-label={t('audit.entry.title', { seq: entry.seq })}>
          {t('audit.open')}
        </Button>
      ),
    },
  ];
}

function ExportButton({ query }: { query: AuditQuery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: (format: ExportFormat) =>
      downloadFile(
        api.GET('/api/audit/export', { params: { query: exportQueryOf(query, format) }, parseAs: 'blob' }) as Promise<{ data?: Blob; error?: unknown; response: Response }>,
        `audit-export.${format}`,
      ),
    onSuccess: (name) => void message.success(t('audit.export.done', { name })),
  });
  return (
    <Flex vertical gap="small" align="end">
      <Tooltip title={t('audit.export.hint')}>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'csv', label: t('audit.export.csv') },
              { key: 'jsonl', label: t('audit.export.jsonl') },
            ],
            onClick: ({ key }) => download.mutate(key as ExportFormat),
          }}
        >
          <Button icon={<DownloadOutlined />} loading={download.isPending} data-testid="audit-export">
            {t('audit.export.button')}
          </Button>
        </Dropdown>
      </Tooltip>
      {download.isError ? <ErrorAlert error={download.error} /> : null}
    </Flex>
  );
}

/** GET /api/audit: the trail, searched and paged by the service, with the chains' verification and the checkpoint. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const query = auditQueryFrom(search);
  const [opened, setOpened] = useState<AuditEntry | null>(null);
  const users = useAuditUsers();
  const usersById = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user])), [users.data]);
  const entries = useQuery({
    queryKey: ['audit', 'entries', query],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Partial<AuditQuery>) => setSearch(searchFromAuditQuery({ ...query, ...changes }));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <ExportButton query={query} />
      </Flex>
      <AuditIntegrity />
      <AuditFilters query={query} onChange={update} onReset={() => setSearch(new URLSearchParams())} />
      {entries.isError && entries.data ? <ErrorAlert error={entries.error} /> : null}
      {entries.isError && !entries.data ? (
        <ErrorResult error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <div data-testid="audit-table">
          <Table<AuditEntry>
            rowKey="seq"
            size="small"
            columns={columns(t, when, usersById, setOpened)}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: entries.isPending ? ' ' : <Empty description={t('audit.empty')} /> }}
            pagination={{
              current: entries.data?.page ?? query.page,
              pageSize: entries.data?.pageSize ?? query.pageSize,
              total: entries.data?.total ?? 0,
              pageSizeOptions: AUDIT_PAGE_SIZES,
              showSizeChanger: true,
              showTotal: (total) => auditTotalText(t, total, entries.data?.totalExact ?? true),
            }}
            onChange={(pagination) => update({ page: pagination.current, pageSize: pagination.pageSize })}
          />
        </div>
      )}
      <AuditEntryDrawer
        entry={opened}
        users={usersById}
        onClose={() => setOpened(null)}
        onFilterCase={(caseId) => {
          setOpened(null);
          update({ caseId, page: 1 });
        }}
      />
    </Flex>
  );
}
