import { defaultHolidayCalendar, type HolidayCalendar } from '../../calendar/holiday-calendar';
import { addDays, compare, parseLegalDate, type LegalDate } from '../../calendar/legal-date';
import { isInstalmentPaid } from './case-agreement';
import { currentDeadline, isPaused } from './case-deadlines';
import { createCase, decide, stateOf, type Decision, type StoredCase } from './case-decision';
import type { SenderRelation } from './case-senders';
import type { AgreementTerms, CaseContext } from './case.context';
import type { CaseEvent, CaseInput, EventActor, LegalCalendar, PayloadOf } from './case.events';
import { isRouteOpen } from './case.guards';
import {
  CASE_STATES,
  isCourtSource,
  REFERRAL_ROUTES,
  SIGNATURE_PARTIES,
  type CaseEventType,
  type CaseState,
  type SignatureParty,
} from './case.types';
import { compareMoney, fromFen, subtractMoney, toFen } from './money';

// Sample data for tests of the case chart: a collective wage case of migrant construction workers
// (DOMAIN §9), the transition table of DOMAIN §3 as data, and for any snapshot a set of valid
// events with payloads. The graph test walks the chart with them; an HTTP model test can replay the
// same steps through the API (payload as body, sender as the acting user, today/now as the clock).

export const d = (value: string): LegalDate => parseLegalDate(value);

export const SAMPLE_IDS = {
  organizationId: 'org-liaoyuan-studio',
  mediatorId: 'user-mediator-wang',
  otherMediatorId: 'user-mediator-li',
  supervisorId: 'user-supervisor-zhao',
  liaisonId: 'user-liaison-0402',
  courtOrgId: 'org-court-0402',
  basicCourtId: 'org-court-0403',
} as const;

let calendar: HolidayCalendar | undefined;

/** The shipped 2025–2026 notices; one instance, since loading validates every date. */
export function sampleCalendar(): HolidayCalendar {
  calendar ??= defaultHolidayCalendar();
  return calendar;
}

export function instantOn(date: LegalDate, time = '09:00'): string {
  return `${date}T${time}:00+08:00`;
}

/** A collective wage case: 12 migrant workers whose project ended on 2025-12-31, received 2026-03-02. */
export function sampleCaseInput(overrides: Partial<Omit<CaseInput, 'meta'>> = {}): CaseInput {
  const receivedOn = overrides.receivedOn ?? d('2026-03-02');
  return {
    source: 'WALK_IN',
    receivedOn,
    organizationId: SAMPLE_IDS.organizationId,
    workerCount: 12,
    claimTypes: ['WAGE_ARREARS'],
    applicants: Array.from({ length: 12 }, () => ({ employmentRelation: 'FORMER' as const, employmentEndedOn: d('2025-12-31') })),
    knewOrShouldHaveKnownAt: d('2026-01-15'),
    ...overrides,
    meta: {
      actor: { kind: 'USER', userId: SAMPLE_IDS.supervisorId, role: 'SUPERVISOR' },
      today: receivedOn,
      now: instantOn(receivedOn),
      calendar: sampleCalendar(),
    },
  };
}

export type SampleSender = 'ASSIGNED_MEDIATOR' | 'QUEUE_MEDIATOR' | 'SUPERVISOR' | 'COURT_LIAISON' | 'SYSTEM';

interface SampleStepOf<T extends CaseEventType> {
  readonly type: T;
  readonly payload: PayloadOf<T>;
  readonly sender: SampleSender;
  readonly actor: EventActor;
  readonly relation: SenderRelation;
  readonly today: LegalDate;
  readonly now: string;
}

/** One event as a client and a clock would produce it, with who sends it. */
export type SampleStep = { [T in CaseEventType]: SampleStepOf<T> }[CaseEventType];

