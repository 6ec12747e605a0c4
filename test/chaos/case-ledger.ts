import type { Client } from 'pg';
import { isAnswer, lastAttempt, type Command } from './transition-load';

/**
 * What the database says happened to a case, read as the owner after the dust settled. Checks answer a list of
 * problems rather than failing at the first, so one run shows everything that went wrong.
 */
export interface CaseLedger {
  readonly id: string;
  readonly version: number;
  readonly state: string;
  /** case_events rows, in version order. */
  readonly events: readonly { version: number; type: string; requestId: string | null }[];
  /** CASE_EVENT audit rows, in case_version order. */
  readonly audits: readonly { version: number; type: string; requestId: string | null }[];
  readonly createdRows: number;
}

export async function readLedgers(owner: Client, caseIds: readonly string[]): Promise<CaseLedger[]> {
  const cases = await owner.query<{ id: string; version: number; state: string }>('SELECT id, version, state FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id', [caseIds]);
  const events = await owner.query<{ case_id: string; version: number; type: string; request_id: string | null }>(
    'SELECT case_id, version, type, request_id FROM case_events WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, version',
    [caseIds],
  );
  const audits = await owner.query<{ case_id: string; action: string; case_version: number | null; type: string | null; request_id: string | null }>(
    `SELECT case_id, action, case_version, payload->>'type' AS type, request_id FROM audit_entries
     WHERE case_id = ANY($1::uuid[]) AND action IN ('CASE_CREATED', 'CASE_EVENT') ORDER BY case_id, case_version NULLS FIRST, seq`,
    [caseIds],
  );
  return cases.rows.map((c) => ({
    id: c.id,
    version: c.version,
    state: c.state,
    events: events.rows.filter((e) => e.case_id === c.id).map((e) => ({ version: e.version, type: e.type, requestId: e.request_id })),
    audits: audits.rows
      .filter((a) => a.case_id === c.id && a.action === 'CASE_EVENT')
      .map((a) => ({ version: a.case_version ?? -1, type: a.type ?? '', requestId: a.request_id })),
    createdRows: audits.rows.filter((a) => a.case_id === c.id && a.action === 'CASE_CREATED').length,
  }));
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * DOMAIN §3 Invariants 1 and 2: the versions 2..version each have exactly one event row and one CASE_EVENT audit
 * row, written by the same request for the same event, and the case has one CASE_CREATED row. A change without its
 * audit row, or an audit row without its change, shows up as a version present on one side only.
 */
export function ledgerProblems(ledgers: readonly CaseLedger[], expectedCases: number): string[] {
  const problems: string[] = [];
  if (ledgers.length !== expectedCases) problems.push(`expected ${expectedCases} cases, found ${ledgers.length}`);
  for (const ledger of ledgers) {
    const expected = JSON.stringify(range(2, ledger.version));
    const eventVersions = JSON.stringify(ledger.events.map((e) => e.version));
    const auditVersions = JSON.stringify(ledger.audits.map((a) => a.version));
    if (eventVersions !== expected) problems.push(`case ${ledger.id} at version ${ledger.version} has event rows for versions ${eventVersions}`);
    if (auditVersions !== expected) problems.push(`case ${ledger.id} at version ${ledger.version} has CASE_EVENT audit rows for versions ${auditVersions}`);
    if (ledger.createdRows !== 1) problems.push(`case ${ledger.id} has ${ledger.createdRows} CASE_CREATED audit rows`);
    for (const event of ledger.events) {
      const audit = ledger.audits.find((a) => a.version === event.version);
      if (audit && (audit.requestId !== event.requestId || audit.type !== event.type)) {
        problems.push(`case ${ledger.id} v${event.version}: event ${event.type} by ${event.requestId}, audit ${audit.type} by ${audit.requestId}`);
      }
    }
  }
  return problems;
}

/**
 * Each command the clients sent applied at most once across all its tries, and exactly once if it was answered 2xx:
 * an answered one sits at the version its ETag names; a replay points at the try that applied it; a 4xx applied
 * nothing. Every event the load could have caused (above `baseVersion`) belongs to a try of some command.
 */
export function commandProblems(commands: readonly Command[], ledgers: readonly CaseLedger[], baseVersion: number): string[] {
  const problems: string[] = [];
  const owner = new Map<string, Command>();
  for (const command of commands) for (const attempt of command.attempts) owner.set(attempt.requestId, command);
  for (const ledger of ledgers) {
    for (const event of ledger.events.filter((e) => e.version > baseVersion)) {
      if (event.requestId === null || owner.get(event.requestId)?.caseId !== ledger.id) {
        problems.push(`case ${ledger.id} v${event.version} (${event.type}) was applied by ${event.requestId}, which no client sent`);
      }
    }
  }
  for (const command of commands) {
    const ledger = ledgers.find((l) => l.id === command.caseId);
    const tries = new Set(command.attempts.map((a) => a.requestId));
    const applied = ledger?.events.filter((e) => e.requestId !== null && tries.has(e.requestId)) ?? [];
    const last = lastAttempt(command)!;
    const name = `command ${command.key} (${command.body.type}, If-Match ${command.ifMatch}, tries ${[...tries].join(' ')})`;
    if (applied.length > 1) problems.push(`${name} applied ${applied.length} times`);
    if (!isAnswer(last)) continue;
    const status = last.status as number;
    if (status >= 200 && status < 300) {
      if (applied.length !== 1) problems.push(`${name} was answered ${status} but applied ${applied.length} times`);
      else if (applied[0].version !== last.etag) problems.push(`${name} was answered with version ${last.etag} but applied at ${applied[0].version}`);
      else if (last.replayed === (applied[0].requestId === last.requestId)) {
        problems.push(`${name} answered replayed=${last.replayed} but was applied by try ${applied[0].requestId}`);
      }
    } else if (applied.length !== 0) {
      problems.push(`${name} was answered ${status} yet applied at version ${applied[0].version}`);
    }
  }
  return problems;
}

/**
 * Statuses a client of this load may meet. Anything else means the load or the service is wrong: 409, 422 or 400
 * would be the load's mistake, and 500 says "unexpected error, report it" where the database being away is neither.
 */
const EXPECTED_STATUSES = new Set([200, 412, 503]);

/** Driver and SQL words that must never reach a client. */
const INTERNALS = /ECONNREFUSED|terminat|SELECT|INSERT|UPDATE|postgres|127\.0\.0\.1/i;

/**
 * Every refusal is the error envelope with the caller's request id, and a failure because the database is away is
 * 503 SERVICE_UNAVAILABLE in general words (as /api/health/ready says at that moment), never driver or SQL text.
 */
export function answerProblems(commands: readonly Command[]): string[] {
  const problems: string[] = [];
  for (const attempt of commands.flatMap((c) => c.attempts)) {
    if (attempt.status === 'cut' || attempt.status === 200) continue;
    const body = attempt.body as { statusCode?: unknown; code?: unknown; message?: unknown; requestId?: unknown } | undefined;
    const seen = `${attempt.requestId} answered ${attempt.status}: ${JSON.stringify(attempt.body)}`;
    if (!EXPECTED_STATUSES.has(attempt.status)) problems.push(seen);
    else if (body?.statusCode !== attempt.status || typeof body.message !== 'string' || body.requestId !== attempt.requestId) problems.push(`envelope? ${seen}`);
    else if (attempt.status === 503 && (body.code !== 'SERVICE_UNAVAILABLE' || INTERNALS.test(body.message))) problems.push(seen);
  }
  return problems;
}

/** The due expiry timers of `caseIds` that pg-boss has not finished: waiting, being retried or held by a worker. */
export async function unfinishedDueTimers(owner: Client, caseIds: readonly string[]): Promise<number> {
  const { rows } = await owner.query<{ n: string }>(
    `SELECT count(*) AS n FROM pgboss.job WHERE name = 'deadline-timer' AND data->>'caseId' = ANY($1::text[])
       AND data->>'action' = 'EXPIRE' AND start_after <= now() AND state::text IN ('created', 'retry', 'active')`,
    [caseIds],
  );
  return Number(rows[0].n);
}

/**
 * A lapsed case (its mediation period over when it was registered) expired exactly once: one DEADLINE_EXPIRED event
 * by the system, version 2, `closed.failed`, and its period's timer job completed in pg-boss.
 */
export async function expiryProblems(owner: Client, caseIds: readonly string[]): Promise<string[]> {
  const { rows } = await owner.query<{ id: string; state: string; version: number; expired: string; system_audits: string; completed_jobs: string }>(
    `SELECT c.id, c.state, c.version,
       (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.type = 'DEADLINE_EXPIRED') AS expired,
       (SELECT count(*) FROM audit_entries a WHERE a.case_id = c.id AND a.action = 'CASE_EVENT' AND a.actor_role = 'SYSTEM') AS system_audits,
       (SELECT count(*) FROM pgboss.job j JOIN deadlines d ON d.id::text = j.data->>'deadlineId'
          WHERE j.name = 'deadline-timer' AND j.data->>'action' = 'EXPIRE' AND d.case_id = c.id AND d.kind = 'MEDIATION_PERIOD'
            AND j.state::text = 'completed') AS completed_jobs
     FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [caseIds],
  );
  const problems = rows.length === caseIds.length ? [] : [`expected ${caseIds.length} lapsed cases, found ${rows.length}`];
  for (const row of rows) {
    const seen = { state: row.state, version: row.version, expired: Number(row.expired), systemAudits: Number(row.system_audits), completedJobs: Number(row.completed_jobs) };
    if (seen.state !== 'closed.failed' || seen.version !== 2 || seen.expired !== 1 || seen.systemAudits !== 1 || seen.completedJobs < 1) {
      problems.push(`lapsed case ${row.id}: ${JSON.stringify(seen)}`);
    }
  }
  return problems;
}
