import fc from 'fast-check';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { addDays, compare, diffDays, type LegalDate } from '../../src/calendar/legal-date';
import { CaseWorkflowService, type SystemEventOutcome } from '../../src/cases/case-workflow.service';
import { createCase, decide, stateOf, type StoredCase } from '../../src/cases/machine/case-decision';
import {
  anySampleStep,
  d,
  instantOn,
  SAMPLE_IDS,
  sampleCalendar,
  sampleCaseInput,
  sampleSteps,
  sampleToday,
  toCaseEvent,
  type SampleSender,
  type SampleStep,
} from '../../src/cases/machine/case-machine.fixtures';
import { senderCheck, type SenderRelation } from '../../src/cases/machine/case-senders';
import type { CaseContext } from '../../src/cases/machine/case.context';
import type { CaseEvent, CaseInput, EventActor } from '../../src/cases/machine/case.events';
import { confirmationCourtId } from '../../src/cases/machine/case.guards';
import {
  CASE_EVENT_TYPES,
  isCourtSource,
  REFERRAL_ROUTES,
  SIGNATURE_PARTIES,
  type CaseEventType,
  type CaseSource,
  type CaseState,
  type ClaimType,
  type CourtProcedure,
} from '../../src/cases/machine/case.types';
import { FixedClock } from '../../src/common/clock/clock';
import type { Body, CaseDetail } from '../factories/case.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';
import {
  ADMIN_ID,
  BASIC_COURT_LIAISON_ID,
  expectAt,
  ModelDesk,
  observedView,
  type CaseView,
  type Person,
} from './case-model-desk';

// DOMAIN §3 as a state-machine property (issue 8): random command sequences — intake, any event from anyone, the
// same event twice at once, retries under one Idempotency-Key, the clock moving on — run against the real app and
// PostgreSQL, with the pure decision layer (case-decision.ts) as the model. The model predicts every answer in the
// order of Invariant 7 (404 → 400 → 403 → 412 → 409 → 422) and, after every command, what the actor and a
// supervisor see; refused events must change nothing, and CASE_EVENT audit rows must equal version − 1 (Invariant 2).
//
// MODEL_RUNS sets the number of sequences (the nightly job runs 1000), MODEL_SEED (and MODEL_PATH, both printed by
// fast-check on failure) replays one. Unset, CI uses one fixed seed so that its verdict is reproducible;
// `MODEL_SEED=random` (the nightly run) explores a new one each time.

const RUNS = positiveIntegerFromEnv('MODEL_RUNS') ?? 80;
const CI_SEED = 20261201;
const SEED = process.env.MODEL_SEED === 'random' ? randomInt(2 ** 31) : (integerFromEnv('MODEL_SEED') ?? CI_SEED);
const PATH = process.env.MODEL_PATH;
const MAX_COMMANDS = 40;
/** Every sequence starts on the sample data's receipt date, so runs do not drift out of the calendar's years. */
const START: LegalDate = d('2026-03-02');

function integerFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return Number(raw);
}

function positiveIntegerFromEnv(name: string): number | undefined {
  const value = integerFromEnv(name);
  if (value !== undefined && value < 1) throw new Error(`${name} must be at least 1, got ${value}`);
  return value;
}

/** The sample's clock reading for a day: intake and every event happen at 09:00 in Liaoyuan. */
const nowOn = (day: LegalDate) => instantOn(day, '09:00');

// ---------------------------------------------------------------------------------------------------------------
// The model

interface ModelCase {
  stored: StoredCase;
  version: number;
  readonly label: string;
}

interface Model {
  today: LegalDate;
  readonly cases: ModelCase[];
}

interface Real {
  readonly caseIds: string[];
}

/** Who sends, as a part the case gives them; resolved against the model's case when the command runs. */
const SENDER_PARTS = ['ASSIGNED_MEDIATOR', 'OTHER_MEDIATOR', 'SUPERVISOR', 'REVIEW_LIAISON', 'OTHER_LIAISON', 'ADMIN', 'SYSTEM'] as const;
type SenderPart = (typeof SENDER_PARTS)[number];

/**
 * How the event is chosen: `sample` takes one the chart accepts now with the sender the fixtures give it (so
 * sequences reach deep states; `onward` says which it prefers); `any` takes any type from anyone with a payload variant, valid or not.
 */
type EventChoice =
  | { readonly mode: 'sample'; readonly pick: number; readonly onward: Onward; readonly tweak?: number }
  | { readonly mode: 'any'; readonly type: CaseEventType; readonly sender: SenderPart; readonly variant: number; readonly malformed: boolean };

