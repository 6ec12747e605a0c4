import { Client } from 'pg';
import { AuditRecord, GENESIS_HASH, normalizeAt, sealRecord } from '../../src/audit/audit-chain';
import { auditRowColumns, INSERT_AUDIT_ROWS } from '../../src/audit/audit-rows-insert';
import { riskFactsSql } from '../../src/risk-assessment/risk-facts.query';
import { inParallel } from './api';
import { onDatabase } from './database';
import type { BenchEnvironment } from './environment';
import { say } from './output';
import { createCases, seedDirectory, todayInShanghai } from './seed';

export interface ScaleTiming {
  name: string;
  rows: number;
  seconds: number;
  targetSeconds?: number;
}

export interface ScaleFigures {
  timings: ScaleTiming[];
  plans: { name: string; plan: string }[];
  verification: { scope: string; ok: boolean; checked: number }[];
  /** Statements over SLOW_MS during each timed operation (embedded server only). */
  slowStatements: { operation: string; statements: string[] }[];
  screenings?: { casesScreened: number; alertsRaised: number; counts: Record<string, number> }[];
  /** What the server did besides the statements during each timed operation: pages written out, autovacuum runs. */
  activity: ({ operation: string } & ServerActivity)[];
}

interface ServerActivity {
  buffersWrittenByBackends: number;
  buffersWrittenByBgwriter: number;
  autovacuums: number;
  autoanalyzes: number;
}

// A first read of freshly written rows sets their hint bits, dirtying every page it touches, and autovacuum visits
// bulk-loaded tables soon after: both cost time in whichever operation comes next, which these counters show.
async function serverActivity(url: string): Promise<ServerActivity> {
  return onDatabase(url, async (client) => {
    const [row] = (
      await client.query<{ backend: string; clean: string; vacuums: string; analyzes: string }>(
        `SELECT b.buffers_backend::text AS backend, b.buffers_clean::text AS clean,
                (SELECT sum(autovacuum_count)::text FROM pg_stat_all_tables) AS vacuums, (SELECT sum(autoanalyze_count)::text FROM pg_stat_all_tables) AS analyzes
         FROM pg_stat_bgwriter b`,
      )
    ).rows;
    return { buffersWrittenByBackends: Number(row.backend), buffersWrittenByBgwriter: Number(row.clean), autovacuums: Number(row.vacuums), autoanalyzes: Number(row.analyzes) };
  });
}

function activitySince(before: ServerActivity, after: ServerActivity): ServerActivity {
  return {
    buffersWrittenByBackends: after.buffersWrittenByBackends - before.buffersWrittenByBackends,
    buffersWrittenByBgwriter: after.buffersWrittenByBgwriter - before.buffersWrittenByBgwriter,
    autovacuums: after.autovacuums - before.autovacuums,
    autoanalyzes: after.autoanalyzes - before.autoanalyzes,
  };
}

const TEMPLATES = 100;
/** Pages read one after the other for each timing of a paged read: the screening's ledger, the audit search. */
const PAGE_READS = 20;
/** The console's ledger page. */
const LEDGER_PAGE_SIZE = 100;

export interface ScaleVolumes {
  openCases: number;
  auditRows: number;
}

export const FULL_SCALE: ScaleVolumes = { openCases: 100_000, auditRows: 1_000_000 };
/** --quick: a tenth, to check the machinery rather than measure it; no target applies. */
export const QUICK_SCALE: ScaleVolumes = { openCases: 10_000, auditRows: 100_000 };

/**
 * Risk screening over 100,000 open cases and verification of 1,000,000 audit rows. Those volumes are not seeded
 * through the API (hours on this machine): 100 cases are registered through it, then cloned row for row in SQL with
 * new ids and case numbers, and the audit rows are sealed by the service's own audit-chain code, so that the verifier
 * really recomputes every hash and link.
 */
