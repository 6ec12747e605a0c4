import { compare, diffDays, type LegalDate } from '../../calendar/legal-date';
import { agreedTotalOf, allocatePayments } from './case-agreement';
import {
  ACCEPTANCE_WORKING_DAYS,
  closeDeadlines,
  CONFIRMATION_WINDOW_DAYS,
  CONSENT_WORKING_DAYS,
  COURT_DECISION_DAYS,
  currentDeadline,
  isWageClaim,
  type Deadlines,
  limitationStart,
  LIMITATION_YEARS,
  markDeadlines,
  mediationPeriodRule,
  openDeadline,
  pauseDeadline,
  resumeDeadline,
  settleDeadlines,
  settleKind,
  supersede,
} from './case-deadlines';
import type { Advice, CaseContext, ClaimsSummary, Instalment, Suspension } from './case.context';
import type { ApplicantEmployment, CaseInput, EventActor, EventMeta, EventOfType, LegalCalendar } from './case.events';
import { confirmationCourtId } from './case.guards';
import {
  CLOCK_STOPPING_SUSPEND_REASONS,
  COLLECTIVE_WORKER_COUNT,
  isCourtSource,
  type CaseEventType,
  type CaseOutcome,
  type ClaimType,
  type ClosedState,
  type SuspendReason,
} from './case.types';
import { addMoney, ZERO_MONEY } from './money';

// What each applied event does to the context (DOMAIN §3 Effects, §4 "Met by"). Pure functions of
// (context, event): the machine wraps them in assign(), so every effect is deterministic and lands
// in the persisted snapshot in the same transaction as the state change.

type Effect<T extends CaseEventType> = (context: CaseContext, event: EventOfType<T>) => CaseContext;

// --- creation (DOMAIN §2 "Creating a case") ---

export function initialContext(input: CaseInput): CaseContext {
  const claims = summarizeClaims(input.claimTypes, input.applicants, input.knewOrShouldHaveKnownAt);
  const base: CaseContext = {
    source: input.source,
    workerCount: input.workerCount,
    collective: input.workerCount >= COLLECTIVE_WORKER_COUNT,
    organizationId: input.organizationId,
    ...(input.courtOrgId === undefined ? {} : { courtOrgId: input.courtOrgId }),
    ...(input.courtProcedure === undefined ? {} : { courtProcedure: input.courtProcedure }),
    ...(input.assignedMediatorId === undefined ? {} : { assignedMediatorId: input.assignedMediatorId }),
    ...(input.maxExtensionDays === undefined ? {} : { maxExtensionDays: input.maxExtensionDays }),
    receivedOn: input.receivedOn,
    claims,
    sessions: { scheduled: [], recorded: [] },
    suspensions: [],
    extensionDaysTotal: 0,
    instalments: [],
    signatures: {},
    judicialConfirmation: { status: 'NONE' },
    payments: [],
    paidTotal: ZERO_MONEY,
    deadlines: [],
  };
  return { ...base, deadlines: openingDeadlines(base, input.meta.calendar) };
}

function summarizeClaims(
  types: readonly ClaimType[],
  applicants: readonly ApplicantEmployment[],
  knewOrShouldHaveKnownAt: LegalDate,
): ClaimsSummary {
  const endedOn = applicants
    .flatMap((applicant) =>
      applicant.employmentRelation === 'FORMER' && applicant.employmentEndedOn !== undefined ? [applicant.employmentEndedOn] : [],
    )
    .sort(compare)[0];
  return {
    types: [...new Set(types)],
    hasWageClaim: types.some(isWageClaim),
    ...(endedOn === undefined ? {} : { earliestEmploymentEndedOn: endedOn }),
    knewOrShouldHaveKnownAt,
  };
}

