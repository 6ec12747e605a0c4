import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** Cancel and save under an admin form; cancel stays usable while the form is disabled during a submission. */
export function AdminFormButtons({ submitting, onCancel }: { submitting: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex justify="end" gap="small">
      <Button onClick={onCancel} disabled={false}>
        {t('admin.cancel')}
      </Button>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('admin.save')}
      </Button>
    </Flex>
  );
}
