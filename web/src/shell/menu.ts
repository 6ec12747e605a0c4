import { FolderOpenOutlined } from '@ant-design/icons';
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

/**
 * Each role's side menu, in order. An entry is added here together with its screen, so that no entry leads nowhere.
 * Still to come (issue 7), each before 案件 in this order:
 * - MEDIATOR: 工作台 desk, 登记 intake
 * - COURT_LIAISON: 法院队列 court queue
 * - SUPERVISOR: 风险 risk dashboard, 预警 alerts, 排查 screenings, 敏感期 sensitive periods, 统计 statistics, 审计 audit
 * - ADMIN: 用户 users, 机构 organizations, 审计 audit
 * An administrator reads the cases of their organization (masked, read-only, DOMAIN §1), so 案件 is theirs too.
 */
export const MENUS: Readonly<Record<Role, readonly MenuEntry[]>> = {
  MEDIATOR: [CASES],
  COURT_LIAISON: [CASES],
  SUPERVISOR: [CASES],
  ADMIN: [CASES],
};

/** Where a role lands after signing in: its first menu entry. */
export function homePathOf(role: Role): string {
  return MENUS[role][0].path;
}

/** The entry a page belongs to, for highlighting: /cases/… is under 案件. */
export function menuEntryAt(role: Role, pathname: string): MenuEntry | undefined {
  return MENUS[role].find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
}