function openingDeadlines(context: CaseContext, calendar: LegalCalendar): Deadlines {
  const acceptanceBasis = isCourtSource(context.source)
    ? 'Decide on acceptance within 3 working days of receiving the court file (Online Art.12)'
    : 'Decide on acceptance within 3 working days of receipt (Online Art.12, applied to union cases by local rule [U])';
  const period = mediationPeriodRule(context.source, context.courtProcedure);
  const limitation = limitationStart(context.claims);
  let deadlines: Deadlines = openDeadline(
    [],
    { kind: 'ACCEPTANCE_DECISION', startsOn: context.receivedOn, days: ACCEPTANCE_WORKING_DAYS, unit: 'WORKING_DAYS', basis: acceptanceBasis },
    calendar,
  );
  deadlines = openDeadline(
    deadlines,
    { kind: 'MEDIATION_PERIOD', startsOn: context.receivedOn, days: period.days, unit: 'CALENDAR_DAYS', basis: period.basis },
    calendar,
  );
  if (limitation === undefined) return deadlines;
  return openDeadline(
    deadlines,
    { kind: 'ARBITRATION_LIMITATION', startsOn: limitation.startsOn, days: LIMITATION_YEARS, unit: 'YEARS', basis: limitation.basis },
    calendar,
  );
}

// --- intake ---

function queueMediatorOf(actor: EventActor): string | undefined {
  return actor.kind === 'USER' && actor.role === 'MEDIATOR' ? actor.userId : undefined;
}

export const accept: Effect<'ACCEPT'> = (context, event) => {
  const { today, calendar, actor } = event.meta;
  const settled = settleKind(context.deadlines, 'ACCEPTANCE_DECISION', today);
  const deadlines = openDeadline(
    settled,
    {
      kind: 'RESPONDENT_CONSENT',
      startsOn: today,
      days: CONSENT_WORKING_DAYS,
      unit: 'WORKING_DAYS',
      basis: 'The respondent answers within 3 working days; no answer counts as refusal (Online Art.15)',
    },
    calendar,
  );
  // A queue mediator (Mq) who accepts an unassigned case takes it on (DOMAIN §3 Effects #1).
  const assignedMediatorId = context.assignedMediatorId ?? queueMediatorOf(actor);
  return { ...context, acceptedOn: today, deadlines, ...(assignedMediatorId === undefined ? {} : { assignedMediatorId }) };
};

export const reject: Effect<'REJECT'> = (context, event) => ({
  ...context,
  outcome: `REJECTED:${event.reason}`,
  deadlines: settleKind(context.deadlines, 'ACCEPTANCE_DECISION', event.meta.today),
});

export const assignMediator: Effect<'ASSIGN_MEDIATOR'> = (context, event) => ({
  ...context,
  assignedMediatorId: event.mediatorId,
});

export const recordConsent: Effect<'RESPONDENT_CONSENTS'> = (context, event) => ({
  ...context,
  consent: { consentedOn: event.consentedOn, ...(event.channel === undefined ? {} : { channel: event.channel }) },
  deadlines: settleKind(context.deadlines, 'RESPONDENT_CONSENT', event.consentedOn),
});

const REFUSAL_OUTCOMES = {
  REFUSED: 'RESPONDENT_REFUSED',
  UNREACHABLE: 'RESPONDENT_UNREACHABLE',
  NO_REPLY: 'RESPONDENT_NO_REPLY',
} as const satisfies Record<EventOfType<'RESPONDENT_REFUSES'>['reason'], CaseOutcome>;

export const recordRespondentRefusal: Effect<'RESPONDENT_REFUSES'> = (context, event) => {
  // A refusal a user records answers the consent deadline; NO_REPLY is its expiry (DOMAIN §4 Met by).
  const deadlines =
    event.reason === 'NO_REPLY'
      ? markDeadlines(context.deadlines, (entry) => entry.kind === 'RESPONDENT_CONSENT', 'MISSED')
      : settleKind(context.deadlines, 'RESPONDENT_CONSENT', event.meta.today);
  return { ...context, outcome: REFUSAL_OUTCOMES[event.reason], deadlines };
};

// --- mediation ---

export const scheduleSession: Effect<'SCHEDULE_SESSION'> = (context, event) => ({
  ...context,
  sessions: {
    ...context.sessions,
    scheduled: [
      ...context.sessions.scheduled,
      { id: event.sessionId, at: event.at, online: event.online === true, ...(event.location === undefined ? {} : { location: event.location }) },
    ],
  },
});