type IfMatch = 'none' | 'current' | 'stale';
type Onward = 'ADVANCE' | 'OPEN' | 'ANY';

/** An event made concrete for one case at one moment: who sends what, in sample ids. */
interface ConcreteEvent {
  readonly sender: Person | 'SYSTEM';
  readonly type: CaseEventType;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly malformed: boolean;
  /** The day the event happens: the model's today, or later when the sample waits for a timer or a due date. */
  readonly today: LegalDate;
}

/** The answer the model expects, and the case after it. */
interface Prediction {
  readonly status: number;
  readonly code?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly after?: StoredCase;
}

/** Payload variants over the sample payload (any mode, and tweaked samples): other parties, reasons, routes, courts, assignees. */
const VARIANTS: Partial<Record<CaseEventType, readonly Readonly<Record<string, unknown>>[]>> = {
  ASSIGN_MEDIATOR: [
    { mediatorId: SAMPLE_IDS.mediatorId },
    { mediatorId: SAMPLE_IDS.otherMediatorId },
    { mediatorId: SAMPLE_IDS.supervisorId },
    { mediatorId: SAMPLE_IDS.liaisonId },
  ],
  REJECT: [{ reason: 'DUPLICATE', note: undefined }, { reason: 'OTHER', note: undefined }],
  RESPONDENT_REFUSES: [{ reason: 'REFUSED' }, { reason: 'UNREACHABLE' }, { reason: 'NO_REPLY' }],
  EXTEND: [{ days: 30 }, { applicantConsents: false }, { days: 1 }],
  SUSPEND: [{ reason: 'FORCE_MAJEURE' }, { reason: 'OTHER', note: undefined }, { reason: 'PARTY_REQUEST' }],
  SIGN: SIGNATURE_PARTIES.map((party) => ({ party })),
  REFUSE_TO_SIGN: SIGNATURE_PARTIES.map((party) => ({ party })),
  REQUEST_JUDICIAL_CONFIRMATION: [
    { courtId: SAMPLE_IDS.basicCourtId },
    { courtId: SAMPLE_IDS.courtOrgId },
    { courtId: undefined },
    { courtId: SAMPLE_IDS.organizationId },
    { jointApplication: false },
  ],
  REFER: REFERRAL_ROUTES.map((route) => ({ route })),
  RECORD_PERFORMANCE: [{ amountPaid: '1.00' }, { amountPaid: '999999.00' }],
  DEADLINE_EXPIRED: [{ deadlineKey: 'MEDIATION_PERIOD#1' }, { deadlineKey: 'MEDIATION_PERIOD#2' }, { deadlineKey: 'RESPONDENT_CONSENT#1' }],
};

const dropUndefined = (payload: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));

/** Moves every legal date and instant in a payload by `days`: the sample's step, done that many days later. */
function shifted(value: unknown, days: number): unknown {
  if (days === 0) return value;
  if (typeof value === 'string') {
    const match = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value);
    return match === null ? value : `${addDays(d(match[1]), days)}${match[2] ?? ''}`;
  }
  if (Array.isArray(value)) return value.map((inner) => shifted(inner, days));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shifted(inner, days)]));
  return value;
}

/**
 * How far along the chart's main road a state lies, ending in resolution or referral; signing and paying move a case
 * on within their state. Other closures lie off the road.
 */
const ROAD: readonly CaseState[] = [
  'intake.registered',
  'intake.awaitingConsent',
  'mediation.active',
  'agreement.signing',
  'agreement.effective',
  'agreement.judicialReview',
  'agreement.confirmed',
  'agreement.defaulted',
  'closed.referred',
  'closed.resolved',
];

function progress(state: CaseState, sample?: SampleStep): number {
  const within = sample?.type === 'SIGN' || sample?.type === 'RECORD_PERFORMANCE' ? 0.5 : 0;
  return ROAD.indexOf(state) + within;
}

const later = (a: LegalDate, b: LegalDate) => (compare(a, b) >= 0 ? a : b);

class World {
  constructor(
    readonly t: TestApp,
    readonly clock: FixedClock,
    readonly desk: ModelDesk,
  ) {}

  // ---- the people a case gives its parts to

  private mediatorOtherThan(sampleId: string | undefined): Person {
    return this.desk.personWith(sampleId === SAMPLE_IDS.otherMediatorId ? SAMPLE_IDS.mediatorId : SAMPLE_IDS.otherMediatorId);
  }

