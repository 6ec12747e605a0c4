import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { LoginLocationState } from '../../auth/require-session';
import { signIn } from '../../auth/sign-in';
import { useSessionState } from '../../auth/use-session';
import { LanguageToggle } from '../../i18n/language-toggle';
import { homePathOf } from '../../shell/menu';
import { LoginForm } from './login-form';

/** Only a path inside the console, so that a crafted link cannot send a user elsewhere after signing in. */
function returnPath(state: unknown): string | undefined {
  const from = (state as LoginLocationState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : undefined;
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { session, ended } = useSessionState();
  if (session) return <Navigate to={returnPath(location.state) ?? homePathOf(session.user.role)} replace />;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 12 }}>
        <LanguageToggle />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.fullName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {ended === 'expired' ? <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} data-testid="session-notice" /> : null}
        {ended === 'signedOut' ? <Alert type="info" showIcon title={t('login.signedOut')} style={{ marginBottom: 16 }} data-testid="session-notice" /> : null}
        <LoginForm onSignIn={signIn} />
      </Card>
    </Flex>
  );
}
