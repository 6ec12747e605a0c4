import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The id a user quotes when reporting a problem; the service logs every request under it. */
export function RequestId({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  if (!id) return null;
  return (
    <Typography.Text type="secondary" data-testid="request-id">
      {t('common.requestId')}: <Typography.Text code copyable>{id}</Typography.Text>
    </Typography.Text>
  );
}