  /** The court whose liaison acts as CL: the reviewing court, else the one that would review (#18). */
  private reviewCourt(context: CaseContext): string {
    return context.reviewCourtId ?? (isCourtSource(context.source) && context.courtOrgId !== undefined ? context.courtOrgId : SAMPLE_IDS.basicCourtId);
  }

  private liaisonOf(courtId: string): Person {
    return this.desk.personWith(courtId === SAMPLE_IDS.courtOrgId ? SAMPLE_IDS.liaisonId : BASIC_COURT_LIAISON_ID);
  }

  senderFor(part: SenderPart | SampleSender, context: CaseContext): Person | 'SYSTEM' {
    switch (part) {
      case 'ASSIGNED_MEDIATOR':
      case 'QUEUE_MEDIATOR':
        return this.desk.personWith(context.assignedMediatorId ?? SAMPLE_IDS.mediatorId);
      case 'OTHER_MEDIATOR':
        return this.mediatorOtherThan(context.assignedMediatorId ?? SAMPLE_IDS.mediatorId);
      case 'SUPERVISOR':
        return this.desk.personWith(SAMPLE_IDS.supervisorId);
      case 'REVIEW_LIAISON':
      case 'COURT_LIAISON':
        return this.liaisonOf(this.reviewCourt(context));
      case 'OTHER_LIAISON':
        return this.liaisonOf(this.reviewCourt(context) === SAMPLE_IDS.courtOrgId ? SAMPLE_IDS.basicCourtId : SAMPLE_IDS.courtOrgId);
      case 'ADMIN':
        return this.desk.personWith(ADMIN_ID);
      case 'SYSTEM':
        return 'SYSTEM';
    }
  }

  /** The event a choice comes to for this case today, with its payload dates moved to the day it is sent. */
  concrete(choice: EventChoice, mc: ModelCase, today: LegalDate): ConcreteEvent {
    const context = mc.stored.snapshot.context;
    const samples = sampleSteps(stateOf(mc.stored), context);
    if (choice.mode === 'sample' && samples.length > 0) {
      const pool = this.preferred(mc.stored, samples, choice.onward);
      const sample = pool[choice.pick % pool.length];
      const day = later(sample.today, today);
      const variants = VARIANTS[sample.type] ?? [];
      const tweak = choice.tweak === undefined || variants.length === 0 ? {} : variants[choice.tweak % variants.length];
      return {
        sender: this.senderFor(sample.sender, context),
        type: sample.type,
        payload: dropUndefined({ ...(shifted(sample.payload, diffDays(sampleToday(context), day)) as Record<string, unknown>), ...tweak }),
        malformed: false,
        today: day,
      };
    }
    const type = choice.mode === 'any' ? choice.type : CASE_EVENT_TYPES[choice.pick % CASE_EVENT_TYPES.length];
    const base = anySampleStep(type, context).payload as Readonly<Record<string, unknown>>;
    const variants = VARIANTS[type] ?? [];
    const variant = choice.mode === 'any' && choice.variant < variants.length ? variants[choice.variant] : {};
    const sender = this.senderFor(choice.mode === 'any' ? choice.sender : 'SUPERVISOR', context);
    return {
      sender,
      type,
      payload: dropUndefined({ ...(shifted(base, diffDays(sampleToday(context), today)) as Record<string, unknown>), ...variant }),
      // The timers' way in takes a well-formed body from the job's own payload.
      malformed: choice.mode === 'any' && choice.malformed && sender !== 'SYSTEM',
      today,
    };
  }

  /**
   * The samples an `onward` choice prefers: ADVANCE those that move the case further along the main road (a random
   * walk over the many self-transitions and the suspend/resume loop would rarely reach an agreement), OPEN those
   * that leave it open, ANY all of them.
   */
  private preferred(stored: StoredCase, samples: readonly SampleStep[], onward: Onward): readonly SampleStep[] {
    const from = stateOf(stored);
    const target = (sample: SampleStep) => {
      const decision = decide(stored, toCaseEvent(sample), sample.relation);
      return decision.ok ? decision.state : from;
    };
    const open = onward === 'ANY' ? [] : samples.filter((sample) => !target(sample).startsWith('closed.'));
    const advancing = onward === 'ADVANCE' ? samples.filter((sample) => progress(target(sample), sample) > progress(from)) : [];
    return [advancing, open, samples].find((pool) => pool.length > 0) ?? samples;
  }

  // ---- the model's answers

  private actorOf(sender: Person | 'SYSTEM'): EventActor {
    return sender === 'SYSTEM' ? { kind: 'SYSTEM' } : { kind: 'USER', userId: sender.sampleId, role: sender.role };
  }

