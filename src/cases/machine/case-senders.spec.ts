import { mayEverSend, senderCheck, type SenderRelation } from './case-senders';
import { relationFor, SampleCase, SAMPLE_IDS, toCaseEvent, type SampleSender } from './case-machine.fixtures';
import type { CaseEventType } from './case.types';

const admin: SenderRelation = { role: 'ADMIN', isAssignedMediator: false, isOrgMediator: false, isReviewCourtLiaison: false, isSystem: false };
const otherCourtLiaison: SenderRelation = { ...relationFor('COURT_LIAISON'), isReviewCourtLiaison: false };

function check(sample: SampleCase, type: CaseEventType, sender: SampleSender, payload: Record<string, unknown> = {}, relation = relationFor(sender)) {
  const event = toCaseEvent(sample.stepFor(type, { sender, payload }));
  return senderCheck(sample.context, sample.state, event, relation);
}

function inMediation(): SampleCase {
  return SampleCase.open().given('ACCEPT').given('RESPONDENT_CONSENTS');
}

describe(senderCheck.name, () => {
  it('lets the assigned mediator, a queue mediator and a supervisor accept a case in the intake queue', () => {
    const sample = SampleCase.open();

    for (const sender of ['QUEUE_MEDIATOR', 'SUPERVISOR'] as const) expect(check(sample, 'ACCEPT', sender)).toEqual({ allowed: true });
    expect(check(SampleCase.open({ assignedMediatorId: SAMPLE_IDS.mediatorId }), 'ACCEPT', 'ASSIGNED_MEDIATOR')).toEqual({ allowed: true });
  });

  it('closes the queue once the case is assigned or leaves intake', () => {
    const assigned = SampleCase.open({ assignedMediatorId: SAMPLE_IDS.otherMediatorId });

    expect(check(assigned, 'ACCEPT', 'QUEUE_MEDIATOR')).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
    expect(check(inMediation(), 'WITHDRAW', 'QUEUE_MEDIATOR')).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
  });

  it('lets a queue mediator assign the case to themselves only', () => {
    const sample = SampleCase.open();

    expect(check(sample, 'ASSIGN_MEDIATOR', 'QUEUE_MEDIATOR', { mediatorId: SAMPLE_IDS.mediatorId })).toEqual({ allowed: true });
    expect(check(sample, 'ASSIGN_MEDIATOR', 'QUEUE_MEDIATOR', { mediatorId: SAMPLE_IDS.otherMediatorId })).toMatchObject({
      allowed: false,
      reason: 'SELF_ASSIGNMENT_ONLY',
    });
    expect(check(sample, 'ASSIGN_MEDIATOR', 'SUPERVISOR', { mediatorId: SAMPLE_IDS.otherMediatorId })).toEqual({ allowed: true });
  });

  it('does not let the assigned mediator reassign the case', () => {
    expect(check(inMediation(), 'ASSIGN_MEDIATOR', 'ASSIGNED_MEDIATOR', { mediatorId: SAMPLE_IDS.otherMediatorId })).toMatchObject({
      allowed: false,
      reason: 'NOT_A_SENDER',
    });
  });

  it('keeps RECORD_SESSION and REACH_AGREEMENT with the assigned mediator, who was in the room', () => {
    const sample = inMediation();

    expect(check(sample, 'RECORD_SESSION', 'SUPERVISOR')).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
    expect(check(sample, 'REACH_AGREEMENT', 'SUPERVISOR')).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
    expect(check(sample, 'REACH_AGREEMENT', 'ASSIGNED_MEDIATOR')).toEqual({ allowed: true });
  });

  it('answers 403 to a user who sends DEADLINE_EXPIRED, a timer-only event', () => {
    expect(check(inMediation(), 'DEADLINE_EXPIRED', 'SUPERVISOR')).toMatchObject({ allowed: false, reason: 'SYSTEM_ONLY' });
  });

  it('lets only the timer record NO_REPLY, and the timer nothing but NO_REPLY', () => {
    const sample = SampleCase.open().given('ACCEPT');

    expect(check(sample, 'RESPONDENT_REFUSES', 'ASSIGNED_MEDIATOR', { reason: 'NO_REPLY' })).toMatchObject({ allowed: false, reason: 'SYSTEM_ONLY' });
    expect(check(sample, 'RESPONDENT_REFUSES', 'SYSTEM', { reason: 'REFUSED' })).toMatchObject({ allowed: false, reason: 'REASON_NOT_ALLOWED' });
    expect(check(sample, 'RESPONDENT_REFUSES', 'SYSTEM', { reason: 'NO_REPLY' })).toEqual({ allowed: true });
    expect(check(sample, 'RESPONDENT_REFUSES', 'SUPERVISOR', { reason: 'UNREACHABLE' })).toEqual({ allowed: true });
  });

  it('refuses the timer any user event', () => {
    expect(check(inMediation(), 'EXTEND', 'SYSTEM')).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
  });

  it.each([
    ['ASSIGNED_MEDIATOR', 'APPLICANT', true],
    ['ASSIGNED_MEDIATOR', 'RESPONDENT', true],
    ['ASSIGNED_MEDIATOR', 'MEDIATOR', true],
    ['ASSIGNED_MEDIATOR', 'ORGANIZATION', false],
    ['SUPERVISOR', 'APPLICANT', true],
    ['SUPERVISOR', 'RESPONDENT', true],
    ['SUPERVISOR', 'ORGANIZATION', true],
    ['SUPERVISOR', 'MEDIATOR', false],
  ] as const)('SIGN: %s may record the %s signature: %s (#14)', (sender, party, allowed) => {
    const sample = inMediation().given('REACH_AGREEMENT');

    expect(check(sample, 'SIGN', sender, { party })).toMatchObject(allowed ? { allowed: true } : { allowed: false, reason: 'PARTY_NOT_ALLOWED' });
  });

  it('lets only the liaison of the review court rule on the confirmation', () => {
    const sample = inMediation().given('REACH_AGREEMENT').signAll().given('REQUEST_JUDICIAL_CONFIRMATION');

    expect(check(sample, 'CONFIRM_JUDICIALLY', 'COURT_LIAISON')).toEqual({ allowed: true });
    expect(check(sample, 'CONFIRM_JUDICIALLY', 'COURT_LIAISON', {}, otherCourtLiaison)).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
    expect(check(sample, 'REFUSE_CONFIRMATION', 'SUPERVISOR')).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
  });

  it('gives an administrator, who reads cases masked, no event at all', () => {
    const sample = SampleCase.open();

    for (const type of ['ACCEPT', 'REJECT', 'WITHDRAW', 'ASSIGN_MEDIATOR'] as const) {
      expect(check(sample, type, 'SUPERVISOR', {}, admin)).toMatchObject({ allowed: false, reason: 'NOT_A_SENDER' });
    }
  });
});

describe(mayEverSend.name, () => {
  it('offers SIGN while a party the sender may sign for is unsigned', () => {
    const sample = inMediation().given('REACH_AGREEMENT').given('SIGN', { payload: { party: 'ORGANIZATION' }, sender: 'SUPERVISOR' });

    expect(mayEverSend(sample.context, sample.state, 'SIGN', relationFor('SUPERVISOR'))).toBe(true);
    sample.given('SIGN', { payload: { party: 'APPLICANT' } }).given('SIGN', { payload: { party: 'RESPONDENT' } });
    expect(mayEverSend(sample.context, sample.state, 'SIGN', relationFor('SUPERVISOR'))).toBe(false);
    expect(mayEverSend(sample.context, sample.state, 'SIGN', relationFor('ASSIGNED_MEDIATOR'))).toBe(true);
  });
});
