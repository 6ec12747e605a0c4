import type { CSSProperties } from 'react';
import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useErrorText } from '../api/error-text';
import { RequestId } from './request-id';

function requestIdOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.requestId : undefined;
}

/** A screen whose data could not be loaded: what went wrong, the request id to quote, and a way to try again. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { describeError } = useErrorText();
  const status = error instanceof ApiError && (error.status === 403 || error.status === 404) ? error.status : 'error';
  return (
    <Result
      status={status}
      title={t('errors.title')}
      subTitle={
        <>
          <div role="alert">{describeError(error)}</div>
          <RequestId id={requestIdOf(error)} />
        </>
      }
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

/** A failed part of a screen, or a refused action, shown in place; the request id to quote when there is one. */
export function ErrorAlert({ error, style, testId }: { error: unknown; style?: CSSProperties; testId?: string }) {
  const { describeError } = useErrorText();
  const requestId = requestIdOf(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style}
      title={describeError(error)}
      description={requestId ? <RequestId id={requestId} /> : undefined}
      data-testid={testId}
    />
  );
}
