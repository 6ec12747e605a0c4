import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LegalDate } from '../calendar/legal-date';

/** Approved assistance given in a period, for the statistics report. */
export interface AssistanceSummary {
  /** Approved records given in the period. */
  readonly count: number;
  /**
   * Workers helped: distinct (case, applicantPosition). A record for a case as a whole reaches every worker of it, so
   * such a case counts its workerCount once, however many records of either sort it has in the period.
   */
  readonly people: number;
  /** Yuan, two decimals, summed by PostgreSQL in numeric: exact to the fen. */
  readonly amount: string;
}

/**
 * What other modules ask of hardship assistance, inside their own transactions: the risk screening (which HARDSHIP
 * cases have had no assistance in the current sensitive window) and the statistics (what was given in a period).
 * Only APPROVED records count: a proposal is not help given. Each question is one set-based query.
 */
@Injectable()
export class HardshipAssistanceService {
  /**
   * Which of `caseIds` (cases of `organizationId`; others are left out) have no APPROVED assistance given on or after
   * `since`. Approved assistance planned for a later day counts: the worker is provided for in the window.
   */
  async casesWithoutAssistanceSince(manager: EntityManager, organizationId: string, caseIds: readonly string[], since: LegalDate): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT c.id FROM cases c
       WHERE c.id = ANY($2::uuid[]) AND c.organization_id = $1
         AND NOT EXISTS (
           SELECT 1 FROM assistance_records r
           WHERE r.case_id = c.id AND r.status = 'APPROVED' AND r.given_on >= $3::date
         )`,
      [organizationId, [...caseIds], since],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  /** Approved assistance of `organizationId` given from `from` to `to`, both included. */
  async summary(manager: EntityManager, organizationId: string, from: LegalDate, to: LegalDate): Promise<AssistanceSummary> {
    const [row] = (await manager.query(
      `WITH given AS (
         SELECT r.case_id, r.applicant_position, r.amount FROM assistance_records r
         WHERE r.organization_id = $1 AND r.status = 'APPROVED' AND r.given_on BETWEEN $2::date AND $3::date
       ), people_per_case AS (
         SELECT CASE WHEN bool_or(g.applicant_position IS NULL) THEN c.worker_count
                     ELSE count(DISTINCT g.applicant_position)::int END AS people
         FROM given g JOIN cases c ON c.id = g.case_id
         GROUP BY g.case_id, c.worker_count
       )
       SELECT (SELECT count(*) FROM given)::int AS count,
              (SELECT COALESCE(sum(people), 0) FROM people_per_case)::int AS people,
              (SELECT round(COALESCE(sum(amount), 0), 2) FROM given)::text AS amount`,
      [organizationId, from, to],
    )) as AssistanceSummary[];
    return { count: row.count, people: row.people, amount: row.amount };
  }
}
