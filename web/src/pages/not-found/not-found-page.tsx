import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** An address inside the console that no screen answers, e.g. a mistyped or outdated bookmark. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('errors.pageNotFound')}
      subTitle={t('errors.pageNotFoundHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('errors.toHome')}
        </Button>
      }
    />
  );
}