export async function runScale(env: BenchEnvironment, volumes: ScaleVolumes): Promise<ScaleFigures> {
  const { openCases: OPEN_CASES, auditRows: AUDIT_ROWS } = volumes;
  const target = (seconds: number) => (volumes === FULL_SCALE ? seconds : undefined);
  const figures: ScaleFigures = { timings: [], plans: [], verification: [], slowStatements: [], activity: [] };
  await logSlowStatements(env, SLOW_MS);
  const record = async <T>(name: string, rows: number, targetSeconds: number | undefined, work: () => Promise<T>): Promise<T> => {
    process.stdout.write(`scale: ${name} … `);
    env.server.takeLog();
    const before = await serverActivity(env.appDatabaseUrl);
    const start = process.hrtime.bigint();
    const result = await work();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const activity = activitySince(before, await serverActivity(env.appDatabaseUrl));
    figures.activity.push({ operation: name, ...activity });
    say(`${seconds.toFixed(1)} s (buffers written by backends ${activity.buffersWrittenByBackends}, by the background writer ${activity.buffersWrittenByBgwriter}; autovacuum ${activity.autovacuums}, autoanalyze ${activity.autoanalyzes})`);
    const statements = slowStatementsIn(env.server.takeLog());
    if (statements.length > 0) figures.slowStatements.push({ operation: name, statements });
    figures.timings.push({ name, rows, seconds, ...(targetSeconds === undefined ? {} : { targetSeconds }) });
    return result;
  };

  const today = todayInShanghai();
  const city = await seedDirectory(env.api, env.service.admin, 2, 'S');
  // The city is registered and screened outside any sensitive period, so that the period added below is the first.
  const paused = await deactivatePeriodsOn(env, city.admin.token, today);
  await createCases(env.api, city, TEMPLATES, 8);
  const screen = async () => {
    try {
      // As the console asks for it: the ledger (44 MB of JSON for a city) is read page by page afterwards, not waited for.
      return await env.api.expect<ScreeningAnswer>(201, 'POST', '/api/risk-screenings', {
        token: city.supervisor.token,
        body: { asOf: today },
        headers: { prefer: 'return=minimal' },
      });
    } catch (error) {
      // A 500 says only "quote the request id": the service's own log says what failed.
      say(`\nThe service's last output:\n${env.service.output().slice(-6000)}`);
      throw error;
    }
  };
  // The templates are screened once by the service, so that their alerts are open and are cloned with them: a city
  // screened yesterday.
  await screen();
  await record(`clone to ${OPEN_CASES} open cases (SQL)`, OPEN_CASES, undefined, async () => {
    await cloneCases(env.appDatabaseUrl, city.organizationId, OPEN_CASES / TEMPLATES);
    await settle(env, ['cases', 'case_applicants', 'case_claims', 'deadlines', 'alerts']);
  });

  // Today a period's lead time begins: every case is screened a level higher, and most BLUE ones turn YELLOW and open
  // their RISK_LEVEL alert, the YELLOW and worse ones a SENSITIVE_PERIOD alert.
  await addPeriodFrom(env, city.supervisor.token, today);
  const inPeriod = await record(`risk screening, first in a sensitive period (an alert per case)`, OPEN_CASES, target(10), screen);
  if (inPeriod.casesScreened !== OPEN_CASES) throw new Error(`screening saw ${inPeriod.casesScreened} cases, not ${OPEN_CASES}`);
  if (inPeriod.alertsRaised < OPEN_CASES * 0.9) throw new Error(`the first screening in the period raised only ${inPeriod.alertsRaised} alerts`);
  // The next day: autovacuum has long visited what that screening wrote (a row version per case, an alert, an
  // audit entry and a notice each), and the daily screening of a city in the period follows.
  await settle(env, ['cases', 'alerts', 'audit_entries', 'audit_chain_heads', 'notifications', 'risk_screenings', 'risk_screening_cases']);
  const first = await record(`risk screening, daily (alerts already open)`, OPEN_CASES, target(10), screen);
  const again = await record(`risk screening, again`, OPEN_CASES, target(10), screen);
  figures.screenings = [inPeriod, first, again].map(({ casesScreened, alertsRaised, counts }) => ({ casesScreened, alertsRaised, counts }));
  say(`  levels ${JSON.stringify(first.counts)}; alerts raised ${inPeriod.alertsRaised}, then ${first.alertsRaised}, then ${again.alertsRaised}`);
  // That ledger as the console reads it: its first page, and the page halfway down.
  const ledgerPages = async (page: number) => {
    for (let i = 0; i < PAGE_READS; i += 1) {
      await env.api.expect(200, 'GET', `/api/risk-screenings/${again.id}/cases?page=${page}&pageSize=${LEDGER_PAGE_SIZE}`, { token: city.supervisor.token });
    }
  };
  const middlePage = OPEN_CASES / LEDGER_PAGE_SIZE / 2;
  await record(`${PAGE_READS} ledger pages of ${LEDGER_PAGE_SIZE} rows, first`, PAGE_READS, undefined, () => ledgerPages(1));
  await record(`${PAGE_READS} ledger pages of ${LEDGER_PAGE_SIZE} rows, page ${middlePage}`, PAGE_READS, undefined, () => ledgerPages(middlePage));
  // And the whole of it as the file a supervisor files.
  for (const format of ['xlsx', 'csv'] as const) {
    const bytes = await record(`ledger export, ${format}`, OPEN_CASES, undefined, () =>
      env.api.download(`/api/risk-screenings/${again.id}/ledger.${format}`, city.supervisor.token),
    );
    say(`  ${(bytes / 1e6).toFixed(1)} MB`);
  }
  await reactivate(env, city.admin.token, paused);
  figures.plans.push({ name: 'Screening facts query (mirrors src/risk-assessment/risk-facts.query.ts)', plan: await explainScreening(env.appDatabaseUrl, city.organizationId) });

  await record(`seal and insert ${AUDIT_ROWS} audit rows (SQL)`, AUDIT_ROWS, undefined, () => seedAuditRows(env.appDatabaseUrl, city.organizationId, AUDIT_ROWS));
  // A trail of a million rows was written over months, not a moment ago: without this the first verification set
  // the hint bits of every row and wrote ~360,000 dirtied pages out itself (78.6 s against 58.8 s for the second).
  await settle(env, ['audit_entries', 'audit_chain_heads']);
  const verify = async (scope: string, token: string) => {
    const result = await env.api.expect<{ ok: boolean; checked: number }>(200, 'GET', '/api/audit/verify', { token });
    figures.verification.push({ scope, ...result });
    if (!result.ok || result.checked < AUDIT_ROWS) throw new Error(`verification as ${scope}: ${JSON.stringify(result)}`);
    return result;
  };
  await record(`audit verify, supervisor (their org)`, AUDIT_ROWS, target(30), () => verify('supervisor', city.supervisor.token));
  await record(`audit verify, admin (every chain)`, AUDIT_ROWS, target(30), () => verify('admin', city.admin.token));
  // The audit search on that trail, as the console asks for it: its newest page, and a page 5,000 rows deep.
  const auditPages = async (token: string, page: number) => {
    for (let i = 0; i < PAGE_READS; i += 1) await env.api.expect(200, 'GET', `/api/audit?pageSize=50&page=${page}`, { token });
  };
  await record(`${PAGE_READS} audit pages of 50 rows, supervisor, newest`, PAGE_READS, undefined, () => auditPages(city.supervisor.token, 1));
  await record(`${PAGE_READS} audit pages of 50 rows, supervisor, page 100`, PAGE_READS, undefined, () => auditPages(city.supervisor.token, 100));
  await record(`${PAGE_READS} audit pages of 50 rows, admin, newest`, PAGE_READS, undefined, () => auditPages(city.admin.token, 1));
  figures.plans.push(...(await explainVerification(env.appDatabaseUrl, city.organizationId)));
  await logSlowStatements(env, -1);
  return figures;
}

