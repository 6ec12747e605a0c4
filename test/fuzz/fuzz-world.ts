import type { Role } from '../../src/users/role';
import { collectiveCaseBody, createCase, individualCaseBody } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createUser, FACTORY_PASSWORD } from '../factories/user.factory';
import type { TestApp } from '../helpers/test-app';

export const CALLER_ROLES = { admin: 'ADMIN', supervisor: 'SUPERVISOR', mediator: 'MEDIATOR', courtLiaison: 'COURT_LIAISON' } as const satisfies Record<string, Role>;
export type CallerName = keyof typeof CALLER_ROLES;
export const CALLER_NAMES = Object.keys(CALLER_ROLES) as CallerName[];

/** Stands for the caller's password in a generated body; filled in when the request is sent. */
export const CURRENT_PASSWORD = '\u0000current-password\u0000';

export interface Caller {
  readonly name: CallerName;
  username: string;
  password: string;
  token: string;
  userId: string;
  organizationId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POOL_LIMIT = 40;

/**
 * The data the fuzzer points at: one union and one court, a signed-in caller of every role, a few cases, and the
 * ids of everything created since, filed under the collection they came from (`cases`, `alerts`, `assistance`, …) so
 * that a generated `{id}` is often one that exists.
 */
export class FuzzWorld {
  readonly callers = new Map<CallerName, Caller>();
  readonly pools = new Map<string, string[]>();
  /** Users that only the fuzzer's requests act on; their passwords start as FACTORY_PASSWORD. */
  readonly bystanders: { id: string; username: string }[] = [];
  unionId = '';
  courtId = '';
  riskRules: { rules: unknown[]; version: number } | undefined;
  repairs = 0;
  private signIns = 0;

  constructor(private readonly t: TestApp) {}

  async build(): Promise<void> {
    this.unionId = (await createOrganization(this.t, { kind: 'UNION' })).id;
    this.courtId = (await createOrganization(this.t, { kind: 'COURT' })).id;
    this.file('organizations', [this.unionId, this.courtId]);
    for (const name of CALLER_NAMES) this.callers.set(name, await this.newCaller(name));
    for (const role of ['MEDIATOR', 'SUPERVISOR', 'COURT_LIAISON', 'ADMIN'] as Role[]) {
      const { user } = await createUser(this.t, { role, organizationId: role === 'COURT_LIAISON' ? this.courtId : this.unionId });
      this.bystanders.push({ id: user.id, username: user.username });
      this.file('users', [user.id]);
    }
    await this.createCases();
    await this.harvestInitialIds();
  }

  caller(name: CallerName): Caller {
    return this.callers.get(name)!;
  }

  isCallerId(id: string): boolean {
    return [...this.callers.values()].some((caller) => caller.userId === id);
  }

  pool(key: string): string[] {
    return this.pools.get(key) ?? [];
  }

  allIds(): string[] {
    return [...this.pools.values()].flat();
  }

  file(key: string, ids: string[]): void {
    const pool = this.pools.get(key) ?? [];
    for (const id of ids) if (UUID.test(id) && !pool.includes(id) && pool.length < POOL_LIMIT) pool.push(id);
    this.pools.set(key, pool);
  }

  /** Files every `id` of a successful answer under the collection the request addressed. */
  harvest(collection: string, body: unknown): void {
    const records = Array.isArray(body) ? body : Array.isArray((body as { items?: unknown })?.items) ? (body as { items: unknown[] }).items : [body];
    this.file(collection, records.map((record) => (record as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string'));
  }

  /** Signs the caller in again (after a password change), or replaces them when their account is no longer usable. */
  async repair(name: CallerName): Promise<void> {
    this.repairs += 1;
    const caller = this.caller(name);
    const token = await this.trySignIn(caller.username, caller.password);
    if (token) caller.token = token;
    else this.callers.set(name, await this.newCaller(name));
  }

  private async newCaller(name: CallerName): Promise<Caller> {
    const role = CALLER_ROLES[name];
    const organizationId = role === 'COURT_LIAISON' ? this.courtId : this.unionId;
    const { user, password } = await createUser(this.t, { role, organizationId });
    const token = await this.trySignIn(user.username, password);
    if (!token) throw new Error(`signing in the ${name} failed`);
    this.file('users', [user.id]);
    return { name, username: user.username, password, token, userId: user.id, organizationId };
  }

  /**
   * Fuzzed sign-ins fail on purpose and the throttle counts failures per address with a clock that never moves:
   * each real sign-in comes from an address of its own so that it is never refused for someone else's failures.
   */
  private async trySignIn(username: string, password: string): Promise<string | undefined> {
    this.signIns += 1;
    const res = await this.t.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: `10.201.${Math.floor(this.signIns / 250)}.${(this.signIns % 250) + 1}`,
    });
    return res.statusCode === 200 ? (res.json() as { accessToken: string }).accessToken : undefined;
  }

  private async createCases(): Promise<void> {
    const as = { auth: { authorization: `Bearer ${this.caller('mediator').token}` } } as Parameters<typeof createCase>[1];
    const supervisor = { auth: { authorization: `Bearer ${this.caller('supervisor').token}` } } as Parameters<typeof createCase>[1];
    const bodies = [
      individualCaseBody(),
      collectiveCaseBody(),
      individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: this.courtId, courtCaseNumber: '（2026）吉0402民初1234号' }),
    ];
    for (const body of bodies) this.file('cases', [(await createCase(this.t, as, body)).id]);
    this.file('cases', [(await createCase(this.t, supervisor, collectiveCaseBody({ riskFlags: ['EXTREME_ACT_THREAT', 'HARDSHIP'] }))).id]);
  }

  /** Ids the application made on its own (seeded sensitive periods, alerts, notifications) or that need a case. */
  private async harvestInitialIds(): Promise<void> {
    const get = async (name: CallerName, url: string) => {
      const res = await this.t.request({ method: 'GET', url, headers: { authorization: `Bearer ${this.caller(name).token}` } });
      return res.statusCode === 200 ? (res.json() as unknown) : undefined;
    };
    const post = async (name: CallerName, url: string, payload: object) => {
      const res = await this.t.request({ method: 'POST', url, payload, headers: { authorization: `Bearer ${this.caller(name).token}` } });
      return res.statusCode < 300 ? (res.json() as unknown) : undefined;
    };
    this.harvest('sensitive-periods', await get('supervisor', '/api/sensitive-periods'));
    this.harvest('sensitive-periods', await post('supervisor', '/api/sensitive-periods', { name: '辽源市第九次党代会', kind: 'PARTY_CONGRESS', startsOn: '2026-06-08', endsOn: '2026-06-12' }));
    this.harvest('risk-screenings', await post('supervisor', '/api/risk-screenings', { asOf: '2026-09-24' }));
    this.harvest('alerts', await get('supervisor', '/api/alerts'));
    this.harvest('notifications', await get('mediator', '/api/notifications'));
    this.harvest('notifications', await get('supervisor', '/api/notifications'));
    // Taken on, the first three cases accept assistance and most events; the fourth stays as registered.
    for (const id of this.pool('cases').slice(0, 3)) {
      await post('mediator', `/api/cases/${id}/events`, { type: 'ACCEPT' });
      this.harvest('assistance', await post('mediator', `/api/cases/${id}/assistance`, { applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '2000.50', givenOn: '2026-09-20', note: '家中老人住院，生活困难' }));
    }
    this.riskRules = (await get('admin', '/api/risk-rules')) as FuzzWorld['riskRules'];
  }
}

export { FACTORY_PASSWORD };
