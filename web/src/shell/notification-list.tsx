import type { UseQueryResult } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Role } from '../auth/session-store';
import { ErrorAlert } from '../common/error-result';
import { notificationTarget } from './notification-target';
import { useMarkRead, type Notification } from './notifications-query';

interface Props {
  readonly notifications: UseQueryResult<{ items: Notification[] }>;
  readonly markAllError: unknown;
  readonly onOpened: () => void;
  readonly role: Role;
}

/** Newest first; opening one marks it read and goes to its case or, for a screening's digest, its screening. */
export function NotificationList({ notifications, markAllError, onOpened, role }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  if (notifications.isPending) return <Skeleton active />;
  if (notifications.isError) return <ErrorAlert error={notifications.error} />;
  if (notifications.data.items.length === 0) return <Empty description={t('notifications.empty')} />;

  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    const target = notificationTarget(notification, role);
    if (target !== null) {
      navigate(target.path);
      onOpened();
    }
  };
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <Flex vertical gap="small">
      {markAllError ? <ErrorAlert error={markAllError} /> : null}
      {markRead.isError ? <ErrorAlert error={markRead.error} /> : null}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="notification-list">
        {notifications.data.items.map((notification) => {
          const hint = notificationTarget(notification, role)?.hint;
          return (
            <li key={notification.id}>
              <Button type="text" block onClick={() => open(notification)} style={{ height: 'auto', textAlign: 'start', whiteSpace: 'normal', padding: 8 }}>
                <Flex vertical align="start" style={{ width: '100%' }}>
                  <Flex gap="small" align="center">
                    {notification.readAt === null ? <Badge status="processing" title={t('notifications.unread')} /> : null}
                    {notification.kind === 'SCREENING_ALERTS' ? <Tag color="orange">{t('notifications.screening')}</Tag> : null}
                    <Typography.Text strong={notification.readAt === null}>{notification.title}</Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary">{notification.body}</Typography.Text>
                  {hint ? (
                    <Typography.Text type="secondary" underline>
                      {t(hint)}
                    </Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {when.format(new Date(notification.createdAt))}
                  </Typography.Text>
                </Flex>
              </Button>
            </li>
          );
        })}
      </ul>
    </Flex>
  );
}
