import type { SnapshotFrom, StateValue } from 'xstate';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { currentDeadline, isPaused } from './case-deadlines';
import { createCase, decide, machineFor, stateOf, toDotted, CURRENT_MACHINE_VERSION, type StoredCase } from './case-decision';
import { sampleCaseInput, sampleSteps, toCaseEvent, type SampleSender, type SampleStep } from './case-machine.fixtures';
import type { CaseContext } from './case.context';
import type { CaseEvent, CaseInput } from './case.events';
import { caseMachineV1, type CaseMachine } from './case.machine';
import type { CaseEventType, CaseState } from './case.types';
import { compareMoney } from './money';

// Test support, like the fixtures: the case chart as a graph for xstate/graph. The unit graph test
// walks it; the HTTP model test (test/cases/case-model.e2e-spec.ts) replays paths through it over
// the API. Both must walk the same graph, so the traversal lives here and nowhere else.

export type CaseSnapshot = SnapshotFrom<CaseMachine>;

/** What serializeState reads: a live snapshot and a persisted one both have it. */
interface SnapshotLike {
  readonly value: StateValue;
  readonly context: CaseContext;
}

// The graph is walked over an abstraction of the context (who is assigned, whether the clock is
// paused, which parties signed, how much is paid, the confirmation status): enough to tell apart
// every situation a guard cares about, few enough vertices to enumerate.
export function paidState(context: CaseContext): string {
  if (context.agreedTotal === undefined || context.paidTotal === '0.00') return 'unpaid';
  return compareMoney(context.paidTotal, context.agreedTotal) === 0 ? 'paid' : 'part-paid';
}

export function serializeState(snapshot: SnapshotLike): string {
  const context = snapshot.context;
  const period = currentDeadline(context.deadlines, 'MEDIATION_PERIOD');
  return JSON.stringify([
    toDotted(snapshot.value),
    context.assignedMediatorId !== undefined,
    period === undefined ? 'no-period' : isPaused(period) ? 'paused' : 'running',
    Object.keys(context.signatures).sort().join('+'),
    paidState(context),
    context.judicialConfirmation.status,
  ]);
}

export function serializeEvent(event: CaseEvent): string {
  const { meta, ...payload } = event;
  return JSON.stringify({ ...payload, today: meta.today, actor: meta.actor });
}

export function stepsFrom(snapshot: SnapshotLike): SampleStep[] {
  return sampleSteps(toDotted(snapshot.value), snapshot.context);
}

/** The traversal options both tests hand to xstate/graph. */
export const caseTraversal = {
  input: sampleCaseInput(),
  events: (snapshot: CaseSnapshot) => stepsFrom(snapshot).map((step) => toCaseEvent(step)),
  serializeState,
  serializeEvent,
};

export function storedOf(snapshot: CaseSnapshot): StoredCase {
  const persisted = machineFor(CURRENT_MACHINE_VERSION).getPersistedSnapshot(snapshot);
  return { machineVersion: CURRENT_MACHINE_VERSION, snapshot: JSON.parse(JSON.stringify(persisted)) };
}

export function reachableSnapshots(): CaseSnapshot[] {
  return Object.values(getAdjacencyMap(caseMachineV1, caseTraversal)).map((vertex) => vertex.state);
}

/**
 * One edge of the graph as coverage counts it: the (from, event, to) of the DOMAIN §3 table, who
 * sends it, and the payload value a sender rule or guard tells apart (signing party, refusal or
 * suspension reason, referral route).
 */
export interface ModelTransition {
  readonly from: CaseState;
  readonly event: CaseEventType;
  readonly to: CaseState | '=';
  readonly sender: SampleSender;
  readonly variant?: string;
}

export function transitionKey(transition: ModelTransition): string {
  const variant = transition.variant === undefined ? '' : `(${transition.variant})`;
  return `${transition.from} ${transition.event}${variant} by ${transition.sender} -> ${transition.to}`;
}

function variantOf(step: SampleStep): string | undefined {
  switch (step.type) {
    case 'SIGN':
      return step.payload.party;
    case 'RESPONDENT_REFUSES':
    case 'SUSPEND':
      return step.payload.reason;
    case 'REFER':
      return step.payload.route;
    default:
      return undefined;
  }
}

function transitionOf(step: SampleStep, from: CaseState, to: CaseState): ModelTransition {
  const variant = variantOf(step);
  return { from, event: step.type, to: to === from ? '=' : to, sender: step.sender, ...(variant === undefined ? {} : { variant }) };
}

/** One event of a model path, with the case as the pure decision layer has it before and after. */
export interface ModelStep {
  readonly sample: SampleStep;
  readonly transition: ModelTransition;
  readonly before: StoredCase;
  readonly after: StoredCase;
}

export interface ModelPath {
  /** The transition the path was chosen for, which ends it: for test names and failure messages. */
  readonly name: string;
  readonly input: CaseInput;
  readonly steps: readonly ModelStep[];
}

/** An abstract step of a graph path: the edge as coverage counts it, the event as serialized, the vertex it leads to. */
interface PlannedStep {
  readonly transition: string;
  readonly event: string;
  readonly next: string;
}

interface GraphEdge extends PlannedStep {
  readonly vertex: string;
  readonly covers: ModelTransition;
}

