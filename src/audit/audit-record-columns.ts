/**
 * A stored row read back exactly as it was hashed: seq as text (a bigint would lose digits as a number), `at` printed
 * in UTC with milliseconds and 'Z' as normalizeAt wrote it, and the payload parsed from jsonb (jsonb reorders keys and
 * drops whitespace, which canonical JSON ignores anyway).
 */
export const AUDIT_RECORD_COLUMNS = `seq::text AS seq, chain_id AS "chainId", chain_seq AS "chainSeq",
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  actor_user_id AS "actorUserId", actor_role AS "actorRole", org_id AS "orgId", case_id AS "caseId",
  category, action, from_state AS "fromState", to_state AS "toState", case_version AS "caseVersion",
  request_id AS "requestId", payload, prev_hash AS "prevHash", hash`;
