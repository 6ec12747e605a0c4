import { addDays } from '../../calendar/legal-date';
import {
  allowedEvents,
  createCase,
  CURRENT_MACHINE_VERSION,
  decide,
  machineFor,
  UnknownMachineVersionError,
  type Decision,
  type StoredCase,
} from './case-decision';
import {
  d,
  relationFor,
  sampleCalendar,
  sampleCaseInput,
  SampleCase,
  sampleTerms,
  sampleToday,
  SAMPLE_IDS,
  toCaseEvent,
} from './case-machine.fixtures';
import type { CaseContext, DeadlineEntry } from './case.context';
import type { CaseInput } from './case.events';

// Shorthands: a case in mediation, and one whose agreement has just taken effect, both on 2026-03-02
// unless the input says otherwise.
function inMediation(overrides: Partial<Omit<CaseInput, 'meta'>> = {}): SampleCase {
  return SampleCase.open(overrides).given('ACCEPT').given('RESPONDENT_CONSENTS');
}

function effective(overrides: Partial<Omit<CaseInput, 'meta'>> = {}): SampleCase {
  return inMediation(overrides).given('REACH_AGREEMENT').signAll();
}

/** The sample terms for this case's current date, to be varied by a test. */
function termsFor(sample: SampleCase): Record<string, unknown> {
  return { ...sampleTerms(sampleToday(sample.context)) };
}

function deadline(context: CaseContext, key: string): DeadlineEntry | undefined {
  return context.deadlines.find((entry) => entry.key === key);
}

function kinds(context: CaseContext, status: DeadlineEntry['status']): string[] {
  return context.deadlines.filter((entry) => entry.status === status).map((entry) => entry.key);
}

function expectGuardRefusal(decision: Decision, guard: string, rule: string): void {
  expect(decision).toMatchObject({ ok: false, code: 'GUARD_REJECTED', guard, rule });
}

const ruleOf = (decision: Decision) => (decision.ok ? 'applied' : decision.code === 'GUARD_REJECTED' ? decision.rule : decision.code);

describe(createCase.name, () => {
  it('opens in intake.registered on the current chart version', () => {
    const created = createCase(sampleCaseInput());

    expect(created).toMatchObject({ machineVersion: CURRENT_MACHINE_VERSION, state: 'intake.registered', effects: [] });
    expect(created.context).toMatchObject({ collective: true, paidTotal: '0.00', judicialConfirmation: { status: 'NONE' } });
  });

  it('treats fewer than 10 workers as an individual case (LDMAL Art.7)', () => {
    expect(createCase(sampleCaseInput({ workerCount: 9 })).context.collective).toBe(false);
  });

  it('E3: gives the acceptance decision 3 working days from Friday 2026-02-13, due 2026-02-25', () => {
    const { context } = createCase(sampleCaseInput({ receivedOn: d('2026-02-13') }));

    expect(deadline(context, 'ACCEPTANCE_DECISION#1')).toMatchObject({ unit: 'WORKING_DAYS', days: 3, dueOn: '2026-02-25', calendarVerified: true });
  });

  it('E1: a union case gets 15 days from receipt on 2026-09-16, due 2026-10-08 after National Day (LDMAL Art.14)', () => {
    const entry = deadline(createCase(sampleCaseInput({ receivedOn: d('2026-09-16') })).context, 'MEDIATION_PERIOD#1');

    expect(entry).toMatchObject({ startsOn: '2026-09-16', days: 15, unit: 'CALENDAR_DAYS', dueOn: '2026-10-08', status: 'PENDING' });
    expect(entry?.basis).toContain('LDMAL Art.14');
  });

  it('E6: a delegated case gets 30 days from 2026-01-16, due 2026-02-24 after the Spring Festival', () => {
    const input = sampleCaseInput({ source: 'COURT_DELEGATED', courtOrgId: SAMPLE_IDS.courtOrgId, receivedOn: d('2026-01-16') });

    expect(deadline(createCase(input).context, 'MEDIATION_PERIOD#1')).toMatchObject({ days: 30, dueOn: '2026-02-24' });
  });

  it('E7: an entrusted simple-procedure case gets 7 days from 2026-06-12, due 2026-06-22 after Dragon Boat', () => {
    const input = sampleCaseInput({
      source: 'COURT_ENTRUSTED',
      courtOrgId: SAMPLE_IDS.courtOrgId,
      courtProcedure: 'SIMPLE',
      receivedOn: d('2026-06-12'),
    });

    expect(deadline(createCase(input).context, 'MEDIATION_PERIOD#1')).toMatchObject({ days: 7, dueOn: '2026-06-22' });
  });

  it('gives an entrusted ordinary-procedure case 15 days (Invited Art.27)', () => {
    const input = sampleCaseInput({ source: 'COURT_ENTRUSTED', courtOrgId: SAMPLE_IDS.courtOrgId, courtProcedure: 'ORDINARY' });

    expect(deadline(createCase(input).context, 'MEDIATION_PERIOD#1')).toMatchObject({ days: 15, dueOn: '2026-03-17' });
  });

  it('E10: marks a period that runs into 2027, which has no holiday notice yet, unverified', () => {
    const entry = deadline(createCase(sampleCaseInput({ receivedOn: d('2026-12-20') })).context, 'MEDIATION_PERIOD#1');

    expect(entry).toMatchObject({ dueOn: '2027-01-04', calendarVerified: false });
  });

  it('E14: starts a one-year limitation on knew 2025-10-01 for a non-pay claim, due 2026-10-08', () => {
    const input = sampleCaseInput({ claimTypes: ['SOCIAL_INSURANCE'], knewOrShouldHaveKnownAt: d('2025-10-01'), receivedOn: d('2026-03-02') });

    expect(deadline(createCase(input).context, 'ARBITRATION_LIMITATION#1')).toMatchObject({
      startsOn: '2025-10-01',
      unit: 'YEARS',
      days: 1,
      dueOn: '2026-10-08',
    });
  });

  it('creates no limitation for pay claims of workers still employed (LDMAL Art.27 ¶4)', () => {
    const input = sampleCaseInput({ applicants: [{ employmentRelation: 'CURRENT' }], workerCount: 1 });

    expect(createCase(input).context.deadlines.map((entry) => entry.kind)).toEqual(['ACCEPTANCE_DECISION', 'MEDIATION_PERIOD']);
  });
});

