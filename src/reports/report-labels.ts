import type { CaseSource } from '../cases/machine/case.types';
import type { ClosedOutcome } from './summary-report';

// What the report files call each code: the supervisors hand them to the union federation and the court, in Chinese.
// Claim types, states, deadline kinds and risk levels keep the names the rest of the application already uses.

export const SOURCE_LABELS: Readonly<Record<CaseSource, string>> = {
  WALK_IN: '来访申请',
  HOTLINE: '热线（12351）',
  ONLINE: '网上申请',
  WRITTEN: '书面申请',
  COURT_DELEGATED: '法院委派',
  COURT_ENTRUSTED: '法院委托',
  LABOR_INSPECTION: '劳动监察移送',
};

export const OUTCOME_LABELS: Readonly<Record<ClosedOutcome | 'OPEN', string>> = {
  RESOLVED: '调解成功（履行完毕）',
  FAILED: '调解不成',
  WITHDRAWN: '申请人撤回',
  REFERRED: '转入其他程序',
  REJECTED: '不予受理',
  OPEN: '未结案',
};

export const NO_MEDIATOR_LABEL = '未分配调解员';
