import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { useErrorText } from '../api/error-text';

/**
 * A screen that failed to render or to load its code. The usual cause is a new deployment while the tab was open:
 * the old page asks for script files that are gone, and a reload fetches the new ones.
 */
export function RouteError() {
  const { t } = useTranslation();
  const { describeError } = useErrorText();
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t('errors.title')}
      subTitle={<span role="alert">{describeError(error)}</span>}
      extra={<Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>}
    />
  );
}
