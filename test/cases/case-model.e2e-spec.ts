import { DataSource } from 'typeorm';
import type { LegalDate } from '../../src/calendar/legal-date';
import { CaseWorkflowService } from '../../src/cases/case-workflow.service';
import { allowedEvents, stateOf, type StoredCase } from '../../src/cases/machine/case-decision';
import { instantOn, SAMPLE_IDS, sampleCalendar, sampleCaseInput, TRANSITION_TABLE } from '../../src/cases/machine/case-machine.fixtures';
import {
  graphTransitions,
  modelPaths,
  transitionKey,
  type ModelPath,
  type ModelStep,
  type ModelTransition,
} from '../../src/cases/machine/case-machine.traversal';
import type { SenderRelation } from '../../src/cases/machine/case-senders';
import type { CaseContext } from '../../src/cases/machine/case.context';
import type { CaseInput } from '../../src/cases/machine/case.events';
import { CASE_STATES, COLLECTIVE_WORKER_COUNT, type CaseEventType, type ClaimType, type Role } from '../../src/cases/machine/case.types';
import { FixedClock } from '../../src/common/clock/clock';
import { applicant, EXAMPLE_USCC, type Body, type CaseDetail } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createUser, signIn, type CreatedUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';

// DOMAIN §3 as a model test (STYLE §7): the paths that xstate/graph finds through chart v1 (every state, every
// transition) are replayed over HTTP against the real app and PostgreSQL. After every event the server's state,
// version, allowedEvents and deadlines must equal what the pure decision layer says for the same events, for the
// user who acted and for everyone else who can see the case.

/** One person at the desk, known to the sample data by its id and to the app as a real user. */
interface Person {
  readonly sampleId: string;
  readonly role: Role;
  /** The sample id of a liaison's court. */
  readonly courtId?: string;
  readonly created: CreatedUser;
  readonly tokens: { issuedAt: number; token: string }[];
}

/** Fields the service adds itself (looked up or minted); a client that sent them would get 400. */
const SERVER_SUPPLIED: Partial<Record<CaseEventType, readonly string[]>> = {
  ASSIGN_MEDIATOR: ['assignee'],
  REQUEST_JUDICIAL_CONFIRMATION: ['courtKind'],
  SCHEDULE_SESSION: ['sessionId'],
  RECORD_SESSION: ['recordId'],
};

const AMOUNT_REQUIRED: readonly ClaimType[] = ['WAGE_ARREARS', 'OVERTIME', 'ECONOMIC_COMPENSATION'];

/** The path set is fixed by the chart and the fixtures; computing it takes about a second. */
const PATHS = modelPaths();

/**
 * Events whose guards or deadlines depend on where the case came from: the mediation period's length (#8, #13), the
 * confirmation window and court (#18–#20, Invited Arts.19–20) and the ways out of a default (#24, Invited Art.25).
 */
const SOURCE_SENSITIVE: readonly CaseEventType[] = [
  'EXTEND',
  'DEADLINE_EXPIRED',
  'RESPONDENT_REFUSES',
  'REQUEST_JUDICIAL_CONFIRMATION',
  'CONFIRM_JUDICIALLY',
  'REFUSE_CONFIRMATION',
  'REFER',
];

const sourceSensitive = (path: ModelPath) => path.steps.some((step) => SOURCE_SENSITIVE.includes(step.sample.type));

/**
 * The walk-in case is the graph the unit test walks, replayed in full. A court's case differs only in the events
 * above, so of its graph's paths only those that send one of them are replayed.
 */
const CASE_KINDS = [
  { kind: 'a walk-in case', paths: PATHS },
  {
    kind: 'a case delegated by a court (委派)',
    paths: modelPaths(sampleCaseInput({ source: 'COURT_DELEGATED', courtOrgId: SAMPLE_IDS.courtOrgId })).filter(sourceSensitive),
  },
  {
    kind: 'a case entrusted by a court, simple procedure (委托)',
    paths: modelPaths(sampleCaseInput({ source: 'COURT_ENTRUSTED', courtOrgId: SAMPLE_IDS.courtOrgId, courtProcedure: 'SIMPLE' })).filter(sourceSensitive),
  },
];

function describePath(path: ModelPath): string {
  return `${path.input.source} path "${path.name}"`;
}

function describeStep(path: ModelPath, index: number): string {
  const step = path.steps[index];
  return `${describePath(path)}, step ${index + 1}/${path.steps.length} (${transitionKey(step.transition)}, today ${step.sample.today})`;
}

