import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { signOut } from '../auth/sign-in';
import { useSession } from '../auth/use-session';
import { LanguageToggle } from '../i18n/language-toggle';
import { NotificationsBell } from './notifications-bell';
import { OrganizationName } from './organization-name';

/** Who is signed in, for which organization and in which role; notifications, language and sign-out. */
export function HeaderBar() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Flex justify="flex-end" align="center" gap="middle" style={{ height: '100%' }}>
      <Flex align="center" gap="small" data-testid="signed-in-user" style={{ minWidth: 0 }}>
        <UserOutlined aria-hidden />
        <Typography.Text strong>{user.displayName}</Typography.Text>
        <Tag data-testid="signed-in-role">{t(`role.${user.role}`)}</Tag>
        <OrganizationName id={user.organizationId} />
      </Flex>
      <Divider orientation="vertical" />
      <NotificationsBell />
      <LanguageToggle />
      <Button icon={<LogoutOutlined />} onClick={signOut} data-testid="sign-out">
        {t('shell.signOut')}
      </Button>
    </Flex>
  );
}
