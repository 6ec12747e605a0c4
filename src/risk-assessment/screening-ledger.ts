import type { EntityManager } from 'typeorm';
import { RISK_LEVELS, type RiskLevel } from '../cases/case-vocabulary';
import { compareUtf16 } from '../common/json/canonical-json';
import { DistinctJson } from '../common/json/distinct-json';
import { compareLevels } from '../risk/risk-level';
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

/** The ledger's order: most serious first, then by case number. */
export function compareLedgerRows(a: ScreenedCase, b: ScreenedCase): number {
  return compareLevels(b.level, a.level) || compareUtf16(a.caseNumber, b.caseNumber);
}

/**
 * The whole ledger in one statement, `cases` in compareLedgerRows's order: each row is stored with its place in it
 * (`position`, the table's key with the screening), so that the ledger and its pages are read back in that order
 * without sorting it again. The screening answers with the same array, so the answer and every read agree.
 *
 * Most of a city's cases share a reason list (none, or only the period's raise) and a few hundred mediators serve
 * them all, so each distinct list and mediator goes once in a jsonb document the rows index into (`->` on a jsonb
 * array is constant time). A jsonb[] of 100,000 reason texts cost about 1 s to build as an array literal in node and
 * 2–3 s more to parse on the 2-core VM, more than the rest of the insert.
 */