  /** The facts the service looks up for ASSIGN_MEDIATOR (#3): every person here is active. */
  private assigneeFacts(sampleId: unknown) {
    const person = this.desk.people.find((candidate) => candidate.sampleId === sampleId);
    if (person === undefined) return null;
    return { role: person.role, organizationId: person.courtId ?? SAMPLE_IDS.organizationId, active: true };
  }

  /** The event as the service builds it: the payload plus what it looks up or mints, and meta (Invariant 4). */
  private caseEvent(event: ConcreteEvent, context: CaseContext): CaseEvent {
    const meta = { actor: this.actorOf(event.sender), today: event.today, now: nowOn(event.today), calendar: sampleCalendar() };
    const base = { ...event.payload, type: event.type, meta };
    switch (event.type) {
      case 'ASSIGN_MEDIATOR':
        return { ...base, assignee: this.assigneeFacts(event.payload.mediatorId) } as CaseEvent;
      case 'REQUEST_JUDICIAL_CONFIRMATION': {
        const courtId = confirmationCourtId(context, { courtId: event.payload.courtId as string | undefined });
        return { ...base, courtKind: courtId === undefined ? null : (this.desk.organizationKind(courtId) ?? null) } as CaseEvent;
      }
      // The service mints a new id for every session and record; a guard refuses one used before.
      case 'SCHEDULE_SESSION':
        return { ...base, sessionId: randomUUID() } as CaseEvent;
      case 'RECORD_SESSION':
        return { ...base, recordId: randomUUID() } as CaseEvent;
      default:
        return base as unknown as CaseEvent;
    }
  }

  private relationOf(sender: Person | 'SYSTEM', context: CaseContext): SenderRelation {
    return sender === 'SYSTEM'
      ? { isAssignedMediator: false, isOrgMediator: false, isReviewCourtLiaison: false, isSystem: true }
      : this.desk.relationOf(sender, context);
  }

  /** DOMAIN §3 Invariant 7, as CaseWorkflowService orders it: 404 → 400 → 403 → 412 → 409 → 422. */
  predict(mc: ModelCase, event: ConcreteEvent, ifMatch: IfMatch): Prediction {
    const { stored } = mc;
    const context = stored.snapshot.context;
    if (event.sender !== 'SYSTEM' && !this.desk.sees(event.sender, stored)) return { status: 404, code: 'NOT_FOUND' };
    if (event.malformed) return { status: 400, code: 'VALIDATION_FAILED' };
    const caseEvent = this.caseEvent(event, context);
    const relation = this.relationOf(event.sender, context);
    const verdict = senderCheck(context, stateOf(stored), caseEvent, relation);
    if (!verdict.allowed) return { status: 403, code: 'EVENT_NOT_ALLOWED_FOR_ROLE', details: { reason: verdict.reason } };
    if (ifMatch === 'stale') return { status: 412, code: 'VERSION_CONFLICT', details: { currentVersion: mc.version } };
    const decision = decide(stored, caseEvent, relation);
    if (decision.ok) return { status: 200, after: { machineVersion: stored.machineVersion, snapshot: decision.snapshot } };
    switch (decision.code) {
      case 'EVENT_NOT_ALLOWED_FOR_ROLE':
        return { status: 403, code: decision.code, details: { reason: decision.reason } };
      case 'INVALID_TRANSITION':
        return { status: 409, code: decision.code, details: { allowedEvents: decision.allowedEvents } };
      case 'GUARD_REJECTED':
        return { status: 422, code: decision.code, details: { guard: decision.guard, rule: decision.rule } };
    }
  }

  /** What the answer to `person` must look like: the case after the event for 2xx, the refusal otherwise. */
  expectedAnswer(person: Person, mc: ModelCase, prediction: Prediction, today: LegalDate): unknown {
    if (prediction.after !== undefined) return this.desk.expectedView(person, prediction.after, mc.version + 1, today);
    return { status: prediction.status, code: prediction.code, ...(prediction.details === undefined ? {} : { details: prediction.details }) };
  }

  observedAnswer(res: { statusCode: number; json(): unknown }, expected: unknown): unknown {
    if ((expected as { state?: unknown }).state !== undefined) return observedView(res);
    const body = res.json() as { code?: string; details?: Record<string, unknown> };
    const wanted = (expected as { details?: Record<string, unknown> }).details;
    const details = wanted === undefined ? {} : { details: Object.fromEntries(Object.keys(wanted).map((key) => [key, body.details?.[key]])) };
    return { status: res.statusCode, code: body.code, ...details };
  }

