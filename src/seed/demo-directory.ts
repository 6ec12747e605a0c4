import type { OrganizationKind } from '../organizations/organization-kind';
import type { Role } from '../users/role';

export type DemoOrganizationKey = 'studio' | 'longshan' | 'xian';

export interface DemoOrganization {
  key: DemoOrganizationKey;
  name: string;
  kind: OrganizationKind;
  region: string;
  caseNumberPrefix: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  organization: DemoOrganizationKey;
}

/** A union mediation studio in Liaoyuan and the two district courts that refer cases to it. */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  { key: 'studio', name: '辽源市总工会职工服务中心劳动争议调解工作室', kind: 'UNION', region: '吉林省辽源市', caseNumberPrefix: 'LY' },
  // 吉0402 and 吉0403 are the courts' codes in their own case numbers, e.g. （2026）吉0402民初1234号.
  { key: 'longshan', name: '辽源市龙山区人民法院', kind: 'COURT', region: '吉林省辽源市龙山区（吉0402）', caseNumberPrefix: 'LSF' },
  { key: 'xian', name: '辽源市西安区人民法院', kind: 'COURT', region: '吉林省辽源市西安区（吉0403）', caseNumberPrefix: 'XAF' },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'zhaomin', displayName: '赵敏', role: 'SUPERVISOR', organization: 'studio' },
  { username: 'wangjh', displayName: '王建华', role: 'MEDIATOR', organization: 'studio' },
  { username: 'liuyan', displayName: '刘艳', role: 'MEDIATOR', organization: 'studio' },
  { username: 'sunpeng', displayName: '孙鹏', role: 'MEDIATOR', organization: 'studio' },
  { username: 'chenjing', displayName: '陈静', role: 'COURT_LIAISON', organization: 'longshan' },
  { username: 'zhouqiang', displayName: '周强', role: 'COURT_LIAISON', organization: 'xian' },
];
