import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';
import { NotificationList } from './notification-list';
import { useMarkAllRead, useNotifications } from './notifications-query';

/**
 * The unread count on a bell; the list opens in a drawer, which takes the keyboard focus and gives it back on Escape,
 * so the notifications can be read and opened without a mouse.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markAllRead = useMarkAllRead();
  const unread = notifications.data?.unread ?? 0;
  return (
    <>
      <Badge count={unread} size="small" data-testid="notifications-unread">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.open', { count: unread })} onClick={() => setOpen(true)} />
      </Badge>
      <Drawer
        title={t('notifications.title')}
        open={open}
        onClose={() => setOpen(false)}
        size={400}
        extra={
          <Button size="small" disabled={unread === 0} loading={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        <NotificationList notifications={notifications} markAllError={markAllRead.error} onOpened={() => setOpen(false)} role={user.role} />
      </Drawer>
    </>
  );
}