interface ScreeningAnswer {
  id: string;
  casesScreened: number;
  alertsRaised: number;
  counts: Record<string, number>;
}

interface PeriodRow {
  id: string;
  startsOn: string;
  endsOn: string;
  leadDays: number;
  active: boolean;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Deactivates the periods whose window (lead days included) covers `day`, and answers their ids. */
async function deactivatePeriodsOn(env: BenchEnvironment, adminToken: string, day: string): Promise<string[]> {
  const periods = await env.api.expect<PeriodRow[]>(200, 'GET', '/api/sensitive-periods?active=true', { token: adminToken });
  const covering = periods.filter((p) => p.active && addDays(p.startsOn, -p.leadDays) <= day && day <= p.endsOn);
  for (const p of covering) await env.api.expect(200, 'DELETE', `/api/sensitive-periods/${p.id}`, { token: adminToken });
  return covering.map((p) => p.id);
}

async function reactivate(env: BenchEnvironment, adminToken: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) await env.api.expect(200, 'PATCH', `/api/sensitive-periods/${id}`, { token: adminToken, body: { active: true } });
}

/** The city's own period, whose seven lead days began today. */
async function addPeriodFrom(env: BenchEnvironment, supervisorToken: string, day: string): Promise<void> {
  await env.api.expect(201, 'POST', '/api/sensitive-periods', {
    token: supervisorToken,
    body: { name: '压测城市专项稳控期', kind: 'CUSTOM', startsOn: addDays(day, 7), endsOn: addDays(day, 14), leadDays: 7 },
  });
}

