import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { HolidayCalendar } from '../calendar/holiday-calendar';
import type { PersistedCaseSnapshot } from '../cases/machine/case-decision';
import type { DeadlineEntry } from '../cases/machine/case.context';
import { recomputeUnverified, recountedDue } from '../cases/machine/case-deadlines';
import { JobRunner } from '../jobs/job-runner';
import { DeadlineProjection } from './deadline-projection';

/**
 * When a release brings a year's holiday notice (src/calendar/data), every PENDING deadline that was counted without
 * it is counted again (DOMAIN §4), its timers follow, and each case records DEADLINE_RECOMPUTED. This is not an event
 * of the chart: the case's version stays, as no one acted on the case.
 */
@Injectable()
export class DeadlineRecomputeService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineRecomputeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: HolidayCalendar,
    private readonly deadlines: DeadlineProjection,
    private readonly audit: AuditService,
    private readonly jobs: JobRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.jobs.runsWorkers) return;
    const cases = await this.recomputeAll();
    if (cases > 0) this.logger.log({ cases }, 'deadlines recounted on the new holiday calendar');
  }

  /** Returns how many cases had a deadline recounted; safe to run on several instances at once. */
  async recomputeAll(): Promise<number> {
    let recomputed = 0;
    for (const caseId of await this.casesToRecount()) {
      if (await this.recomputeCase(caseId)) recomputed += 1;
    }
    return recomputed;
  }

  /**
   * The cases with an entry that this calendar counts differently, judged on the projection without a lock. Every
   * year has unverified entries until its notice ships (a limitation runs into next year), and locking each such
   * case in turn at every start kept a city's service from listening for minutes. The locked recount reads the case
   * again and decides on its snapshot.
   */
  private async casesToRecount(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT case_id, starts_on::text AS "startsOn", unit, days, paused_days AS "pausedDays", due_on::text AS "dueOn", calendar_verified AS "calendarVerified"
       FROM deadlines WHERE status = 'PENDING' AND NOT calendar_verified AND paused_since IS NULL`,
    )) as (Pick<DeadlineEntry, 'startsOn' | 'unit' | 'days' | 'pausedDays' | 'dueOn' | 'calendarVerified'> & { case_id: string })[];
    const cases = new Set(rows.filter((row) => recountedDue(row, this.calendar) !== undefined).map((row) => row.case_id));
    return [...cases].sort();
  }

  private recomputeCase(caseId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query('SELECT organization_id, snapshot FROM cases WHERE id = $1 FOR UPDATE', [caseId])) as {
        organization_id: string;
        snapshot: PersistedCaseSnapshot;
      }[];
      if (!row) return false;
      const { deadlines, changed } = recomputeUnverified(row.snapshot.context.deadlines, this.calendar);
      if (changed.length === 0) return false;
      await tx.query(`UPDATE cases SET snapshot = jsonb_set(snapshot, '{context,deadlines}', $2::jsonb) WHERE id = $1`, [caseId, JSON.stringify(deadlines)]);
      await this.deadlines.sync(tx, caseId, deadlines);
      await this.audit.append(tx, {
        actor: { userId: null, role: 'SYSTEM' },
        orgId: row.organization_id,
        caseId,
        category: 'CASE',
        action: 'DEADLINE_RECOMPUTED',
        payload: { changes: changed },
      });
      return true;
    });
  }
}
