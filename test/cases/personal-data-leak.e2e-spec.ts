import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { residentIdCheckCharacter } from '../../src/common/validation/china-ids';
import { FixedClock } from '../../src/common/clock/clock';
import {
  applicant,
  collectiveCaseBody,
  individualCaseBody,
  INTAKE_NOW,
  mobile,
  residentId,
  type Body,
  type CaseDetail,
} from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

// DOMAIN §1: raw ID numbers and phones appear only in the assigned mediator's case detail and in reveal answers.
// Lists, logs, every audit payload and every error message show masked values. This suite drives a day of desk work
// with known raw values, logging at the most verbose level, and then looks for those values everywhere.

const RESIDENT_ID_PATTERN = /\b\d{17}[\dX]\b/g;
const MOBILE_PATTERN = /\b1[3-9]\d{9}\b/g;

/** How a captured response may be shown: raw PII is allowed only where DOMAIN §1 puts it. */
type Kind = 'intake' | 'list' | 'detail' | 'history' | 'event' | 'reveal' | 'audit';
interface Exchange {
  kind: Kind;
  label: string;
  status: number;
  body: string;
  rawAllowed: boolean;
}

/**
 * Every line written to stdout, which is pino's destination. pino writes through `process.stdout.write` itself once
 * that has been replaced (its "tampered stdout" rule), so production's destination needs no test switch; the
 * capture has to be in place before the application builds its loggers.
 */
function captureStdout(): { text(): string; restore(): void } {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
    callback?.();
    return true;
  }) as typeof process.stdout.write);
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}

/** The first 17 characters of a valid resident ID with a check character that does not fit them. */
function withWrongCheckCharacter(id: string): string {
  const wrong = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'].find((c) => c !== residentIdCheckCharacter(id.slice(0, 17)))!;
  return id.slice(0, 17) + wrong;
}