const SLOW_MS = 250;

/**
 * Where a scale operation waits on PostgreSQL: ALTER SYSTEM reaches the service's pooled sessions at once (a
 * per-database setting would only reach new ones). Embedded server only: the bench does not reconfigure a server
 * it was lent with DATABASE_URL.
 */
async function logSlowStatements(env: BenchEnvironment, thresholdMs: number): Promise<void> {
  if (!env.server.embedded) return;
  await onDatabase(env.server.url, async (client) => {
    await client.query(thresholdMs < 0 ? 'ALTER SYSTEM RESET log_min_duration_statement' : `ALTER SYSTEM SET log_min_duration_statement = ${thresholdMs}`);
    await client.query('SELECT pg_reload_conf()');
  });
}

function slowStatementsIn(log: readonly string[]): string[] {
  return log
    .join('')
    .split(/\n(?=\S)/)
    .filter((entry) => /duration: [\d.]+ ms/.test(entry))
    .map((entry) => entry.replace(/^.*?LOG:\s+/, '').replace(/\s+/g, ' ').slice(0, 240));
}

async function columnsOf(client: Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

/** Each template case `copies - 1` more times, with its applicants, claims and deadlines; case numbers continue the org's series. */
async function cloneCases(url: string, organizationId: string, copies: number): Promise<void> {
  await onDatabase(url, async (client) => {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE clone_map ON COMMIT DROP AS
       SELECT t.id AS template_id, gen_random_uuid() AS id, (${TEMPLATES} + row_number() OVER (ORDER BY t.case_number, g))::int AS n
       FROM cases t CROSS JOIN generate_series(2, $2::int) g WHERE t.organization_id = $1`,
      [organizationId, copies],
    );
    const caseColumns = await columnsOf(client, 'cases');
    const caseSelect = caseColumns.map((column) => {
      if (column === 'id') return 'm.id';
      if (column === 'case_number') return `split_part(t.case_number, '-', 1) || '-' || split_part(t.case_number, '-', 2) || '-' || lpad(m.n::text, 6, '0')`;
      return `t.${column}`;
    });
    await client.query(`INSERT INTO cases (${caseColumns.join(', ')}) SELECT ${caseSelect.join(', ')} FROM clone_map m JOIN cases t ON t.id = m.template_id`);
    for (const table of ['case_applicants', 'case_claims', 'deadlines', 'alerts']) {
      const columns = (await columnsOf(client, table)).filter((column) => column !== 'id');
      const select = columns.map((column) => (column === 'case_id' ? 'm.id' : `t.${column}`));
      await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select.join(', ')} FROM clone_map m JOIN ${table} t ON t.case_id = m.template_id`);
    }
    await client.query(
      `UPDATE case_number_sequences SET last_value = (SELECT count(*) FROM cases WHERE organization_id = $1) WHERE organization_id = $1`,
      [organizationId],
    );
    await client.query('COMMIT');
  });
}