export const recordSession: Effect<'RECORD_SESSION'> = (context, event) => ({
  ...context,
  sessions: {
    ...context.sessions,
    recorded: [
      ...context.sessions.recorded,
      {
        id: event.recordId,
        heldAt: event.heldAt,
        withoutPrejudice: event.withoutPrejudice,
        ...(event.sessionId === undefined ? {} : { scheduledSessionId: event.sessionId }),
      },
    ],
  },
});

/** DOMAIN §4 EXTEND: the period is superseded by one starting on the old rolled dueOn. */
export const extendPeriod: Effect<'EXTEND'> = (context, event) => {
  const basis = isCourtSource(context.source)
    ? `Extended by ${event.days} days with both parties' consent (Invited Art.27; Online Art.24)`
    : `Extended by ${event.days} days with both parties' consent (project rule [U]; LDMAL Art.14 opens arbitration after day 15)`;
  const deadlines = supersede(
    context.deadlines,
    'MEDIATION_PERIOD',
    (current) => ({ startsOn: current.dueOn, days: event.days, unit: 'CALENDAR_DAYS', basis }),
    event.meta.calendar,
  );
  return { ...context, deadlines, extensionDaysTotal: context.extensionDaysTotal + event.days };
};

function stopsClock(reason: SuspendReason): boolean {
  return (CLOCK_STOPPING_SUSPEND_REASONS as readonly SuspendReason[]).includes(reason);
}

export const suspendMediation: Effect<'SUSPEND'> = (context, event) => {
  const { today } = event.meta;
  const clockStopped = stopsClock(event.reason);
  const suspension: Suspension = {
    reason: event.reason,
    from: today,
    clockStopped,
    ...(event.note === undefined ? {} : { note: event.note }),
  };
  return {
    ...context,
    suspensions: [...context.suspensions, suspension],
    deadlines: clockStopped ? pauseDeadline(context.deadlines, 'MEDIATION_PERIOD', today) : context.deadlines,
  };
};

function endOpenSuspension(suspensions: readonly Suspension[], today: LegalDate): readonly Suspension[] {
  return suspensions.map((suspension) => (suspension.to === undefined ? { ...suspension, to: today } : suspension));
}

export const resumeMediation: Effect<'RESUME'> = (context, event) => ({
  ...context,
  suspensions: endOpenSuspension(context.suspensions, event.meta.today),
  deadlines: resumeDeadline(context.deadlines, 'MEDIATION_PERIOD', event.meta.today, event.meta.calendar),
});

export const recordAgreement: Effect<'REACH_AGREEMENT'> = (context, event) => ({
  ...context,
  terms: event.terms,
  agreedTotal: agreedTotalOf(event.terms),
  // Payments made under a refused agreement (#20) count towards the new one.
  instalments: allocatePayments(event.terms.schedule, context.payments),
  deadlines: settleKind(context.deadlines, 'MEDIATION_PERIOD', event.meta.today),
});

export const recordMediationFailure: Effect<'MEDIATION_FAILED'> = (context, event) => ({
  ...context,
  outcome: `MEDIATION_FAILED:${event.reason}`,
});

export const expirePeriod: Effect<'DEADLINE_EXPIRED'> = (context, event) => ({
  ...context,
  outcome: 'DEADLINE_EXPIRED',
  deadlines: markDeadlines(context.deadlines, (entry) => entry.key === event.deadlineKey, 'MISSED'),
});

// --- agreement ---

export const recordSignature: Effect<'SIGN'> = (context, event) => {
  const recordedBy = event.meta.actor.kind === 'USER' ? event.meta.actor.userId : 'SYSTEM';
  return { ...context, signatures: { ...context.signatures, [event.party]: { signedOn: event.meta.today, recordedBy } } };
};

/** #15: the fourth signature makes the agreement effective on that day (Online Art.19). */
export const makeAgreementEffective: Effect<'SIGN'> = (context, event) => {
  const { today: effectiveOn, calendar } = event.meta;
  let deadlines = context.deadlines;
  // An entrusted case is already before the court, which issues a mediation statement instead (Invited Art.20).
  if (context.source !== 'COURT_ENTRUSTED') deadlines = openConfirmationWindow(deadlines, effectiveOn, calendar);
  deadlines = openPaymentDeadlines(deadlines, context.instalments, effectiveOn, calendar);
  deadlines = interruptLimitation(deadlines, effectiveOn, calendar);
  return { ...context, effectiveOn, deadlines };
};

