import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Empty, Flex, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useErrorText } from '../../api/error-text';
import { unwrap } from '../../api/unwrap';
import { ErrorAlert, ErrorResult } from '../../common/error-result';
import { AdminOnly } from './admin-only';
import { USERS, useOrganizations, type Organization, type User } from './admin-queries';
import { PasswordResetForm } from './password-reset-form';
import { UserForm, type UserDraft } from './user-form';
import { ROLES, type Role } from './user-form-rules';

type UserQuery = { role?: Role; organizationId?: string; active?: boolean };

function userQueryFrom(search: URLSearchParams): UserQuery {
  const role = search.get('role');
  const active = search.get('active');
  return {
    role: ROLES.find((candidate) => candidate === role),
    organizationId: search.get('organizationId') ?? undefined,
    active: active === 'true' ? true : active === 'false' ? false : undefined,
  };
}

function searchFromUserQuery(query: UserQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
  return search;
}

interface ColumnActions {
  readonly edit: (user: User) => void;
  readonly toggle: (user: User) => void;
  readonly resetPassword: (user: User) => void;
}

function userColumns(t: TFunction, organizations: ReadonlyMap<string, Organization>, when: Intl.DateTimeFormat, actions: ColumnActions): ColumnsType<User> {
  return [
    { key: 'username', title: t('admin.users.column.username'), dataIndex: 'username', render: (username: string) => <Typography.Text code>{username}</Typography.Text> },
    { key: 'displayName', title: t('admin.users.column.displayName'), dataIndex: 'displayName' },
    { key: 'role', title: t('admin.users.column.role'), render: (_, user) => t(`role.${user.role}`) },
    { key: 'organization', title: t('admin.users.column.organization'), render: (_, user) => organizations.get(user.organizationId)?.name ?? user.organizationId },
    {
      key: 'active',
      title: t('admin.users.column.active'),
      render: (_, user) => <Badge status={user.active ? 'success' : 'default'} text={user.active ? t('admin.users.active') : t('admin.users.inactive')} />,
    },
    { key: 'createdAt', title: t('admin.users.column.createdAt'), render: (_, user) => when.format(new Date(user.createdAt)) },
    {
      key: 'actions',
      title: t('admin.users.column.actions'),
      render: (_, user) => (
        <Space>
          <Button size="small" onClick={() => actions.edit(user)} aria-label={`${t('admin.edit')} ${user.username}`}>
            {t('admin.edit')}
          </Button>
          <Button size="small" onClick={() => actions.resetPassword(user)} aria-label={`${t('admin.users.resetPassword')} ${user.username}`}>
            {t('admin.users.resetPassword')}
          </Button>
          <Button size="small" danger={user.active} onClick={() => actions.toggle(user)} aria-label={`${user.active ? t('admin.users.deactivate') : t('admin.users.activate')} ${user.username}`}>
            {user.active ? t('admin.users.deactivate') : t('admin.users.activate')}
          </Button>
        </Space>
      ),
    },
  ];
}

/** Editing state: a new user, an existing one, or nothing open. */
type Editing = { readonly user?: User } | null;

/** GET /api/users with create, edit and (de)activation: the administrator's account desk. */
export function UsersPage() {
  return (
    <AdminOnly>
      <UsersPageContent />
    </AdminOnly>
  );
}

