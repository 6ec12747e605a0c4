import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { SeededCase, Directory } from './seed';
import { caseBody } from './seed';

/** What `--only` selects by; a scenario's key must be one of them, so the list cannot fall behind the scenarios. */
export const SCENARIO_KEYS = ['transitions', 'contention', 'read-case', 'audit-page', 'create-case'] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

export interface Scenario {
  key: ScenarioKey;
  name: string;
  connections: number;
  /** Statuses a real client expects; anything else, a socket error or a timeout counts as an error. */
  expected: readonly number[];
  /** The status whose rate is the scenario's throughput (a lost race is expected but is not throughput). */
  success: number;
  requests(): autocannon.Request[];
}

export interface Figures {
  seconds: number;
  connections: number;
  targetRate: number | null;
  /** `success` answers per second. */
  rps: number;
  /** Every answer per second, lost races included. */
  totalRps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  statusCounts: Record<string, number>;
}

function header(headers: Record<string, string | string[]>, name: string): string | undefined {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  const value = found?.[1];
  return Array.isArray(value) ? value[0] : value;
}

function versionFromEtag(headers: Record<string, string | string[]>): number | undefined {
  const etag = header(headers, 'etag');
  const n = etag === undefined ? NaN : Number(etag.replaceAll('"', ''));
  return Number.isInteger(n) ? n : undefined;
}

function conflictVersion(body: string): number | undefined {
  try {
    const parsed = JSON.parse(body) as { code?: string; details?: { currentVersion?: number } };
    return parsed.code === 'VERSION_CONFLICT' ? parsed.details?.currentVersion : undefined;
  } catch {
    return undefined;
  }
}

function scheduleSessionBody(): string {
  // A week ahead: DOMAIN §3 #6 refuses a session that is not in the future.
  const at = new Date(Date.now() + 7 * 86400000).toISOString();
  return JSON.stringify({ type: 'SCHEDULE_SESSION', at, online: true });
}

function eventHeaders(c: SeededCase): Record<string, string> {
  return {
    authorization: `Bearer ${c.mediator.token}`,
    'content-type': 'application/json',
    'if-match': `"${c.version}"`,
    'idempotency-key': randomUUID(),
  };
}

/**
 * (a) Self-transitions over many cases. A case is lent to one request at a time and returned with the version its
 * answer carried, so no two connections ever race on a case and the If-Match a client sends is always current:
 * any 412 here is a bug.
 */
export function transitionsScenario(cases: readonly SeededCase[], connections: number): Scenario {
  const free = [...cases];
  return {
    key: 'transitions',
    name: '(a) transitions, many cases',
    connections,
    expected: [200],
    success: 200,
    requests: () => [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const c = free.shift() ?? cases[Math.floor(Math.random() * cases.length)];
          context.case = c;
          return { ...request, path: `/api/cases/${c.id}/events`, headers: eventHeaders(c), body: scheduleSessionBody() };
        },
        onResponse: (status, body, context, headers) => {
          const c = context.case as SeededCase;
          const version = status === 200 ? versionFromEtag(headers) : conflictVersion(body);
          if (version !== undefined) c.version = Math.max(c.version, version);
          free.push(c);
        },
      },
    ],
  };
}

/**
 * (b) Many desks on few cases: a 412 VERSION_CONFLICT is the correct answer to a lost race, after which the client
 * learns the current version from the answer and tries again, as the console does.
 */
export function contentionScenario(cases: readonly SeededCase[], connections: number): Scenario {
  return {
    key: 'contention',
    name: `(b) contention, ${cases.length} cases`,
    connections,
    expected: [200, 412],
    success: 200,
    requests: () => [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const c = cases[Math.floor(Math.random() * cases.length)];
          context.case = c;
          return { ...request, path: `/api/cases/${c.id}/events`, headers: eventHeaders(c), body: scheduleSessionBody() };
        },
        onResponse: (status, body, context, headers) => {
          const c = context.case as SeededCase;
          const version = status === 200 ? versionFromEtag(headers) : conflictVersion(body);
          if (version !== undefined) c.version = Math.max(c.version, version);
        },
      },
    ],
  };
}

export function readCaseScenario(cases: readonly SeededCase[], directory: Directory, connections: number): Scenario {
  const auth = `Bearer ${directory.supervisor.token}`;
  return {
    key: 'read-case',
    name: '(c) GET /api/cases/:id',
    connections,
    expected: [200],
    success: 200,
    requests: () => [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: `/api/cases/${cases[Math.floor(Math.random() * cases.length)].id}`, headers: { authorization: auth } }),
      },
    ],
  };
}

/** (d) The supervisor's audit search: one of the ten newest 50-row pages of the organization's trail. */
export function auditPageScenario(directory: Directory, connections: number): Scenario {
  const auth = `Bearer ${directory.supervisor.token}`;
  return {
    key: 'audit-page',
    name: '(d) audit page, 50 rows',
    connections,
    expected: [200],
    success: 200,
    requests: () => [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: `/api/audit?pageSize=50&page=${1 + Math.floor(Math.random() * 10)}`, headers: { authorization: auth } }),
      },
    ],
  };
}

export function createCaseScenario(directory: Directory, connections: number): Scenario {
  let index = 0;
  return {
    key: 'create-case',
    name: '(e) POST /api/cases',
    connections,
    expected: [201],
    success: 201,
    requests: () => [
      {
        method: 'POST',
        path: '/api/cases',
        setupRequest: (request) => {
          index += 1;
          const mediator = directory.mediators[index % directory.mediators.length];
          return {
            ...request,
            path: '/api/cases',
            headers: { authorization: `Bearer ${mediator.token}`, 'content-type': 'application/json' },
            body: JSON.stringify(caseBody(index)),
          };
        },
      },
    ],
  };
}

export async function runScenario(baseUrl: string, scenario: Scenario, options: { seconds: number; overallRate?: number }): Promise<Figures> {
  const result = await autocannon({
    url: baseUrl,
    connections: scenario.connections,
    duration: options.seconds,
    timeout: 30,
    requests: scenario.requests(),
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
  });
  return toFigures(scenario, result, options.overallRate ?? null);
}

export function toFigures(scenario: Scenario, result: autocannon.Result, targetRate: number | null): Figures {
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  const statusCounts = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, Number(count)]));
  const answered = Object.values(statusCounts).reduce((sum, n) => sum + n, 0);
  const unexpected = Object.entries(statusCounts)
    .filter(([status]) => !scenario.expected.includes(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    seconds,
    connections: scenario.connections,
    targetRate,
    rps: (statusCounts[String(scenario.success)] ?? 0) / seconds,
    totalRps: answered / seconds,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: unexpected + result.errors + result.timeouts,
    statusCounts,
  };
}
