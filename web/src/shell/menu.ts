import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  FormOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Role } from '../auth/session-store';
import type { Messages } from '../i18n/messages.zh-CN';

export interface MenuEntry {
  readonly key: string;
  readonly path: string;
  readonly label: `menu.${keyof Messages['menu']}`;
  readonly icon: ComponentType;
}

const CASES: MenuEntry = { key: 'cases', path: '/cases', label: 'menu.cases', icon: FolderOpenOutlined };
const STATISTICS: MenuEntry = { key: 'statistics', path: '/statistics', label: 'menu.statistics', icon: BarChartOutlined };
const AUDIT: MenuEntry = { key: 'audit', path: '/audit', label: 'menu.audit', icon: SafetyCertificateOutlined };
const USERS: MenuEntry = { key: 'users', path: '/admin/users', label: 'menu.users', icon: TeamOutlined };
const ORGANIZATIONS: MenuEntry = { key: 'organizations', path: '/admin/organizations', label: 'menu.organizations', icon: ApartmentOutlined };
const DESK: MenuEntry = { key: 'desk', path: '/desk', label: 'menu.desk', icon: HomeOutlined };
const INTAKE: MenuEntry = { key: 'intake', path: '/intake', label: 'menu.intake', icon: FormOutlined };
const COURT_QUEUE: MenuEntry = { key: 'court', path: '/court', label: 'menu.court', icon: AuditOutlined };
const RISK: MenuEntry = { key: 'risk', path: '/risk', label: 'menu.risk', icon: DashboardOutlined };
const ALERTS: MenuEntry = { key: 'alerts', path: '/alerts', label: 'menu.alerts', icon: WarningOutlined };
const SCREENINGS: MenuEntry = { key: 'screenings', path: '/screenings', label: 'menu.screenings', icon: FileSearchOutlined };
const SENSITIVE_PERIODS: MenuEntry = { key: 'sensitivePeriods', path: '/sensitive-periods', label: 'menu.sensitivePeriods', icon: CalendarOutlined };

/**
 * Each role's side menu, in order. An entry is added here together with its screen, so that no entry leads nowhere.
 * An administrator keeps the sensitive-period calendar too: the seeded holidays and any period of every organization.
 * A court liaison's statistics cover their court's referrals only (the API scopes the summary), so 统计 is theirs too.
 * An administrator reads the cases of their organization (masked, read-only, DOMAIN §1), so 案件 is theirs too.
 * A supervisor registers cases at the desk as mediators do (DOMAIN §1), so 登记 is theirs too.
 */
export const MENUS: Readonly<Record<Role, readonly MenuEntry[]>> = {
  MEDIATOR: [DESK, INTAKE, CASES],
  COURT_LIAISON: [COURT_QUEUE, STATISTICS, CASES],
  SUPERVISOR: [RISK, ALERTS, SCREENINGS, SENSITIVE_PERIODS, STATISTICS, AUDIT, INTAKE, CASES],
  ADMIN: [USERS, ORGANIZATIONS, AUDIT, SENSITIVE_PERIODS, CASES],
};

/** Where a role lands after signing in: its first menu entry. */
export function homePathOf(role: Role): string {
  return MENUS[role][0].path;
}

/** The entry a page belongs to, for highlighting: /cases/… is under 案件. */
export function menuEntryAt(role: Role, pathname: string): MenuEntry | undefined {
  return MENUS[role].find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
}
