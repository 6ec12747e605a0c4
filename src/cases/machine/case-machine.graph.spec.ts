import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { decide, toDotted } from './case-decision';
import { acceptedEventTypes, anySampleStep, toCaseEvent, TRANSITION_TABLE } from './case-machine.fixtures';
import { caseTraversal as traversal, paidState, reachableSnapshots, stepsFrom, storedOf } from './case-machine.traversal';
import { caseMachineV1 } from './case.machine';
import { CASE_EVENT_TYPES, CASE_STATES, SIGNATURE_PARTIES, type CaseState } from './case.types';
import { toFen } from './money';

interface TakenTransition {
  readonly from: CaseState;
  readonly event: string;
  readonly to: CaseState | '=';
}

describe('case chart v1 as a graph (xstate/graph)', () => {
  const snapshots = reachableSnapshots();

  it('reaches every state of DOMAIN §3 by a shortest path from intake.registered', () => {
    const reached = new Set(getShortestPaths(caseMachineV1, traversal).map((path) => toDotted(path.state.value)));

    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
  });

  it('takes every transition #1–#24 from some reachable snapshot, through decide() with the sample sender', () => {
    const taken = new Set<string>();
    for (const snapshot of snapshots) {
      const from = toDotted(snapshot.value);
      for (const step of stepsFrom(snapshot)) {
        const decision = decide(storedOf(snapshot), toCaseEvent(step), step.relation);
        if (decision.ok) taken.add(JSON.stringify({ from, event: step.type, to: decision.state === from ? '=' : decision.state }));
      }
    }
    const expected = TRANSITION_TABLE.map(({ from, event, to }): TakenTransition => ({ from, event, to }));

    expect(expected.filter((row) => !taken.has(JSON.stringify(row)))).toEqual([]);
    expect([...taken].map((row) => JSON.parse(row) as TakenTransition).filter((row) => !expected.some((e) => JSON.stringify(e) === JSON.stringify(row)))).toEqual([]);
  });

  it('accepts every sample event it offers, so the fixtures stay valid for the HTTP model test', () => {
    const refused = snapshots.flatMap((snapshot) =>
      stepsFrom(snapshot)
        .map((step) => ({ state: toDotted(snapshot.value), step: step.type, decision: decide(storedOf(snapshot), toCaseEvent(step), step.relation) }))
        .filter(({ decision }) => !decision.ok),
    );

    expect(refused).toEqual([]);
  });

  it('enumerates simple paths from a fresh effective agreement, one of them to ENFORCEMENT through agreement.confirmed', () => {
    const effective = snapshots.find((snapshot) => toDotted(snapshot.value) === 'agreement.effective' && paidState(snapshot.context) === 'unpaid');
    // Leaving the agreement group (re-mediation after a refusal, closure) ends a path: the whole chart has too many.
    const paths = getSimplePaths(caseMachineV1, {
      ...traversal,
      fromState: effective,
      stopWhen: (snapshot) => !toDotted(snapshot.value).startsWith('agreement.'),
      toState: (snapshot) => snapshot.context.referral?.route === 'ENFORCEMENT',
    });
    const viaConfirmed = paths.find((path) => path.steps.some((step) => toDotted(step.state.value) === 'agreement.confirmed'));

    expect(viaConfirmed?.state.context.judicialConfirmation.status).toBe('CONFIRMED');
    expect(viaConfirmed?.steps.map((step) => step.event.type)).toEqual(
      expect.arrayContaining(['REQUEST_JUDICIAL_CONFIRMATION', 'CONFIRM_JUDICIALLY', 'REPORT_DEFAULT', 'REFER']),
    );
  });
});

describe('every (state, event type) pair of chart v1 against the table of DOMAIN §3', () => {
  const snapshots = reachableSnapshots();
  const inState = (state: CaseState) => snapshots.filter((snapshot) => toDotted(snapshot.value) === state);
  // A mediator is assigned wherever possible, so a refusal is about the state and not about who sends it.
  const representative = (state: CaseState) =>
    inState(state).find((snapshot) => snapshot.context.assignedMediatorId !== undefined) ?? inState(state)[0];
  const pairs = CASE_STATES.flatMap((state) =>
    CASE_EVENT_TYPES.map((type) => ({ state, type, expected: acceptedEventTypes(state).includes(type) ? 'accepted' : '409' })),
  );

  it.each(pairs)('$state × $type is $expected', ({ state, type, expected }) => {
    if (expected === 'accepted') {
      const accepted = inState(state).some((snapshot) =>
        stepsFrom(snapshot)
          .filter((step) => step.type === type)
          .some((step) => decide(storedOf(snapshot), toCaseEvent(step), step.relation).ok),
      );
      expect(accepted).toBe(true);
    } else {
      const snapshot = representative(state);
      const step = anySampleStep(type, snapshot.context);
      expect(decide(storedOf(snapshot), toCaseEvent(step), step.relation)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    }
  });
});

describe('invariants over every reachable snapshot', () => {
  const snapshots = reachableSnapshots();

  it('5: agreement.effective always has four signatures and effectiveOn', () => {
    const effective = snapshots.filter((snapshot) => toDotted(snapshot.value) === 'agreement.effective');

    expect(effective.length).toBeGreaterThan(0);
    for (const { context } of effective) {
      expect(SIGNATURE_PARTIES.filter((party) => context.signatures[party] === undefined)).toEqual([]);
      expect(context.effectiveOn).toBeDefined();
    }
  });

  it('5: the total paid never exceeds agreedTotal and always equals the sum of the payments', () => {
    for (const { context } of snapshots) {
      const paid = context.payments.reduce((total, payment) => total + toFen(payment.amount), 0n);
      expect(toFen(context.paidTotal)).toBe(paid);
      if (context.agreedTotal !== undefined) expect(paid <= toFen(context.agreedTotal)).toBe(true);
    }
  });

  it('a closed case has no PENDING deadline other than the limitation of an unresolved dispute', () => {
    const closed = snapshots.filter((snapshot) => toDotted(snapshot.value).startsWith('closed.'));

    for (const { context } of closed) {
      const pending = context.deadlines.filter((entry) => entry.status === 'PENDING').map((entry) => entry.kind);
      expect(pending.filter((kind) => kind !== 'ARBITRATION_LIMITATION')).toEqual([]);
    }
  });

  it('keeps at most one PENDING entry per kind, except one PAYMENT_DUE per instalment', () => {
    for (const { context } of snapshots) {
      const pendingKinds = context.deadlines.filter((entry) => entry.status === 'PENDING' && entry.kind !== 'PAYMENT_DUE').map((entry) => entry.kind);
      expect(new Set(pendingKinds).size).toBe(pendingKinds.length);
    }
  });
});
