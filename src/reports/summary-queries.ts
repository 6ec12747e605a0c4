import type { ReportGroupBy } from './summary-report';

// The statistics summary as three set-based queries over the viewer's cases (no per-case loop in TypeScript). Named
// parameters: the scope's own, :from and :to (legal dates, both included) and :timeZone.
//
// Which date puts a case into which number (each number is bucketed by the date of the fact it counts):
//   received, sources, claim types, workers, collective, claimed   cases.received_on (the legal receipt date)
//   outcomes, success rate                                         context.closedOn (the legal closing date)
//   agreements, days to agreement, agreed amount                   context.effectiveOn (the last signature)
//   paid amount                                                    each payment's paidOn
//   deadlines missed                                               deadlines.due_on of rows now MISSED
//   judicial confirmations                                         appliedOn of each application, ruledOn of each ruling
//   open by state and risk level                                   none: the cases open now
// Money is summed as numeric and leaves PostgreSQL as text, so no amount ever passes through a float.

const IN_RANGE = 'BETWEEN :from::date AND :to::date';

/** `scoped`: every case the viewer may see. `facts`: one row per scoped case that at least one number counts. */
function factsCte(scopeWhere: string): string {
  return `
    WITH scoped AS (
      SELECT c.id, c.source, c.state, c.risk_level, c.received_on, c.worker_count, c.collective, c.total_claimed,
        c.assigned_mediator_id, c.snapshot -> 'context' AS context
      FROM cases c WHERE ${scopeWhere}
    ), case_facts AS (
      SELECT s.id, s.source, s.state, s.risk_level, s.received_on, s.worker_count, s.collective, s.total_claimed,
        s.assigned_mediator_id,
        s.received_on ${IN_RANGE} AS received_in_range,
        s.state NOT LIKE 'closed.%' AS open_now,
        CASE WHEN s.state LIKE 'closed.%' AND (s.context ->> 'closedOn')::date ${IN_RANGE}
          THEN upper(split_part(s.state, '.', 2)) END AS closed_outcome,
        coalesce((s.context ->> 'effectiveOn')::date ${IN_RANGE}, false) AS effective_in_range,
        (s.context ->> 'effectiveOn')::date - s.received_on AS days_to_agreement,
        (s.context ->> 'agreedTotal')::numeric AS agreed_total,
        (SELECT sum((p ->> 'amount')::numeric) FROM jsonb_array_elements(s.context -> 'payments') p
          WHERE (p ->> 'paidOn')::date ${IN_RANGE}) AS paid_in_range
      FROM scoped s
    ), facts AS (
      SELECT * FROM case_facts f
      WHERE f.received_in_range OR f.open_now OR f.closed_outcome IS NOT NULL OR f.effective_in_range OR f.paid_in_range IS NOT NULL
    )`;
}

const money = (expression: string): string => `round(coalesce(${expression}, 0), 2)::text`;

/**
 * The main counts over the rows of `facts f` (and whatever the group joins). `claimed` is the amount expression:
 * the case's total, or for claim-type groups that type's claims only.
 */
function countsSelect(claimed: string): string {
  return `
    count(*) FILTER (WHERE f.received_in_range)::int AS received,
    coalesce(sum(f.worker_count) FILTER (WHERE f.received_in_range), 0)::int AS "workersCovered",
    count(*) FILTER (WHERE f.received_in_range AND f.collective)::int AS "collectiveCases",
    count(*) FILTER (WHERE f.open_now)::int AS open,
    count(*) FILTER (WHERE f.closed_outcome = 'RESOLVED')::int AS resolved,
    count(*) FILTER (WHERE f.closed_outcome = 'FAILED')::int AS failed,
    count(*) FILTER (WHERE f.closed_outcome = 'WITHDRAWN')::int AS withdrawn,
    count(*) FILTER (WHERE f.closed_outcome = 'REFERRED')::int AS referred,
    count(*) FILTER (WHERE f.closed_outcome = 'REJECTED')::int AS rejected,
    count(*) FILTER (WHERE f.closed_outcome IS NOT NULL)::int AS closed,
    count(*) FILTER (WHERE f.effective_in_range)::int AS agreements,
    round(avg(f.days_to_agreement) FILTER (WHERE f.effective_in_range), 1)::text AS "averageDays",
    percentile_disc(0.9) WITHIN GROUP (ORDER BY f.days_to_agreement) FILTER (WHERE f.effective_in_range) AS "p90Days",
    ${money(`sum(${claimed}) FILTER (WHERE f.received_in_range)`)} AS claimed,
    ${money('sum(f.agreed_total) FILTER (WHERE f.effective_in_range)')} AS agreed,
    ${money('sum(f.paid_in_range)')} AS paid`;
}

