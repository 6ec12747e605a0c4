import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireSession } from './auth/require-session';
import { RouteError } from './common/route-error';
import { LoginPage } from './pages/login/login-page';
import { NotFoundPage } from './pages/not-found/not-found-page';
import { AppShell } from './shell/app-shell';
import { HomeRedirect } from './shell/home-redirect';

// Each screen is its own chunk: a court liaison never downloads the supervisor's charts.
const CaseListPage = lazy(() => import('./pages/cases/case-list-page').then((module) => ({ default: module.CaseListPage })));
const CaseDetailPage = lazy(() => import('./pages/cases/case-detail-page').then((module) => ({ default: module.CaseDetailPage })));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'cases', element: <CaseListPage /> },
      { path: 'cases/:id', element: <CaseDetailPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