describe(decide.name, () => {
  describe('order of checks (Invariant 7)', () => {
    it('answers 403 before 409: a liaison sending ACCEPT to a closed case is refused for the sender', () => {
      const closed = SampleCase.open().given('WITHDRAW');

      expect(closed.send('ACCEPT', { sender: 'COURT_LIAISON' })).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED_FOR_ROLE' });
    });

    it('answers 409 with allowedEvents when the state has no transition for the event', () => {
      const decision = SampleCase.open().send('SIGN', { sender: 'SUPERVISOR' });

      expect(decision).toEqual({
        ok: false,
        code: 'INVALID_TRANSITION',
        allowedEvents: ['ACCEPT', 'REJECT', 'ASSIGN_MEDIATOR', 'WITHDRAW'],
        message: 'SIGN is not accepted in intake.registered',
      });
    });

    it('answers 409, not 422, for a broken payload in a state without the transition', () => {
      const decision = SampleCase.open().send('EXTEND', { payload: { days: 99, applicantConsents: false } });

      expect(decision).toMatchObject({ code: 'INVALID_TRANSITION' });
    });

    it('answers 422 with the refusing guard and its rule once the transition exists', () => {
      const decision = SampleCase.open().send('REJECT', { payload: { reason: 'OTHER', note: '  ' } });

      expect(decision).toMatchObject({ ok: false, code: 'GUARD_REJECTED', guard: 'rejectionNoted', rule: 'noteForOtherReason' });
    });

    it('changes nothing on a refusal: the stored snapshot is not touched', () => {
      const sample = SampleCase.open();
      const before = JSON.stringify(sample.stored);

      sample.send('REJECT', { payload: { reason: 'OTHER', note: undefined } });

      expect(JSON.stringify(sample.stored)).toBe(before);
    });
  });

  describe('guards (DOMAIN §3)', () => {
    it('rejectionNoted: REJECT needs a note only for OTHER', () => {
      expect(SampleCase.open().send('REJECT', { payload: { reason: 'DUPLICATE', note: undefined } })).toMatchObject({ ok: true, state: 'closed.rejected' });
      expect(ruleOf(SampleCase.open().send('REJECT', { payload: { reason: 'OTHER', note: undefined } }))).toBe('noteForOtherReason');
    });

    it.each([
      [{ assignee: null }, 'assigneeExists'],
      [{ assignee: { role: 'SUPERVISOR', organizationId: SAMPLE_IDS.organizationId, active: true } }, 'assigneeIsMediator'],
      [{ assignee: { role: 'MEDIATOR', organizationId: 'org-other', active: true } }, 'assigneeInOrganization'],
      [{ assignee: { role: 'MEDIATOR', organizationId: SAMPLE_IDS.organizationId, active: false } }, 'assigneeActive'],
      [{ mediatorId: SAMPLE_IDS.mediatorId }, 'assigneeNotCurrent'],
    ])('assigneeEligible: refuses ASSIGN_MEDIATOR with %j (%s)', (payload, rule) => {
      const sample = SampleCase.open({ assignedMediatorId: SAMPLE_IDS.mediatorId });

      expectGuardRefusal(sample.send('ASSIGN_MEDIATOR', { payload }), 'assigneeEligible', rule);
    });

    it('assigneeEligible: reassigns to an active mediator of the org as a self-transition', () => {
      const sample = inMediation();
      const decision = sample.send('ASSIGN_MEDIATOR', { payload: { mediatorId: SAMPLE_IDS.otherMediatorId } });

      expect(decision).toMatchObject({ ok: true, state: 'mediation.active' });
      expect(sample.context.assignedMediatorId).toBe(SAMPLE_IDS.otherMediatorId);
    });

    it('mediatorAssigned: the respondent’s consent is recorded only once a mediator is assigned', () => {
      const sample = SampleCase.open().given('ACCEPT', { sender: 'SUPERVISOR' });

      expectGuardRefusal(sample.send('RESPONDENT_CONSENTS', { sender: 'SUPERVISOR' }), 'mediatorAssigned', 'mediatorAssigned');
      sample.given('ASSIGN_MEDIATOR', { payload: { mediatorId: SAMPLE_IDS.mediatorId } });
      expect(sample.send('RESPONDENT_CONSENTS', { sender: 'SUPERVISOR' })).toMatchObject({ ok: true, state: 'mediation.active' });
    });

    it('mediatorAssigned: refuses a consent dated after today', () => {
      const sample = SampleCase.open().given('ACCEPT');

      expectGuardRefusal(sample.send('RESPONDENT_CONSENTS', { payload: { consentedOn: d('2026-03-03') } }), 'mediatorAssigned', 'consentedNotInFuture');
    });

    it('noReplyOnlyWhenOverdue: NO_REPLY is refused on the due date and applied the day after', () => {
      const sample = SampleCase.open().given('ACCEPT');
      const dueOn = deadline(sample.context, 'RESPONDENT_CONSENT#1')!.dueOn;

      expectGuardRefusal(sample.send('RESPONDENT_REFUSES', { payload: { reason: 'NO_REPLY' }, sender: 'SYSTEM', today: dueOn }), 'noReplyOnlyWhenOverdue', 'consentOverdue');
      expect(sample.send('RESPONDENT_REFUSES', { payload: { reason: 'NO_REPLY' }, sender: 'SYSTEM', today: addDays(dueOn, 1) })).toMatchObject({
        ok: true,
        state: 'closed.failed',
        context: { outcome: 'RESPONDENT_NO_REPLY' },
      });
      expect(deadline(sample.context, 'RESPONDENT_CONSENT#1')?.status).toBe('MISSED');
    });

    it.each([
      [{ at: '2026-03-02T08:59:00+08:00' }, 'sessionInFuture'],
      [{ location: 'Room 2', online: true }, 'exactlyOneVenue'],
      [{ location: undefined }, 'exactlyOneVenue'],
      [{ sessionId: 'session-1' }, 'sessionIdUnused'],
    ])('sessionSchedulable: refuses SCHEDULE_SESSION with %j (%s)', (payload, rule) => {
      const sample = inMediation().given('SCHEDULE_SESSION');

      expectGuardRefusal(sample.send('SCHEDULE_SESSION', { payload: { sessionId: 'session-9', ...payload } }), 'sessionSchedulable', rule);
    });

    it('sessionSchedulable: an online session needs no location', () => {
      const decision = inMediation().send('SCHEDULE_SESSION', { payload: { location: undefined, online: true } });

      expect(decision).toMatchObject({ ok: true, state: 'mediation.active', context: { sessions: { scheduled: [{ id: 'session-1', online: true }] } } });
    });

    it.each([
      [{ heldAt: '2026-03-02T11:00:00+08:00' }, 'sessionHeld'],
      [{ sessionId: 'session-404' }, 'scheduledSessionOpen'],
    ])('sessionRecordable: refuses RECORD_SESSION with %j (%s)', (payload, rule) => {
      expectGuardRefusal(inMediation().send('RECORD_SESSION', { payload }), 'sessionRecordable', rule);
    });

    it('sessionRecordable: records a scheduled session once, never twice', () => {
      const sample = inMediation().given('SCHEDULE_SESSION');

      expect(sample.send('RECORD_SESSION', { payload: { sessionId: 'session-1' } })).toMatchObject({ ok: true });
      expectGuardRefusal(sample.send('RECORD_SESSION', { payload: { sessionId: 'session-1', recordId: 'record-2' } }), 'sessionRecordable', 'scheduledSessionOpen');
      expectGuardRefusal(sample.send('RECORD_SESSION', { payload: { recordId: 'record-1' } }), 'sessionRecordable', 'recordIdUnused');
    });

    it.each([
      [{ applicantConsents: false }, 'bothPartiesConsent'],
      [{ respondentConsents: 'true' }, 'bothPartiesConsent'],
      [{ days: 0 }, 'extensionDaysInRange'],
      [{ days: 31 }, 'extensionDaysInRange'],
      [{ days: 2.5 }, 'extensionDaysInRange'],
    ])('extensionAllowed: refuses EXTEND with %j (%s)', (payload, rule) => {
      expectGuardRefusal(inMediation().send('EXTEND', { payload }), 'extensionAllowed', rule);
    });

    it('extensionAllowed: refuses once the period is past due', () => {
      expectGuardRefusal(inMediation().send('EXTEND', { today: d('2026-03-18') }), 'extensionAllowed', 'periodRunning');
    });

    it('extensionAllowed: enforces maxExtensionDays for the source, then refuses any extension at all', () => {
      const sample = inMediation({ maxExtensionDays: 15 }).given('EXTEND', { payload: { days: 10 } });

      expectGuardRefusal(sample.send('EXTEND', { payload: { days: 6 } }), 'extensionAllowed', 'withinExtensionCap');
      sample.given('EXTEND', { payload: { days: 5 } });
      expectGuardRefusal(sample.send('EXTEND', { payload: { days: 1 } }), 'extensionAllowed', 'extensionCapNotReached');
      expect(sample.context.extensionDaysTotal).toBe(15);
    });

    it('suspensionNoted: SUSPEND for OTHER needs a note', () => {
      expectGuardRefusal(inMediation().send('SUSPEND', { payload: { reason: 'OTHER', note: '' } }), 'suspensionNoted', 'noteForOtherReason');
      expect(inMediation().send('SUSPEND', { payload: { reason: 'OTHER', note: 'Respondent hospitalised' } })).toMatchObject({ ok: true, state: 'mediation.suspended' });
    });

    const wages = (amount: string) => ({ kind: 'WAGES', description: 'wages', amount });
    it.each([
      [{ items: [] }, 'itemCount'],
      [{ items: Array.from({ length: 51 }, () => wages('1.00')) }, 'itemCount'],
      [{ items: [wages('0.00')] }, 'itemAmounts'],
      [{ items: [wages('186000.00'), { kind: 'NON_MONETARY', description: 'certificate', amount: '5.00' }] }, 'itemAmounts'],
      [{ schedule: [] }, 'instalmentCount'],
      [{ schedule: [{ no: 2, dueOn: d('2026-03-12'), amount: '186000.00' }] }, 'instalmentsNumbered'],
      [{ items: [wages('0.01')], schedule: [{ no: 1, dueOn: d('2026-03-12'), amount: '0.00' }] }, 'instalmentAmounts'],
      [
        {
          schedule: [
            { no: 1, dueOn: d('2026-03-12'), amount: '93000.00' },
            { no: 2, dueOn: d('2026-03-12'), amount: '93000.00' },
          ],
        },
        'instalmentDatesIncrease',
      ],
      [{ schedule: [{ no: 1, dueOn: d('2026-03-01'), amount: '186000.00' }] }, 'instalmentsNotInPast'],
      [{ schedule: [{ no: 1, dueOn: d('2026-03-12'), amount: '185999.99' }] }, 'scheduleSumsToTotal'],
      [{ collectiveConsentRecorded: false }, 'collectiveConsentRecorded'],
    ])('termsValid: refuses REACH_AGREEMENT with terms %j (%s)', (overrides, rule) => {
      const sample = inMediation();

      expectGuardRefusal(sample.send('REACH_AGREEMENT', { payload: { terms: { ...termsFor(sample), ...overrides } } }), 'termsValid', rule);
    });

    it('termsValid: an individual case needs no collective consent, and a non-monetary item counts for nothing', () => {
      const sample = inMediation({ workerCount: 1, applicants: [{ employmentRelation: 'CURRENT' }] });
      const items = [wages('186000.00'), { kind: 'NON_MONETARY', description: 'Issue a separation certificate' }];

      const decision = sample.send('REACH_AGREEMENT', { payload: { terms: { ...termsFor(sample), items, collectiveConsentRecorded: undefined } } });

      expect(decision).toMatchObject({ ok: true, state: 'agreement.signing', context: { agreedTotal: '186000.00' } });
    });

    it('mediationPeriodExpired: a stale or early timer is refused; the current period expires the day after it is due', () => {
      const sample = inMediation();

      expectGuardRefusal(sample.send('DEADLINE_EXPIRED', { today: d('2026-03-17') }), 'mediationPeriodExpired', 'periodOverdue');
      expectGuardRefusal(
        sample.send('DEADLINE_EXPIRED', { payload: { deadlineKey: 'ACCEPTANCE_DECISION#1' } }),
        'mediationPeriodExpired',
        'isCurrentPeriod',
      );
      expect(sample.send('DEADLINE_EXPIRED', { today: d('2026-03-18') })).toMatchObject({ ok: true, state: 'closed.failed', context: { outcome: 'DEADLINE_EXPIRED' } });
      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')?.status).toBe('MISSED');
    });

    it('mediationPeriodExpired: the timer of a period superseded by EXTEND changes nothing, even once the new one is overdue', () => {
      const sample = inMediation().given('EXTEND', { payload: { days: 10 } });
      const staleTimer = (today: string) => sample.send('DEADLINE_EXPIRED', { payload: { deadlineKey: 'MEDIATION_PERIOD#1' }, today: d(today) });

      expectGuardRefusal(staleTimer('2026-03-18'), 'mediationPeriodExpired', 'periodOverdue');
      expectGuardRefusal(staleTimer('2026-03-28'), 'mediationPeriodExpired', 'isCurrentPeriod');
      expect(sample.state).toBe('mediation.active');
    });

    it('mediationPeriodExpired: a paused clock does not expire', () => {
      const sample = inMediation().given('SUSPEND', { payload: { reason: 'APPRAISAL', note: 'wage records' } });

      expectGuardRefusal(sample.send('DEADLINE_EXPIRED', { payload: { deadlineKey: 'MEDIATION_PERIOD#1' }, today: d('2026-04-30') }), 'mediationPeriodExpired', 'periodOverdue');
    });

    it('mediationPeriodExpired: a suspension for a party’s request leaves the clock running, so the period can expire', () => {
      const sample = inMediation().given('SUSPEND', { payload: { reason: 'PARTY_REQUEST', note: 'accounts' } });

      expect(sample.send('DEADLINE_EXPIRED', { today: d('2026-03-18') })).toMatchObject({ ok: true, state: 'closed.failed' });
    });

    it('signatureOutstanding/lastSignature: each party signs once; the fourth signature makes the agreement effective', () => {
      const sample = inMediation().given('REACH_AGREEMENT').given('SIGN', { payload: { party: 'APPLICANT' } });

      expectGuardRefusal(sample.send('SIGN', { payload: { party: 'APPLICANT' } }), 'signatureOutstanding', 'partyNotYetSigned');
      sample.given('SIGN', { payload: { party: 'RESPONDENT' } }).given('SIGN', { payload: { party: 'MEDIATOR' } });
      expect(sample.state).toBe('agreement.signing');
      expect(sample.send('SIGN', { payload: { party: 'ORGANIZATION' }, sender: 'SUPERVISOR' })).toMatchObject({ ok: true, state: 'agreement.effective' });
    });

    it('signerHasNotSigned: a party that has signed cannot refuse to sign', () => {
      const sample = inMediation().given('REACH_AGREEMENT').given('SIGN', { payload: { party: 'RESPONDENT' } });

      expectGuardRefusal(sample.send('REFUSE_TO_SIGN', { payload: { party: 'RESPONDENT' } }), 'signerHasNotSigned', 'partyNotYetSigned');
      expect(sample.send('REFUSE_TO_SIGN', { payload: { party: 'APPLICANT' } })).toMatchObject({
        ok: true,
        state: 'closed.failed',
        context: { outcome: 'REFUSED_TO_SIGN', signingRefusal: { party: 'APPLICANT' } },
      });
    });

    it.each([
      [{ jointApplication: false }, 'jointApplication'],
      [{ courtId: undefined }, 'courtNamed'],
      [{ courtKind: 'UNION' }, 'courtIsCourt'],
      [{ courtKind: null }, 'courtIsCourt'],
      [{ appliedOn: d('2026-03-01') }, 'appliedOnInRange'],
      [{ appliedOn: d('2026-03-03') }, 'appliedOnInRange'],
    ])('confirmationRequestable: refuses a union case’s request with %j (%s)', (payload, rule) => {
      expectGuardRefusal(effective().send('REQUEST_JUDICIAL_CONFIRMATION', { payload }), 'confirmationRequestable', rule);
    });

    it('confirmationRequestable: the 30-day window closes after its due date (CPL Art.205)', () => {
      const sample = effective();
      const dueOn = deadline(sample.context, 'JUDICIAL_CONFIRMATION_WINDOW#1')!.dueOn;

      expectGuardRefusal(sample.send('REQUEST_JUDICIAL_CONFIRMATION', { today: addDays(dueOn, 1) }), 'confirmationRequestable', 'confirmationWindowOpen');
      expect(sample.send('REQUEST_JUDICIAL_CONFIRMATION', { today: dueOn })).toMatchObject({ ok: true, state: 'agreement.judicialReview' });
    });

    it('confirmationRequestable: a delegated case defaults to the delegating court (Invited Art.19)', () => {
      const sample = effective({ source: 'COURT_DELEGATED', courtOrgId: SAMPLE_IDS.courtOrgId });

      expect(sample.send('REQUEST_JUDICIAL_CONFIRMATION', { payload: { courtId: undefined } })).toMatchObject({
        ok: true,
        context: { reviewCourtId: SAMPLE_IDS.courtOrgId, judicialConfirmation: { status: 'REQUESTED', courtId: SAMPLE_IDS.courtOrgId } },
      });
    });

    it('confirmationRequestable: an entrusted case goes back to the entrusting court, with no joint application', () => {
      const entrusted = { source: 'COURT_ENTRUSTED', courtOrgId: SAMPLE_IDS.courtOrgId, courtProcedure: 'ORDINARY' } as const;

      expectGuardRefusal(effective(entrusted).send('REQUEST_JUDICIAL_CONFIRMATION', { payload: { courtId: SAMPLE_IDS.basicCourtId } }), 'confirmationRequestable', 'entrustingCourt');
      expect(effective(entrusted).send('REQUEST_JUDICIAL_CONFIRMATION', { payload: { courtId: undefined, jointApplication: undefined } })).toMatchObject({
        ok: true,
        context: { reviewCourtId: SAMPLE_IDS.courtOrgId },
      });
    });

    it.each([
      ['CONFIRM_JUDICIALLY', { rulingNumber: ' ' }, 'rulingRecordable', 'rulingNumbered'],
      ['CONFIRM_JUDICIALLY', { ruledOn: d('2026-03-03') }, 'rulingRecordable', 'ruledNotInFuture'],
      ['CONFIRM_JUDICIALLY', { ruledOn: d('2026-03-01') }, 'rulingRecordable', 'ruledAfterApplication'],
      ['REFUSE_CONFIRMATION', { reason: '' }, 'refusalReasoned', 'reasonGiven'],
      ['REFUSE_CONFIRMATION', { ruledOn: d('2026-03-03') }, 'refusalReasoned', 'ruledNotInFuture'],
    ] as const)('%s with %j is refused by %s (%s)', (type, payload, guard, rule) => {
      const sample = effective().given('REQUEST_JUDICIAL_CONFIRMATION');

      expectGuardRefusal(sample.send(type, { payload }), guard, rule);
    });

    it.each([
      [{ amountPaid: '0.00' }, 'amountPositive'],
      [{ paidOn: d('2026-03-01') }, 'paidOnInRange'],
      [{ paidOn: d('2026-03-03') }, 'paidOnInRange'],
      [{ amountPaid: '186000.01' }, 'withinAgreedTotal'],
    ])('paymentRecordable: refuses RECORD_PERFORMANCE with %j (%s)', (payload, rule) => {
      expectGuardRefusal(effective().send('RECORD_PERFORMANCE', { payload }), 'paymentRecordable', rule);
    });

    it('paymentRecordable: nothing more is recorded once the agreed total is paid (Invariant 5)', () => {
      const sample = effective().given('RECORD_PERFORMANCE', { payload: { amountPaid: '186000.00' } });

      expectGuardRefusal(sample.send('RECORD_PERFORMANCE', { payload: { amountPaid: '0.01' } }), 'paymentRecordable', 'somethingUnpaid');
    });

    it('performedInFull: needs the total paid, and confirmation of the non-monetary items', () => {
      const sample = inMediation();
      const items = [wages('186000.00'), { kind: 'NON_MONETARY', description: 'Separation certificates' }];
      sample.given('REACH_AGREEMENT', { payload: { terms: { ...termsFor(sample), items } } }).signAll();

      expectGuardRefusal(sample.send('PERFORMED_IN_FULL'), 'performedInFull', 'paidInFull');
      sample.given('RECORD_PERFORMANCE', { payload: { amountPaid: '186000.00' } });
      expectGuardRefusal(sample.send('PERFORMED_IN_FULL', { payload: { nonMonetaryDone: false } }), 'performedInFull', 'nonMonetaryDone');
      expect(sample.send('PERFORMED_IN_FULL', { payload: { nonMonetaryDone: true } })).toMatchObject({ ok: true, state: 'closed.resolved' });
    });

    it('instalmentOverdue: a default is reported only once an instalment due before today is unpaid', () => {
      const sample = effective();

      expectGuardRefusal(sample.send('REPORT_DEFAULT', { today: d('2026-03-12') }), 'instalmentOverdue', 'instalmentOverdue');
      expect(sample.send('REPORT_DEFAULT', { today: d('2026-03-13') })).toMatchObject({ ok: true, state: 'agreement.defaulted' });
    });

    function defaulted(overrides: Partial<Omit<CaseInput, 'meta'>> = {}, confirm = false): SampleCase {
      const sample = effective(overrides);
      if (confirm) sample.given('REQUEST_JUDICIAL_CONFIRMATION').given('CONFIRM_JUDICIALLY');
      return sample.given('REPORT_DEFAULT');
    }

    it.each([
      ['a wages-only unconfirmed agreement', {}, false, ['PAYMENT_ORDER', 'ARBITRATION', 'LITIGATION']],
      ['a confirmed agreement', {}, true, ['ENFORCEMENT']],
    ] as const)('referralRouteOpen: opens for %s exactly %j', (_name, overrides, confirm, open) => {
      const results = (['PAYMENT_ORDER', 'ARBITRATION', 'LITIGATION', 'ENFORCEMENT'] as const).filter(
        (route) => defaulted(overrides, confirm).send('REFER', { payload: { route } }).ok,
      );

      expect(results).toEqual(open);
    });

    it('referralRouteOpen: a social-insurance agreement offers no payment order and no litigation, unless the court delegated it', () => {
      const socialInsurance = (sample: SampleCase): SampleCase => {
        const items = [{ kind: 'SOCIAL_INSURANCE', description: 'Arrears of contributions', amount: '186000.00' }];
        return sample.given('REACH_AGREEMENT', { payload: { terms: { ...termsFor(sample), items } } }).signAll().given('REPORT_DEFAULT', { today: d('2026-03-13') });
      };
      const union = socialInsurance(inMediation());
      const delegated = socialInsurance(inMediation({ source: 'COURT_DELEGATED', courtOrgId: SAMPLE_IDS.courtOrgId }));

      expectGuardRefusal(union.send('REFER', { payload: { route: 'PAYMENT_ORDER' } }), 'referralRouteOpen', 'routeOpen');
      expectGuardRefusal(union.send('REFER', { payload: { route: 'LITIGATION' } }), 'referralRouteOpen', 'routeOpen');
      expect(delegated.send('REFER', { payload: { route: 'LITIGATION' } })).toMatchObject({ ok: true, state: 'closed.referred' });
    });
  });

  describe('effects (DOMAIN §3 Effects, §4 Met by)', () => {
    it('#1 meets the acceptance decision and opens RESPONDENT_CONSENT, 3 working days from acceptance (Online Art.15)', () => {
      const sample = SampleCase.open({ receivedOn: d('2026-09-30') }).given('ACCEPT', { today: d('2026-09-30') });

      expect(deadline(sample.context, 'ACCEPTANCE_DECISION#1')?.status).toBe('MET');
      expect(deadline(sample.context, 'RESPONDENT_CONSENT#1')).toMatchObject({ startsOn: '2026-09-30', unit: 'WORKING_DAYS', dueOn: '2026-10-10', status: 'PENDING' });
    });

    it('#1 records a late acceptance as MISSED, as the timer already did', () => {
      const sample = SampleCase.open().given('ACCEPT', { today: d('2026-03-06') });

      expect(deadline(sample.context, 'ACCEPTANCE_DECISION#1')?.status).toBe('MISSED');
    });

    it('#1 makes the queue mediator who accepts the assigned mediator; a supervisor’s acceptance assigns nobody', () => {
      expect(SampleCase.open().given('ACCEPT', { sender: 'QUEUE_MEDIATOR' }).context.assignedMediatorId).toBe(SAMPLE_IDS.mediatorId);
      expect(SampleCase.open().given('ACCEPT', { sender: 'SUPERVISOR' }).context.assignedMediatorId).toBeUndefined();
    });

    it('#3 tells the service whom to notify, naming the previous mediator', () => {
      const decision = inMediation().send('ASSIGN_MEDIATOR', { payload: { mediatorId: SAMPLE_IDS.otherMediatorId } });

      expect(decision).toMatchObject({
        effects: [{ type: 'mediatorAssigned', params: { mediatorId: SAMPLE_IDS.otherMediatorId, previousMediatorId: SAMPLE_IDS.mediatorId } }],
      });
    });

    it('#4 meets RESPONDENT_CONSENT by the consent date', () => {
      expect(deadline(inMediation().context, 'RESPONDENT_CONSENT#1')?.status).toBe('MET');
    });

    it('#5 a refusal recorded by a user answers the consent deadline and closes as RESPONDENT_REFUSED', () => {
      const sample = SampleCase.open().given('ACCEPT').given('RESPONDENT_REFUSES', { payload: { reason: 'REFUSED' } });

      expect(sample.context.outcome).toBe('RESPONDENT_REFUSED');
      expect(deadline(sample.context, 'RESPONDENT_CONSENT#1')?.status).toBe('MET');
    });

    it('#8 E12: EXTEND 10 from due 2026-10-08 supersedes the period with one due 2026-10-19', () => {
      const sample = inMediation({ receivedOn: d('2026-09-16') }).given('EXTEND', { payload: { days: 10 } });

      expect(sample.context.deadlines.filter((entry) => entry.kind === 'MEDIATION_PERIOD')).toMatchObject([
        { key: 'MEDIATION_PERIOD#1', dueOn: '2026-10-08', status: 'CANCELLED' },
        { key: 'MEDIATION_PERIOD#2', startsOn: '2026-10-08', days: 10, dueOn: '2026-10-19', status: 'PENDING', supersedes: 'MEDIATION_PERIOD#1' },
      ]);
      expect(sample.context.extensionDaysTotal).toBe(10);
    });

    it('#9/#10 E13: APPRAISAL on 03-09 and RESUME on 03-19 move the period from 03-17 to 03-27', () => {
      const sample = inMediation()
        .given('SUSPEND', { payload: { reason: 'APPRAISAL', note: 'wage records' }, today: d('2026-03-09') })
        .given('RESUME', { today: d('2026-03-19') });

      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')).toMatchObject({ pausedDays: 10, dueOn: '2026-03-27', status: 'PENDING' });
      expect(sample.context.suspensions).toEqual([{ reason: 'APPRAISAL', note: 'wage records', from: '2026-03-09', to: '2026-03-19', clockStopped: true }]);
    });

    it('#9/#10 E13: FORCE_MAJEURE also stops the clock; resumed 03-20 the period rolls from Saturday 03-28 to 03-30', () => {
      const sample = inMediation()
        .given('SUSPEND', { payload: { reason: 'FORCE_MAJEURE', note: 'flood' }, today: d('2026-03-09') })
        .given('RESUME', { today: d('2026-03-20') });

      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')).toMatchObject({ pausedDays: 11, dueOn: '2026-03-30' });
    });

    it('#9/#10 a suspension at a party’s request keeps the clock running', () => {
      const sample = inMediation()
        .given('SUSPEND', { payload: { reason: 'PARTY_REQUEST', note: 'accounts' }, today: d('2026-03-09') })
        .given('RESUME', { today: d('2026-03-19') });

      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')).toMatchObject({ pausedDays: 0, dueOn: '2026-03-17' });
    });

    it('#11 meets the mediation period and sets agreedTotal and the instalments', () => {
      const sample = inMediation().given('REACH_AGREEMENT');

      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')?.status).toBe('MET');
      expect(sample.context).toMatchObject({
        agreedTotal: '186000.00',
        instalments: [
          { no: 1, dueOn: '2026-03-12', amount: '93000.00', paid: '0.00' },
          { no: 2, dueOn: '2026-04-11', amount: '93000.00', paid: '0.00' },
        ],
      });
    });

    it('#15 takes effect on the day of the last signature and opens the window, the payment dates and a new limitation', () => {
      const sample = inMediation().given('REACH_AGREEMENT').signAll();

      expect(sample.context.effectiveOn).toBe('2026-03-02');
      expect(deadline(sample.context, 'JUDICIAL_CONFIRMATION_WINDOW#1')).toMatchObject({ startsOn: '2026-03-02', days: 30, dueOn: '2026-04-01' });
      expect(sample.context.deadlines.filter((entry) => entry.kind === 'PAYMENT_DUE')).toMatchObject([
        { key: 'PAYMENT_DUE#1', unit: 'FIXED', instalmentNo: 1, dueOn: '2026-03-12' },
        { key: 'PAYMENT_DUE#2', unit: 'FIXED', instalmentNo: 2, dueOn: '2026-04-11' },
      ]);
      expect(deadline(sample.context, 'ARBITRATION_LIMITATION#1')?.status).toBe('CANCELLED');
      expect(deadline(sample.context, 'ARBITRATION_LIMITATION#2')).toMatchObject({
        startsOn: '2026-03-02',
        dueOn: '2027-03-02',
        supersedes: 'ARBITRATION_LIMITATION#1',
        status: 'PENDING',
      });
    });

    it('#15 keeps a payment date that falls on a rest day: an agreed date is never rolled', () => {
      // 2026-04-11 is a Saturday; a rolled date would be Monday 04-13.
      const sample = inMediation().given('REACH_AGREEMENT').signAll();

      expect(deadline(sample.context, 'PAYMENT_DUE#2')?.dueOn).toBe('2026-04-11');
    });

    it('#15 opens no confirmation window for an entrusted case, which the court itself concludes (Invited Art.20)', () => {
      const sample = effective({ source: 'COURT_ENTRUSTED', courtOrgId: SAMPLE_IDS.courtOrgId, courtProcedure: 'SIMPLE' });

      expect(sample.context.deadlines.some((entry) => entry.kind === 'JUDICIAL_CONFIRMATION_WINDOW')).toBe(false);
    });

    it('#18 sets reviewCourtId, meets the window and opens a 15-day COURT_DECISION from the application date', () => {
      const decision = effective().send('REQUEST_JUDICIAL_CONFIRMATION', { payload: { courtId: SAMPLE_IDS.basicCourtId }, today: d('2026-03-05') });

      expect(decision).toMatchObject({
        ok: true,
        context: { reviewCourtId: SAMPLE_IDS.basicCourtId, judicialConfirmation: { status: 'REQUESTED', appliedOn: '2026-03-05', jointApplication: true } },
        effects: [{ type: 'judicialConfirmationRequested', params: { courtId: SAMPLE_IDS.basicCourtId, appliedOn: '2026-03-05', mediationStatement: false } }],
      });
      const context = (decision as { context: CaseContext }).context;
      expect(deadline(context, 'JUDICIAL_CONFIRMATION_WINDOW#1')?.status).toBe('MET');
      expect(deadline(context, 'COURT_DECISION#1')).toMatchObject({ startsOn: '2026-03-05', days: 15, dueOn: '2026-03-20', status: 'PENDING' });
    });

    it('#19 confirms and meets COURT_DECISION', () => {
      const sample = effective().given('REQUEST_JUDICIAL_CONFIRMATION').given('CONFIRM_JUDICIALLY', { payload: { rulingNumber: '（2026）吉0403民特7号' } });

      expect(sample.context.judicialConfirmation).toMatchObject({ status: 'CONFIRMED', rulingNumber: '（2026）吉0403民特7号', ruledOn: '2026-03-02' });
      expect(deadline(sample.context, 'COURT_DECISION#1')?.status).toBe('MET');
    });

    it('#20 cancels the payment dates, clears the signatures and starts a new base-length period on the ruling date', () => {
      const sample = effective()
        .given('RECORD_PERFORMANCE', { payload: { amountPaid: '50000.00' } })
        .given('REQUEST_JUDICIAL_CONFIRMATION', { today: d('2026-03-04') })
        .given('REFUSE_CONFIRMATION', { payload: { ruledOn: d('2026-03-10') }, today: d('2026-03-10') });

      expect(sample.state).toBe('mediation.active');
      expect(sample.context.signatures).toEqual({});
      expect(sample.context.effectiveOn).toBeUndefined();
      expect(sample.context.judicialConfirmation).toMatchObject({ status: 'REFUSED', ruledOn: '2026-03-10' });
      expect(kinds(sample.context, 'CANCELLED')).toEqual(expect.arrayContaining(['PAYMENT_DUE#1', 'PAYMENT_DUE#2']));
      expect(deadline(sample.context, 'MEDIATION_PERIOD#2')).toMatchObject({ startsOn: '2026-03-10', days: 15, dueOn: '2026-03-25', status: 'PENDING' });
    });

    it('#20 credits payments already made to the next agreement, which may not be smaller than them', () => {
      const sample = effective()
        .given('RECORD_PERFORMANCE', { payload: { amountPaid: '50000.00' } })
        .given('REQUEST_JUDICIAL_CONFIRMATION')
        .given('REFUSE_CONFIRMATION');
      const small = { items: [{ kind: 'WAGES', description: 'wages', amount: '40000.00' }], schedule: [{ no: 1, dueOn: d('2026-03-20'), amount: '40000.00' }] };

      expectGuardRefusal(sample.send('REACH_AGREEMENT', { payload: { terms: { ...termsFor(sample), ...small } } }), 'termsValid', 'coversPaymentsMade');
      sample.given('REACH_AGREEMENT');
      expect(sample.context.instalments.map((instalment) => instalment.paid)).toEqual(['50000.00', '0.00']);
    });

    it('#21 allocates payments to instalments in date order and meets each PAYMENT_DUE paid in full on time', () => {
      const sample = effective()
        .given('RECORD_PERFORMANCE', { payload: { amountPaid: '60000.00', paidOn: d('2026-03-05') }, today: d('2026-03-05') })
        .given('RECORD_PERFORMANCE', { payload: { amountPaid: '50000.00', paidOn: d('2026-03-12') }, today: d('2026-03-12') });

      expect(sample.context.instalments).toMatchObject([
        { no: 1, paid: '93000.00', paidInFullOn: '2026-03-12' },
        { no: 2, paid: '17000.00' },
      ]);
      expect(sample.context.paidTotal).toBe('110000.00');
      expect(deadline(sample.context, 'PAYMENT_DUE#1')?.status).toBe('MET');
      expect(deadline(sample.context, 'PAYMENT_DUE#2')?.status).toBe('PENDING');
    });

    it('#21 records an instalment paid in full after its date as MISSED', () => {
      const sample = effective().given('RECORD_PERFORMANCE', { payload: { amountPaid: '93000.00', paidOn: d('2026-03-13') }, today: d('2026-03-13') });

      expect(deadline(sample.context, 'PAYMENT_DUE#1')?.status).toBe('MISSED');
    });

    it('#22 withdraws a pending confirmation request and closes resolved, cancelling what still runs', () => {
      const sample = effective()
        .given('REQUEST_JUDICIAL_CONFIRMATION')
        .given('RECORD_PERFORMANCE', { payload: { amountPaid: '186000.00' } });
      const decision = sample.send('PERFORMED_IN_FULL');

      expect(decision).toMatchObject({
        ok: true,
        state: 'closed.resolved',
        context: { outcome: 'RESOLVED', judicialConfirmation: { status: 'WITHDRAWN' }, closedOn: '2026-03-02' },
        effects: [{ type: 'caseClosed', params: { state: 'closed.resolved', outcome: 'RESOLVED', courtFeedbackDue: false } }],
      });
      expect(kinds(sample.context, 'PENDING')).toEqual([]);
      expect(deadline(sample.context, 'COURT_DECISION#1')?.status).toBe('CANCELLED');
      expect(deadline(sample.context, 'ARBITRATION_LIMITATION#2')?.status).toBe('CANCELLED');
    });

    it('#23 marks the overdue unpaid PAYMENT_DUE missed', () => {
      const sample = effective().given('REPORT_DEFAULT', { today: d('2026-03-13') });

      expect(sample.context.defaultReportedOn).toBe('2026-03-13');
      expect(deadline(sample.context, 'PAYMENT_DUE#1')?.status).toBe('MISSED');
      expect(deadline(sample.context, 'PAYMENT_DUE#2')?.status).toBe('PENDING');
    });

    it('#24 ARBITRATION meets the limitation; any other route cancels it with the rest', () => {
      const arbitration = effective().given('REPORT_DEFAULT', { today: d('2026-03-13') }).given('REFER', { payload: { route: 'ARBITRATION' } });
      const paymentOrder = effective().given('REPORT_DEFAULT', { today: d('2026-03-13') }).given('REFER', { payload: { route: 'PAYMENT_ORDER' } });

      expect(arbitration.context).toMatchObject({ outcome: 'REFERRED:ARBITRATION', referral: { route: 'ARBITRATION' } });
      expect(deadline(arbitration.context, 'ARBITRATION_LIMITATION#2')?.status).toBe('MET');
      expect(deadline(paymentOrder.context, 'ARBITRATION_LIMITATION#2')?.status).toBe('CANCELLED');
      expect(deadline(paymentOrder.context, 'PAYMENT_DUE#2')?.status).toBe('CANCELLED');
    });

    it.each([
      ['REJECT', 'closed.rejected', 'REJECTED:OTHER'],
      ['WITHDRAW', 'closed.withdrawn', 'WITHDRAWN'],
    ] as const)('%s closes %s: cancels every pending deadline but the limitation, and advises arbitration', (type, state, outcome) => {
      const sample = SampleCase.open();
      const decision = sample.send(type, { today: d('2026-03-04') });

      expect(decision).toMatchObject({ ok: true, state, context: { outcome } });
      expect(kinds(sample.context, 'PENDING')).toEqual(['ARBITRATION_LIMITATION#1']);
      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')?.status).toBe('CANCELLED');
      expect(sample.context.advice).toEqual({
        nextStep: 'ARBITRATE_BEFORE_LIMITATION',
        basis: expect.stringContaining('LDMAL Art'),
        courtFeedbackDue: false,
        limitationDueOn: '2026-12-31',
        ifInterruptedDueOn: '2027-03-04',
      });
    });

    it.each([
      ['IRRECONCILABLE', 'MEDIATION_FAILED:IRRECONCILABLE'],
      ['PARTY_UNWILLING', 'MEDIATION_FAILED:PARTY_UNWILLING'],
    ] as const)('#12 records the failure %s as outcome %s and keeps the limitation running', (reason, outcome) => {
      const sample = inMediation().given('MEDIATION_FAILED', { payload: { reason } });

      expect(sample.context.outcome).toBe(outcome);
      expect(kinds(sample.context, 'PENDING')).toEqual(['ARBITRATION_LIMITATION#1']);
    });

    it('closing from suspension ends the open suspension and does not leave a paused clock behind', () => {
      const sample = inMediation()
        .given('SUSPEND', { payload: { reason: 'APPRAISAL', note: 'records' }, today: d('2026-03-05') })
        .given('MEDIATION_FAILED', { today: d('2026-03-20') });

      expect(sample.context.suspensions[0]).toMatchObject({ from: '2026-03-05', to: '2026-03-20' });
      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')).toMatchObject({ status: 'CANCELLED' });
      expect(deadline(sample.context, 'MEDIATION_PERIOD#1')).not.toHaveProperty('pausedSince');
    });

    it('a delegated case closed unresolved goes back to the court for filing and owes a feedback letter', () => {
      const decision = inMediation({ source: 'COURT_DELEGATED', courtOrgId: SAMPLE_IDS.courtOrgId }).send('MEDIATION_FAILED');

      expect(decision).toMatchObject({
        context: { advice: { nextStep: 'COURT_FILES_CASE', courtFeedbackDue: true } },
        effects: [{ type: 'caseClosed', params: { state: 'closed.failed', outcome: 'MEDIATION_FAILED:IRRECONCILABLE', courtFeedbackDue: true } }],
      });
    });

    it('an entrusted case closed unresolved resumes its trial (Invited Art.21)', () => {
      const sample = inMediation({ source: 'COURT_ENTRUSTED', courtOrgId: SAMPLE_IDS.courtOrgId, courtProcedure: 'ORDINARY' }).given('WITHDRAW');

      expect(sample.context.advice).toMatchObject({ nextStep: 'TRIAL_RESUMES', courtFeedbackDue: true, basis: expect.stringContaining('Invited Art.21') });
    });

    it('a resolved case gets no advice: nothing is left to pursue', () => {
      const sample = effective().given('RECORD_PERFORMANCE', { payload: { amountPaid: '186000.00' } }).given('PERFORMED_IN_FULL');

      expect(sample.context.advice).toBeUndefined();
    });
  });

  describe('invariants', () => {
    it('3: a closed case refuses every event with 409 and allows none', () => {
      const sample = SampleCase.open().given('WITHDRAW');

      expect(sample.send('ACCEPT', { sender: 'SUPERVISOR' })).toMatchObject({ code: 'INVALID_TRANSITION', allowedEvents: [] });
      for (const sender of ['ASSIGNED_MEDIATOR', 'QUEUE_MEDIATOR', 'SUPERVISOR', 'COURT_LIAISON', 'SYSTEM'] as const) {
        expect(allowedEvents(sample.stored, relationFor(sender), d('2026-12-01'), sampleCalendar())).toEqual([]);
      }
    });

    it('5: an effective agreement has four signatures and effectiveOn, and paid never exceeds the agreed total', () => {
      const sample = effective();

      expect(Object.keys(sample.context.signatures).sort()).toEqual(['APPLICANT', 'MEDIATOR', 'ORGANIZATION', 'RESPONDENT']);
      expect(sample.context.effectiveOn).toBeDefined();
      sample.given('RECORD_PERFORMANCE', { payload: { amountPaid: '185999.99' } });
      expect(sample.send('RECORD_PERFORMANCE', { payload: { amountPaid: '0.02' } })).toMatchObject({ code: 'GUARD_REJECTED' });
      expect(sample.context.paidTotal).toBe('185999.99');
    });

    it('6: an unknown chart version is an error, never a silent upgrade', () => {
      expect(() => machineFor(2)).toThrow(UnknownMachineVersionError);
      const stored = { ...SampleCase.open().stored, machineVersion: 99 };
      expect(() => decide(stored, toCaseEvent(SampleCase.open().stepFor('ACCEPT')), relationFor('SUPERVISOR'))).toThrow(UnknownMachineVersionError);
    });
  });

  it('walks a collective wage case from intake to closed.resolved through judicial confirmation', () => {
    const sample = SampleCase.open({ receivedOn: d('2026-01-12') });
    const steps: [Parameters<SampleCase['send']>[0], Parameters<SampleCase['send']>[1], string][] = [
      ['ACCEPT', { sender: 'QUEUE_MEDIATOR', today: d('2026-01-12') }, 'intake.awaitingConsent'],
      ['RESPONDENT_CONSENTS', { payload: { consentedOn: d('2026-01-13') }, today: d('2026-01-13') }, 'mediation.active'],
      ['SCHEDULE_SESSION', { today: d('2026-01-13') }, 'mediation.active'],
      ['RECORD_SESSION', { payload: { sessionId: 'session-1', heldAt: '2026-01-14T14:00:00+08:00' }, today: d('2026-01-14'), now: '2026-01-14T17:00:00+08:00' }, 'mediation.active'],
      ['REACH_AGREEMENT', { today: d('2026-01-15') }, 'agreement.signing'],
      ['SIGN', { payload: { party: 'APPLICANT' }, today: d('2026-01-15') }, 'agreement.signing'],
      ['SIGN', { payload: { party: 'RESPONDENT' }, today: d('2026-01-15') }, 'agreement.signing'],
      ['SIGN', { payload: { party: 'MEDIATOR' }, today: d('2026-01-15') }, 'agreement.signing'],
      ['SIGN', { payload: { party: 'ORGANIZATION' }, sender: 'SUPERVISOR', today: d('2026-01-16') }, 'agreement.effective'],
      ['REQUEST_JUDICIAL_CONFIRMATION', { today: d('2026-01-19') }, 'agreement.judicialReview'],
      ['CONFIRM_JUDICIALLY', { payload: { ruledOn: d('2026-01-23') }, today: d('2026-01-23') }, 'agreement.confirmed'],
      ['RECORD_PERFORMANCE', { payload: { amountPaid: '93000.00', paidOn: d('2026-01-23') }, today: d('2026-01-26') }, 'agreement.confirmed'],
      ['RECORD_PERFORMANCE', { payload: { amountPaid: '93000.00', paidOn: d('2026-02-13') }, today: d('2026-02-13') }, 'agreement.confirmed'],
      ['PERFORMED_IN_FULL', { today: d('2026-02-13') }, 'closed.resolved'],
    ];

    const visited = steps.map(([type, overrides]) => {
      const decision = sample.send(type, overrides);
      return decision.ok ? decision.state : `${type} refused: ${JSON.stringify(decision)}`;
    });

    expect(visited).toEqual(steps.map(([, , state]) => state));
    expect(sample.context).toMatchObject({
      assignedMediatorId: SAMPLE_IDS.mediatorId,
      effectiveOn: '2026-01-16',
      paidTotal: '186000.00',
      outcome: 'RESOLVED',
      judicialConfirmation: { status: 'CONFIRMED', ruledOn: '2026-01-23' },
      reviewCourtId: SAMPLE_IDS.basicCourtId,
    });
    expect(sample.context.deadlines.map((entry) => [entry.key, entry.status])).toEqual([
      ['ACCEPTANCE_DECISION#1', 'MET'],
      ['MEDIATION_PERIOD#1', 'MET'],
      ['ARBITRATION_LIMITATION#1', 'CANCELLED'],
      ['RESPONDENT_CONSENT#1', 'MET'],
      ['JUDICIAL_CONFIRMATION_WINDOW#1', 'MET'],
      ['PAYMENT_DUE#1', 'MET'],
      ['PAYMENT_DUE#2', 'MET'],
      ['ARBITRATION_LIMITATION#2', 'CANCELLED'],
      ['COURT_DECISION#1', 'MET'],
    ]);
  });

  it('continues a snapshot restored from JSON exactly as the live one (persist → stringify → parse → resolveState)', () => {
    const live = inMediation().given('SUSPEND', { payload: { reason: 'APPRAISAL', note: 'records' }, today: d('2026-03-09') });
    const restored: StoredCase = JSON.parse(JSON.stringify(live.stored));
    const resume = toCaseEvent(live.stepFor('RESUME', { today: d('2026-03-19') }));

    const fromRestored = decide(restored, resume, relationFor('ASSIGNED_MEDIATOR'));
    const fromLive = decide(live.stored, resume, relationFor('ASSIGNED_MEDIATOR'));

    expect(fromRestored).toMatchObject({ ok: true, state: 'mediation.active' });
    expect(JSON.stringify(fromRestored)).toBe(JSON.stringify(fromLive));
    expect(JSON.parse(JSON.stringify(fromRestored)).snapshot.context.deadlines[1]).toMatchObject({ dueOn: '2026-03-27' });
  });
});

