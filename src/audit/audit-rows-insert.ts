import type { AuditRecord } from './audit-chain';

/**
 * One INSERT of many sealed rows, each column sent as one array ($1–$17, as auditRowColumns gives them), so that
 * thousands of rows cost one statement. Moving the chains' heads is the caller's business.
 */
export const INSERT_AUDIT_ROWS = `INSERT INTO audit_entries (seq, chain_id, chain_seq, at, actor_user_id, actor_role, org_id, case_id, category, action,
    from_state, to_state, case_version, request_id, payload, prev_hash, hash)
  SELECT s, ch, cs, a, au, ar, o, c, cat, act, fs, ts, cv, rq, p::jsonb, ph, h
  FROM unnest($1::bigint[], $2::text[], $3::int[], $4::timestamptz[], $5::uuid[], $6::text[], $7::uuid[], $8::uuid[], $9::text[],
    $10::text[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[])
    AS u(s, ch, cs, a, au, ar, o, c, cat, act, fs, ts, cv, rq, p, ph, h)`;

/** INSERT_AUDIT_ROWS's parameters: a column of `rows` each, the payload as JSON text (null stays SQL NULL). */
export function auditRowColumns(rows: readonly AuditRecord[]): unknown[][] {
  const column = <K extends keyof AuditRecord>(key: K) => rows.map((row) => row[key]);
  return [
    column('seq'), column('chainId'), column('chainSeq'), column('at'), column('actorUserId'), column('actorRole'), column('orgId'),
    column('caseId'), column('category'), column('action'), column('fromState'), column('toState'), column('caseVersion'),
    column('requestId'), rows.map((row) => (row.payload === null ? null : JSON.stringify(row.payload))), column('prevHash'), column('hash'),
  ];
}
