import type { LegalDate } from '../calendar/legal-date';
import type { SensitivePeriod, SensitivePeriodKind, SensitivePeriodMilestone } from '../risk/sensitive-periods';

/** A sensitive_periods row as PERIOD_COLUMNS selects it: dates as 'YYYY-MM-DD' text, never a JavaScript Date. */
export interface PeriodRow {
  id: string;
  code: string | null;
  name: string;
  kind: SensitivePeriodKind;
  startsOn: LegalDate;
  endsOn: LegalDate;
  leadDays: number;
  milestones: SensitivePeriodMilestone[];
  orgId: string | null;
  active: boolean;
  verified: boolean;
  basis: string;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

// `date` is cast to text: node-postgres would turn it into a Date at local midnight, a day off in some time zones.
export const PERIOD_COLUMNS = (alias: string): string =>
  `${alias}.id, ${alias}.code, ${alias}.name, ${alias}.kind, ${alias}.starts_on::text AS "startsOn", ${alias}.ends_on::text AS "endsOn",
   ${alias}.lead_days AS "leadDays", ${alias}.milestones, ${alias}.organization_id AS "orgId", ${alias}.active, ${alias}.verified,
   ${alias}.basis, ${alias}.created_at AS "createdAt", ${alias}.created_by AS "createdBy", ${alias}.updated_at AS "updatedAt",
   ${alias}.updated_by AS "updatedBy"`;

/** The engine's view of a row; its id is the row's uuid, which SENSITIVE_PERIOD alerts and screenings name. */
export function toSensitivePeriod(row: PeriodRow): SensitivePeriod {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    leadDays: row.leadDays,
    milestones: row.milestones.map(({ on, label }) => ({ on, label })),
    orgId: row.orgId,
    active: row.active,
    verified: row.verified,
    basis: row.basis,
  };
}