describe(allowedEvents.name, () => {
  const on = (sample: SampleCase, sender: Parameters<typeof relationFor>[0], today = d('2026-03-02')) =>
    allowedEvents(sample.stored, relationFor(sender), today, sampleCalendar());

  it('offers a queue mediator the intake queue until the case is taken', () => {
    const sample = SampleCase.open();

    expect(on(sample, 'QUEUE_MEDIATOR')).toEqual(['ACCEPT', 'REJECT', 'ASSIGN_MEDIATOR', 'WITHDRAW']);
    sample.given('ACCEPT', { sender: 'QUEUE_MEDIATOR' });
    expect(on(sample, 'QUEUE_MEDIATOR')).toEqual([]);
    expect(on(sample, 'ASSIGNED_MEDIATOR')).toEqual(['RESPONDENT_CONSENTS', 'RESPONDENT_REFUSES', 'WITHDRAW']);
  });

  it('never offers DEADLINE_EXPIRED to a user, even when the period is overdue; the timer may send it', () => {
    const sample = inMediation();

    expect(on(sample, 'SUPERVISOR', d('2026-03-18'))).not.toContain('DEADLINE_EXPIRED');
    expect(on(sample, 'SYSTEM', d('2026-03-18'))).toEqual(['DEADLINE_EXPIRED']);
    expect(on(sample, 'SYSTEM', d('2026-03-17'))).toEqual([]);
  });

  it('drops EXTEND once the period is past due', () => {
    expect(on(inMediation(), 'ASSIGNED_MEDIATOR')).toContain('EXTEND');
    expect(on(inMediation(), 'ASSIGNED_MEDIATOR', d('2026-03-18'))).not.toContain('EXTEND');
  });

  it('offers PERFORMED_IN_FULL only when the total paid equals the agreed total', () => {
    const sample = effective();

    expect(on(sample, 'ASSIGNED_MEDIATOR')).toEqual(['REQUEST_JUDICIAL_CONFIRMATION', 'RECORD_PERFORMANCE']);
    sample.given('RECORD_PERFORMANCE', { payload: { amountPaid: '186000.00' } });
    expect(on(sample, 'ASSIGNED_MEDIATOR')).toEqual(['REQUEST_JUDICIAL_CONFIRMATION', 'PERFORMED_IN_FULL']);
  });

  it('offers REPORT_DEFAULT only when an instalment due before today is unpaid', () => {
    const sample = effective();

    expect(on(sample, 'SUPERVISOR', d('2026-03-12'))).not.toContain('REPORT_DEFAULT');
    expect(on(sample, 'SUPERVISOR', d('2026-03-13'))).toContain('REPORT_DEFAULT');
  });

  it('offers SIGN to the mediator only while one of their three parties is unsigned; the seal is the supervisor’s', () => {
    const sample = inMediation().given('REACH_AGREEMENT');
    for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR'] as const) sample.given('SIGN', { payload: { party } });

    expect(on(sample, 'ASSIGNED_MEDIATOR')).toEqual(['REFUSE_TO_SIGN', 'WITHDRAW']);
    expect(on(sample, 'SUPERVISOR')).toEqual(['ASSIGN_MEDIATOR', 'SIGN', 'REFUSE_TO_SIGN', 'WITHDRAW']);
  });

  it('offers the court liaison only the ruling, and only while the court is reviewing', () => {
    const sample = effective();

    expect(on(sample, 'COURT_LIAISON')).toEqual([]);
    sample.given('REQUEST_JUDICIAL_CONFIRMATION');
    expect(on(sample, 'COURT_LIAISON')).toEqual(['CONFIRM_JUDICIALLY', 'REFUSE_CONFIRMATION']);
  });

  it('offers REFER only in default, and ENFORCEMENT-only cases still count', () => {
    const sample = effective().given('REQUEST_JUDICIAL_CONFIRMATION').given('CONFIRM_JUDICIALLY').given('REPORT_DEFAULT', { today: d('2026-03-13') });

    expect(on(sample, 'ASSIGNED_MEDIATOR', d('2026-03-13'))).toEqual(['RECORD_PERFORMANCE', 'REFER']);
  });
});
