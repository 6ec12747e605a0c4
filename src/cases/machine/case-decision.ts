import {
  getNextTransitions,
  initialTransition,
  transition,
  type AnyTransitionDefinition,
  type SnapshotFrom,
  type StateValue,
} from 'xstate';
import type { LegalDate } from '../../calendar/legal-date';
import { mayEverSend, senderCheck, type SenderRefusalReason, type SenderRelation } from './case-senders';
import type { CaseContext } from './case.context';
import { CASE_NOTIFICATION_TYPES, type CaseNotification } from './case.effects';
import type { CaseEvent, CaseInput, LegalCalendar } from './case.events';
import { brokenRule, CASE_GUARDS_V1, contextRulesHold, type GuardSpec, type RuleClock } from './case.guards';
import { caseMachineV1, type CaseMachine } from './case.machine';
import { CASE_EVENT_TYPES, type CaseEventType, type CaseState } from './case.types';

// The one place besides the chart that speaks xstate. The service calls these inside its command
// transaction: no live actor, no subscriptions; a stored snapshot in, a decision out (STYLE §3).

export const CURRENT_MACHINE_VERSION = 1;

interface ChartVersion {
  readonly machine: CaseMachine;
  readonly guards: Readonly<Record<string, GuardSpec>>;
}

// Invariant 6: every released chart stays here, and a case always runs on the chart it started on.
const CHARTS: ReadonlyMap<number, ChartVersion> = new Map([[1, { machine: caseMachineV1, guards: CASE_GUARDS_V1 }]]);

export class UnknownMachineVersionError extends Error {
  override readonly name = 'UnknownMachineVersionError';

  constructor(readonly machineVersion: number) {
    super(`No case chart with machineVersion ${machineVersion} is registered`);
  }
}

/** The JSON stored in `cases.snapshot` (jsonb), as getPersistedSnapshot produced it. */
export interface PersistedCaseSnapshot {
  readonly status: string;
  readonly value: StateValue;
  readonly context: CaseContext;
  readonly [key: string]: unknown;
}

export interface StoredCase {
  readonly machineVersion: number;
  readonly snapshot: PersistedCaseSnapshot;
}

export type CaseEffect = CaseNotification;

export interface CreatedCase {
  readonly machineVersion: number;
  readonly snapshot: PersistedCaseSnapshot;
  readonly state: CaseState;
  readonly context: CaseContext;
  readonly effects: readonly CaseEffect[];
}

export interface AppliedDecision {
  readonly ok: true;
  readonly snapshot: PersistedCaseSnapshot;
  readonly state: CaseState;
  readonly context: CaseContext;
  readonly effects: readonly CaseEffect[];
}

export type RefusedDecision =
  | { readonly ok: false; readonly code: 'EVENT_NOT_ALLOWED_FOR_ROLE'; readonly reason: SenderRefusalReason; readonly message: string }
  | { readonly ok: false; readonly code: 'INVALID_TRANSITION'; readonly allowedEvents: readonly CaseEventType[]; readonly message: string }
  | { readonly ok: false; readonly code: 'GUARD_REJECTED'; readonly guard: string; readonly rule: string; readonly message: string };

export type Decision = AppliedDecision | RefusedDecision;

type CaseSnapshot = SnapshotFrom<CaseMachine>;

function chartFor(machineVersion: number): ChartVersion {
  const chart = CHARTS.get(machineVersion);
  if (chart === undefined) throw new UnknownMachineVersionError(machineVersion);
  return chart;
}

export function machineFor(machineVersion: number): CaseMachine {
  return chartFor(machineVersion).machine;
}

/** Opens a case on the current chart: intake.registered with its opening deadlines (DOMAIN §2). */
export function createCase(input: CaseInput): CreatedCase {
  const chart = chartFor(CURRENT_MACHINE_VERSION);
  const [snapshot, actions] = initialTransition(chart.machine, input);
  return {
    machineVersion: CURRENT_MACHINE_VERSION,
    snapshot: persist(chart.machine, snapshot),
    state: toDotted(snapshot.value),
    context: snapshot.context,
    effects: notificationsIn(actions),
  };
}

/**
 * Applies one event, or says why not, in the order of Invariant 7: the sender (403), then whether
 * this state has a transition for the event at all (409), then the guards (422).
 */