  // ---- the real side

  async post(caseId: string, person: Person, body: Body, headers: Record<string, string> = {}) {
    return this.t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: body, headers: { ...(await this.desk.authOf(person)), ...headers } });
  }

  body(event: ConcreteEvent): Body {
    const body = this.desk.eventBody(event.type, event.payload);
    // An unknown field: the payload DTOs forbid anything they do not whitelist.
    return event.malformed ? { ...body, hearingRoom: '3' } : body;
  }

  ifMatchHeader(mc: ModelCase, ifMatch: IfMatch): Record<string, string> {
    if (ifMatch === 'none') return {};
    return { 'if-match': `"${ifMatch === 'current' ? mc.version : mc.version > 1 ? mc.version - 1 : mc.version + 1}"` };
  }

  async sendSystem(caseId: string, event: ConcreteEvent): Promise<SystemEventOutcome> {
    return this.t.app.get(CaseWorkflowService).sendSystemEvent(caseId, this.body(event), `model-timer-${caseId}`);
  }

  /**
   * After every command: the actor and a supervisor see the model's case (or, for the actor, 404 when out of
   * sight), and the case has one CASE_EVENT audit row and one event row per version step (Invariants 1–2).
   */
  async verify(where: string, model: Model, real: Real, index: number, actor?: Person | 'SYSTEM'): Promise<void> {
    const mc = model.cases[index];
    const caseId = real.caseIds[index];
    const supervisor = this.desk.personWith(SAMPLE_IDS.supervisorId);
    const lookers = actor === undefined || actor === 'SYSTEM' || actor === supervisor ? [supervisor] : [actor, supervisor];
    for (const person of lookers) {
      const res = await this.t.request({ method: 'GET', url: `/api/cases/${caseId}`, headers: await this.desk.authOf(person) });
      const seenBy = `${where}; then ${mc.label} seen by ${person.sampleId}`;
      if (this.desk.sees(person, mc.stored)) expectAt(seenBy, observedView(res), this.desk.expectedView(person, mc.stored, mc.version, model.today));
      else expectAt(seenBy, res.statusCode, 404);
    }
    const [rows] = (await this.t.app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM audit_entries WHERE case_id = $1 AND action = 'CASE_EVENT')::int AS audited,
              (SELECT count(*) FROM case_events WHERE case_id = $1)::int AS events`,
      [caseId],
    )) as { audited: number; events: number }[];
    expectAt(`${where}; rows of ${mc.label}`, rows, { audited: mc.version - 1, events: mc.version - 1 });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The commands

let world: World;
let keys = 0;

/** MODEL_STATS=1 prints what the sequences did: answers by status and code, states the cases reached, lengths. */
const STATS = process.env.MODEL_STATS === '1';
const stats = new Map<string, number>();
function count(what: string): void {
  if (STATS) stats.set(what, (stats.get(what) ?? 0) + 1);
}

type CaseCommand = fc.AsyncCommand<Model, Real>;

interface CaseShape {
  readonly source: CaseSource;
  readonly procedure?: CourtProcedure;
  readonly collective: boolean;
  readonly claims: readonly ClaimType[];
  readonly registrar: 'SUPERVISOR' | 'MEDIATOR';
}

function inputFor(shape: CaseShape, today: LegalDate): CaseInput {
  const court = isCourtSource(shape.source) ? { courtOrgId: SAMPLE_IDS.courtOrgId } : {};
  const procedure = shape.procedure === undefined ? {} : { courtProcedure: shape.procedure };
  const individual = shape.collective ? {} : { workerCount: 1, applicants: [{ employmentRelation: 'FORMER' as const, employmentEndedOn: d('2025-12-31') }] };
  return sampleCaseInput({ receivedOn: today, source: shape.source, ...court, ...procedure, ...individual, claimTypes: [...shape.claims] });
}

class CreateCase implements CaseCommand {
  constructor(private readonly shape: CaseShape) {}

  check(m: Readonly<Model>): boolean {
    return m.cases.length < 2;
  }

  async run(m: Model, r: Real): Promise<void> {
    const input = inputFor(this.shape, m.today);
    const created = createCase(input);
    const stored: StoredCase = { machineVersion: created.machineVersion, snapshot: created.snapshot };
    const label = `case ${m.cases.length + 1} (${this.shape.source}${this.shape.procedure === undefined ? '' : `/${this.shape.procedure}`}, ${this.shape.collective ? 'collective' : 'individual'})`;
    const registrar = world.desk.personWith(this.shape.registrar === 'SUPERVISOR' ? SAMPLE_IDS.supervisorId : SAMPLE_IDS.mediatorId);
    world.clock.set(nowOn(m.today));
    const res = await world.t.request({ method: 'POST', url: '/api/cases', payload: world.desk.intakeBody(input), headers: await world.desk.authOf(registrar) });
    const where = `${this.toString()} on ${m.today}`;
    expectAt(where, observedView(res), { ...world.desk.expectedView(registrar, stored, 1, m.today), status: 201 });
    m.cases.push({ stored, version: 1, label });
    r.caseIds.push((res.json() as CaseDetail).id);
    await world.verify(where, m, r, m.cases.length - 1, registrar);
  }

  toString(): string {
    return `CreateCase(${JSON.stringify(this.shape)})`;
  }
}

function choiceText(choice: EventChoice): string {
  return choice.mode === 'sample' ? `sample#${choice.pick}/${choice.onward}${choice.tweak === undefined ? '' : `/v${choice.tweak}`}` : `${choice.type}/${choice.sender}/v${choice.variant}${choice.malformed ? '/malformed' : ''}`;
}