function graphEdges(traversal: typeof caseTraversal): GraphEdge[] {
  const adjacency = getAdjacencyMap(caseMachineV1, traversal);
  return Object.entries(adjacency).flatMap(([vertex, { state, transitions }]) => {
    const samples = new Map(stepsFrom(state).map((step) => [serializeEvent(toCaseEvent(step)), step]));
    // The keys are serializeEvent's strings; xstate brands them, which Object.entries cannot see through.
    const outgoing = Object.entries(transitions) as [string, { readonly state: CaseSnapshot }][];
    return outgoing.map(([event, { state: next }]): GraphEdge => {
      const sample = samples.get(event);
      if (sample === undefined) throw new Error(`No sample step for the edge ${event} from ${vertex}`);
      const covers = transitionOf(sample, toDotted(state.value), toDotted(next.value));
      return { vertex, event, next: serializeState(next), transition: transitionKey(covers), covers };
    });
  });
}

/** Every distinct edge of the graph from a case opened with `input`, by transitionKey. */
export function graphTransitions(input: CaseInput = caseTraversal.input): ModelTransition[] {
  return [...new Map(graphEdges({ ...caseTraversal, input }).map((edge) => [edge.transition, edge.covers])).values()];
}

/** A path through the graph, ending in the edge it was chosen for. */
type Plan = readonly GraphEdge[];

/**
 * The paths the HTTP model test replays: for every distinct edge of the graph, the shortest path
 * (xstate/graph getShortestPaths) to the edge's source followed by the edge; paths that are a
 * prefix of another are dropped. Each path is made concrete by replaying it from a new case with
 * decide(), so every step carries the sample step (sender, payload, today) and the stored case
 * before and after it.
 */
export function modelPaths(input: CaseInput = caseTraversal.input): ModelPath[] {
  const traversal = { ...caseTraversal, input };
  const edges = graphEdges(traversal);
  const edgeAt = new Map(edges.map((edge) => [`${edge.vertex}|${edge.event}`, edge]));
  const initial = serializeState(createCase(input).snapshot);
  const shortest = new Map(
    getShortestPaths(caseMachineV1, traversal).map((path) => {
      let vertex = initial;
      // steps[0] is the initial snapshot; every later step is the snapshot an event led to, with that event.
      const steps = path.steps.slice(1).map((step): GraphEdge => {
        const edge = edgeAt.get(`${vertex}|${serializeEvent(step.event)}`);
        if (edge === undefined) throw new Error(`The shortest path to ${serializeState(path.state)} leaves the graph at ${vertex}`);
        vertex = edge.next;
        return edge;
      });
      return [serializeState(path.state), steps];
    }),
  );
  const plans = new Map<string, Plan>();
  for (const edge of edges) {
    const head = shortest.get(edge.vertex);
    if (head === undefined) throw new Error(`No shortest path to ${edge.vertex}`);
    const known = plans.get(edge.transition);
    if (known === undefined || head.length + 1 < known.length) plans.set(edge.transition, [...head, edge]);
  }
  return withoutPrefixes([...plans.values()]).map((plan) => concretePath(input, plan));
}

/** Drops every plan that is the start of a longer one, which takes its edges anyway. */
function withoutPrefixes(plans: readonly Plan[]): Plan[] {
  const isPrefix = (short: Plan, long: Plan) =>
    short.length <= long.length && short.every((step, i) => step.event === long[i].event && step.next === long[i].next);
  const kept: Plan[] = [];
  for (const plan of [...plans].sort((a, b) => b.length - a.length)) {
    if (!kept.some((longer) => isPrefix(plan, longer))) kept.push(plan);
  }
  return kept;
}

function concretePath(input: CaseInput, plan: Plan): ModelPath {
  const created = createCase(input);
  let stored: StoredCase = { machineVersion: created.machineVersion, snapshot: created.snapshot };
  const steps: ModelStep[] = [];
  for (const plannedStep of plan) {
    const step = concreteStep(stored, plannedStep);
    steps.push(step);
    stored = step.after;
  }
  return { name: plan[plan.length - 1].transition, input, steps };
}

/**
 * The sample step the graph took here, found again among the steps this concrete case offers: the
 * graph keeps one snapshot per vertex, so a later case in the same vertex may have other dates.
 */
function concreteStep(before: StoredCase, planned: PlannedStep): ModelStep {
  const from = stateOf(before);
  const candidates = sampleSteps(from, before.snapshot.context).flatMap((sample): ModelStep[] => {
    const decision = decide(before, toCaseEvent(sample), sample.relation);
    if (!decision.ok) return [];
    const after: StoredCase = { machineVersion: before.machineVersion, snapshot: decision.snapshot };
    if (serializeState(after.snapshot) !== planned.next) return [];
    return [{ sample, transition: transitionOf(sample, from, decision.state), before, after }];
  });
  const exact = candidates.find((candidate) => serializeEvent(toCaseEvent(candidate.sample)) === planned.event);
  const chosen = exact ?? candidates.find((candidate) => transitionKey(candidate.transition) === planned.transition);
  if (chosen === undefined) throw new Error(`No sample step in ${from} takes ${planned.event} to ${planned.next}`);
  return chosen;
}