export function decide(stored: StoredCase, event: CaseEvent, relation: SenderRelation): Decision {
  const chart = chartFor(stored.machineVersion);
  const snapshot = restore(chart, stored);
  const state = toDotted(snapshot.value);
  const verdict = senderCheck(snapshot.context, state, event, relation);
  if (!verdict.allowed) {
    return { ok: false, code: 'EVENT_NOT_ALLOWED_FOR_ROLE', reason: verdict.reason, message: verdict.message };
  }
  const candidates = transitionsFor(snapshot, event.type);
  if (candidates.length === 0) {
    const allowedEvents = allowedIn(chart, snapshot, relation, event.meta);
    return { ok: false, code: 'INVALID_TRANSITION', allowedEvents, message: `${event.type} is not accepted in ${state}` };
  }
  if (!snapshot.can(event)) return guardRefusal(chart, candidates, snapshot.context, event);
  const [next, actions] = transition(chart.machine, snapshot, event);
  return {
    ok: true,
    snapshot: persist(chart.machine, next),
    state: toDotted(next.value),
    context: next.context,
    effects: notificationsIn(actions),
  };
}

/**
 * Invariant 8: the events this state accepts that this user may send and whose context-only guard
 * rules pass today. DEADLINE_EXPIRED is never a user's; a closed case accepts nothing.
 */
export function allowedEvents(
  stored: StoredCase,
  relation: SenderRelation,
  today: LegalDate,
  calendar: LegalCalendar,
): CaseEventType[] {
  const chart = chartFor(stored.machineVersion);
  return allowedIn(chart, restore(chart, stored), relation, { today, calendar });
}

export function stateOf(stored: StoredCase): CaseState {
  return toDotted(restore(chartFor(stored.machineVersion), stored).value);
}

function restore(chart: ChartVersion, stored: StoredCase): CaseSnapshot {
  // The chart has no history states and no children, so value and context are the whole state.
  return chart.machine.resolveState({ value: stored.snapshot.value, context: stored.snapshot.context });
}

function persist(machine: CaseMachine, snapshot: CaseSnapshot): PersistedCaseSnapshot {
  // xstate types a persisted snapshot as Snapshot<unknown>; for a machine it is {status, value, context, …}.
  return machine.getPersistedSnapshot(snapshot) as unknown as PersistedCaseSnapshot;
}

function transitionsFor(snapshot: CaseSnapshot, type: string): AnyTransitionDefinition[] {
  return getNextTransitions(snapshot).filter((candidate) => candidate.eventType === type);
}

function allowedIn(chart: ChartVersion, snapshot: CaseSnapshot, relation: SenderRelation, clock: RuleClock): CaseEventType[] {
  const state = toDotted(snapshot.value);
  const accepted = new Set(getNextTransitions(snapshot).map((candidate) => candidate.eventType));
  return CASE_EVENT_TYPES.filter(
    (type) =>
      accepted.has(type) &&
      mayEverSend(snapshot.context, state, type, relation) &&
      transitionsFor(snapshot, type).some((candidate) => contextGuardPasses(chart, candidate, snapshot.context, clock)),
  );
}

function contextGuardPasses(chart: ChartVersion, candidate: AnyTransitionDefinition, context: CaseContext, clock: RuleClock): boolean {
  const name = guardName(candidate.guard);
  return name === undefined || contextRulesHold(chart.guards[name], context, clock);
}

/** The first candidate whose guard breaks a rule names the refusal (transitions are tried in document order). */
function guardRefusal(
  chart: ChartVersion,
  candidates: readonly AnyTransitionDefinition[],
  context: CaseContext,
  event: CaseEvent,
): RefusedDecision {
  for (const candidate of candidates) {
    const name = guardName(candidate.guard);
    const broken = name === undefined ? undefined : brokenRule(chart.guards[name], context, event);
    if (name !== undefined && broken !== undefined) {
      return { ok: false, code: 'GUARD_REJECTED', guard: name, rule: broken.name, message: broken.message };
    }
  }
  const guard = guardName(candidates[0].guard) ?? 'unknown';
  return { ok: false, code: 'GUARD_REJECTED', guard, rule: guard, message: `${event.type} was refused by its guard` };
}

// Named guards appear as their name, or as {type, params} when parameterised.
function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard && typeof guard.type === 'string') return guard.type;
  return undefined;
}

function isNotification(action: { readonly type: string }): action is CaseNotification {
  return (CASE_NOTIFICATION_TYPES as readonly string[]).includes(action.type);
}

// transition() returns the chart's non-assign actions unrun; only the notifications are the service's to execute.
function notificationsIn(actions: readonly { readonly type: string; readonly params?: unknown }[]): CaseEffect[] {
  return actions.filter(isNotification).map((action) => ({ type: action.type, params: action.params }) as CaseEffect);
}

/** {mediation: 'active'} → 'mediation.active'. */
export function toDotted(value: StateValue): CaseState {
  return dotted(value) as CaseState;
}

function dotted(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] as [string, StateValue];
  return `${key}.${dotted(child)}`;
}