function eventText(event: ConcreteEvent): string {
  const sender = event.sender === 'SYSTEM' ? 'SYSTEM' : event.sender.sampleId;
  return `${event.type} ${JSON.stringify(event.payload)}${event.malformed ? ' +unknown field' : ''} from ${sender} on ${event.today}`;
}

/** Moves the model's (and so the app's) clock on to the day the event happens. */
function eventDay(m: Model, event: ConcreteEvent): void {
  m.today = later(event.today, m.today);
  world.clock.set(nowOn(m.today));
}

function applied(mc: ModelCase, prediction: Prediction): void {
  count(`answer ${prediction.status} ${prediction.code ?? ''}`);
  if (prediction.after === undefined) return;
  count(`state ${stateOf(prediction.after)}`);
  mc.stored = prediction.after;
  mc.version += 1;
}

class SendEvent implements CaseCommand {
  constructor(
    private readonly caseIndex: number,
    private readonly choice: EventChoice,
    private readonly ifMatch: IfMatch,
  ) {}

  check(m: Readonly<Model>): boolean {
    return m.cases.length > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const index = this.caseIndex % m.cases.length;
    const mc = m.cases[index];
    const event = world.concrete(this.choice, mc, m.today);
    eventDay(m, event);
    const where = `${this.toString()}: ${eventText(event)} to ${mc.label} in ${stateOf(mc.stored)} v${mc.version}`;
    if (event.sender === 'SYSTEM') {
      const prediction = world.predict(mc, event, 'none');
      const outcome = await world.sendSystem(r.caseIds[index], event);
      const expected = prediction.after === undefined
        ? { applied: false, reason: prediction.code }
        : { applied: true, version: mc.version + 1, state: stateOf(prediction.after) };
      expectAt(where, outcome, expected);
      applied(mc, prediction);
    } else {
      const prediction = world.predict(mc, event, this.ifMatch);
      const expected = world.expectedAnswer(event.sender, mc, prediction, m.today);
      const res = await world.post(r.caseIds[index], event.sender, world.body(event), world.ifMatchHeader(mc, this.ifMatch));
      expectAt(where, world.observedAnswer(res, expected), expected);
      applied(mc, prediction);
    }
    await world.verify(where, m, r, index, event.sender);
  }

  toString(): string {
    return `SendEvent(case ${this.caseIndex}, ${choiceText(this.choice)}, If-Match ${this.ifMatch})`;
  }
}

/** The same event twice at once with the same If-Match (or, from a timer, none): the row lock lets one through. */
class SendTwiceAtOnce implements CaseCommand {
  constructor(
    private readonly caseIndex: number,
    private readonly choice: EventChoice,
  ) {}

