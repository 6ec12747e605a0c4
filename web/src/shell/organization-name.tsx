import { Skeleton, Tooltip, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useErrorText } from '../api/error-text';
import { unwrap } from '../api/unwrap';

export function OrganizationName({ id }: { id: string }) {
  const { t } = useTranslation();
  const { describeError } = useErrorText();
  const organization = useQuery({
    queryKey: ['organization', id],
    queryFn: () => unwrap(api.GET('/api/organizations/{id}', { params: { path: { id } } })),
    // Organizations are renamed rarely; one fetch per session is plenty.
    staleTime: Infinity,
  });
  if (organization.isPending) return <Skeleton.Input active size="small" />;
  if (organization.isError) {
    return (
      <Tooltip title={describeError(organization.error)}>
        <Typography.Text type="danger">{t('common.none')}</Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Typography.Text type="secondary" ellipsis title={organization.data.name} data-testid="organization-name">
      {organization.data.name}
    </Typography.Text>
  );
}