describe('personal data stays out of logs, audit payloads, lists and errors (DOMAIN §1)', () => {
  let t: TestApp;
  let log: ReturnType<typeof captureStdout>;
  const exchanges: Exchange[] = [];
  /** Every raw ID number and phone this suite sent, valid or not. */
  const raw = new Set<string>();
  const users = {} as Record<'supervisor' | 'mediator' | 'queueMediator' | 'admin' | 'liaison' | 'reviewLiaison' | 'outsider', SignedInUser>;
  const ids = {} as Record<'individual' | 'collective' | 'delegated' | 'outsiders', string>;
  const individual = { idNumber: '', phone: '', contactPhone: '' };
  const freeTextPhone = mobile();
  const probeRequestId = 'leak-probe-0001';

  function remember<T extends string>(value: T): T {
    raw.add(value);
    return value;
  }

  async function send(kind: Kind, label: string, user: SignedInUser | null, options: InjectOptions, rawAllowed = false): Promise<LightMyRequestResponse> {
    const headers = { ...(options.headers as Record<string, string> | undefined), ...(user === null ? {} : user.auth) };
    const res = await t.request({ ...options, headers });
    exchanges.push({ kind, label, status: res.statusCode, body: res.body, rawAllowed });
    return res;
  }

  async function expectStatus(status: number, kind: Kind, label: string, user: SignedInUser | null, options: InjectOptions, rawAllowed = false): Promise<LightMyRequestResponse> {
    const res = await send(kind, label, user, options, rawAllowed);
    if (res.statusCode !== status) throw new Error(`${label}: expected ${status}, got ${res.statusCode}: ${res.body}`);
    return res;
  }

  function event(label: string, user: SignedInUser, caseId: string, payload: Body, status = 200, rawAllowed = false) {
    return expectStatus(status, 'event', label, user, { method: 'POST', url: `/api/cases/${caseId}/events`, payload }, rawAllowed);
  }

  async function intake(label: string, user: SignedInUser, body: Body): Promise<CaseDetail> {
    return (await expectStatus(201, 'intake', label, user, { method: 'POST', url: '/api/cases', payload: body })).json() as CaseDetail;
  }

  function rawApplicant(overrides: Body = {}): Body {
    return applicant({ idNumber: remember(residentId()), phone: remember(mobile()), ...overrides });
  }

  beforeAll(async () => {
    log = captureStdout();
    t = await createTestApp({ clock: new FixedClock(new Date(INTAKE_NOW)), env: { LOG_LEVEL: 'trace' }, logger: true });
    const union = await createOrganization(t, { kind: 'UNION' });
    const court = await createOrganization(t, { kind: 'COURT' });
    const reviewCourt = await createOrganization(t, { kind: 'COURT' });
    users.supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: union.id });
    users.mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: union.id });
    users.queueMediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: union.id });
    users.admin = await createSignedInUser(t, { role: 'ADMIN', organizationId: union.id });
    users.liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: court.id });
    users.reviewLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: reviewCourt.id });
    users.outsider = await createSignedInUser(t, { role: 'SUPERVISOR' });
    remember(freeTextPhone);

    await registerCases(court.id);
    await workCases(reviewCourt.id);
    await sendBadRequests();
    await revealAndRead();
    await readAuditTrail();
  });

  afterAll(async () => {
    log.restore();
    await t.close();
  });

  async function registerCases(courtId: string): Promise<void> {
    individual.idNumber = remember(residentId());
    individual.phone = remember(mobile());
    individual.contactPhone = remember(mobile());
    const respondent = individualCaseBody().respondent as Body;
    ids.individual = (
      await intake('individual intake by a mediator', users.mediator, individualCaseBody({
        applicants: [applicant({ idNumber: individual.idNumber, phone: individual.phone })],
        respondent: { ...respondent, contactPhone: individual.contactPhone },
      }))
    ).id;
    ids.collective = (
      await intake('collective intake by the supervisor', users.supervisor, collectiveCaseBody({
        applicants: Array.from({ length: 12 }, (_, i) => rawApplicant({ migrantWorker: true, employmentEndedOn: '2026-07-31', isRepresentative: i < 3 })),
        respondent: { ...(collectiveCaseBody().respondent as Body), contactPhone: remember(mobile()) },
      }))
    ).id;
    ids.delegated = (
      await intake('court-delegated intake', users.supervisor, individualCaseBody({
        source: 'COURT_DELEGATED',
        courtOrgId: courtId,
        applicants: [rawApplicant()],
        respondent: { ...respondent, contactPhone: remember(mobile()) },
      }))
    ).id;
    ids.outsiders = (await intake("another union's intake", users.outsider, individualCaseBody({ applicants: [rawApplicant()] }))).id;
  }

  async function workCases(reviewCourtId: string): Promise<void> {
    const { mediator, supervisor } = users;
    // A desk note naming the applicant's number: free text, but personal data all the same.
    await event('ACCEPT with a note', mediator, ids.individual, { type: 'ACCEPT', note: `已电话联系申请人，手机${freeTextPhone}` }, 200, true);
    await event('RESPONDENT_CONSENTS', mediator, ids.individual, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' }, 200, true);
    await event('SCHEDULE_SESSION', supervisor, ids.individual, { type: 'SCHEDULE_SESSION', at: '2026-09-18T09:30:00+08:00', location: '市总工会调解室' });
    await event('RECORD_SESSION', mediator, ids.individual, { type: 'RECORD_SESSION', heldAt: '2026-09-16T09:45:00+08:00', summary: '双方对加班时长各执一词', withoutPrejudice: true }, 200, true);

    await event('ACCEPT by the supervisor', supervisor, ids.collective, { type: 'ACCEPT', note: '集体欠薪，优先处理' });
    await event('ASSIGN_MEDIATOR', supervisor, ids.collective, { type: 'ASSIGN_MEDIATOR', mediatorId: mediator.user.id, reason: '熟悉建筑领域' });

    await event('ACCEPT of the delegated case', mediator, ids.delegated, { type: 'ACCEPT' }, 200, true);
    await event('RESPONDENT_CONSENTS', mediator, ids.delegated, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16' }, 200, true);
    const terms = {
      facts: '申请人在被申请人处从事袜业生产，被申请人未支付延时加班费。',
      disputedMatters: '加班费数额',
      items: [{ kind: 'WAGES', description: '支付延时加班费', amount: '18600.00' }],
      schedule: [{ no: 1, dueOn: '2026-10-15', amount: '18600.00' }],
      waiverOfOtherClaims: true,
    };
    await event('REACH_AGREEMENT', mediator, ids.delegated, { type: 'REACH_AGREEMENT', terms }, 200, true);
    for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR']) await event(`SIGN ${party}`, mediator, ids.delegated, { type: 'SIGN', party }, 200, true);
    await event('SIGN ORGANIZATION', supervisor, ids.delegated, { type: 'SIGN', party: 'ORGANIZATION' });
    await event('REQUEST_JUDICIAL_CONFIRMATION', mediator, ids.delegated, { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true, courtId: reviewCourtId }, 200, true);
    await event('CONFIRM_JUDICIALLY', users.reviewLiaison, ids.delegated, { type: 'CONFIRM_JUDICIALLY', rulingNumber: '（2026）吉0402民特88号', ruledOn: '2026-09-16' });
  }

  async function sendBadRequests(): Promise<void> {
    const { mediator, supervisor, admin } = users;
    const wrongCheck = remember(withWrongCheckCharacter(residentId()));
    // Born on the 32nd day of the 13th month.
    const badBirthDate = remember('220402199013321234');
    const badMobile = remember(`${mobile()}7`);
    const base = (applicants: Body[]) => individualCaseBody({ applicants });

    const checksum = await expectStatus(400, 'intake', 'intake with a wrong check character', mediator, { method: 'POST', url: '/api/cases', payload: base([applicant({ idNumber: wrongCheck, phone: remember(mobile()) })]) });
    expect(checksum.json().details).toEqual([expect.objectContaining({ field: 'applicants[0].idNumber', code: 'ID_CHECKSUM' })]);
    await expectStatus(400, 'intake', 'intake with an impossible birth date', mediator, { method: 'POST', url: '/api/cases', payload: base([applicant({ idNumber: badBirthDate, phone: remember(mobile()) })]) });
    const phone = await expectStatus(400, 'intake', 'intake with a 12-digit mobile', mediator, { method: 'POST', url: '/api/cases', payload: base([applicant({ idNumber: remember(residentId()), phone: badMobile })]) });
    expect(phone.json().details).toEqual([expect.objectContaining({ field: 'applicants[0].phone' })]);
    await expectStatus(400, 'intake', 'intake with an unknown field holding an ID number', mediator, {
      method: 'POST',
      url: '/api/cases',
      payload: base([{ ...applicant({ idNumber: remember(residentId()), phone: remember(mobile()) }), idCard: remember(residentId()) }]),
    });
    await expectStatus(400, 'intake', 'intake whose JSON breaks after an ID number', mediator, {
      method: 'POST',
      url: '/api/cases',
      headers: { 'content-type': 'application/json' },
      payload: `{"applicants":[{"idNumber":"${remember(residentId())}","phone":"${remember(mobile())}"`,
    });
    await event('REJECT with a bad reason and a note naming the ID', mediator, ids.collective, { type: 'REJECT', reason: 'BORED', note: `身份证${individual.idNumber}` }, 400);
    await event('event with an unknown field holding a phone', mediator, ids.individual, { type: 'SUSPEND', reason: 'APPRAISAL', phone: individual.phone }, 400);
    await event('event by an administrator', admin, ids.individual, { type: 'SUSPEND', reason: 'APPRAISAL', note: '鉴定' }, 403);
    await event("event on another union's case", supervisor, ids.outsiders, { type: 'ACCEPT' }, 404);
    await expectStatus(400, 'reveal', 'reveal of a field that is not PII', mediator, { method: 'POST', url: `/api/cases/${ids.individual}/reveal`, payload: { field: 'applicants[0].name', reason: '核对身份信息' } });
    await expectStatus(403, 'reveal', 'reveal by an administrator', admin, { method: 'POST', url: `/api/cases/${ids.individual}/reveal`, payload: { field: 'applicants[0].idNumber', reason: '核对身份信息' } });
    await expectStatus(404, 'reveal', 'reveal by a queue mediator of an assigned case', users.queueMediator, { method: 'POST', url: `/api/cases/${ids.individual}/reveal`, payload: { field: 'applicants[0].phone', reason: '核对联系方式' } });
    await expectStatus(400, 'detail', 'a case asked for by an ID number instead of its id', supervisor, { method: 'GET', url: `/api/cases/${individual.idNumber}` });
    await expectStatus(401, 'list', 'list without a token', null, { method: 'GET', url: '/api/cases' });
  }

  async function revealAndRead(): Promise<void> {
    const { mediator, supervisor, queueMediator, admin, liaison, reviewLiaison } = users;
    const reveal = (label: string, user: SignedInUser, caseId: string, field: string) =>
      expectStatus(200, 'reveal', label, user, { method: 'POST', url: `/api/cases/${caseId}/reveal`, payload: { field, reason: '出具调解协议书需核对' } }, true);
    await reveal('the assigned mediator reveals an ID number', mediator, ids.individual, 'applicants[0].idNumber');
    await reveal('the supervisor reveals a contact phone', supervisor, ids.individual, 'respondent.contactPhone');
    await reveal("the referring court's liaison reveals a phone", liaison, ids.delegated, 'applicants[0].phone');

    for (const [name, user] of Object.entries({ supervisor, mediator, queueMediator, admin, liaison, reviewLiaison })) {
      await expectStatus(200, 'list', `list by the ${name}`, user, { method: 'GET', url: '/api/cases?pageSize=100', headers: { 'x-request-id': name === 'supervisor' ? probeRequestId : `list-${name}` } });
    }
    // The list API searches a complete ID number or phone through its blind index.
    const byId = await expectStatus(200, 'list', 'search by a complete ID number', supervisor, { method: 'GET', url: `/api/cases?q=${individual.idNumber}` });
    expect((byId.json().items as { id: string }[]).map((item) => item.id)).toEqual([ids.individual]);
    await expectStatus(200, 'list', 'search by a complete mobile number', mediator, { method: 'GET', url: `/api/cases?q=${individual.phone}` });

    const readers = { supervisor, mediator, admin, liaison, reviewLiaison };
    for (const [caseName, caseId] of Object.entries({ individual: ids.individual, collective: ids.collective, delegated: ids.delegated })) {
      for (const [name, user] of Object.entries(readers)) {
        // The mediator is assigned to all three cases: theirs is the one detail DOMAIN §1 shows raw.
        await send('detail', `${caseName} detail for the ${name}`, user, { method: 'GET', url: `/api/cases/${caseId}` }, name === 'mediator');
        await send('history', `${caseName} history for the ${name}`, user, { method: 'GET', url: `/api/cases/${caseId}/history` });
      }
    }
  }

  async function readAuditTrail(): Promise<void> {
    const { supervisor, admin } = users;
    await expectStatus(200, 'audit', 'checkpoint', admin, { method: 'POST', url: '/api/audit/checkpoints' });
    for (const [name, user] of Object.entries({ supervisor, admin })) {
      for (let page = 1; ; page++) {
        const res = await expectStatus(200, 'audit', `audit page ${page} for the ${name}`, user, { method: 'GET', url: `/api/audit?pageSize=200&page=${page}` });
        const { items, total } = res.json() as { items: unknown[]; total: number };
        if (items.length === 0 || page * 200 >= total) break;
      }
      await expectStatus(200, 'audit', `case audit for the ${name}`, user, { method: 'GET', url: `/api/audit?caseId=${ids.individual}&action=PII_REVEALED` });
      await expectStatus(200, 'audit', `verify for the ${name}`, user, { method: 'GET', url: '/api/audit/verify' });
      await expectStatus(200, 'audit', `latest checkpoint for the ${name}`, user, { method: 'GET', url: '/api/audit/checkpoints/latest' });
    }
    await expectStatus(403, 'audit', 'audit list for a mediator', users.mediator, { method: 'GET', url: '/api/audit' });
  }

  /** Each raw value sent, and each ID-or-mobile-shaped string that is not a published example, found in `text`. */
  function leaksIn(text: string): string[] {
    const found = [...raw].filter((value) => text.includes(value));
    const shaped = [...text.matchAll(RESIDENT_ID_PATTERN), ...text.matchAll(MOBILE_PATTERN)].map((m) => m[0]);
    return [...new Set([...found, ...shaped])];
  }

  function leaksOf(selected: readonly Exchange[]): { label: string; leaks: string[] }[] {
    return selected.map((e) => ({ label: `${e.label} (${e.status})`, leaks: leaksIn(e.body) })).filter((e) => e.leaks.length > 0);
  }

  async function payloads(table: 'audit_entries' | 'case_events'): Promise<string[]> {
    const rows = (await (await t.owner()).query(`SELECT payload::text AS payload FROM ${table} WHERE payload IS NOT NULL`)) as { payload: string }[];
    return rows.map((row) => row.payload);
  }

  describe('the captured log', () => {
    it('was written at the most verbose level, including every request', () => {
      const lines = log.text().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

      expect(lines.some((line) => line.level === 20 && line.context === 'RoutesResolver')).toBe(true);
      const probe = lines.filter((line) => (line.req as { id?: string } | undefined)?.id === probeRequestId);
      expect(probe).toEqual([expect.objectContaining({ msg: 'request completed', res: expect.objectContaining({ statusCode: 200 }) })]);
      expect(lines.filter((line) => line.msg === 'request completed').length).toBeGreaterThanOrEqual(exchanges.length);
    });

    it('holds no raw ID number or mobile', () => {
      const offending = log.text().split('\n').filter((line) => leaksIn(line).length > 0);

      expect(offending).toEqual([]);
    });
  });

  describe('the database', () => {
    it('keeps every audit payload masked', async () => {
      const all = await payloads('audit_entries');

      expect(all.filter((payload) => payload.includes('PII_REVEALED') || payload.includes('idNumberMasked')).length).toBeGreaterThan(0);
      expect(all.join('\n')).toContain(`${individual.idNumber.slice(0, 4)}**********${individual.idNumber.slice(-4)}`);
      expect(all.flatMap(leaksIn)).toEqual([]);
    });

    it('keeps every case event payload masked', async () => {
      const all = await payloads('case_events');

      expect(all.length).toBeGreaterThanOrEqual(15);
      expect(all.flatMap(leaksIn)).toEqual([]);
    });
  });

  describe('responses', () => {
    it.each(['list', 'history', 'audit'] as const)('no %s response carries a raw value', (kind) => {
      const selected = exchanges.filter((e) => e.kind === kind);

      expect(selected.filter((e) => e.status === 200).length).toBeGreaterThan(0);
      expect(leaksOf(selected)).toEqual([]);
    });

    it('no error response echoes a raw value', () => {
      const errors = exchanges.filter((e) => e.status >= 400);

      expect(errors.length).toBeGreaterThanOrEqual(15);
      expect(leaksOf(errors)).toEqual([]);
    });

    it('no response outside the assigned mediator’s detail and reveals carries a raw value', () => {
      expect(leaksOf(exchanges.filter((e) => !e.rawAllowed))).toEqual([]);
    });

    it('the assigned mediator’s detail and the reveal answers do carry the raw values', () => {
      const answer = (label: string) => exchanges.find((e) => e.label === label)!;
      const revealed = (label: string) => (JSON.parse(answer(label).body) as { value: string }).value;
      const detail = answer('individual detail for the mediator');

      expect(detail.status).toBe(200);
      expect(JSON.parse(detail.body)).toMatchObject({ piiMasked: false, respondent: { contactPhone: individual.contactPhone } });
      expect(JSON.parse(detail.body).applicants[0]).toMatchObject({ idNumber: individual.idNumber, phone: individual.phone });
      expect(revealed('the assigned mediator reveals an ID number')).toBe(individual.idNumber);
      expect(revealed('the supervisor reveals a contact phone')).toBe(individual.contactPhone);
      expect(raw.has(revealed("the referring court's liaison reveals a phone"))).toBe(true);
    });
  });
});
