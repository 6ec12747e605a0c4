import { randomUUID } from 'node:crypto';
import { applicant, individualCaseBody } from '../factories/case.factory';

/**
 * The people and cases of a crash test, set up over HTTP against a spawned service the way an administrator and a
 * mediator would: the service under test is a separate process, so nothing is written behind its back.
 */

export const ADMIN = { username: 'chaos.admin', password: 'Lu-9TQx!vb2026' };
const DESK_PASSWORD = 'chaos-desk-password-2026';

/** What a spawned service needs besides DATABASE_URL: no demo data, whose stories carry timers of their own. */
export function serviceEnv(databaseUrl: string, runWorkers: boolean): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'j'.repeat(40),
    PII_SECRET: 'p'.repeat(40),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    DEMO_SEED: 'false',
    RUN_WORKERS: String(runWorkers),
  };
}

export interface Desk {
  readonly adminToken: string;
  readonly mediatorToken: string;
  readonly mediatorId: string;
}

async function call<T>(baseUrl: string, method: string, path: string, token: string | undefined, body?: unknown, expected = 200): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${path} answered ${res.status}, expected ${expected}: ${text}`);
  return JSON.parse(text) as T;
}

export function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  return call<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', undefined, { username, password }).then((r) => r.accessToken);
}

/** A studio with one mediator, created by the administrator the service bootstrapped from ADMIN_USERNAME. */
export async function openDesk(baseUrl: string): Promise<Desk> {
  const adminToken = await signIn(baseUrl, ADMIN.username, ADMIN.password);
  const suffix = randomUUID().slice(0, 8);
  const studio = await call<{ id: string }>(baseUrl, 'POST', '/api/organizations', adminToken, { name: `压测调解工作室${suffix}`, kind: 'UNION', region: '吉林省辽源市' }, 201);
  const mediator = await call<{ id: string }>(
    baseUrl,
    'POST',
    '/api/users',
    adminToken,
    { username: `chaos.m${suffix}`, displayName: '压测调解员', role: 'MEDIATOR', organizationId: studio.id, password: DESK_PASSWORD },
    201,
  );
  const mediatorToken = await signIn(baseUrl, `chaos.m${suffix}`, DESK_PASSWORD);
  return { adminToken, mediatorToken, mediatorId: mediator.id };
}

const DAY_MS = 86_400_000;

/** The Asia/Shanghai calendar date of an instant, as the service reads legal dates. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A dispute received now that fell out ten days ago: every one of its deadlines lies days ahead, so no timer of its
 * own fires while the test runs and only the load changes it.
 */
function currentCaseBody(): Record<string, unknown> {
  const now = new Date();
  const fellOut = shanghaiDate(new Date(now.getTime() - 10 * DAY_MS));
  return individualCaseBody({
    receivedAt: now.toISOString(),
    knewOrShouldHaveKnownAt: fellOut,
    applicants: [applicant({ employmentEndedOn: fellOut })],
  });
}

export interface CaseRef {
  readonly id: string;
  readonly version: number;
}

async function sendEvent(baseUrl: string, token: string, caseId: string, body: Record<string, unknown>): Promise<CaseRef> {
  const detail = await call<{ id: string; version: number }>(baseUrl, 'POST', `/api/cases/${caseId}/events`, token, body);
  return { id: detail.id, version: detail.version };
}

/** Registers a case, accepts it (which assigns the accepting mediator) and records the employer's consent. */
export async function caseInMediation(baseUrl: string, desk: Desk): Promise<CaseRef> {
  const created = await call<{ id: string }>(baseUrl, 'POST', '/api/cases', desk.mediatorToken, currentCaseBody(), 201);
  await sendEvent(baseUrl, desk.mediatorToken, created.id, { type: 'ACCEPT' });
  return sendEvent(baseUrl, desk.mediatorToken, created.id, { type: 'RESPONDENT_CONSENTS', consentedOn: shanghaiDate(new Date()), channel: 'PHONE' });
}

/**
 * A case received 40 days ago: its 15-day mediation period (DOMAIN §4) ran out long before it was registered, so its
 * expiry timer is due the moment the case exists.
 */
export async function lapsedCase(baseUrl: string, desk: Desk): Promise<string> {
  const receivedAt = new Date(Date.now() - 40 * DAY_MS);
  const body = individualCaseBody({ receivedAt: receivedAt.toISOString(), knewOrShouldHaveKnownAt: shanghaiDate(receivedAt) });
  return (await call<{ id: string }>(baseUrl, 'POST', '/api/cases', desk.mediatorToken, body, 201)).id;
}
