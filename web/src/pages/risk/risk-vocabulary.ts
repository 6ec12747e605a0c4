import type { components } from '../../api/schema';
import type { RiskLevel } from '../../cases/case-vocabulary';

export type Alert = components['schemas']['AlertResponseDto'];
export type AlertKind = Alert['kind'];
export type AlertStatus = Alert['status'];
export type AlertQuery = NonNullable<import('../../api/schema').operations['AlertsController_list']['parameters']['query']>;
export type SensitivePeriod = components['schemas']['SensitivePeriodResponseDto'];
export type SensitivePeriodKind = SensitivePeriod['kind'];
export type Screening = components['schemas']['RiskScreeningDto'];
export type ScreeningSummary = components['schemas']['RiskScreeningSummaryDto'];
export type LevelCounts = components['schemas']['RiskLevelCountsDto'];

// Records over the schema's unions: they stop compiling when the service adds or drops a value (see case-vocabulary).
const KINDS: Record<AlertKind, true> = { RISK_LEVEL: true, DEADLINE_WARNING: true, DEADLINE_MISSED: true, LIMITATION_WATCH: true, SENSITIVE_PERIOD: true };
const STATUSES: Record<AlertStatus, true> = { OPEN: true, ACKNOWLEDGED: true, RESOLVED: true };
const PERIOD_KINDS: Record<SensitivePeriodKind, true> = {
  WINTER_WAGE_CAMPAIGN: true,
  SPRING_FESTIVAL: true,
  TWO_SESSIONS: true,
  LABOUR_DAY: true,
  NATIONAL_DAY: true,
  PARTY_CONGRESS: true,
  CUSTOM: true,
};

export const ALERT_KINDS = Object.keys(KINDS) as AlertKind[];
export const ALERT_STATUSES = Object.keys(STATUSES) as AlertStatus[];
export const SENSITIVE_PERIOD_KINDS = Object.keys(PERIOD_KINDS) as SensitivePeriodKind[];

export function isAlertKind(value: string): value is AlertKind {
  return Object.hasOwn(KINDS, value);
}

export function isAlertStatus(value: string): value is AlertStatus {
  return Object.hasOwn(STATUSES, value);
}

/** Chart and bar colours of the four levels: antd's preset blue, gold, orange and red, as RiskTag shows them. */
export const RISK_LEVEL_HEX: Readonly<Record<RiskLevel, string>> = { BLUE: '#1677ff', YELLOW: '#faad14', ORANGE: '#fa8c16', RED: '#f5222d' };

/** The service's limits on a sensitive period (src/risk-policy/sensitive-period-rules.ts, create-sensitive-period.dto.ts). */
export const PERIOD_LIMITS = { nameMax: 100, leadDaysMax: 60, defaultLeadDays: 7, milestonesMax: 20, milestoneLabelMax: 100, spanDaysMax: 366, basisMax: 500 } as const;

/** A resolution note is 4–500 characters (ResolveAlertDto). */
export const RESOLUTION_NOTE = { min: 4, max: 500 } as const;
