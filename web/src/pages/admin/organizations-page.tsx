import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Modal, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { unwrap } from '../../api/unwrap';
import { ErrorResult } from '../../common/error-result';
import { AdminOnly } from './admin-only';
import { ORGANIZATIONS, useOrganizations, type Organization } from './admin-queries';
import { OrganizationForm, type OrganizationDraft } from './organization-form';

function organizationColumns(t: TFunction, when: Intl.DateTimeFormat, edit: (organization: Organization) => void): ColumnsType<Organization> {
  return [
    { key: 'name', title: t('admin.organizations.column.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('admin.organizations.column.kind'),
      render: (_, organization) => <Tag color={organization.kind === 'COURT' ? 'geekblue' : 'green'}>{t(`admin.organizations.kind.${organization.kind}`)}</Tag>,
    },
    { key: 'region', title: t('admin.organizations.column.region'), dataIndex: 'region' },
    { key: 'prefix', title: t('admin.organizations.column.caseNumberPrefix'), render: (_, organization) => <Typography.Text code>{organization.caseNumberPrefix}</Typography.Text> },
    { key: 'createdAt', title: t('admin.organizations.column.createdAt'), render: (_, organization) => when.format(new Date(organization.createdAt)) },
    {
      key: 'actions',
      title: t('admin.organizations.column.actions'),
      render: (_, organization) => (
        <Button size="small" onClick={() => edit(organization)} aria-label={`${t('admin.edit')} ${organization.name}`}>
          {t('admin.edit')}
        </Button>
      ),
    },
  ];
}

type Editing = { readonly organization?: Organization } | null;

/** GET /api/organizations with create and edit: the union studios and the courts that refer cases to them. */
export function OrganizationsPage() {
  return (
    <AdminOnly>
      <OrganizationsPageContent />
    </AdminOnly>
  );
}

function OrganizationsPageContent() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>(null);
  const organizations = useOrganizations();

  const save = async (draft: OrganizationDraft) => {
    const organization = editing?.organization;
    if (organization) {
      await unwrap(api.PATCH('/api/organizations/{id}', { params: { path: { id: organization.id } }, body: draft }));
      void message.success(t('admin.organizations.saved'));
    } else {
      const created = await unwrap(api.POST('/api/organizations', { body: draft }));
      void message.success(t('admin.organizations.created', { name: created.name }));
    }
    setEditing(null);
    // The header shows the signed-in user's organization by name, cached per id.
    await Promise.all([client.invalidateQueries({ queryKey: ORGANIZATIONS }), client.invalidateQueries({ queryKey: ['organization'] })]);
  };

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="middle">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.organizations.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="create-organization">
          {t('admin.organizations.create')}
        </Button>
      </Flex>
      {organizations.isError ? (
        <ErrorResult error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : (
        <div data-testid="organization-table">
          <Table<Organization>
            rowKey="id"
            columns={organizationColumns(t, when, (organization) => setEditing({ organization }))}
            dataSource={organizations.data}
            loading={organizations.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: organizations.isPending ? ' ' : <Empty description={t('admin.organizations.empty')} /> }}
          />
        </div>
      )}
      <Modal
        open={editing !== null}
        title={editing?.organization ? t('admin.organizations.edit') : t('admin.organizations.create')}
        footer={null}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        width={560}
      >
        {editing !== null ? <OrganizationForm key={editing.organization?.id ?? 'new'} organization={editing.organization} onSubmit={save} onCancel={() => setEditing(null)} /> : null}
      </Modal>
    </Flex>
  );
}