// A case never taken on (rejected) was never mediated, so it counts neither for nor against the success rate.
const SUCCESS_RATE = `round(g.resolved::numeric / nullif(g.closed - g.rejected, 0), 4)::text AS "successRate"`;

export function totalsSql(scopeWhere: string): string {
  return `${factsCte(scopeWhere)}
    SELECT g.*, ${SUCCESS_RATE} FROM (SELECT ${countsSelect('f.total_claimed')} FROM facts f) g`;
}

interface GroupSpec {
  readonly key: string;
  readonly label: string;
  readonly join: string;
  readonly claimed: string;
}

const GROUP_SPECS: Record<ReportGroupBy, GroupSpec> = {
  // received_on is already the Asia/Shanghai date, so its month is the legal receipt month.
  month: { key: `to_char(f.received_on, 'YYYY-MM')`, label: 'NULL::text', join: '', claimed: 'f.total_claimed' },
  source: { key: 'f.source', label: 'NULL::text', join: '', claimed: 'f.total_claimed' },
  // A case is in the group of each type it claims; its claimed amount there is that type's claims only.
  claimType: {
    key: 'k.type',
    label: 'NULL::text',
    join: 'JOIN LATERAL (SELECT cc.type, sum(cc.amount) AS amount FROM case_claims cc WHERE cc.case_id = f.id GROUP BY cc.type) k ON true',
    claimed: 'k.amount',
  },
  mediator: { key: 'f.assigned_mediator_id::text', label: 'u.display_name', join: 'LEFT JOIN users u ON u.id = f.assigned_mediator_id', claimed: 'f.total_claimed' },
  outcome: {
    key: `CASE WHEN f.state LIKE 'closed.%' THEN upper(split_part(f.state, '.', 2)) ELSE 'OPEN' END`,
    label: 'NULL::text',
    join: '',
    claimed: 'f.total_claimed',
  },
};

export function groupsSql(scopeWhere: string, groupBy: ReportGroupBy): string {
  const spec = GROUP_SPECS[groupBy];
  return `${factsCte(scopeWhere)}
    SELECT g.*, ${SUCCESS_RATE} FROM (
      SELECT ${spec.key} AS key, ${spec.label} AS label, ${countsSelect(spec.claimed)}
      FROM facts f ${spec.join}
      GROUP BY 1, 2
    ) g`;
}

/** The breakdowns, one row per (dimension, key) that has a count; the caller fills in the zeros. */
export function distributionsSql(scopeWhere: string): string {
  return `${factsCte(scopeWhere)}
    SELECT 'source' AS dimension, f.source AS key, count(*)::int AS count, NULL::text AS amount
      FROM facts f WHERE f.received_in_range GROUP BY f.source
    UNION ALL
    SELECT 'claimType', cc.type, count(DISTINCT f.id)::int, ${money('sum(cc.amount)')}
      FROM facts f JOIN case_claims cc ON cc.case_id = f.id WHERE f.received_in_range GROUP BY cc.type
    UNION ALL
    SELECT 'state', f.state, count(*)::int, NULL FROM facts f WHERE f.open_now GROUP BY f.state
    UNION ALL
    SELECT 'riskLevel', f.risk_level, count(*)::int, NULL FROM facts f WHERE f.open_now GROUP BY f.risk_level
    UNION ALL
    SELECT 'deadlineMissed', d.kind, count(*)::int, NULL
      FROM deadlines d JOIN scoped s ON s.id = d.case_id
      WHERE d.status = 'MISSED' AND d.due_on ${IN_RANGE} GROUP BY d.kind
    UNION ALL
    SELECT 'judicialConfirmation', j.kind, count(*)::int, NULL FROM (
      -- Every application and ruling counts, read from the events: a refused agreement may be applied for again,
      -- and the snapshot keeps only the latest one. appliedOn defaults to the day the event was recorded.
      SELECT CASE e.type WHEN 'REQUEST_JUDICIAL_CONFIRMATION' THEN 'REQUESTED' WHEN 'CONFIRM_JUDICIALLY' THEN 'GRANTED' ELSE 'REFUSED' END AS kind,
        CASE WHEN e.type = 'REQUEST_JUDICIAL_CONFIRMATION'
          THEN coalesce((e.payload ->> 'appliedOn')::date, (e.at AT TIME ZONE :timeZone)::date)
          ELSE (e.payload ->> 'ruledOn')::date END AS on_date
      FROM case_events e JOIN scoped s ON s.id = e.case_id
      WHERE e.type IN ('REQUEST_JUDICIAL_CONFIRMATION', 'CONFIRM_JUDICIALLY', 'REFUSE_CONFIRMATION')
    ) j WHERE j.on_date ${IN_RANGE} GROUP BY j.kind`;
}