export function relationFor(sender: SampleSender): SenderRelation {
  const none = { isAssignedMediator: false, isOrgMediator: false, isReviewCourtLiaison: false, isSystem: false };
  switch (sender) {
    case 'ASSIGNED_MEDIATOR':
      return { ...none, role: 'MEDIATOR', isAssignedMediator: true, isOrgMediator: true };
    case 'QUEUE_MEDIATOR':
      return { ...none, role: 'MEDIATOR', isOrgMediator: true };
    case 'SUPERVISOR':
      return { ...none, role: 'SUPERVISOR' };
    case 'COURT_LIAISON':
      return { ...none, role: 'COURT_LIAISON', isReviewCourtLiaison: true };
    case 'SYSTEM':
      return { ...none, isSystem: true };
  }
}

export function actorFor(sender: SampleSender, context: CaseContext): EventActor {
  switch (sender) {
    case 'ASSIGNED_MEDIATOR':
      return { kind: 'USER', userId: context.assignedMediatorId ?? SAMPLE_IDS.mediatorId, role: 'MEDIATOR' };
    case 'QUEUE_MEDIATOR':
      return { kind: 'USER', userId: SAMPLE_IDS.mediatorId, role: 'MEDIATOR' };
    case 'SUPERVISOR':
      return { kind: 'USER', userId: SAMPLE_IDS.supervisorId, role: 'SUPERVISOR' };
    case 'COURT_LIAISON':
      return { kind: 'USER', userId: SAMPLE_IDS.liaisonId, role: 'COURT_LIAISON' };
    case 'SYSTEM':
      return { kind: 'SYSTEM' };
  }
}

export function toCaseEvent(step: SampleStep, legalCalendar: LegalCalendar = sampleCalendar()): CaseEvent {
  // The step's payload was built for its type, so type + payload + meta is that event.
  return {
    type: step.type,
    ...step.payload,
    meta: { actor: step.actor, today: step.today, now: step.now, calendar: legalCalendar },
  } as CaseEvent;
}

/** The latest date the case has seen: sample events never go back in time. */
export function sampleToday(context: CaseContext): LegalDate {
  const dates: (LegalDate | undefined)[] = [
    context.receivedOn,
    context.acceptedOn,
    context.consent?.consentedOn,
    context.effectiveOn,
    context.defaultReportedOn,
    context.closedOn,
    context.judicialConfirmation.appliedOn,
    context.judicialConfirmation.ruledOn,
    ...context.suspensions.flatMap((suspension) => [suspension.from, suspension.to]),
    ...context.payments.map((payment) => payment.paidOn),
    ...Object.values(context.signatures).map((signature) => signature?.signedOn),
  ];
  return dates.filter((date): date is LegalDate => date !== undefined).sort(compare).at(-1) as LegalDate;
}

interface StepOptions {
  readonly sender?: SampleSender;
  readonly today?: LegalDate;
  readonly now?: string;
}

function step<T extends CaseEventType>(
  context: CaseContext,
  type: T,
  payload: PayloadOf<T>,
  options: StepOptions = {},
): SampleStep {
  const sender = options.sender ?? (context.assignedMediatorId === undefined ? 'SUPERVISOR' : 'ASSIGNED_MEDIATOR');
  const today = options.today ?? sampleToday(context);
  return {
    type,
    payload,
    sender,
    actor: actorFor(sender, context),
    relation: relationFor(sender),
    today,
    now: options.now ?? instantOn(today),
  } as SampleStep;
}

export function sampleTerms(today: LegalDate, total = '186000.00'): AgreementTerms {
  const first = fromFen(toFen(total) / 2n);
  return {
    facts: '12 workers built the Longshan project from March to December 2025 and were not paid for the last 3 months.',
    disputedMatters: 'The amount of unpaid wages and when they are paid.',
    items: [{ kind: 'WAGES', description: 'Unpaid wages, September–December 2025', amount: total }],
    schedule: [
      { no: 1, dueOn: addDays(today, 10), amount: first },
      { no: 2, dueOn: addDays(today, 40), amount: subtractMoney(total, first) },
    ],
    waiverOfOtherClaims: true,
    defaultClause: 'On default the whole remaining amount falls due at once.',
    collectiveConsentRecorded: true,
  };
}