  check(m: Readonly<Model>): boolean {
    return m.cases.length > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const index = this.caseIndex % m.cases.length;
    const mc = m.cases[index];
    const event = world.concrete(this.choice, mc, m.today);
    eventDay(m, event);
    const where = `${this.toString()}: ${eventText(event)} to ${mc.label} in ${stateOf(mc.stored)} v${mc.version}`;
    const ifMatch: IfMatch = event.sender === 'SYSTEM' ? 'none' : 'current';
    const first = world.predict(mc, event, ifMatch);
    // Whichever comes second waits for the first's row lock and is then judged against the case the first left.
    const afterFirst: ModelCase = first.after === undefined ? mc : { ...mc, stored: first.after, version: mc.version + 1 };
    const second = first.after === undefined ? first : world.predict(afterFirst, event, ifMatch === 'current' ? 'stale' : 'none');
    count(`twice at once: ${first.status} then ${second.status} ${second.code ?? ''}`);
    if (event.sender === 'SYSTEM') {
      const outcomes = await Promise.all([world.sendSystem(r.caseIds[index], event), world.sendSystem(r.caseIds[index], event)]);
      const expected = [first, second].map((prediction, i) =>
        prediction.after === undefined
          ? { applied: false, reason: prediction.code }
          : { applied: true, version: mc.version + 1 + i, state: stateOf(prediction.after) },
      );
      expectAt(where, sortedJson(outcomes), sortedJson(expected));
    } else {
      const sender = event.sender;
      const headers = world.ifMatchHeader(mc, ifMatch);
      const answers = await Promise.all([0, 1].map(() => world.post(r.caseIds[index], sender, world.body(event), headers)));
      const expected = [world.expectedAnswer(sender, mc, first, m.today), world.expectedAnswer(sender, afterFirst, second, m.today)];
      const observed = answers.map((res, i) => world.observedAnswer(res, expected.find((e) => (e as CaseView).status === res.statusCode) ?? expected[i]));
      expectAt(where, sortedJson(observed), sortedJson(expected));
    }
    applied(mc, first);
    applied(mc, second);
    await world.verify(where, m, r, index, event.sender);
  }

  toString(): string {
    return `SendTwiceAtOnce(case ${this.caseIndex}, ${choiceText(this.choice)})`;
  }
}

function sortedJson(values: readonly unknown[]): string[] {
  return values.map((value) => JSON.stringify(value)).sort();
}

/** A client that lost the answer sends again with the same Idempotency-Key: one effect, the same answer. */
class RetryWithKey implements CaseCommand {
  constructor(
    private readonly caseIndex: number,
    private readonly choice: EventChoice,
    private readonly ifMatch: Exclude<IfMatch, 'stale'>,
    private readonly atOnce: boolean,
  ) {}

  check(m: Readonly<Model>): boolean {
    return m.cases.length > 0;
  }

  async run(m: Model, r: Real): Promise<void> {
    const index = this.caseIndex % m.cases.length;
    const mc = m.cases[index];
    const chosen = world.concrete(this.choice, mc, m.today);
    // Timers carry no key; a supervisor retries instead.
    const event: ConcreteEvent = chosen.sender === 'SYSTEM' ? { ...chosen, sender: world.desk.personWith(SAMPLE_IDS.supervisorId) } : chosen;
    const sender = event.sender as Person;
    eventDay(m, event);
    const where = `${this.toString()}: ${eventText(event)} to ${mc.label} in ${stateOf(mc.stored)} v${mc.version}`;
    const prediction = world.predict(mc, event, this.ifMatch);
    count(`retried with a key: ${prediction.status}`);
    const expected = world.expectedAnswer(sender, mc, prediction, m.today);
    keys += 1;
    const headers = { ...world.ifMatchHeader(mc, this.ifMatch), 'idempotency-key': `model-${process.pid}-${keys}` };
    const send = () => world.post(r.caseIds[index], sender, world.body(event), headers);
    const answers = this.atOnce ? await Promise.all([send(), send()]) : [await send(), await send()];
    for (const res of answers) expectAt(where, world.observedAnswer(res, expected), expected);
    const replayed = answers.map((res) => res.headers['idempotent-replayed'] === 'true');
    if (prediction.after === undefined) {
      // A refused first attempt keeps nothing, so the retry is judged afresh, and alike.
      expectAt(`${where}: replays`, replayed, [false, false]);
    } else {
      expectAt(`${where}: one replay, the same body`, { replays: replayed.filter(Boolean).length, sameBody: answers[0].body === answers[1].body }, { replays: 1, sameBody: true });
      if (!this.atOnce) expectAt(`${where}: the retry is the replay`, replayed, [false, true]);
    }
    applied(mc, prediction);
    await world.verify(where, m, r, index, sender);
  }

  toString(): string {
    return `RetryWithKey(case ${this.caseIndex}, ${choiceText(this.choice)}, If-Match ${this.ifMatch}, ${this.atOnce ? 'at once' : 'one after the other'})`;
  }
}

/** Days pass with nothing sent: guards and allowedEvents that read today change, and nothing else. */
class DaysPass implements CaseCommand {
  constructor(private readonly days: number) {}

  check(): boolean {
    return true;
  }

