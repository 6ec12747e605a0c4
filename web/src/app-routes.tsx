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
const DeskPage = lazy(() => import('./pages/desk/desk-page').then((module) => ({ default: module.DeskPage })));
const IntakePage = lazy(() => import('./pages/intake/intake-page').then((module) => ({ default: module.IntakePage })));
const CourtQueuePage = lazy(() => import('./pages/court/court-queue-page').then((module) => ({ default: module.CourtQueuePage })));
const CaseDetailPage = lazy(() => import('./pages/cases/case-detail-page').then((module) => ({ default: module.CaseDetailPage })));
const RiskDashboardPage = lazy(() => import('./pages/risk/risk-dashboard-page').then((module) => ({ default: module.RiskDashboardPage })));
const ScreeningsPage = lazy(() => import('./pages/risk/screenings-page').then((module) => ({ default: module.ScreeningsPage })));
const ScreeningLedgerPage = lazy(() => import('./pages/risk/screening-ledger-page').then((module) => ({ default: module.ScreeningLedgerPage })));
const AlertsPage = lazy(() => import('./pages/risk/alerts-page').then((module) => ({ default: module.AlertsPage })));
const SensitivePeriodsPage = lazy(() => import('./pages/risk/sensitive-periods-page').then((module) => ({ default: module.SensitivePeriodsPage })));

const StatisticsPage = lazy(() => import('./pages/statistics/statistics-page').then((module) => ({ default: module.StatisticsPage })));
const AuditPage = lazy(() => import('./pages/audit/audit-page').then((module) => ({ default: module.AuditPage })));
const UsersPage = lazy(() => import('./pages/admin/users-page').then((module) => ({ default: module.UsersPage })));
const OrganizationsPage = lazy(() => import('./pages/admin/organizations-page').then((module) => ({ default: module.OrganizationsPage })));

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
      { path: 'desk', element: <DeskPage /> },
      { path: 'intake', element: <IntakePage /> },
      { path: 'court', element: <CourtQueuePage /> },
      { path: 'cases', element: <CaseListPage /> },
      { path: 'cases/:id', element: <CaseDetailPage /> },
      { path: 'risk', element: <RiskDashboardPage /> },
      { path: 'screenings', element: <ScreeningsPage /> },
      { path: 'screenings/:id', element: <ScreeningLedgerPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: 'sensitive-periods', element: <SensitivePeriodsPage /> },
      { path: 'statistics', element: <StatisticsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/organizations', element: <OrganizationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
