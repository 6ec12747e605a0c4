import { randomBytes } from 'node:crypto';
import { residentIdCheckCharacter } from '../../src/common/validation/china-ids';
import { Api, inParallel, SignedIn } from './api';

export interface Directory {
  organizationId: string;
  admin: SignedIn;
  supervisor: SignedIn;
  mediators: SignedIn[];
}

export interface SeededCase {
  id: string;
  version: number;
  /** The mediator who registered it and, once activated, is assigned to it. */
  mediator: SignedIn;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function shanghaiInstant(at: Date): string {
  return `${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86400000).toISOString().slice(0, 10);
}

function randomLetters(count: number): string {
  return Array.from(randomBytes(count), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

/** An organization, a supervisor and `mediatorCount` mediators, made through the admin API and signed in. */
export async function seedDirectory(api: Api, admin: { username: string; password: string }, mediatorCount: number, label: string): Promise<Directory> {
  const adminUser = await api.signIn(admin.username, admin.password);
  const org = await api.expect<{ id: string }>(201, 'POST', '/api/organizations', {
    token: adminUser.token,
    body: { name: `压测调解工作室${label}`, kind: 'UNION', region: '吉林省辽源市', caseNumberPrefix: randomLetters(5) },
  });
  const password = `bench-desk-${randomBytes(9).toString('base64url')}`;
  const makeUser = async (role: 'SUPERVISOR' | 'MEDIATOR', index: number) => {
    const username = `${role === 'SUPERVISOR' ? 'sup' : 'med'}${label.toLowerCase()}${index}x${randomBytes(2).toString('hex')}`;
    await api.expect(201, 'POST', '/api/users', {
      token: adminUser.token,
      body: { username, displayName: `${role === 'SUPERVISOR' ? '主管' : '调解员'}${index}`, role, organizationId: org.id, password },
    });
    return api.signIn(username, password);
  };
  const supervisor = await makeUser('SUPERVISOR', 0);
  const mediators = await inParallel(Array.from({ length: mediatorCount }, (_, i) => i + 1), 4, (i) => makeUser('MEDIATOR', i));
  return { organizationId: org.id, admin: adminUser, supervisor, mediators };
}

let serial = 0;

function residentId(): string {
  serial += 1;
  // Birth dates spread over 1970–1994 so that the PII search index sees many distinct values, as a city would.
  const birth = new Date(Date.UTC(1970, 0, 1) + (serial % 9000) * 86400000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `220402${birth}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

function mobile(): string {
  serial += 1;
  return `138${String(serial % 100_000_000).padStart(8, '0')}`;
}

/**
 * Registered now, so that no deadline of the seeded cases falls due while the bench runs (the workers are on and
 * would close them). One case in twenty is collective, migrant and in arrears, as before Spring Festival, so that
 * risk scoring and screening have levels above BLUE to act on.
 */
export function caseBody(index: number, now = new Date()): Record<string, unknown> {
  const today = todayInShanghai(now);
  const collective = index % 20 === 19;
  const applicant = (isRepresentative: boolean) => ({
    name: '张伟',
    idType: 'RESIDENT_ID',
    idNumber: residentId(),
    phone: mobile(),
    employmentRelation: 'FORMER',
    employmentEndedOn: daysBefore(today, 40),
    migrantWorker: collective,
    isRepresentative,
  });
  return {
    source: 'WALK_IN',
    receivedAt: shanghaiInstant(new Date(now.getTime() - 3600_000)),
    applicants: collective ? Array.from({ length: 12 }, (_, i) => applicant(i < 3)) : [applicant(false)],
    respondent: {
      name: `辽源市某袜业有限公司${index % 500}`,
      unifiedSocialCreditCode: '91220400MA0Y123459',
      legalRepresentative: '李强',
      contactName: '王会计',
      contactPhone: '0437-3221234',
      address: '吉林省辽源市西安区东山街1号',
    },
    claims: collective
      ? [{ type: 'WAGE_ARREARS', amount: '186000.00', description: '近两月工资' }]
      : [
          { type: 'OVERTIME', amount: '18600.00', description: '延时加班费' },
          { type: 'ECONOMIC_COMPENSATION', amount: '12000', description: '解除劳动合同经济补偿' },
        ],
    workerCount: collective ? 12 : 1,
    migrantWorkers: collective ? 12 : 0,
    ...(collective ? { arrearsMonths: 2, riskFlags: ['HARDSHIP'] } : {}),
    knewOrShouldHaveKnownAt: daysBefore(today, 30),
  };
}

export async function createCases(api: Api, directory: Directory, count: number, concurrency: number): Promise<SeededCase[]> {
  return inParallel(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const mediator = directory.mediators[i % directory.mediators.length];
    const created = await api.expect<{ id: string; version: number }>(201, 'POST', '/api/cases', { token: mediator.token, body: caseBody(i) });
    return { id: created.id, version: created.version, mediator };
  });
}

/**
 * intake.registered → mediation.active the way a desk does it (DOMAIN §3 #3, #1, #4): the mediator takes the case
 * from the queue, accepts it, and records the respondent's consent.
 */
export async function activate(api: Api, cases: readonly SeededCase[], concurrency: number): Promise<void> {
  const today = todayInShanghai();
  await inParallel(cases, concurrency, async (c) => {
    c.version = await api.event(c.mediator.token, c.id, c.version, { type: 'ASSIGN_MEDIATOR', mediatorId: c.mediator.id });
    c.version = await api.event(c.mediator.token, c.id, c.version, { type: 'ACCEPT' });
    c.version = await api.event(c.mediator.token, c.id, c.version, { type: 'RESPONDENT_CONSENTS', consentedOn: today, channel: 'PHONE' });
  });
}