function unsignedParties(context: CaseContext): SignatureParty[] {
  return SIGNATURE_PARTIES.filter((party) => context.signatures[party] === undefined);
}

function firstUnpaid(context: CaseContext) {
  return context.instalments.find((instalment) => !isInstalmentPaid(instalment));
}

type Builder = (context: CaseContext) => SampleStep[];

/** Variants of each event that the chart accepts from a snapshot in a state that has the event. */
const BUILDERS: Record<CaseEventType, Builder> = {
  ACCEPT: (c) => [step(c, 'ACCEPT', { note: 'Within scope: unpaid wages' }, { sender: c.assignedMediatorId === undefined ? 'QUEUE_MEDIATOR' : 'ASSIGNED_MEDIATOR' })],
  REJECT: (c) => [step(c, 'REJECT', { reason: 'OTHER', note: 'The employer is in bankruptcy proceedings' }, { sender: 'SUPERVISOR' })],
  ASSIGN_MEDIATOR: (c) => {
    const mediatorId = c.assignedMediatorId === SAMPLE_IDS.mediatorId ? SAMPLE_IDS.otherMediatorId : SAMPLE_IDS.mediatorId;
    const assignee = { role: 'MEDIATOR' as const, organizationId: c.organizationId, active: true };
    return [step(c, 'ASSIGN_MEDIATOR', { mediatorId, reason: 'Workload', assignee }, { sender: 'SUPERVISOR' })];
  },
  RESPONDENT_CONSENTS: (c) =>
    c.assignedMediatorId === undefined ? [] : [step(c, 'RESPONDENT_CONSENTS', { consentedOn: sampleToday(c), channel: 'PHONE' })],
  RESPONDENT_REFUSES: (c) => {
    const consent = currentDeadline(c.deadlines, 'RESPONDENT_CONSENT');
    const refused = step(c, 'RESPONDENT_REFUSES', { reason: 'REFUSED', note: 'The employer will not mediate' }, { sender: 'SUPERVISOR' });
    if (consent === undefined) return [refused];
    return [refused, step(c, 'RESPONDENT_REFUSES', { reason: 'NO_REPLY' }, { sender: 'SYSTEM', today: addDays(consent.dueOn, 1) })];
  },
  SCHEDULE_SESSION: (c) => {
    const today = sampleToday(c);
    const sessionId = `session-${c.sessions.scheduled.length + 1}`;
    return [step(c, 'SCHEDULE_SESSION', { sessionId, at: instantOn(addDays(today, 1), '14:00'), location: 'Longshan studio, room 2' })];
  },
  RECORD_SESSION: (c) => {
    const today = sampleToday(c);
    const recordId = `record-${c.sessions.recorded.length + 1}`;
    return [
      step(
        c,
        'RECORD_SESSION',
        { recordId, heldAt: instantOn(today, '08:30'), summary: 'Both sides agreed on the months owed.', withoutPrejudice: false },
        { sender: 'ASSIGNED_MEDIATOR', now: instantOn(today, '10:00') },
      ),
    ];
  },
  EXTEND: (c) => [step(c, 'EXTEND', { days: 10, applicantConsents: true, respondentConsents: true })],
  SUSPEND: (c) => [
    step(c, 'SUSPEND', { reason: 'APPRAISAL', note: 'Wage records sent for appraisal' }),
    step(c, 'SUSPEND', { reason: 'PARTY_REQUEST', note: 'The employer asked for time to check its accounts' }),
  ],
  RESUME: (c) => [step(c, 'RESUME', { note: 'Appraisal report received' })],
  REACH_AGREEMENT: (c) => [step(c, 'REACH_AGREEMENT', { terms: sampleTerms(sampleToday(c)) }, { sender: 'ASSIGNED_MEDIATOR' })],
  MEDIATION_FAILED: (c) => [step(c, 'MEDIATION_FAILED', { reason: 'IRRECONCILABLE' })],
  DEADLINE_EXPIRED: (c) => {
    const period = currentDeadline(c.deadlines, 'MEDIATION_PERIOD');
    if (period === undefined || isPaused(period)) return [];
    const today = addDays(period.dueOn, 1);
    return [step(c, 'DEADLINE_EXPIRED', { deadlineKey: period.key }, { sender: 'SYSTEM', today, now: `${today}T00:00:00+08:00` })];
  },
  SIGN: (c) =>
    unsignedParties(c).map((party) => step(c, 'SIGN', { party }, { sender: party === 'ORGANIZATION' ? 'SUPERVISOR' : 'ASSIGNED_MEDIATOR' })),
  REFUSE_TO_SIGN: (c) => unsignedParties(c).slice(0, 1).map((party) => step(c, 'REFUSE_TO_SIGN', { party, reason: 'Disputes the amount' })),
  WITHDRAW: (c) => [step(c, 'WITHDRAW', { by: 'APPLICANT', reason: 'Paid directly by the general contractor' })],
  REQUEST_JUDICIAL_CONFIRMATION: (c) => {
    const courtId = isCourtSource(c.source) ? c.courtOrgId : SAMPLE_IDS.basicCourtId;
    return [step(c, 'REQUEST_JUDICIAL_CONFIRMATION', { jointApplication: true, courtId, courtKind: 'COURT' })];
  },
  CONFIRM_JUDICIALLY: (c) => [
    step(c, 'CONFIRM_JUDICIALLY', { rulingNumber: '（2026）吉0403民特12号', ruledOn: sampleToday(c) }, { sender: 'COURT_LIAISON' }),
  ],
  REFUSE_CONFIRMATION: (c) => [
    step(c, 'REFUSE_CONFIRMATION', { reason: 'The waiver clause covers social insurance', ruledOn: sampleToday(c) }, { sender: 'COURT_LIAISON' }),
  ],
  RECORD_PERFORMANCE: (c) => {
    const instalment = firstUnpaid(c);
    if (instalment === undefined) return [];
    return [step(c, 'RECORD_PERFORMANCE', { amountPaid: subtractMoney(instalment.amount, instalment.paid), paidOn: sampleToday(c) })];
  },
  PERFORMED_IN_FULL: (c) =>
    c.agreedTotal !== undefined && compareMoney(c.paidTotal, c.agreedTotal) === 0
      ? [step(c, 'PERFORMED_IN_FULL', { nonMonetaryDone: true })]
      : [],
  REPORT_DEFAULT: (c) => {
    const instalment = firstUnpaid(c);
    if (instalment === undefined) return [];
    const overdueOn = addDays(instalment.dueOn, 1);
    const today = compare(overdueOn, sampleToday(c)) > 0 ? overdueOn : sampleToday(c);
    return [step(c, 'REPORT_DEFAULT', { note: 'Instalment not paid' }, { today })];
  },
  REFER: (c) =>
    REFERRAL_ROUTES.filter((route) => isRouteOpen(c, route)).map((route) => step(c, 'REFER', { route, note: 'Employer stopped paying' })),
};

