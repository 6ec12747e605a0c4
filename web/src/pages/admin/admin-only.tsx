import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/use-session';

/**
 * Accounts and organizations are the administrator's alone. A supervisor may read the user list through the API, but
 * a screen of buttons that all answer 403 helps nobody: anyone else who follows a link here is told so at once.
 */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user.role !== 'ADMIN') return <Result status="403" title={t('errors.forbidden')} />;
  return children;
}