export async function insertLedger(tx: EntityManager, screeningId: string, cases: readonly ScreenedCase[]): Promise<void> {
  if (cases.length === 0) return;
  for (let i = 1; i < cases.length; i += 1) {
    if (compareLedgerRows(cases[i - 1], cases[i]) > 0) throw new Error(`The ledger of screening ${screeningId} is not in ledger order at row ${i + 1}`);
  }
  const reasons = new DistinctJson();
  const mediators = new DistinctJson();
  const reasonPositions = cases.map((c) => reasons.positionOf(JSON.stringify(c.reasons)));
  const mediatorPositions = cases.map((c) => (c.mediator === null ? null : mediators.positionOf(JSON.stringify(c.mediator))));
  await tx.query(
    `INSERT INTO risk_screening_cases (screening_id, position, case_id, case_number, state, mediator_id, mediator_name, level, base_level, reasons)
     SELECT $1, v.position::int, v.case_id, v.case_number, v.state, ($9::jsonb -> v.mediator ->> 'id')::uuid, $9::jsonb -> v.mediator ->> 'displayName',
            v.level, v.base_level, $10::jsonb -> v.reasons
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[]) WITH ORDINALITY
       AS v(case_id, case_number, state, level, base_level, mediator, reasons, position)`,
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

/** The ledger of one screening, in its order. */
export async function readLedger(manager: EntityManager, screeningId: string): Promise<ScreenedCase[]> {
  const rows = (await manager.query(
    `SELECT case_id AS "caseId", case_number AS "caseNumber", state, mediator_id, mediator_name, level, base_level AS "baseLevel", reasons
     FROM risk_screening_cases WHERE screening_id = $1 ORDER BY position`,
    [screeningId],
  )) as StoredRow<ScreenedCase>[];
  return rows.map(withMediator);
}

interface MediatorColumns {
  mediator_id: string | null;
  mediator_name: string | null;
}

type StoredRow<T extends ScreenedCase> = Omit<T, 'mediator'> & MediatorColumns;

function withMediator<T extends MediatorColumns>({ mediator_id, mediator_name, ...row }: T): Omit<T, keyof MediatorColumns> & Pick<ScreenedCase, 'mediator'> {
  return { ...row, mediator: mediator_id === null ? null : { id: mediator_id, displayName: mediator_name ?? '' } };
}

export const ASSISTANCE_STANDINGS = ['NONE', 'PROPOSED', 'APPROVED'] as const;
export type AssistanceStanding = (typeof ASSISTANCE_STANDINGS)[number];

export interface LedgerCase extends ScreenedCase {
  assistance: AssistanceStanding | null;
}

export interface LedgerPage {
  items: LedgerCase[];
  total: number;
  hardship: { cases: number; withoutAssistance: number };
}

// A hardship case (困难职工帮扶) in the ledger: written as ix_risk_screening_cases_hardship's predicate, so that
// LEDGER_HARDSHIP_SQL reads only those rows.
const HARDSHIP_SQL = `r.reasons @> '[{"ruleId": "HARDSHIP"}]'`;

// Where a hardship case stood on assistance at the screening date: help approved and given by then, a proposal still
// waiting for its second supervisor, or nothing, the case a supervisor must act on. A rejected proposal counts as
// nothing. `r` is the ledger row, `s` its screening.
const ASSISTANCE_SQL = `CASE
    WHEN NOT ${HARDSHIP_SQL} THEN NULL
    WHEN EXISTS (SELECT 1 FROM assistance_records a WHERE a.case_id = r.case_id AND a.status = 'APPROVED' AND a.given_on <= s.as_of) THEN 'APPROVED'
    WHEN EXISTS (SELECT 1 FROM assistance_records a WHERE a.case_id = r.case_id AND a.status = 'PROPOSED') THEN 'PROPOSED'
    ELSE 'NONE' END`;

/**
 * A ledger's hardship cases and those without assistance ($1: the screening), over only the hardship rows, through
 * ix_risk_screening_cases_hardship: scanning a city's ledger for them took ~0.3 s a page.
 */
export const LEDGER_HARDSHIP_SQL = `
  SELECT count(*)::int AS cases, count(*) FILTER (WHERE ${ASSISTANCE_SQL} = 'NONE')::int AS "withoutAssistance"
  FROM risk_screening_cases r JOIN risk_screenings s ON s.id = r.screening_id WHERE r.screening_id = $1 AND ${HARDSHIP_SQL}`;

/** What a screening record says of its ledger: how many rows, and how many of each level. */
export interface LedgerCounts {
  id: string;
  casesScreened: number;
  counts: Record<RiskLevel, number>;
}

/**
 * Where the rows of `level` (or all rows) lie in the ledger: positions `after` + 1 to `last`. The ledger is stored
 * most serious first and numbered 1, 2, 3, … in that order, so each level is one run of positions, and the screening's
 * counts say where it starts and ends.
 */
export function ledgerPositions(ledger: LedgerCounts, level: RiskLevel | undefined): { after: number; last: number } {
  if (level === undefined) return { after: 0, last: ledger.casesScreened };
  const after = RISK_LEVELS.filter((other) => compareLevels(other, level) > 0).reduce((sum, other) => sum + (ledger.counts[other] ?? 0), 0);
  return { after, last: after + (ledger.counts[level] ?? 0) };
}

// A screening's ledger rows ($1) of positions $3 + 1 to $4 in its order, each hardship case with its assistance. The
// level ($2) is asked for again: the positions find the rows along the key, the level keeps any other out.
export const LEDGER_ROWS_SQL = `
  SELECT r.case_id AS "caseId", r.case_number AS "caseNumber", r.state, r.mediator_id, r.mediator_name, r.level, r.base_level AS "baseLevel",
         r.reasons, ${ASSISTANCE_SQL} AS assistance
  FROM risk_screening_cases r JOIN risk_screenings s ON s.id = r.screening_id
  WHERE r.screening_id = $1 AND ($2::text IS NULL OR r.level = $2) AND r.position > $3 AND r.position <= $4
  ORDER BY r.position`;

/**
 * One page of a screening's ledger in its order, optionally of one level, with each hardship case's
 * assistance standing: a city's ledger is 100,000 rows, which no one reads or prints at once. A page is a run of
 * positions, so the last page of a city's ledger is read as fast as the first.
 */
export async function readLedgerPage(manager: EntityManager, ledger: LedgerCounts, query: { level?: RiskLevel; page: number; pageSize: number }): Promise<LedgerPage> {
  const { after, last } = ledgerPositions(ledger, query.level);
  const first = after + (query.page - 1) * query.pageSize;
  const rows = (await manager.query(LEDGER_ROWS_SQL, [ledger.id, query.level ?? null, first, Math.min(last, first + query.pageSize)])) as StoredRow<LedgerCase>[];
  const [hardship] = (await manager.query(LEDGER_HARDSHIP_SQL, [ledger.id])) as LedgerPage['hardship'][];
  return { items: rows.map(withMediator), total: last - after, hardship };
}

const LEDGER_CURSOR = 'ledger_rows';

/**
 * The rows readLedgerPage pages through, all of them, `batchSize` at a time through a cursor: a city's 100,000 rows
 * never sit in memory together, only the file written from them. `tx` must be a transaction: the cursor lives in it.
 */
export async function* ledgerBatches(tx: EntityManager, ledger: LedgerCounts, level: RiskLevel | undefined, batchSize: number): AsyncGenerator<LedgerCase[]> {
  const { after, last } = ledgerPositions(ledger, level);
  await tx.query(`DECLARE ${LEDGER_CURSOR} NO SCROLL CURSOR FOR ${LEDGER_ROWS_SQL}`, [ledger.id, level ?? null, after, last]);
  for (;;) {
    const rows = (await tx.query(`FETCH ${batchSize} FROM ${LEDGER_CURSOR}`)) as StoredRow<LedgerCase>[];
    if (rows.length > 0) yield rows.map(withMediator);
    if (rows.length < batchSize) break;
  }
  // Left open by a reader that stops early or fails, it ends with the transaction.
  await tx.query(`CLOSE ${LEDGER_CURSOR}`);
}