export interface TransitionRow {
  readonly no: number;
  readonly from: CaseState;
  readonly event: CaseEventType;
  /** '=' is a self-transition. */
  readonly to: CaseState | '=';
}

const OPEN_STATES = CASE_STATES.filter((state) => !state.startsWith('closed.'));
const INTAKE = ['intake.registered', 'intake.awaitingConsent'] as const;
const MEDIATION = ['mediation.active', 'mediation.suspended'] as const;
const PERFORMING = ['agreement.effective', 'agreement.judicialReview', 'agreement.confirmed', 'agreement.defaulted'] as const;

function rows(no: number, from: readonly CaseState[], event: CaseEventType, to: CaseState | '='): TransitionRow[] {
  return from.map((state) => ({ no, from: state, event, to }));
}

/** DOMAIN §3 transitions #1–#24, one row per source state. */
export const TRANSITION_TABLE: readonly TransitionRow[] = [
  ...rows(1, ['intake.registered'], 'ACCEPT', 'intake.awaitingConsent'),
  ...rows(2, ['intake.registered'], 'REJECT', 'closed.rejected'),
  ...rows(3, OPEN_STATES, 'ASSIGN_MEDIATOR', '='),
  ...rows(4, ['intake.awaitingConsent'], 'RESPONDENT_CONSENTS', 'mediation.active'),
  ...rows(5, ['intake.awaitingConsent'], 'RESPONDENT_REFUSES', 'closed.failed'),
  ...rows(6, ['mediation.active'], 'SCHEDULE_SESSION', '='),
  ...rows(7, ['mediation.active'], 'RECORD_SESSION', '='),
  ...rows(8, ['mediation.active'], 'EXTEND', '='),
  ...rows(9, ['mediation.active'], 'SUSPEND', 'mediation.suspended'),
  ...rows(10, ['mediation.suspended'], 'RESUME', 'mediation.active'),
  ...rows(11, ['mediation.active'], 'REACH_AGREEMENT', 'agreement.signing'),
  ...rows(12, MEDIATION, 'MEDIATION_FAILED', 'closed.failed'),
  ...rows(13, [...INTAKE, ...MEDIATION], 'DEADLINE_EXPIRED', 'closed.failed'),
  ...rows(14, ['agreement.signing'], 'SIGN', '='),
  ...rows(15, ['agreement.signing'], 'SIGN', 'agreement.effective'),
  ...rows(16, ['agreement.signing'], 'REFUSE_TO_SIGN', 'closed.failed'),
  ...rows(17, [...INTAKE, ...MEDIATION, 'agreement.signing'], 'WITHDRAW', 'closed.withdrawn'),
  ...rows(18, ['agreement.effective'], 'REQUEST_JUDICIAL_CONFIRMATION', 'agreement.judicialReview'),
  ...rows(19, ['agreement.judicialReview'], 'CONFIRM_JUDICIALLY', 'agreement.confirmed'),
  ...rows(20, ['agreement.judicialReview'], 'REFUSE_CONFIRMATION', 'mediation.active'),
  ...rows(21, PERFORMING, 'RECORD_PERFORMANCE', '='),
  ...rows(22, PERFORMING, 'PERFORMED_IN_FULL', 'closed.resolved'),
  ...rows(23, ['agreement.effective', 'agreement.confirmed'], 'REPORT_DEFAULT', 'agreement.defaulted'),
  ...rows(24, ['agreement.defaulted'], 'REFER', 'closed.referred'),
];

