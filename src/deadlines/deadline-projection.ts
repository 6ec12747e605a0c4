import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DeadlineEntry } from '../cases/machine/case.context';
import type { DeadlineKind, DeadlineStatus, DeadlineUnit } from '../cases/machine/case.types';
import { Clock } from '../common/clock/clock';
import { preparedQuery } from '../database/prepared-query';
import { DeadlineTimerScheduler } from './deadline-timer.scheduler';

/** A deadline row as read back: legal dates are 'YYYY-MM-DD' strings, never JS Dates. */
export interface DeadlineRow {
  readonly id: string;
  readonly caseId: string;
  readonly key: string;
  readonly position: number;
  readonly kind: DeadlineKind;
  readonly startsOn: string;
  readonly days: number;
  readonly unit: DeadlineUnit;
  readonly pausedDays: number;
  readonly pausedSince: string | null;
  readonly dueOn: string;
  readonly status: DeadlineStatus;
  readonly calendarVerified: boolean;
  readonly basis: string;
  readonly instalmentNo: number | null;
  readonly supersedes: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface ChangedDeadline {
  id: string;
  caseId: string;
  kind: DeadlineKind;
  dueOn: string;
  status: DeadlineStatus;
  paused: boolean;
}

const COLUMNS = [
  'case_id',
  'key',
  'position',
  'kind',
  'starts_on',
  'days',
  'unit',
  'paused_days',
  'paused_since',
  'due_on',
  'status',
  'calendar_verified',
  'basis',
  'instalment_no',
  'supersedes',
  'created_at',
  'updated_at',
] as const;

// Everything but the key and created_at follows the context. An update that changes nothing is skipped, so
// updated_at says when the entry last really changed. MET, MISSED and CANCELLED are final (DOMAIN §4): a timer may
// have recorded MISSED on the row before the next event settles the entry in the context, and the context's later
// view must not undo that.
const FOLLOWED = COLUMNS.filter((column) => !['case_id', 'key', 'created_at', 'updated_at', 'status'].includes(column));

const UPSERT_TAIL = `
  ON CONFLICT (case_id, key) DO UPDATE SET
    ${FOLLOWED.map((column) => `${column} = EXCLUDED.${column}`).join(',\n    ')},
    status = CASE WHEN deadlines.status = 'PENDING' THEN EXCLUDED.status ELSE deadlines.status END,
    updated_at = EXCLUDED.updated_at
  WHERE (${FOLLOWED.map((column) => `deadlines.${column}`).join(', ')}, deadlines.status)
    IS DISTINCT FROM (${FOLLOWED.map((column) => `EXCLUDED.${column}`).join(', ')},
      CASE WHEN deadlines.status = 'PENDING' THEN EXCLUDED.status ELSE deadlines.status END)`;

export const SELECT_DEADLINE_ROWS = `
  SELECT id, case_id AS "caseId", key, position, kind, starts_on::text AS "startsOn", days, unit,
         paused_days AS "pausedDays", paused_since::text AS "pausedSince", due_on::text AS "dueOn", status,
         calendar_verified AS "calendarVerified", basis, instalment_no AS "instalmentNo", supersedes,
         created_at AS "createdAt", updated_at AS "updatedAt"
  FROM deadlines`;

/**
 * Keeps the `deadlines` table equal to the machine context's deadline list. The context is the source of truth;
 * the rows exist for queries (due soon, overdue, per case) and for timers that need a stable id.
 */
@Injectable()
export class DeadlineProjection {
  constructor(
    private readonly clock: Clock,
    private readonly timers: DeadlineTimerScheduler,
  ) {}

  /**
   * Upserts one row per entry, keyed by (case_id, key), inside the caller's transaction, and sets the timers of every
   * row that is new or whose due date or pause changed.
   */
  async sync(tx: EntityManager, caseId: string, entries: readonly DeadlineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const now = this.clock.now();
    const params: unknown[] = [];
    const tuples = entries.map((entry, position) => {
      const values = rowValues(caseId, entry, position, now);
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    // One text per count of deadlines, and a case has a handful: each is prepared like any other.
    const changed = await preparedQuery<ChangedDeadline[]>(
      tx,
      `INSERT INTO deadlines (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}${UPSERT_TAIL}
       RETURNING id, case_id AS "caseId", kind, due_on::text AS "dueOn", status, paused_since IS NOT NULL AS paused`,
      params,
    );
    await this.timers.schedule(tx, changed.filter((row) => row.status === 'PENDING' && !row.paused));
  }

  /** The case's rows in the order the machine opened them. */
  async listForCase(manager: EntityManager, caseId: string): Promise<DeadlineRow[]> {
    return preparedQuery<DeadlineRow[]>(manager, `${SELECT_DEADLINE_ROWS} WHERE case_id = $1 ORDER BY position, key`, [caseId]);
  }
}

function rowValues(caseId: string, entry: DeadlineEntry, position: number, now: Date): unknown[] {
  const byColumn: Record<(typeof COLUMNS)[number], unknown> = {
    case_id: caseId,
    key: entry.key,
    position,
    kind: entry.kind,
    starts_on: entry.startsOn,
    days: entry.days,
    unit: entry.unit,
    paused_days: entry.pausedDays,
    paused_since: entry.pausedSince ?? null,
    due_on: entry.dueOn,
    status: entry.status,
    calendar_verified: entry.calendarVerified,
    basis: entry.basis,
    instalment_no: entry.instalmentNo ?? null,
    supersedes: entry.supersedes ?? null,
    created_at: now,
    updated_at: now,
  };
  return COLUMNS.map((column) => byColumn[column]);
}