/** toEqual, with the path and step in the failure message. */
function expectAt(where: string, observed: unknown, expected: unknown): void {
  try {
    expect(observed).toEqual(expected);
  } catch (error) {
    if (error instanceof Error) error.message = `${where}\n\n${error.message}`;
    throw error;
  }
}

/** What the case detail shows of its deadlines, as the model's context has them. */
function deadlinesOf(entries: readonly { key: string; kind: string; dueOn: string; status: string }[]) {
  return entries.map(({ key, kind, dueOn, status }) => ({ key, kind, dueOn, status })).sort((a, b) => a.key.localeCompare(b.key));
}

describe('the case chart as a model, replayed over HTTP (xstate/graph paths)', () => {
  const clock = new FixedClock(new Date('2026-03-01T00:00:00+08:00'));
  let t: TestApp;
  let people: Person[];
  /** Sample ids (organisations, users) to the real ones. */
  const realIds = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const union = await createOrganization(t, { kind: 'UNION' });
    const inviting = await createOrganization(t, { kind: 'COURT' });
    const basic = await createOrganization(t, { kind: 'COURT' });
    realIds.set(SAMPLE_IDS.organizationId, union.id).set(SAMPLE_IDS.courtOrgId, inviting.id).set(SAMPLE_IDS.basicCourtId, basic.id);
    const person = async (sampleId: string, role: Role, organizationId: string, courtId?: string): Promise<Person> => {
      const created = await createUser(t, { role, organizationId });
      realIds.set(sampleId, created.user.id);
      return { sampleId, role, ...(courtId === undefined ? {} : { courtId }), created, tokens: [] };
    };
    people = [
      await person(SAMPLE_IDS.supervisorId, 'SUPERVISOR', union.id),
      await person(SAMPLE_IDS.mediatorId, 'MEDIATOR', union.id),
      await person(SAMPLE_IDS.otherMediatorId, 'MEDIATOR', union.id),
      await person(SAMPLE_IDS.liaisonId, 'COURT_LIAISON', inviting.id, SAMPLE_IDS.courtOrgId),
      // The sample data has no liaison of the basic court that reviews a walk-in case's agreement; the test needs one.
      await person('user-liaison-0403', 'COURT_LIAISON', basic.id, SAMPLE_IDS.basicCourtId),
    ];
  });

  afterAll(async () => {
    await t.close();
  });

  // Tokens last one working day; the replay jumps between dates, so a token is reused only within a few hours of
  // the (fixed) clock, and a user signs in again as at a real desk.
  async function authOf(person: Person): Promise<{ authorization: string }> {
    const now = clock.now().getTime();
    const reuseFor = (t.config.jwt.expiresInSeconds * 1000) / 2;
    let token = person.tokens.find(({ issuedAt }) => issuedAt <= now && now < issuedAt + reuseFor);
    if (token === undefined) {
      token = { issuedAt: now, token: await signIn(t, person.created.user.username, person.created.password) };
      person.tokens.push(token);
    }
    return { authorization: `Bearer ${token.token}` };
  }

  function personWith(sampleId: string): Person {
    const found = people.find((candidate) => candidate.sampleId === sampleId);
    if (found === undefined) throw new Error(`No person plays ${sampleId}`);
    return found;
  }

  function realId(sampleId: string): string {
    const id = realIds.get(sampleId);
    if (id === undefined) throw new Error(`No real id for ${sampleId}`);
    return id;
  }

  /** Replaces every sample id inside a payload with the real one. */
  function withRealIds(value: unknown): unknown {
    if (typeof value === 'string') return realIds.get(value) ?? value;
    if (Array.isArray(value)) return value.map(withRealIds);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withRealIds(inner)]));
    return value;
  }

  /** DOMAIN §3 Senders, from the person's side: how they relate to the case the model has. */
  function relationOf(person: Person, context: CaseContext): SenderRelation {
    const mediator = person.role === 'MEDIATOR';
    return {
      role: person.role,
      isAssignedMediator: mediator && context.assignedMediatorId === person.sampleId,
      // Every mediator here belongs to the case's organisation.
      isOrgMediator: mediator,
      isReviewCourtLiaison: person.role === 'COURT_LIAISON' && context.reviewCourtId === person.courtId,
      isSystem: false,
    };
  }

  /** DOMAIN §1 Sees: a supervisor the whole org, a mediator their cases and the intake queue, a liaison their court's. */
  function sees(person: Person, stored: StoredCase): boolean {
    const context = stored.snapshot.context;
    switch (person.role) {
      case 'SUPERVISOR':
        return true;
      case 'MEDIATOR':
        return context.assignedMediatorId === person.sampleId || (context.assignedMediatorId === undefined && stateOf(stored).startsWith('intake.'));
      case 'COURT_LIAISON':
        return person.courtId !== undefined && (context.courtOrgId === person.courtId || context.reviewCourtId === person.courtId);
      case 'ADMIN':
        return false;
    }
  }

  /** Who sends the sample step: its actor, except that a court's event comes from the liaison of the reviewing court. */
  function senderOf(step: ModelStep): Person | 'SYSTEM' {
    const { sample, before } = step;
    if (sample.sender === 'SYSTEM') return 'SYSTEM';
    const person =
      sample.sender === 'COURT_LIAISON'
        ? people.find((candidate) => candidate.role === 'COURT_LIAISON' && candidate.courtId === before.snapshot.context.reviewCourtId)
        : sample.actor.kind === 'USER'
          ? personWith(sample.actor.userId)
          : undefined;
    if (person === undefined) throw new Error(`Nobody here sends ${sample.type} as ${sample.sender}`);
    return person;
  }

  /** What the pure model says the person may send now (Invariant 8). */
  function expectedView(person: Person, stored: StoredCase, version: number, today: LegalDate) {
    return {
      status: 200,
      state: stateOf(stored),
      version,
      allowedEvents: allowedEvents(stored, relationOf(person, stored.snapshot.context), today, sampleCalendar()),
      deadlines: deadlinesOf(stored.snapshot.context.deadlines),
    };
  }

  function observedView(res: { statusCode: number; json(): unknown }) {
    const body = res.json() as Partial<CaseDetail> & { code?: string; message?: string };
    return {
      status: res.statusCode,
      ...(body.code === undefined ? {} : { code: body.code, message: body.message }),
      state: body.state,
      version: body.version,
      allowedEvents: body.allowedEvents,
      deadlines: body.deadlines === undefined ? undefined : deadlinesOf(body.deadlines),
    };
  }

  /** The intake form a desk would fill in for the sample case input (DOMAIN §2). */
  function intakeBody(input: CaseInput): Body {
    const collective = input.workerCount >= COLLECTIVE_WORKER_COUNT;
    return {
      source: input.source,
      receivedAt: instantOn(input.receivedOn, '08:30'),
      ...(input.courtOrgId === undefined ? {} : { courtOrgId: realId(input.courtOrgId) }),
      ...(input.courtProcedure === undefined ? {} : { courtProcedure: input.courtProcedure }),
      ...(input.source === 'COURT_ENTRUSTED' ? { courtCaseNumber: '（2026）吉0402民初1234号' } : {}),
      applicants: input.applicants.map((employment, index) =>
        applicant({
          employmentRelation: employment.employmentRelation,
          employmentEndedOn: employment.employmentEndedOn,
          migrantWorker: true,
          isRepresentative: collective && index < 3,
        }),
      ),
      respondent: { name: '东丰县某建筑劳务有限公司', unifiedSocialCreditCode: EXAMPLE_USCC, projectName: '龙山区安置小区二期' },
      claims: input.claimTypes.map((type) => ({
        type,
        ...(AMOUNT_REQUIRED.includes(type) ? { amount: '186000.00' } : {}),
        description: '2025年9月至12月工资',
      })),
      workerCount: input.workerCount,
      migrantWorkers: input.applicants.length,
      arrearsMonths: input.claimTypes.includes('WAGE_ARREARS') ? 3 : 0,
      knewOrShouldHaveKnownAt: input.knewOrShouldHaveKnownAt,
    };
  }

  function eventBody(step: ModelStep): Body {
    const dropped = SERVER_SUPPLIED[step.sample.type] ?? [];
    const payload = Object.fromEntries(Object.entries(step.sample.payload).filter(([key]) => !dropped.includes(key)));
    return { type: step.sample.type, ...(withRealIds(payload) as Body) };
  }

  async function register(path: ModelPath): Promise<string> {
    const receivedOn = path.input.receivedOn;
    clock.set(instantOn(receivedOn));
    const { actor } = path.input.meta;
    if (actor.kind !== 'USER') throw new Error('Only a user registers a case');
    const registrar = personWith(actor.userId);
    const res = await t.request({ method: 'POST', url: '/api/cases', payload: intakeBody(path.input), headers: await authOf(registrar) });
    expectAt(`${describePath(path)}, intake`, observedView(res), { ...expectedView(registrar, modelStart(path), 1, receivedOn), status: 201 });
    return (res.json() as CaseDetail).id;
  }

  function modelStart(path: ModelPath): StoredCase {
    return path.steps[0].before;
  }

  /** Sends the step as its sender and checks the answer against the model. */
  async function send(path: ModelPath, index: number, caseId: string): Promise<void> {
    const step = path.steps[index];
    const where = describeStep(path, index);
    const version = index + 2;
    clock.set(step.sample.now);
    const sender = senderOf(step);
    if (sender === 'SYSTEM') {
      const outcome = await t.app.get(CaseWorkflowService).sendSystemEvent(caseId, eventBody(step), `model-${caseId}-${version}`);
      expectAt(where, outcome, { applied: true, version, state: stateOf(step.after) });
      return;
    }
    expectAt(`${where}: the sample sender mapped to ${sender.sampleId}`, relationOf(sender, step.before.snapshot.context), step.sample.relation);
    const res = await t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: eventBody(step), headers: await authOf(sender) });
    expectAt(`${where}, answer to ${sender.sampleId}`, observedView(res), expectedView(sender, step.after, version, step.sample.today));
  }

  /** Everyone else looks at the case: those who may see it get the model's view of it for them, the others 404. */
  async function look(path: ModelPath, index: number, caseId: string): Promise<void> {
    const step = path.steps[index];
    const sender = senderOf(step);
    for (const person of people.filter((candidate) => candidate !== sender)) {
      const res = await t.request({ method: 'GET', url: `/api/cases/${caseId}`, headers: await authOf(person) });
      const where = `${describeStep(path, index)}, seen by ${person.sampleId}`;
      if (sees(person, step.after)) expectAt(where, observedView(res), expectedView(person, step.after, index + 2, step.sample.today));
      else expectAt(where, res.statusCode, 404);
    }
  }

  async function countRows(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = (await t.app.get(DataSource).query(sql, params)) as { n: string }[];
    return Number(n);
  }

  describe('the paths of a walk-in case, the graph the unit test walks', () => {
    const taken = PATHS.flatMap((path) => path.steps.map((step) => step.transition));

    it('reaches every state of DOMAIN §3', () => {
      const reached = new Set(PATHS.flatMap((path) => [stateOf(modelStart(path)), ...path.steps.map((step) => stateOf(step.after))]));

      expect([...reached].sort()).toEqual([...CASE_STATES].sort());
    });

    it('takes every transition #1–#24 of the table, from every state it leaves', () => {
      const missing = TRANSITION_TABLE.filter((row) => !taken.some((step) => step.from === row.from && step.event === row.event && step.to === row.to));

      expect(missing).toEqual([]);
    });

    it('takes every edge of the graph: each sender, signing party, reason and route the fixtures offer', () => {
      const takenKeys = new Set(taken.map(transitionKey));

      expect(graphTransitions().map(transitionKey).filter((key) => !takenKeys.has(key))).toEqual([]);
    });

    it.each(CASE_KINDS.slice(1))('sends every source-sensitive event from every state that has it, in $kind', ({ paths }) => {
      const sensitive = (transitions: readonly ModelTransition[]) =>
        new Set(transitions.filter((transition) => SOURCE_SENSITIVE.includes(transition.event)).map(transitionKey));
      const all = sensitive(graphTransitions(paths[0].input));
      const replayed = sensitive(paths.flatMap((path) => path.steps.map((step) => step.transition)));

      expect([...all].filter((key) => !replayed.has(key))).toEqual([]);
    });
  });

  describe.each(CASE_KINDS)('$kind', ({ paths }) => {
    describe.each(paths.map((path, index) => ({ path, label: `${index + 1}/${paths.length}: ${path.name}` })))('path $label', ({ path }) => {
      it(`replays ${path.steps.length} events with state, version, allowedEvents and deadlines as the model has them`, async () => {
        const caseId = await register(path);
        for (let index = 0; index < path.steps.length; index++) {
          await send(path, index, caseId);
          await look(path, index, caseId);
        }

        const version = path.steps.length + 1;
        const events = await countRows('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [caseId]);
        const audited = await countRows("SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_EVENT'", [caseId]);
        const created = await countRows("SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_CREATED'", [caseId]);
        expectAt(`${describePath(path)}, rows at the end`, { events, audited, created }, { events: version - 1, audited: version - 1, created: 1 });
      });
    });
  });

  it('leaves an audit trail that verifies', async () => {
    const supervisor = personWith(SAMPLE_IDS.supervisorId);
    const res = await t.request({ method: 'GET', url: '/api/audit/verify', headers: await authOf(supervisor) });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
  });
});
