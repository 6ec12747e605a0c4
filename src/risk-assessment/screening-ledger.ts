import type { EntityManager } from 'typeorm';
import type { RiskLevel } from '../cases/case-vocabulary';
import { compareUtf16 } from '../common/json/canonical-json';
import { DistinctJson } from '../common/json/distinct-json';
import { compareLevels, RISK_LEVELS_BY_RANK_SQL } from '../risk/risk-level';
import type { RiskReason } from '../risk/risk-rules';

/** One row of a screening's ledger (台账): a case as it stood on the screening date. */
export interface ScreenedCase {
  caseId: string;
  caseNumber: string;
  state: string;
  mediator: { id: string; displayName: string } | null;
  level: RiskLevel;
  baseLevel: RiskLevel;
  reasons: RiskReason[];
}

// The screening answers with the ledger it sorted in memory, and GET reads the stored one back: the two orders must
// be one. `COLLATE "C"` compares bytes, as compareUtf16 compares code units; they could part only over characters
// beyond U+FFFF, and chk_cases_case_number keeps case numbers ASCII.
export const LEDGER_ORDER_SQL = `array_position(${RISK_LEVELS_BY_RANK_SQL}, level) DESC, case_number COLLATE "C"`;

/** Most serious first, then by case number: LEDGER_ORDER_SQL's order. */
export function compareLedgerRows(a: ScreenedCase, b: ScreenedCase): number {
  return compareLevels(b.level, a.level) || compareUtf16(a.caseNumber, b.caseNumber);
}

/**
 * The whole ledger in one statement. Most of a city's cases share a reason list (none, or only the period's raise)
 * and a few hundred mediators serve them all, so each distinct list and mediator goes once in a jsonb document the
 * rows index into (`->` on a jsonb array is constant time). A jsonb[] of 100,000 reason texts cost about 1 s to
 * build as an array literal in node and 2–3 s more to parse on the 2-core VM, more than the rest of the insert.
 */
export async function insertLedger(tx: EntityManager, screeningId: string, cases: readonly ScreenedCase[]): Promise<void> {
  if (cases.length === 0) return;
  const reasons = new DistinctJson();
  const mediators = new DistinctJson();
  const reasonPositions = cases.map((c) => reasons.positionOf(JSON.stringify(c.reasons)));
  const mediatorPositions = cases.map((c) => (c.mediator === null ? null : mediators.positionOf(JSON.stringify(c.mediator))));
  await tx.query(
    `INSERT INTO risk_screening_cases (screening_id, case_id, case_number, state, mediator_id, mediator_name, level, base_level, reasons)
     SELECT $1, v.case_id, v.case_number, v.state, ($9::jsonb -> v.mediator ->> 'id')::uuid, $9::jsonb -> v.mediator ->> 'displayName',
            v.level, v.base_level, $10::jsonb -> v.reasons
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[]) AS v(case_id, case_number, state, level, base_level, mediator, reasons)`,
    [
      screeningId,
      cases.map((c) => c.caseId),
      cases.map((c) => c.caseNumber),
      cases.map((c) => c.state),
      cases.map((c) => c.level),
      cases.map((c) => c.baseLevel),
      mediatorPositions,
      reasonPositions,
      mediators.jsonArray(),
      reasons.jsonArray(),
    ],
  );
}

/** The ledger of one screening, in LEDGER_ORDER_SQL's order. */
export async function readLedger(manager: EntityManager, screeningId: string): Promise<ScreenedCase[]> {
  const rows = (await manager.query(
    `SELECT case_id AS "caseId", case_number AS "caseNumber", state, mediator_id, mediator_name, level, base_level AS "baseLevel", reasons
     FROM risk_screening_cases WHERE screening_id = $1 ORDER BY ${LEDGER_ORDER_SQL}`,
    [screeningId],
  )) as (Omit<ScreenedCase, 'mediator'> & { mediator_id: string | null; mediator_name: string | null })[];
  return rows.map(({ mediator_id, mediator_name, ...c }) => ({ ...c, mediator: mediator_id === null ? null : { id: mediator_id, displayName: mediator_name ?? '' } }));
}