/**
 * A city's rows were written long before its screening: their hint bits are set, autovacuum has visited them and
 * their pages are on disk. Rows written a moment ago in bulk are none of that, and the next operation paid for it:
 * the first statement to read a row sets its hint bits, dirtying the page, backends must write dirty pages out to
 * make room in shared buffers, and autovacuum starts on the bulk-loaded tables alongside. That, not cold caches, made
 * the first screening after the clone slower than the next. CHECKPOINT needs a superuser: only on the bench's own
 * server.
 */
async function settle(env: BenchEnvironment, tables: readonly string[]): Promise<void> {
  await onDatabase(env.appDatabaseUrl, async (client) => {
    for (const table of tables) await client.query(`VACUUM (ANALYZE) ${table}`);
    if (env.server.embedded) await client.query('CHECKPOINT');
  });
}

interface TemplateRow {
  actor_user_id: string | null;
  actor_role: string;
  category: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  payload: unknown;
}

/**
 * `total` rows over the org's cases, ten or so per case, continuing each case's chain, in the shape of case rows the
 * service wrote (during the scenarios, when they ran). Seqs come from the real sequence and interleave across chains
 * as concurrent desks would; entries and heads commit together, as AuditService.append does.
 */
async function seedAuditRows(url: string, organizationId: string, total: number): Promise<void> {
  await onDatabase(url, async (client) => {
    const templates = (
      await client.query<TemplateRow>(
        `SELECT DISTINCT ON (action, to_state) actor_user_id, actor_role, category, action, from_state, to_state, payload
         FROM audit_entries WHERE case_id IS NOT NULL ORDER BY action, to_state, seq DESC`,
      )
    ).rows;
    // Every case of the org, its chain continued from the head the service left (screening may have alerted on it).
    const chainsOfOrg = (
      await client.query<{ id: string; last_chain_seq: number | null; last_hash: string | null }>(
        `SELECT c.id, h.last_chain_seq, h.last_hash FROM cases c LEFT JOIN audit_chain_heads h ON h.chain_id = 'case:' || c.id
         WHERE c.organization_id = $1 ORDER BY c.id`,
        [organizationId],
      )
    ).rows;
    const caseIds = chainsOfOrg.map((r) => r.id);
    // A case is registered once. Its CASE_CREATED entry (3.4 kB of masked parties and claims, five times an alert's)
    // comes in the first round over the cases, for those without one (the clones), and every later row is of the
    // other kinds: cycling through all kinds had made every other row of the trail a registration.
    const registered = new Set(
      (await client.query<{ case_id: string }>(`SELECT DISTINCT case_id FROM audit_entries WHERE org_id = $1 AND action = 'CASE_CREATED'`, [organizationId])).rows.map(
        (r) => r.case_id,
      ),
    );
    const registration = templates.find((t) => t.action === 'CASE_CREATED');
    const others = templates.filter((t) => t.action !== 'CASE_CREATED');
    if (others.length === 0) throw new Error('no audit rows of cases besides their registration to model the trail on');
    const seqs = (await client.query<{ seq: string }>('SELECT nextval(\'audit_entries_seq\')::text AS seq FROM generate_series(1, $1::int)', [total])).rows.map((r) => r.seq);
    const lastHash: string[] = chainsOfOrg.map((r) => r.last_hash ?? GENESIS_HASH);
    const lastSeq: number[] = chainsOfOrg.map((r) => r.last_chain_seq ?? 0);
    const start = Date.now() - total;
    const batch: AuditRecord[] = [];
    await client.query('BEGIN');
    for (let i = 0; i < total; i += 1) {
      const chain = i % caseIds.length;
      const chainSeq = lastSeq[chain] + 1;
      const caseId = caseIds[chain];
      const template = i < caseIds.length && registration !== undefined && !registered.has(caseId) ? registration : others[i % others.length];
      const row = sealRecord({
        seq: seqs[i],
        chainId: `case:${caseId}`,
        chainSeq,
        prevHash: lastHash[chain],
        at: normalizeAt(new Date(start + i)),
        actorUserId: template.actor_user_id,
        actorRole: template.actor_role,
        orgId: organizationId,
        caseId,
        category: template.category,
        action: template.action,
        fromState: template.from_state,
        toState: template.to_state,
        caseVersion: chainSeq,
        requestId: `bench-${i}`,
        payload: template.payload,
      });
      lastHash[chain] = row.hash;
      lastSeq[chain] = chainSeq;
      batch.push(row);
      if (batch.length === 5000) await insertAudit(client, batch.splice(0));
    }
    await insertAudit(client, batch.splice(0));
    const chains = caseIds.map((id) => `case:${id}`);
    for (let i = 0; i < chains.length; i += 10000) {
      await client.query(
        `INSERT INTO audit_chain_heads (chain_id, last_chain_seq, last_hash) SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
         ON CONFLICT (chain_id) DO UPDATE SET last_chain_seq = excluded.last_chain_seq, last_hash = excluded.last_hash`,
        [chains.slice(i, i + 10000), lastSeq.slice(i, i + 10000), lastHash.slice(i, i + 10000)],
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE audit_entries');
    await client.query('ANALYZE audit_chain_heads');
  });
}

async function insertAudit(client: Client, rows: readonly AuditRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(INSERT_AUDIT_ROWS, auditRowColumns(rows));
}

// The screening's own statement, with its filter (src/risk-assessment/risk-screening.service.ts).
const SCREENING_FACTS = riskFactsSql(`c.organization_id = $1 AND c.state NOT LIKE 'closed.%'`);

async function explain(client: Client, sql: string, params: unknown[], analyze: boolean): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (${analyze ? 'ANALYZE, BUFFERS, ' : ''}COSTS OFF) ${sql}`, params);
  // A 100,000-element array literal in a Filter line says nothing more than its first few elements.
  return rows.map((r) => (r['QUERY PLAN'].length > 160 ? `${r['QUERY PLAN'].slice(0, 160)}…` : r['QUERY PLAN'])).join('\n');
}

/** The verifier reads through a cursor, which PostgreSQL plans for the first rows (cursor_tuple_fraction). */
async function explainCursor(client: Client, sql: string, params: unknown[]): Promise<string> {
  await client.query('BEGIN');
  try {
    return await explain(client, `DECLARE audit_verification NO SCROLL CURSOR FOR ${sql}`, params, false);
  } finally {
    await client.query('ROLLBACK');
  }
}

async function explainScreening(url: string, organizationId: string): Promise<string> {
  return onDatabase(url, (client) => explain(client, SCREENING_FACTS, [organizationId], true));
}

async function explainVerification(url: string, organizationId: string): Promise<{ name: string; plan: string }[]> {
  return onDatabase(url, async (client) => {
    const chains = (await client.query<{ chain_id: string }>('SELECT DISTINCT chain_id FROM audit_entries WHERE org_id = $1', [organizationId])).rows.map((r) => r.chain_id);
    return inParallel(
      [
        { name: 'Verification, admin: cursor over every row in chain order', cursor: true, sql: 'SELECT * FROM audit_entries ORDER BY chain_id, chain_seq', params: [] as unknown[] },
        { name: "Verification, supervisor: the org's chains", cursor: false, sql: 'SELECT DISTINCT chain_id FROM audit_entries WHERE org_id = $1', params: [organizationId] },
        { name: 'Verification, supervisor: cursor over the rows of those chains', cursor: true, sql: 'SELECT * FROM audit_entries WHERE chain_id = ANY($1::text[]) ORDER BY chain_id, chain_seq', params: [chains] },
      ],
      1,
      async (q) => ({ name: q.name, plan: q.cursor ? await explainCursor(client, q.sql, q.params) : await explain(client, q.sql, q.params, false) }),
    );
  });
}
