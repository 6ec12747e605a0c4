import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../common/submit-button';

/** Cancel and save under an admin form; cancel stays usable while the form is disabled during a submission. */
export function AdminFormButtons({ submitting, onCancel }: { submitting: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex justify="end" gap="small">
      <Button onClick={onCancel} disabled={false}>
        {t('admin.cancel')}
      </Button>
      <SubmitButton submitting={submitting}>{t('admin.save')}</SubmitButton>
    </Flex>
  );
}
