import type { EntityManager } from 'typeorm';
import type { RiskLevel } from '../cases/case-vocabulary';
import type { CaseState } from '../cases/machine/case.types';
import { preparedQuery } from '../database/prepared-query';
import type { RiskFacts } from '../risk/risk-facts';
import { RISK_LEVELS_BY_RANK_SQL } from '../risk/risk-level';
import type { RiskReason } from '../risk/risk-rules';

/** A case's risk facts together with what is stored now, so callers write only what changed. */
export interface CaseRiskRow {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly assignedMediatorId: string | null;
  readonly facts: RiskFacts;
  readonly storedLevel: RiskLevel;
  readonly storedReasons: RiskReason[];
}

interface RawRow {
  id: string;
  case_number: string;
  organization_id: string;
  assigned_mediator_id: string | null;
  worker_count: number;
  migrant_workers: number;
  arrears_months: number;
  risk_flags: RiskFacts['riskFlags'];
  state: CaseState;
  risk_level: RiskLevel;
  risk_reasons: RiskReason[];
  claims: RiskFacts['claims'];
  deadlines: RiskFacts['deadlines'];
}

// One statement for one case or a hundred thousand: claims and deadlines come aggregated per case, never fetched
// case by case.
const FACT_COLUMNS = `
  c.id, c.case_number, c.organization_id, c.assigned_mediator_id, c.worker_count, c.migrant_workers,
  c.arrears_months, c.risk_flags, c.state, c.risk_level, c.risk_reasons,
  coalesce((SELECT json_agg(json_build_object('type', cl.type, 'amount', cl.amount::text) ORDER BY cl.position)
            FROM case_claims cl WHERE cl.case_id = c.id), '[]') AS claims,
  coalesce((SELECT json_agg(json_build_object('kind', d.kind, 'status', d.status))
            FROM deadlines d WHERE d.case_id = c.id), '[]') AS deadlines`;

const SELECT_FACTS = `SELECT ${FACT_COLUMNS} FROM cases c`;

// A change's recompute also needs the policy revision and the case's RISK_LEVEL alert history; in the same statement
// they cost no round trip of their own.
const SELECT_CASE_FACTS = `
  SELECT ${FACT_COLUMNS},
    (SELECT revision::text FROM risk_policy_revisions) AS policy_revision,
    (SELECT a.level FROM alerts a WHERE a.case_id = c.id AND a.kind = 'RISK_LEVEL' AND a.status <> 'RESOLVED' LIMIT 1) AS open_risk_level,
    (SELECT a.level FROM alerts a WHERE a.case_id = c.id AND a.kind = 'RISK_LEVEL' AND a.status = 'RESOLVED'
     ORDER BY array_position(${RISK_LEVELS_BY_RANK_SQL}, a.level) DESC LIMIT 1) AS resolved_risk_level
  FROM cases c WHERE c.id = $1`;

/** One case's facts, the risk policy revision they are to be judged under, and the levels of its RISK_LEVEL alerts. */
export interface CaseRiskContext {
  readonly row: CaseRiskRow;
  readonly policyRevision: string;
  readonly riskAlerts: { readonly openLevel?: RiskLevel; readonly highestResolvedLevel?: RiskLevel };
}

/**
 * Whether an assessment differs from what the case stores. jsonb gives object keys back in its own order
 * ({text, ruleId}), so comparing JSON.stringify texts found every case at YELLOW or above "changed" and rewrote it on
 * every event and every screening (100,000 rows a day for a city). A reason is exactly ruleId and text, so those two
 * are compared: serializing both lists canonically cost a daily screening over a second.
 */
export function storedRiskDiffers(row: CaseRiskRow, assessment: { level: RiskLevel; reasons: readonly RiskReason[] }): boolean {
  const [stored, assessed] = [row.storedReasons, assessment.reasons];
  return (
    row.storedLevel !== assessment.level ||
    stored.length !== assessed.length ||
    stored.some((reason, i) => reason.ruleId !== assessed[i].ruleId || reason.text !== assessed[i].text)
  );
}

/** The one statement that reads the risk facts of the cases `where` selects (exported for the bench's EXPLAIN). */
export function riskFactsSql(where: string): string {
  return `${SELECT_FACTS} WHERE ${where} ORDER BY c.case_number`;
}

export async function caseRiskRows(manager: EntityManager, where: string, params: unknown[]): Promise<CaseRiskRow[]> {
  const rows = (await manager.query(riskFactsSql(where), params)) as RawRow[];
  return rows.map(toCaseRiskRow);
}

export async function caseRiskContext(manager: EntityManager, caseId: string): Promise<CaseRiskContext> {
  const [row] = await preparedQuery<(RawRow & { policy_revision: string; open_risk_level: RiskLevel | null; resolved_risk_level: RiskLevel | null })[]>(
    manager,
    SELECT_CASE_FACTS,
    [caseId],
  );
  if (row === undefined) throw new Error(`No case ${caseId} to assess`);
  return {
    row: toCaseRiskRow(row),
    policyRevision: row.policy_revision,
    riskAlerts: { openLevel: row.open_risk_level ?? undefined, highestResolvedLevel: row.resolved_risk_level ?? undefined },
  };
}

function toCaseRiskRow(row: RawRow): CaseRiskRow {
  return {
    caseId: row.id,
    caseNumber: row.case_number,
    assignedMediatorId: row.assigned_mediator_id,
    storedLevel: row.risk_level,
    storedReasons: row.risk_reasons,
    facts: {
      orgId: row.organization_id,
      workerCount: row.worker_count,
      migrantWorkers: row.migrant_workers,
      arrearsMonths: row.arrears_months,
      riskFlags: row.risk_flags,
      state: row.state,
      claims: row.claims,
      deadlines: row.deadlines,
    },
  };
}