function openConfirmationWindow(deadlines: Deadlines, effectiveOn: LegalDate, calendar: LegalCalendar): Deadlines {
  return openDeadline(
    deadlines,
    {
      kind: 'JUDICIAL_CONFIRMATION_WINDOW',
      startsOn: effectiveOn,
      days: CONFIRMATION_WINDOW_DAYS,
      unit: 'CALENDAR_DAYS',
      basis: 'Joint application for judicial confirmation within 30 days of the agreement taking effect (CPL Art.205)',
    },
    calendar,
  );
}

function openPaymentDeadlines(
  deadlines: Deadlines,
  instalments: readonly Instalment[],
  effectiveOn: LegalDate,
  calendar: LegalCalendar,
): Deadlines {
  return instalments.reduce(
    (opened, instalment) =>
      openDeadline(
        opened,
        {
          kind: 'PAYMENT_DUE',
          startsOn: effectiveOn,
          days: Math.max(0, diffDays(effectiveOn, instalment.dueOn)),
          unit: 'FIXED',
          basis: `Instalment ${instalment.no} of the mediation agreement, due on the agreed date (never rolled)`,
          instalmentNo: instalment.no,
        },
        calendar,
      ),
    deadlines,
  );
}

/** The employer's promise to pay interrupts the limitation, which starts again (LDMAL Art.27 ¶2). */
function interruptLimitation(deadlines: Deadlines, effectiveOn: LegalDate, calendar: LegalCalendar): Deadlines {
  return supersede(
    deadlines,
    'ARBITRATION_LIMITATION',
    () => ({
      startsOn: effectiveOn,
      days: LIMITATION_YEARS,
      unit: 'YEARS',
      basis: 'Limitation interrupted by the mediation agreement and restarted on its effective date (LDMAL Art.27 ¶2)',
    }),
    calendar,
  );
}

export const recordSigningRefusal: Effect<'REFUSE_TO_SIGN'> = (context, event) => ({
  ...context,
  outcome: 'REFUSED_TO_SIGN',
  signingRefusal: { party: event.party, reason: event.reason },
});

export const recordWithdrawal: Effect<'WITHDRAW'> = (context) => ({ ...context, outcome: 'WITHDRAWN' });

export const requestJudicialConfirmation: Effect<'REQUEST_JUDICIAL_CONFIRMATION'> = (context, event) => {
  const { calendar } = event.meta;
  const { courtId, appliedOn } = judicialConfirmationRequestedParams(context, event);
  const settled = settleKind(context.deadlines, 'JUDICIAL_CONFIRMATION_WINDOW', appliedOn);
  const deadlines = openDeadline(
    settled,
    {
      kind: 'COURT_DECISION',
      startsOn: appliedOn,
      days: COURT_DECISION_DAYS,
      unit: 'CALENDAR_DAYS',
      basis: 'The court decides within 15 days of the application, +10 with its president’s approval (SPC 2011 judicial confirmation provisions Art.7)',
    },
    calendar,
  );
  return {
    ...context,
    reviewCourtId: courtId,
    judicialConfirmation: {
      status: 'REQUESTED',
      courtId,
      appliedOn,
      ...(event.jointApplication === undefined ? {} : { jointApplication: event.jointApplication }),
    },
    deadlines,
  };
};

export const recordConfirmation: Effect<'CONFIRM_JUDICIALLY'> = (context, event) => ({
  ...context,
  judicialConfirmation: {
    ...context.judicialConfirmation,
    status: 'CONFIRMED',
    rulingNumber: event.rulingNumber,
    ruledOn: event.ruledOn,
  },
  deadlines: settleKind(context.deadlines, 'COURT_DECISION', event.ruledOn),
});

/**
 * #20: the court refused, so the parties may change the agreement or make a new one (CPL Art.206).
 * The old payment dates and signatures no longer bind, and a new period of the source's base
 * length starts on the ruling [U].
 */
