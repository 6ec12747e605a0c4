import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { legalDateOf, type LegalDate } from '../calendar/legal-date';
import { CaseAccessService } from '../cases/case-access.service';
import { Clock } from '../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { namedQuery } from '../database/named-query';
import { CourtError } from './court.errors';
import {
  AwaitingConfirmationRow,
  CourtQueueResponseDto,
  FeedbackDueRow,
  ReferredCaseRow,
  toAwaitingConfirmation,
  toFeedbackDue,
  toReferredCase,
} from './dto/court-queue-response.dto';

const CASE_COLUMNS = `c.id, c.case_number, c.court_case_number, c.source, c.state, c.assigned_mediator_id, m.display_name AS mediator_name`;
const CONTEXT = `c.snapshot -> 'context'`;

// The latest row of a kind: a refused confirmation sends the case back to mediation, and a new agreement opens a new
// window, so earlier rows of the same kind may exist.
const latestDeadline = (kind: string, alias: string) => `LEFT JOIN LATERAL (
    SELECT d.due_on::text AS due_on, d.status, d.calendar_verified FROM deadlines d
    WHERE d.case_id = c.id AND d.kind = '${kind}' ORDER BY d.position DESC LIMIT 1) ${alias} ON true`;

const REFERRED = (scope: string) => `
  SELECT ${CASE_COLUMNS}, c.received_on::text AS received_on, ${CONTEXT} ->> 'outcome' AS outcome,
         ${CONTEXT} ->> 'closedOn' AS closed_on, h.acknowledged_at AS handoff_acknowledged_at
  FROM cases c
  LEFT JOIN users m ON m.id = c.assigned_mediator_id
  LEFT JOIN court_handoffs h ON h.case_id = c.id
  WHERE ${scope} AND c.court_org_id = :court
  ORDER BY c.received_at DESC, c.case_number`;

// Under review: the court was asked (#18). Effective: an agreement of a case this court referred, which comes to it by
// default (delegated, Invited Art.19) or by rule (entrusted, Invited Art.20), while it still can: a delegated case's
// 30-day window is open (CPL Art.205); an entrusted case has no window. A court that refused an earlier agreement of
// the case keeps seeing the next one.
const AWAITING_CONFIRMATION = (scope: string) => `
  SELECT ${CASE_COLUMNS}, ${CONTEXT} ->> 'effectiveOn' AS effective_on,
         ${CONTEXT} -> 'judicialConfirmation' ->> 'appliedOn' AS applied_on,
         to_jsonb(w) AS window, to_jsonb(r) AS decision
  FROM cases c
  LEFT JOIN users m ON m.id = c.assigned_mediator_id
  ${latestDeadline('JUDICIAL_CONFIRMATION_WINDOW', 'w')}
  ${latestDeadline('COURT_DECISION', 'r')}
  WHERE ${scope} AND (
    (c.state = 'agreement.judicialReview' AND c.review_court_id = :court)
    OR (c.state = 'agreement.effective' AND (c.review_court_id = :court OR c.court_org_id = :court)
        AND (c.source = 'COURT_ENTRUSTED' OR (w.status = 'PENDING' AND w.due_on::date >= :today::date))))
  ORDER BY CASE WHEN c.state = 'agreement.judicialReview' THEN r.due_on ELSE w.due_on END NULLS LAST, c.case_number`;

// A feedback letter is owed when a delegated or entrusted case closes, whatever the outcome (DOMAIN §8).
const FEEDBACK_DUE = (scope: string) => `
  SELECT ${CASE_COLUMNS}, ${CONTEXT} ->> 'outcome' AS outcome, ${CONTEXT} ->> 'closedOn' AS closed_on
  FROM cases c
  LEFT JOIN users m ON m.id = c.assigned_mediator_id
  WHERE ${scope} AND c.court_org_id = :court AND c.state LIKE 'closed.%'
    AND c.source IN ('COURT_DELEGATED', 'COURT_ENTRUSTED')
    AND NOT EXISTS (SELECT 1 FROM court_handoffs h WHERE h.case_id = c.id)
  ORDER BY c.closed_at, c.case_number`;

/**
 * GET /api/court/queue: a court liaison's desk (issue 6). Their court is their organization; every query also carries
 * the liaison's case scope from CaseAccessService, so the queue can never show a case the liaison could not open.
 */
@Injectable()
export class CourtQueueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async queue(actor: Actor): Promise<CourtQueueResponseDto> {
    if (actor.role !== 'COURT_LIAISON') throw CourtError.liaisonsOnly(actor.role);
    const today = legalDateOf(this.clock.now(), this.config.legalTimeZone);
    const run = <T>(sql: (scope: string) => string) => this.run<T>(actor, sql, today);
    // One after another: the three lists are small, and a pool connection each would buy nothing.
    const referred = await run<ReferredCaseRow>(REFERRED);
    const awaiting = await run<AwaitingConfirmationRow>(AWAITING_CONFIRMATION);
    const feedbackDue = await run<FeedbackDueRow>(FEEDBACK_DUE);
    return {
      referred: referred.map(toReferredCase),
      awaitingConfirmation: awaiting.map((row) => toAwaitingConfirmation(row, today)),
      feedbackDue: feedbackDue.map((row) => toFeedbackDue(row, today)),
    };
  }

  private run<T>(actor: Actor, sql: (scope: string) => string, today: LegalDate): Promise<T[]> {
    const scope = this.access.scopeFor(actor, 'c');
    const parameters = { ...scope.params, court: actor.organizationId, today };
    return namedQuery<T>(this.dataSource, sql(scope.where), parameters);
  }
}
