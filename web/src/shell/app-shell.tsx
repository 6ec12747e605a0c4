import { Layout, Menu, Typography, theme } from 'antd';
import { createElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/use-session';
import { PageSpinner } from '../common/page-spinner';
import { HeaderBar } from './header-bar';
import { MENUS, menuEntryAt } from './menu';

/** The signed-in frame: the role's menu on the side, the header on top, the current screen inside. */
export function AppShell() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const entries = MENUS[user.role];
  const current = menuEntryAt(user.role, location.pathname);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" breakpoint="lg" width={200} style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Title level={5} style={{ margin: 0, padding: '20px 24px', whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
        <nav aria-label={t('shell.mainMenu')}>
          <Menu
            mode="inline"
            selectedKeys={current ? [current.key] : []}
            items={entries.map((entry) => ({ key: entry.key, icon: createElement(entry.icon), label: t(entry.label) }))}
            onClick={({ key }) => navigate(entries.find((entry) => entry.key === key)?.path ?? '/')}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 24, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