export const reopenMediation: Effect<'REFUSE_CONFIRMATION'> = (context, event) => {
  const period = mediationPeriodRule(context.source, context.courtProcedure);
  let deadlines = settleKind(context.deadlines, 'COURT_DECISION', event.ruledOn);
  deadlines = markDeadlines(deadlines, (entry) => entry.kind === 'PAYMENT_DUE', 'CANCELLED');
  deadlines = openDeadline(
    deadlines,
    {
      kind: 'MEDIATION_PERIOD',
      startsOn: event.ruledOn,
      days: period.days,
      unit: 'CALENDAR_DAYS',
      basis: `Re-mediation after confirmation was refused (CPL Art.206; period is a project rule [U]): ${period.basis}`,
    },
    event.meta.calendar,
  );
  return {
    ...context,
    // assign() merges, so a key is cleared by setting it undefined (dropped by JSON) rather than omitting it.
    effectiveOn: undefined,
    signatures: {},
    judicialConfirmation: { ...context.judicialConfirmation, status: 'REFUSED', ruledOn: event.ruledOn, refusalReason: event.reason },
    deadlines,
  };
};

export const recordPayment: Effect<'RECORD_PERFORMANCE'> = (context, event) => {
  const payments = [...context.payments, { amount: event.amountPaid, paidOn: event.paidOn, recordedOn: event.meta.today }];
  const instalments = allocatePayments(context.terms?.schedule ?? [], payments);
  return {
    ...context,
    payments,
    paidTotal: addMoney(context.paidTotal, event.amountPaid),
    instalments,
    deadlines: settlePaidInstalments(context.deadlines, instalments),
  };
};

/** A PAYMENT_DUE is met when its instalment was paid in full by the agreed date (DOMAIN §4 Met by). */
function settlePaidInstalments(deadlines: Deadlines, instalments: readonly Instalment[]): Deadlines {
  return instalments.reduce((settled, instalment) => {
    if (instalment.paidInFullOn === undefined) return settled;
    const matches = (entry: Deadlines[number]) => entry.kind === 'PAYMENT_DUE' && entry.instalmentNo === instalment.no;
    return settleDeadlines(settled, matches, instalment.paidInFullOn);
  }, deadlines);
}

export const recordFullPerformance: Effect<'PERFORMED_IN_FULL'> = (context) => {
  const { status } = context.judicialConfirmation;
  // Paid in full while the court is still deciding: the application has no object left (#22).
  const judicialConfirmation =
    status === 'REQUESTED' ? { ...context.judicialConfirmation, status: 'WITHDRAWN' as const } : context.judicialConfirmation;
  return { ...context, outcome: 'RESOLVED', judicialConfirmation };
};

export const recordDefault: Effect<'REPORT_DEFAULT'> = (context, event) => {
  const { today } = event.meta;
  const overdue = new Set(
    context.instalments
      .filter((instalment) => compare(instalment.dueOn, today) < 0 && instalment.paidInFullOn === undefined)
      .map((instalment) => instalment.no),
  );
  const matches = (entry: Deadlines[number]) =>
    entry.kind === 'PAYMENT_DUE' && entry.instalmentNo !== undefined && overdue.has(entry.instalmentNo);
  return { ...context, defaultReportedOn: today, deadlines: markDeadlines(context.deadlines, matches, 'MISSED') };
};

export const recordReferral: Effect<'REFER'> = (context, event) => {
  // Taking the case to arbitration is what the limitation waits for (DOMAIN §4 Met by #24 ARBITRATION).
  const deadlines =
    event.route === 'ARBITRATION'
      ? settleKind(context.deadlines, 'ARBITRATION_LIMITATION', event.meta.today)
      : context.deadlines;
  return {
    ...context,
    outcome: `REFERRED:${event.route}`,
    referral: { route: event.route, ...(event.courtId === undefined ? {} : { courtId: event.courtId }) },
    deadlines,
  };
};

// --- closure ---

/**
 * Entering closed.*: nothing is awaited any more. After failed, rejected or withdrawn the dispute
 * is still open elsewhere, so the arbitration limitation keeps running (DOMAIN §3 Effects).
 */