function UsersPageContent() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { describeError } = useErrorText();
  const client = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const query = userQueryFrom(search);
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const organizations = useOrganizations();
  const users = useQuery({ queryKey: [...USERS, query], queryFn: () => unwrap(api.GET('/api/users', { params: { query } })) });
  const organizationsById = new Map((organizations.data ?? []).map((organization) => [organization.id, organization]));
  const refresh = () => client.invalidateQueries({ queryKey: USERS });

  const setActive = useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) =>
      unwrap(
        active
          ? api.POST('/api/users/{id}/activate', { params: { path: { id: user.id } } })
          : api.POST('/api/users/{id}/deactivate', { params: { path: { id: user.id } } }),
      ),
    onSuccess: (user) => {
      void message.success(t(user.active ? 'admin.users.activated' : 'admin.users.deactivated', { name: user.displayName }));
      void refresh();
    },
    onError: (error) => void message.error(describeError(error)),
  });

  const toggle = (user: User) => {
    const active = !user.active;
    void modal.confirm({
      title: t(active ? 'admin.users.confirmActivate' : 'admin.users.confirmDeactivate', { name: user.displayName, username: user.username }),
      content: t(active ? 'admin.users.confirmActivateHint' : 'admin.users.confirmDeactivateHint'),
      okText: active ? t('admin.users.activate') : t('admin.users.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('admin.cancel'),
      onOk: () => setActive.mutateAsync({ user, active }).catch(() => undefined),
    });
  };

  const save = async (draft: UserDraft) => {
    const user = editing?.user;
    if (user) {
      await unwrap(
        api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { displayName: draft.displayName, role: draft.role, organizationId: draft.organizationId } }),
      );
      void message.success(t('admin.users.saved'));
    } else {
      const created = await unwrap(
        api.POST('/api/users', {
          body: { username: draft.username, displayName: draft.displayName, role: draft.role, organizationId: draft.organizationId, password: draft.password ?? '' },
        }),
      );
      void message.success(t('admin.users.created', { name: created.displayName }));
    }
    setEditing(null);
    await refresh();
  };

  const resetPassword = async (newPassword: string) => {
    if (!resetting) return;
    await unwrap(api.POST('/api/users/{id}/password', { params: { path: { id: resetting.id } }, body: { newPassword } }));
    void message.success(t('admin.users.passwordReset', { name: resetting.displayName }));
    setResetting(null);
  };

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const change = (changes: Partial<UserQuery>) => setSearch(searchFromUserQuery({ ...query, ...changes }));
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={!organizations.data} data-testid="create-user">
          {t('admin.users.create')}
        </Button>
      </Flex>
      <Flex wrap gap="middle" role="search">
        <Select
          aria-label={t('admin.users.filterRole')}
          placeholder={t('admin.users.filterRole')}
          allowClear
          value={query.role}
          options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          onChange={(role?: Role) => change({ role })}
          style={{ width: 160 }}
        />
        <Select
          aria-label={t('admin.users.filterOrganization')}
          placeholder={t('admin.users.filterOrganization')}
          allowClear
          value={query.organizationId}
          options={(organizations.data ?? []).map((organization) => ({ value: organization.id, label: organization.name }))}
          onChange={(organizationId?: string) => change({ organizationId })}
          style={{ width: 320 }}
        />
        <Select
          aria-label={t('admin.users.filterActive')}
          placeholder={t('admin.users.filterActive')}
          allowClear
          value={query.active === undefined ? undefined : String(query.active)}
          options={[
            { value: 'true', label: t('admin.users.active') },
            { value: 'false', label: t('admin.users.inactive') },
          ]}
          onChange={(active?: string) => change({ active: active === undefined ? undefined : active === 'true' })}
          style={{ width: 140 }}
        />
      </Flex>
      {organizations.isError ? <ErrorAlert error={organizations.error} /> : null}
      {users.isError ? (
        <ErrorResult error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <div data-testid="user-table">
          <Table<User>
            rowKey="id"
            columns={userColumns(t, organizationsById, when, { edit: (user) => setEditing({ user }), toggle, resetPassword: setResetting })}
            dataSource={users.data}
            loading={users.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
            locale={{ emptyText: users.isPending ? ' ' : <Empty description={t('admin.users.empty')} /> }}
          />
        </div>
      )}
      <Modal
        open={editing !== null}
        title={editing?.user ? t('admin.users.edit') : t('admin.users.create')}
        footer={null}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        width={560}
      >
        {editing !== null ? (
          <UserForm key={editing.user?.id ?? 'new'} user={editing.user} organizations={organizations.data ?? []} onSubmit={save} onCancel={() => setEditing(null)} />
        ) : null}
      </Modal>
      <Modal
        open={resetting !== null}
        title={resetting ? `${t('admin.users.resetPassword')} · ${resetting.displayName}` : ''}
        footer={null}
        onCancel={() => setResetting(null)}
        destroyOnHidden
        width={480}
      >
        {resetting ? <PasswordResetForm key={resetting.id} user={resetting} onSubmit={resetPassword} onCancel={() => setResetting(null)} /> : null}
      </Modal>
    </Flex>
  );
}