  async run(m: Model, r: Real): Promise<void> {
    m.today = addDays(m.today, this.days);
    world.clock.set(nowOn(m.today));
    for (let index = 0; index < m.cases.length; index++) await world.verify(`${this.toString()} to ${m.today}`, m, r, index);
  }

  toString(): string {
    return `DaysPass(${this.days})`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The arbitraries

const SHAPES: fc.Arbitrary<CaseShape> = fc.record({
  source: fc.constantFrom<CaseSource>('WALK_IN', 'HOTLINE', 'LABOR_INSPECTION', 'COURT_DELEGATED', 'COURT_ENTRUSTED'),
  procedure: fc.constantFrom<CourtProcedure>('ORDINARY', 'SIMPLE'),
  collective: fc.boolean(),
  claims: fc.constantFrom<readonly ClaimType[]>(['WAGE_ARREARS'], ['OVERTIME', 'ECONOMIC_COMPENSATION'], ['WAGE_ARREARS', 'SOCIAL_INSURANCE']),
  registrar: fc.constantFrom('SUPERVISOR' as const, 'MEDIATOR' as const),
}).map(({ procedure, ...shape }) => (shape.source === 'COURT_ENTRUSTED' ? { ...shape, procedure } : shape));

const CHOICES: fc.Arbitrary<EventChoice> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.nat(60),
        fc.oneof(
          { weight: 3, arbitrary: fc.constant<Onward>('ADVANCE') },
          { weight: 3, arbitrary: fc.constant<Onward>('OPEN') },
          { weight: 1, arbitrary: fc.constant<Onward>('ANY') },
        ),
        // Now and then the sample with another party, reason, route, court or amount: the right sender, a guard's test.
        fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(6) }),
      )
      .map(([pick, onward, tweak]): EventChoice => ({ mode: 'sample', pick, onward, ...(tweak === undefined ? {} : { tweak }) })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      mode: fc.constant('any' as const),
      type: fc.constantFrom(...CASE_EVENT_TYPES),
      sender: fc.constantFrom(...SENDER_PARTS),
      variant: fc.nat(6),
      malformed: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  },
);

const IF_MATCH: fc.Arbitrary<IfMatch> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('none' as const) },
  { weight: 3, arbitrary: fc.constant('current' as const) },
  { weight: 1, arbitrary: fc.constant('stale' as const) },
);

const CASE_INDEX = fc.nat(1);

const COMMANDS: fc.Arbitrary<CaseCommand>[] = [
  SHAPES.map((shape) => new CreateCase(shape)),
  ...Array.from({ length: 8 }, () => fc.tuple(CASE_INDEX, CHOICES, IF_MATCH).map(([index, choice, ifMatch]) => new SendEvent(index, choice, ifMatch))),
  fc.tuple(CASE_INDEX, CHOICES).map(([index, choice]) => new SendTwiceAtOnce(index, choice)),
  fc
    .tuple(CASE_INDEX, CHOICES, fc.constantFrom('none' as const, 'current' as const), fc.boolean())
    .map(([index, choice, ifMatch, atOnce]) => new RetryWithKey(index, choice, ifMatch, atOnce)),
  fc.integer({ min: 1, max: 12 }).map((days) => new DaysPass(days)),
];

describe('the case workflow against the pure chart, as fast-check command sequences', () => {
  const clock = new FixedClock(new Date(nowOn(START)));
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    world = new World(t, clock, await ModelDesk.open(t, clock, { admin: true }));
  });

  afterAll(async () => {
    await t.close();
    if (STATS) process.stdout.write(`${[...stats].sort(([a], [b]) => a.localeCompare(b)).map(([what, n]) => `${what}: ${n}`).join('\n')}\n`);
  });

  // A sequence takes about a second; shrinking a failure replays many more.
  it(`agrees with the model on every answer and every view, ${RUNS} sequences (MODEL_SEED=${SEED})`, async () => {
    await fc.assert(
      // Every sequence opens with a case, so that none is spent on commands that have nothing to act on.
      fc.asyncProperty(SHAPES, fc.commands(COMMANDS, { maxCommands: MAX_COMMANDS, size: 'max' }), async (first, commands) => {
        clock.set(nowOn(START));
        const sequence = [new CreateCase(first), ...commands];
        count(`commands ${Math.floor(sequence.length / 10) * 10}+`);
        await fc.asyncModelRun(() => ({ model: { today: START, cases: [] }, real: { caseIds: [] } }), sequence);
      }),
      { numRuns: RUNS, seed: SEED, ...(PATH === undefined ? {} : { path: PATH }) },
    );
  }, 120_000 + RUNS * 10_000);
});
