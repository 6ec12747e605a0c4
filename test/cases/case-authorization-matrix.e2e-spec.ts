import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { FixedClock } from '../../src/common/clock/clock';
import {
  applicant,
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

// Every case route × every kind of user × cases of their own and of another organization, with the answer DOMAIN
// prescribes. The expectations below are read off DOMAIN §1 (scope, masking, reveal), §2 (who registers cases) and
// §3 (Senders; Invariant 7: 404 before 403), never off what the server answers.

const ACTORS = {
  admin: 'ADMIN of the owning union',
  supervisor: 'SUPERVISOR of the owning union',
  assignedMediator: 'assigned MEDIATOR',
  queueMediator: 'another MEDIATOR of the owning union',
  foreignMediator: 'MEDIATOR of another union',
  foreignSupervisor: 'SUPERVISOR of another union',
  foreignAdmin: 'ADMIN of another union',
  referringLiaison: 'COURT_LIAISON of the referring court',
  reviewLiaison: 'COURT_LIAISON of the review court',
  unrelatedLiaison: 'COURT_LIAISON of an unrelated court',
  anonymous: 'caller without a token',
} as const;
type ActorKey = keyof typeof ACTORS;
const ACTOR_KEYS = Object.keys(ACTORS) as ActorKey[];

const RULING = { rulingNumber: '（2026）吉0402民特88号', ruledOn: '2026-09-16' };

/** The four arranged cases, and for each the event sent to it: harmless, and with senders that differ by role. */
const CASES = {
  queue: {
    label: 'unassigned intake case (the queue), delegated by the referring court',
    event: { type: 'ACCEPT', note: '材料齐全，予以受理' } as Body,
    stateAfterEvent: 'intake.awaitingConsent',
  },
  mediation: {
    label: 'assigned walk-in case in mediation.active',
    event: { type: 'SCHEDULE_SESSION', at: '2026-09-18T09:30:00+08:00', location: '市总工会调解室' } as Body,
    stateAfterEvent: 'mediation.active',
  },
  judicialReview: {
    label: 'delegated case in agreement.judicialReview at the review court',
    event: { type: 'CONFIRM_JUDICIALLY', ...RULING } as Body,
    stateAfterEvent: 'agreement.confirmed',
  },
  foreign: {
    label: "another union's unassigned intake case",
    event: { type: 'ACCEPT' } as Body,
    stateAfterEvent: 'intake.awaitingConsent',
  },
} as const;
type CaseKey = keyof typeof CASES;
const CASE_KEYS = Object.keys(CASES) as CaseKey[];

/** A success carrying a case detail: with raw PII (the assigned mediator's own case) or masked (everyone else). */
type Shown = 'raw' | 'masked';
interface Expected {
  /** GET /api/cases/:id */
  detail: Shown | 404 | 401;
  /** GET /api/cases/:id/history: masked for everyone who may read it. */
  history: 200 | 404 | 401;
  /** POST /api/cases/:id/events with the case's event; a success answers the detail as the sender now sees it. */
  event: Shown | 403 | 404 | 401;
  /** POST /api/cases/:id/reveal: a success answers the raw value. */
  reveal: 200 | 403 | 404 | 401;
}

const OUT_OF_SCOPE: Expected = { detail: 404, history: 404, event: 404, reveal: 404 };
const NO_TOKEN: Expected = { detail: 401, history: 401, event: 401, reveal: 401 };

const EXPECTED: Record<CaseKey, Record<ActorKey, Expected>> = {
  // ACCEPT: Ma Mq S (#1). Mq becomes the assigned mediator by it, so the answer shows them raw PII. Reveal: S and the
  // liaison of a linked court; a queue mediator has not taken the case on (§1).
  queue: {
    admin: { detail: 'masked', history: 200, event: 403, reveal: 403 },
    supervisor: { detail: 'masked', history: 200, event: 'masked', reveal: 200 },
    assignedMediator: { detail: 'masked', history: 200, event: 'raw', reveal: 403 },
    queueMediator: { detail: 'masked', history: 200, event: 'raw', reveal: 403 },
    foreignMediator: OUT_OF_SCOPE,
    foreignSupervisor: OUT_OF_SCOPE,
    foreignAdmin: OUT_OF_SCOPE,
    referringLiaison: { detail: 'masked', history: 200, event: 403, reveal: 200 },
    reviewLiaison: OUT_OF_SCOPE,
    unrelatedLiaison: OUT_OF_SCOPE,
    anonymous: NO_TOKEN,
  },
  // SCHEDULE_SESSION: Ma S (#6). Assigned and out of intake, the case has left the queue; no court is linked.
  mediation: {
    admin: { detail: 'masked', history: 200, event: 403, reveal: 403 },
    supervisor: { detail: 'masked', history: 200, event: 'masked', reveal: 200 },
    assignedMediator: { detail: 'raw', history: 200, event: 'raw', reveal: 200 },
    queueMediator: OUT_OF_SCOPE,
    foreignMediator: OUT_OF_SCOPE,
    foreignSupervisor: OUT_OF_SCOPE,
    foreignAdmin: OUT_OF_SCOPE,
    referringLiaison: OUT_OF_SCOPE,
    reviewLiaison: OUT_OF_SCOPE,
    unrelatedLiaison: OUT_OF_SCOPE,
    anonymous: NO_TOKEN,
  },
  // CONFIRM_JUDICIALLY: CL only, the liaison of reviewCourtId (#19); the referring court's liaison sees the case
  // but is not CL.
  judicialReview: {
    admin: { detail: 'masked', history: 200, event: 403, reveal: 403 },
    supervisor: { detail: 'masked', history: 200, event: 403, reveal: 200 },
    assignedMediator: { detail: 'raw', history: 200, event: 403, reveal: 200 },
    queueMediator: OUT_OF_SCOPE,
    foreignMediator: OUT_OF_SCOPE,
    foreignSupervisor: OUT_OF_SCOPE,
    foreignAdmin: OUT_OF_SCOPE,
    referringLiaison: { detail: 'masked', history: 200, event: 403, reveal: 200 },
    reviewLiaison: { detail: 'masked', history: 200, event: 'masked', reveal: 200 },
    unrelatedLiaison: OUT_OF_SCOPE,
    anonymous: NO_TOKEN,
  },
  // The mirror image: the other union's own staff act on it; nobody of ours, and no court, may learn it exists.
  foreign: {
    admin: OUT_OF_SCOPE,
    supervisor: OUT_OF_SCOPE,
    assignedMediator: OUT_OF_SCOPE,
    queueMediator: OUT_OF_SCOPE,
    foreignMediator: { detail: 'masked', history: 200, event: 'raw', reveal: 403 },
    foreignSupervisor: { detail: 'masked', history: 200, event: 'masked', reveal: 200 },
    foreignAdmin: { detail: 'masked', history: 200, event: 403, reveal: 403 },
    referringLiaison: OUT_OF_SCOPE,
    reviewLiaison: OUT_OF_SCOPE,
    unrelatedLiaison: OUT_OF_SCOPE,
    anonymous: NO_TOKEN,
  },
};

/** POST /api/cases: MEDIATOR and SUPERVISOR of a union (§2); the new case is unassigned, so its detail is masked. */
const CREATE: Record<ActorKey, 201 | 403 | 401> = {
  admin: 403,
  supervisor: 201,
  assignedMediator: 201,
  queueMediator: 201,
  foreignMediator: 201,
  foreignSupervisor: 201,
  foreignAdmin: 403,
  referringLiaison: 403,
  reviewLiaison: 403,
  unrelatedLiaison: 403,
  anonymous: 401,
};

/** GET /api/cases: which of the arranged cases each user's list holds (§1 "Sees"). */
const LISTED: Record<ActorKey, CaseKey[] | 401> = {
  admin: ['queue', 'mediation', 'judicialReview'],
  supervisor: ['queue', 'mediation', 'judicialReview'],
  assignedMediator: ['queue', 'mediation', 'judicialReview'],
  queueMediator: ['queue'],
  foreignMediator: ['foreign'],
  foreignSupervisor: ['foreign'],
  foreignAdmin: ['foreign'],
  referringLiaison: ['queue', 'judicialReview'],
  reviewLiaison: ['judicialReview'],
  unrelatedLiaison: [],
  anonymous: 401,
};

/** Every case route the matrix covers, as the OpenAPI document spells it. */
const COVERED_ROUTES = [
  'POST /api/cases',
  'GET /api/cases',
  'GET /api/cases/{id}',
  'GET /api/cases/{id}/history',
  'GET /api/cases/{id}/routes',
  'POST /api/cases/{id}/events',
  'POST /api/cases/{id}/reveal',
];

/** Case routes whose role × organization matrix lives in the suite of the module that serves them. */
const COVERED_ELSEWHERE: Record<string, string> = {
  'GET /api/cases/{id}/assistance': 'hardship/hardship-assistance.e2e-spec.ts',
  'POST /api/cases/{id}/assistance': 'hardship/hardship-assistance.e2e-spec.ts',
  'POST /api/cases/{id}/assistance/{assistanceId}/approve': 'hardship/hardship-assistance.e2e-spec.ts',
  'POST /api/cases/{id}/assistance/{assistanceId}/reject': 'hardship/hardship-assistance.e2e-spec.ts',
  'GET /api/cases/{id}/documents/{kind}': 'documents/documents.e2e-spec.ts',
  'POST /api/cases/{id}/handoff/acknowledge': 'court/court-queue.e2e-spec.ts',
};

const REVEAL = { field: 'applicants[0].idNumber', reason: '核对身份以出具调解协议书' };
const NO_SUCH_CASE = '00000000-0000-4000-8000-000000000000';

const TERMS = {
  facts: '申请人在被申请人处从事袜业生产，2026年8月31日离职，被申请人未支付延时加班费。',
  disputedMatters: '加班费数额及支付期限',
  items: [{ kind: 'WAGES', description: '支付延时加班费', amount: '18600.00' }],
  schedule: [{ no: 1, dueOn: '2026-10-15', amount: '18600.00' }],
  waiverOfOtherClaims: true,
};

/** The raw personal data a case was registered with. */
interface RawPii {
  idNumber: string;
  phone: string;
  contactPhone: string;
}

interface Arranged {
  id: string;
  version: number;
  pii: RawPii;
}

function maskedId(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`;
}

function maskedMobile(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

function shownAs(expected: Shown | number): string {
  return typeof expected === 'number' ? String(expected) : `200, PII ${expected}`;
}

describe('case routes: authorization matrix (DOMAIN §1–§3)', () => {
  let t: TestApp;
  const users = {} as Record<Exclude<ActorKey, 'anonymous'>, SignedInUser>;
  const cases = {} as Record<CaseKey, Arranged>;
  const courts = {} as Record<'referring' | 'review' | 'unrelated', string>;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date(INTAKE_NOW)) });
    const union = await createOrganization(t, { kind: 'UNION' });
    const otherUnion = await createOrganization(t, { kind: 'UNION' });
    courts.referring = (await createOrganization(t, { kind: 'COURT' })).id;
    courts.review = (await createOrganization(t, { kind: 'COURT' })).id;
    courts.unrelated = (await createOrganization(t, { kind: 'COURT' })).id;
    users.admin = await createSignedInUser(t, { role: 'ADMIN', organizationId: union.id });
    users.supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: union.id });
    users.assignedMediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: union.id });
    users.queueMediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: union.id });
    users.foreignMediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: otherUnion.id });
    users.foreignSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: otherUnion.id });
    users.foreignAdmin = await createSignedInUser(t, { role: 'ADMIN', organizationId: otherUnion.id });
    users.referringLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: courts.referring });
    users.reviewLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: courts.review });
    users.unrelatedLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: courts.unrelated });
    for (const key of CASE_KEYS) cases[key] = await arrange(key);
  });

  afterAll(async () => {
    await t.close();
  });

  function headersOf(actor: ActorKey): Record<string, string> {
    return actor === 'anonymous' ? {} : users[actor].auth;
  }

  function call(actor: ActorKey, method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse> {
    return t.request({ method, url, headers: headersOf(actor), ...(payload === undefined ? {} : { payload }) });
  }

  async function ok(user: SignedInUser, caseId: string, body: Body): Promise<CaseDetail> {
    const res = await t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: body, headers: user.auth });
    if (res.statusCode !== 200) throw new Error(`arranging: ${String(body.type)} answered ${res.statusCode}: ${res.body}`);
    return res.json() as CaseDetail;
  }

  async function register(user: SignedInUser, overrides: Body = {}): Promise<Arranged> {
    const pii: RawPii = { idNumber: residentId(), phone: mobile(), contactPhone: mobile() };
    const base = individualCaseBody();
    const body = individualCaseBody({
      applicants: [applicant({ idNumber: pii.idNumber, phone: pii.phone })],
      respondent: { ...(base.respondent as Body), contactPhone: pii.contactPhone },
      ...overrides,
    });
    const res = await t.request({ method: 'POST', url: '/api/cases', payload: body, headers: user.auth });
    if (res.statusCode !== 201) throw new Error(`arranging: intake answered ${res.statusCode}: ${res.body}`);
    const created = res.json() as CaseDetail;
    return { id: created.id, version: created.version, pii };
  }

  /** Each case is built through the API, the way a desk would get it into that state. */
  async function arrange(key: CaseKey): Promise<Arranged> {
    const mediator = users.assignedMediator;
    switch (key) {
      case 'queue':
        return register(users.supervisor, { source: 'COURT_DELEGATED', courtOrgId: courts.referring });
      case 'foreign':
        return register(users.foreignSupervisor);
      case 'mediation': {
        const created = await register(users.supervisor);
        await ok(mediator, created.id, { type: 'ACCEPT' });
        const active = await ok(mediator, created.id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
        expect(active).toMatchObject({ state: 'mediation.active', assignedMediator: { id: mediator.user.id } });
        return { ...created, version: active.version };
      }
      case 'judicialReview': {
        const created = await register(users.supervisor, { source: 'COURT_DELEGATED', courtOrgId: courts.referring });
        await ok(mediator, created.id, { type: 'ACCEPT' });
        await ok(mediator, created.id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'IN_PERSON' });
        await ok(mediator, created.id, { type: 'REACH_AGREEMENT', terms: TERMS });
        for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR']) await ok(mediator, created.id, { type: 'SIGN', party });
        await ok(users.supervisor, created.id, { type: 'SIGN', party: 'ORGANIZATION' });
        // A court other than the referring one, so that "referring" and "review" liaisons are different people.
        const review = await ok(mediator, created.id, { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true, courtId: courts.review });
        expect(review).toMatchObject({ state: 'agreement.judicialReview', reviewCourtId: courts.review, courtOrgId: courts.referring });
        return { ...created, version: review.version };
      }
    }
  }

  /** The case's version as its owners see it, to show that a refused event changed nothing. */
  async function versionOf(key: CaseKey, caseId: string): Promise<number> {
    const owner: ActorKey = key === 'foreign' ? 'foreignSupervisor' : 'supervisor';
    return ((await call(owner, 'GET', `/api/cases/${caseId}`)).json() as CaseDetail).version;
  }

  function expectPii(res: LightMyRequestResponse, pii: RawPii, shown: Shown): void {
    const detail = res.json() as CaseDetail;
    if (shown === 'raw') {
      expect(detail).toMatchObject({ piiMasked: false, respondent: { contactPhone: pii.contactPhone } });
      expect(detail.applicants[0]).toMatchObject({ idNumber: pii.idNumber, phone: pii.phone });
      return;
    }
    expect(detail).toMatchObject({ piiMasked: true, respondent: { contactPhone: maskedMobile(pii.contactPhone) } });
    expect(detail.applicants[0]).toMatchObject({ idNumber: maskedId(pii.idNumber), phone: maskedMobile(pii.phone) });
    expectNoRaw(res.body, pii);
  }

  function expectNoRaw(body: string, pii: RawPii): void {
    for (const value of Object.values(pii)) expect(body).not.toContain(value);
  }

  /** A refusal: 401 and 403 with their codes; 404 exactly as for a case that does not exist, so nothing leaks. */
  async function expectRefusal(
    res: LightMyRequestResponse,
    status: 401 | 403 | 404,
    forbiddenCode: string,
    missing?: { caseId: string; sameRouteForMissing: () => Promise<LightMyRequestResponse> },
  ): Promise<void> {
    expect(res.statusCode).toBe(status);
    if (status === 401) expect(res.json().code).toBe('UNAUTHENTICATED');
    if (status === 403) expect(res.json().code).toBe(forbiddenCode);
    if (status === 404) {
      if (missing === undefined) throw new Error('a 404 row must say how to ask for a case that does not exist');
      const { caseId, sameRouteForMissing } = missing;
      const answerForMissing = await sameRouteForMissing();
      const comparable = (r: LightMyRequestResponse, id: string) => {
        const { requestId: _requestId, ...rest } = r.json() as Record<string, unknown>;
        return JSON.parse(JSON.stringify(rest).split(id).join('<id>')) as unknown;
      };
      expect(comparable(res, caseId)).toEqual(comparable(answerForMissing, NO_SUCH_CASE));
    }
  }

  it('covers every /api/cases route the application serves, here or in the suite that owns it', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs-json' });
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    const served = Object.entries(paths)
      .filter(([path]) => path === '/api/cases' || path.startsWith('/api/cases/'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));

    expect(served.sort()).toEqual([...COVERED_ROUTES, ...Object.keys(COVERED_ELSEWHERE)].sort());
    // A route covered elsewhere must really be exercised there, by role and organization.
    for (const [route, spec] of Object.entries(COVERED_ELSEWHERE)) {
      const text = readFileSync(join(__dirname, '..', spec), 'utf8');
      const tail = route.split(' ')[1].replace('/api/cases/{id}', '').replace(/\{[a-zA-Z]+\}/g, '');
      expect({ route, mentioned: text.includes(tail.split('/').filter(Boolean).at(-1)!) }).toEqual({ route, mentioned: true });
      expect({ route, checksOtherOrganization: /404/.test(text) && /403/.test(text) }).toEqual({ route, checksOtherOrganization: true });
    }
  });

  describe('POST /api/cases', () => {
    for (const actor of ACTOR_KEYS) {
      const expected = CREATE[actor];
      it(`${ACTORS[actor]} → ${expected === 201 ? '201, PII masked' : expected}`, async () => {
        const pii: RawPii = { idNumber: residentId(), phone: mobile(), contactPhone: mobile() };
        const body = individualCaseBody({
          applicants: [applicant({ idNumber: pii.idNumber, phone: pii.phone })],
          respondent: { ...(individualCaseBody().respondent as Body), contactPhone: pii.contactPhone },
        });

        const res = await call(actor, 'POST', '/api/cases', body);

        expect(res.statusCode).toBe(expected);
        if (expected === 201) {
          expect(res.json()).toMatchObject({ state: 'intake.registered', version: 1, assignedMediator: null });
          expectPii(res, pii, 'masked');
        } else {
          await expectRefusal(res, expected, 'FORBIDDEN');
        }
      });
    }
  });

  describe('GET /api/cases', () => {
    async function listAll(actor: ActorKey): Promise<{ status: number; ids: string[]; bodies: string[] }> {
      const ids: string[] = [];
      const bodies: string[] = [];
      for (let page = 1; ; page++) {
        const res = await call(actor, 'GET', `/api/cases?pageSize=100&page=${page}`);
        if (res.statusCode !== 200) return { status: res.statusCode, ids, bodies };
        bodies.push(res.body);
        const { items, total } = res.json() as { items: { id: string }[]; total: number };
        ids.push(...items.map((item) => item.id));
        if (items.length === 0 || ids.length >= total) return { status: 200, ids, bodies };
      }
    }

    for (const actor of ACTOR_KEYS) {
      const expected = LISTED[actor];
      const shown = expected === 401 ? '401' : `200, lists ${expected.length === 0 ? 'none of the cases' : expected.join(' + ')}, PII masked`;
      it(`${ACTORS[actor]} → ${shown}`, async () => {
        const { status, ids, bodies } = await listAll(actor);

        if (expected === 401) {
          expect(status).toBe(401);
          return;
        }
        expect(status).toBe(200);
        // Other tests add cases; the arranged four are the ones whose visibility is fixed here.
        const arranged = new Map(CASE_KEYS.map((key) => [cases[key].id, key]));
        const listed = ids.filter((id) => arranged.has(id)).map((id) => arranged.get(id)!);
        expect(listed.sort()).toEqual([...expected].sort());
        for (const key of CASE_KEYS) for (const body of bodies) expectNoRaw(body, cases[key].pii);
      });
    }
  });

  describe('GET /api/cases/:id', () => {
    for (const caseKey of CASE_KEYS) {
      for (const actor of ACTOR_KEYS) {
        const expected = EXPECTED[caseKey][actor].detail;
        it(`${ACTORS[actor]} × ${CASES[caseKey].label} → ${shownAs(expected)}`, async () => {
          const { id, pii } = cases[caseKey];

          const res = await call(actor, 'GET', `/api/cases/${id}`);

          if (typeof expected === 'number') {
            await expectRefusal(res, expected, 'FORBIDDEN', { caseId: id, sameRouteForMissing: () => call(actor, 'GET', `/api/cases/${NO_SUCH_CASE}`) });
            return;
          }
          expect(res.statusCode).toBe(200);
          expectPii(res, pii, expected);
        });
      }
    }
  });

  describe('GET /api/cases/:id/history', () => {
    for (const caseKey of CASE_KEYS) {
      for (const actor of ACTOR_KEYS) {
        const expected = EXPECTED[caseKey][actor].history;
        it(`${ACTORS[actor]} × ${CASES[caseKey].label} → ${expected === 200 ? '200, PII masked' : expected}`, async () => {
          const { id, pii } = cases[caseKey];

          const res = await call(actor, 'GET', `/api/cases/${id}/history`);

          if (expected !== 200) {
            await expectRefusal(res, expected, 'FORBIDDEN', { caseId: id, sameRouteForMissing: () => call(actor, 'GET', `/api/cases/${NO_SUCH_CASE}/history`) });
            return;
          }
          expect(res.statusCode).toBe(200);
          expect((res.json() as { items: { action: string }[] }).items[0].action).toBe('CASE_CREATED');
          expectNoRaw(res.body, pii);
        });
      }
    }
  });

  // The enforcement-route advisor is part of reading the case: whoever may read the case's history may read it.
  describe('GET /api/cases/:id/routes', () => {
    for (const caseKey of CASE_KEYS) {
      for (const actor of ACTOR_KEYS) {
        const expected = EXPECTED[caseKey][actor].history;
        it(`${ACTORS[actor]} × ${CASES[caseKey].label} → ${expected}`, async () => {
          const { id } = cases[caseKey];

          const res = await call(actor, 'GET', `/api/cases/${id}/routes`);

          if (expected !== 200) {
            await expectRefusal(res, expected, 'FORBIDDEN', { caseId: id, sameRouteForMissing: () => call(actor, 'GET', `/api/cases/${NO_SUCH_CASE}/routes`) });
            return;
          }
          expect(res.statusCode).toBe(200);
          expect((res.json() as { routes: unknown[] }).routes).toHaveLength(7);
        });
      }
    }
  });

  describe('POST /api/cases/:id/events', () => {
    for (const caseKey of CASE_KEYS) {
      for (const actor of ACTOR_KEYS) {
        const expected = EXPECTED[caseKey][actor].event;
        const { event, stateAfterEvent, label } = CASES[caseKey];
        it(`${ACTORS[actor]} × ${String(event.type)} on the ${label} → ${shownAs(expected)}`, async () => {
          // A case of its own, so that an event applied here cannot change what another row sees.
          const arranged = await arrange(caseKey);

          const res = await call(actor, 'POST', `/api/cases/${arranged.id}/events`, event);

          if (typeof expected === 'number') {
            await expectRefusal(res, expected, 'EVENT_NOT_ALLOWED_FOR_ROLE', {
              caseId: arranged.id,
              sameRouteForMissing: () => call(actor, 'POST', `/api/cases/${NO_SUCH_CASE}/events`, event),
            });
            expect(await versionOf(caseKey, arranged.id)).toBe(arranged.version);
            return;
          }
          expect(res.statusCode).toBe(200);
          expect(res.json()).toMatchObject({ state: stateAfterEvent, version: arranged.version + 1 });
          expectPii(res, arranged.pii, expected);
        });
      }
    }
  });

  describe('POST /api/cases/:id/reveal', () => {
    for (const caseKey of CASE_KEYS) {
      for (const actor of ACTOR_KEYS) {
        const expected = EXPECTED[caseKey][actor].reveal;
        it(`${ACTORS[actor]} × ${CASES[caseKey].label} → ${expected === 200 ? '200, the raw value' : expected}`, async () => {
          const { id, pii } = cases[caseKey];

          const res = await call(actor, 'POST', `/api/cases/${id}/reveal`, REVEAL);

          if (expected !== 200) {
            await expectRefusal(res, expected, 'FORBIDDEN', { caseId: id, sameRouteForMissing: () => call(actor, 'POST', `/api/cases/${NO_SUCH_CASE}/reveal`, REVEAL) });
            return;
          }
          expect(res.statusCode).toBe(200);
          expect(res.json()).toEqual({ field: REVEAL.field, value: pii.idNumber });
        });
      }
    }
  });
});