export function closeCase(context: CaseContext, meta: Pick<EventMeta, 'today'>, keepLimitation: boolean): CaseContext {
  const keep = (entry: Deadlines[number]) => keepLimitation && entry.kind === 'ARBITRATION_LIMITATION';
  return {
    ...context,
    closedOn: meta.today,
    suspensions: endOpenSuspension(context.suspensions, meta.today),
    deadlines: closeDeadlines(context.deadlines, meta.today, keep),
  };
}

/** DOMAIN §3 Advice: where an unresolved dispute goes next. */
export function adviseNextStep(context: CaseContext, meta: Pick<EventMeta, 'today' | 'calendar'>): CaseContext {
  return { ...context, advice: adviceFor(context, meta) };
}

function adviceFor(context: CaseContext, meta: Pick<EventMeta, 'today' | 'calendar'>): Advice {
  if (context.source === 'COURT_DELEGATED') {
    return {
      nextStep: 'COURT_FILES_CASE',
      basis: 'Delegated mediation ended without agreement: the court files the case (Invited Art.21)',
      courtFeedbackDue: true,
    };
  }
  if (context.source === 'COURT_ENTRUSTED') {
    return {
      nextStep: 'TRIAL_RESUMES',
      basis: 'Entrusted mediation ended without agreement: the trial resumes (Invited Art.21)',
      courtFeedbackDue: true,
    };
  }
  const limitation = currentDeadline(context.deadlines, 'ARBITRATION_LIMITATION');
  return {
    nextStep: 'ARBITRATE_BEFORE_LIMITATION',
    basis: 'Apply for labour arbitration before the limitation date (LDMAL Arts.14 and 27)',
    courtFeedbackDue: false,
    ...(limitation === undefined
      ? {}
      : { limitationDueOn: limitation.dueOn, ifInterruptedDueOn: meta.calendar.addYears(meta.today, LIMITATION_YEARS).dueOn }),
  };
}

// --- notifications the service executes (I/O beyond the context) ---

export interface CaseClosedParams {
  readonly state: ClosedState;
  readonly outcome: CaseOutcome | undefined;
  /** Delegated and entrusted cases owe the court a feedback letter (Invited Arts.21 and 26; DOMAIN §8). */
  readonly courtFeedbackDue: boolean;
}

export interface MediatorAssignedParams {
  readonly mediatorId: string;
  readonly previousMediatorId?: string;
}

export interface JudicialConfirmationRequestedParams {
  readonly courtId: string;
  readonly appliedOn: LegalDate;
  /** An entrusted case asks the entrusting court for a mediation statement (Invited Art.20). */
  readonly mediationStatement: boolean;
}

export type CaseNotification =
  | { readonly type: 'caseClosed'; readonly params: CaseClosedParams }
  | { readonly type: 'mediatorAssigned'; readonly params: MediatorAssignedParams }
  | { readonly type: 'judicialConfirmationRequested'; readonly params: JudicialConfirmationRequestedParams };

export const CASE_NOTIFICATION_TYPES = ['caseClosed', 'mediatorAssigned', 'judicialConfirmationRequested'] as const satisfies readonly CaseNotification['type'][];

export function caseClosedParams(context: CaseContext, state: ClosedState): CaseClosedParams {
  return { state, outcome: context.outcome, courtFeedbackDue: isCourtSource(context.source) };
}

export function mediatorAssignedParams(context: CaseContext, event: EventOfType<'ASSIGN_MEDIATOR'>): MediatorAssignedParams {
  return {
    mediatorId: event.mediatorId,
    ...(context.assignedMediatorId === undefined ? {} : { previousMediatorId: context.assignedMediatorId }),
  };
}

/** Read before the request is recorded; the guard has made sure the court is named (courtNamed). */
export function judicialConfirmationRequestedParams(
  context: CaseContext,
  event: EventOfType<'REQUEST_JUDICIAL_CONFIRMATION'>,
): JudicialConfirmationRequestedParams {
  return {
    courtId: confirmationCourtId(context, event) ?? '',
    appliedOn: event.appliedOn ?? event.meta.today,
    mediationStatement: context.source === 'COURT_ENTRUSTED',
  };
}