/** The event types the table gives a state, in table order. */
export function acceptedEventTypes(state: CaseState): CaseEventType[] {
  return [...new Set(TRANSITION_TABLE.filter((row) => row.from === state).map((row) => row.event))];
}

/** Valid sample events for a snapshot: guards and sender rules pass for each of them. */
export function sampleSteps(state: CaseState, context: CaseContext): SampleStep[] {
  return acceptedEventTypes(state).flatMap((type) => BUILDERS[type](context));
}

/** A sample of `type` for any state, for refusal tests; it falls back to a supervisor's or the timer's. */
export function anySampleStep(type: CaseEventType, context: CaseContext): SampleStep {
  const sample = BUILDERS[type](context)[0] ?? FALLBACKS[type]?.(context);
  if (sample === undefined) throw new Error(`No sample ${type} for this context`);
  return sample;
}

const FALLBACKS: Partial<Record<CaseEventType, (context: CaseContext) => SampleStep>> = {
  RESPONDENT_CONSENTS: (c) => step(c, 'RESPONDENT_CONSENTS', { consentedOn: sampleToday(c) }, { sender: 'SUPERVISOR' }),
  DEADLINE_EXPIRED: (c) => step(c, 'DEADLINE_EXPIRED', { deadlineKey: 'MEDIATION_PERIOD#1' }, { sender: 'SYSTEM' }),
  SIGN: (c) => step(c, 'SIGN', { party: 'APPLICANT' }, { sender: 'SUPERVISOR' }),
  REFUSE_TO_SIGN: (c) => step(c, 'REFUSE_TO_SIGN', { party: 'RESPONDENT', reason: 'Disputes the amount' }, { sender: 'SUPERVISOR' }),
  RECORD_PERFORMANCE: (c) => step(c, 'RECORD_PERFORMANCE', { amountPaid: '1000.00', paidOn: sampleToday(c) }, { sender: 'SUPERVISOR' }),
  PERFORMED_IN_FULL: (c) => step(c, 'PERFORMED_IN_FULL', { nonMonetaryDone: true }, { sender: 'SUPERVISOR' }),
  REPORT_DEFAULT: (c) => step(c, 'REPORT_DEFAULT', {}, { sender: 'SUPERVISOR' }),
  REFER: (c) => step(c, 'REFER', { route: 'ARBITRATION' }, { sender: 'SUPERVISOR' }),
};

