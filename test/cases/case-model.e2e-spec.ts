import { CaseWorkflowService } from '../../src/cases/case-workflow.service';
import { stateOf, type StoredCase } from '../../src/cases/machine/case-decision';
import { instantOn, SAMPLE_IDS, sampleCaseInput, TRANSITION_TABLE } from '../../src/cases/machine/case-machine.fixtures';
import {
  graphTransitions,
  modelPaths,
  transitionKey,
  type ModelPath,
  type ModelStep,
  type ModelTransition,
} from '../../src/cases/machine/case-machine.traversal';
import { CASE_STATES, type CaseEventType } from '../../src/cases/machine/case.types';
import { FixedClock } from '../../src/common/clock/clock';
import type { Body, CaseDetail } from '../factories/case.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { expectAt, ModelDesk, observedView, type Person } from '../model/case-model-desk';

// DOMAIN §3 as a model test (STYLE §7): the paths that xstate/graph finds through chart v1 (every state, every
// transition) are replayed over HTTP against the real app and PostgreSQL. After every event the server's state,
// version, allowedEvents and deadlines must equal what the pure decision layer says for the same events, for the
// user who acted and for everyone else who can see the case.

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

describe('the case chart as a model, replayed over HTTP (xstate/graph paths)', () => {
  const clock = new FixedClock(new Date('2026-03-01T00:00:00+08:00'));
  let t: TestApp;
  let desk: ModelDesk;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    desk = await ModelDesk.open(t, clock);
  });

  afterAll(async () => {
    await t.close();
  });

  /** Who sends the sample step: its actor, except that a court's event comes from the liaison of the reviewing court. */
  function senderOf(step: ModelStep): Person | 'SYSTEM' {
    const { sample, before } = step;
    if (sample.sender === 'SYSTEM') return 'SYSTEM';
    const person =
      sample.sender === 'COURT_LIAISON'
        ? desk.people.find((candidate) => candidate.role === 'COURT_LIAISON' && candidate.courtId === before.snapshot.context.reviewCourtId)
        : sample.actor.kind === 'USER'
          ? desk.personWith(sample.actor.userId)
          : undefined;
    if (person === undefined) throw new Error(`Nobody here sends ${sample.type} as ${sample.sender}`);
    return person;
  }

  function eventBody(step: ModelStep): Body {
    return desk.eventBody(step.sample.type, step.sample.payload);
  }

  async function register(path: ModelPath): Promise<string> {
    const receivedOn = path.input.receivedOn;
    clock.set(instantOn(receivedOn));
    const { actor } = path.input.meta;
    if (actor.kind !== 'USER') throw new Error('Only a user registers a case');
    const registrar = desk.personWith(actor.userId);
    const res = await t.request({ method: 'POST', url: '/api/cases', payload: desk.intakeBody(path.input), headers: await desk.authOf(registrar) });
    expectAt(`${describePath(path)}, intake`, observedView(res), { ...desk.expectedView(registrar, modelStart(path), 1, receivedOn), status: 201 });
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
    expectAt(`${where}: the sample sender mapped to ${sender.sampleId}`, desk.relationOf(sender, step.before.snapshot.context), step.sample.relation);
    const res = await t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: eventBody(step), headers: await desk.authOf(sender) });
    expectAt(`${where}, answer to ${sender.sampleId}`, observedView(res), desk.expectedView(sender, step.after, version, step.sample.today));
  }

  /** Everyone else looks at the case: those who may see it get the model's view of it for them, the others 404. */
  async function look(path: ModelPath, index: number, caseId: string): Promise<void> {
    const step = path.steps[index];
    const sender = senderOf(step);
    for (const person of desk.people.filter((candidate) => candidate !== sender)) {
      const res = await t.request({ method: 'GET', url: `/api/cases/${caseId}`, headers: await desk.authOf(person) });
      const where = `${describeStep(path, index)}, seen by ${person.sampleId}`;
      if (desk.sees(person, step.after)) expectAt(where, observedView(res), desk.expectedView(person, step.after, index + 2, step.sample.today));
      else expectAt(where, res.statusCode, 404);
    }
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
        const events = await desk.countRows('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [caseId]);
        const audited = await desk.countRows("SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_EVENT'", [caseId]);
        const created = await desk.countRows("SELECT count(*) AS n FROM audit_entries WHERE case_id = $1 AND action = 'CASE_CREATED'", [caseId]);
        expectAt(`${describePath(path)}, rows at the end`, { events, audited, created }, { events: version - 1, audited: version - 1, created: 1 });
      });
    });
  });

  it('leaves an audit trail that verifies', async () => {
    const supervisor = desk.personWith(SAMPLE_IDS.supervisorId);
    const res = await t.request({ method: 'GET', url: '/api/audit/verify', headers: await desk.authOf(supervisor) });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
  });
});