export interface StepOverrides {
  readonly payload?: Record<string, unknown>;
  readonly sender?: SampleSender;
  readonly today?: LegalDate;
  readonly now?: string;
}

/** A case driven through decide() as the service would, for arranging and acting in tests. */
export class SampleCase {
  private constructor(public stored: StoredCase) {}

  static open(overrides: Partial<Omit<CaseInput, 'meta'>> = {}): SampleCase {
    const created = createCase(sampleCaseInput(overrides));
    return new SampleCase({ machineVersion: created.machineVersion, snapshot: created.snapshot });
  }

  get context(): CaseContext {
    return this.stored.snapshot.context;
  }

  get state(): CaseState {
    return stateOf(this.stored);
  }

  /** The sample step of `type` for the current context with overrides applied. */
  stepFor(type: CaseEventType, overrides: StepOverrides = {}): SampleStep {
    const base = anySampleStep(type, this.context);
    const sender = overrides.sender ?? base.sender;
    const today = overrides.today ?? base.today;
    return {
      ...base,
      payload: { ...base.payload, ...overrides.payload },
      sender,
      actor: actorFor(sender, this.context),
      relation: relationFor(sender),
      today,
      now: overrides.now ?? (overrides.today === undefined ? base.now : instantOn(today)),
    } as SampleStep;
  }

  /** Sends and, when applied, keeps the new snapshot, as the service's CAS update would. */
  send(type: CaseEventType, overrides: StepOverrides = {}): Decision {
    const sample = this.stepFor(type, overrides);
    const decision = decide(this.stored, toCaseEvent(sample), sample.relation);
    if (decision.ok) this.stored = { machineVersion: this.stored.machineVersion, snapshot: decision.snapshot };
    return decision;
  }

  /** Arrange-only: sends and fails loudly when the chart refuses. */
  given(type: CaseEventType, overrides: StepOverrides = {}): this {
    const decision = this.send(type, overrides);
    if (!decision.ok) throw new Error(`Arranging ${type} in ${this.state} failed: ${JSON.stringify(decision)}`);
    return this;
  }

  /** Arrange-only: signs for every party, the organisation last. */
  signAll(): this {
    for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR', 'ORGANIZATION'] as const) {
      this.given('SIGN', { payload: { party }, sender: party === 'ORGANIZATION' ? 'SUPERVISOR' : 'ASSIGNED_MEDIATOR' });
    }
    return this;
  }
}
