import { compare, type LegalDate } from '../../calendar/legal-date';
import {
  agreedTotalOf,
  hasNonMonetaryItem,
  hasOverdueInstalment,
  hasPaymentOrderItem,
  isMoneyItem,
  isWagesOnly,
} from './case-agreement';
import { currentDeadline, findDeadline, isOverdue, isPaused } from './case-deadlines';
import type { AgreementTerms, CaseContext } from './case.context';
import {
  isEventOf,
  type CaseEvent,
  type EventOfType,
  type LegalCalendar,
  type RequestJudicialConfirmationEvent,
} from './case.events';
import {
  isCourtSource,
  REFERRAL_ROUTES,
  SIGNATURE_PARTIES,
  type CaseEventType,
  type ReferralRoute,
  type SignatureParty,
} from './case.types';
import { compareMoney, isMoney, isPositiveMoney, sumMoney, toFen, ZERO_MONEY } from './money';

// Every guard of the chart (DOMAIN §3 "Guards" and the Guard column) as an ordered list of named
// rules. The machine sees one predicate per guard; a refusal names the guard and its first broken
// rule. Rules marked `context` need no payload, so allowedEvents can check them (Invariant 8).

export interface RuleClock {
  readonly today: LegalDate;
  readonly calendar: LegalCalendar;
}

export interface ContextRule {
  readonly name: string;
  readonly message: string;
  holds(context: CaseContext, clock: RuleClock): boolean;
}

export interface EventRule<E> {
  readonly name: string;
  readonly message: string;
  holds(context: CaseContext, event: E): boolean;
}

export interface GuardSpec {
  readonly eventType: CaseEventType;
  readonly contextRules: readonly ContextRule[];
  readonly eventRules: readonly EventRule<CaseEvent>[];
}

export interface BrokenRule {
  readonly name: string;
  readonly message: string;
}

function guardOf<T extends CaseEventType>(
  eventType: T,
  rules: { readonly context?: readonly ContextRule[]; readonly event?: readonly EventRule<EventOfType<T>>[] },
): GuardSpec {
  return {
    eventType,
    contextRules: rules.context ?? [],
    eventRules: (rules.event ?? []).map((rule) => ({
      name: rule.name,
      message: rule.message,
      holds: (context: CaseContext, event: CaseEvent) => isEventOf(event, eventType) && rule.holds(context, event),
    })),
  };
}

/** The first rule of `spec` that (context, event) breaks, or undefined when the guard passes. */
export function brokenRule(spec: GuardSpec, context: CaseContext, event: CaseEvent): BrokenRule | undefined {
  const contextRule = spec.contextRules.find((rule) => !rule.holds(context, event.meta));
  if (contextRule !== undefined) return { name: contextRule.name, message: contextRule.message };
  const eventRule = spec.eventRules.find((rule) => !rule.holds(context, event));
  return eventRule === undefined ? undefined : { name: eventRule.name, message: eventRule.message };
}

export function contextRulesHold(spec: GuardSpec, context: CaseContext, clock: RuleClock): boolean {
  return spec.contextRules.every((rule) => rule.holds(context, clock));
}

function hasText(value: string | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

// Instants carry their offset (DTO-validated), so Date.parse compares them exactly; NaN fails closed.
function isBefore(instant: string, other: string): boolean {
  return Date.parse(instant) < Date.parse(other);
}

const noteForOther = {
  name: 'noteForOtherReason',
  message: 'A note is required when the reason is OTHER',
  holds: (_context: CaseContext, event: { readonly reason: string; readonly note?: string }) =>
    event.reason !== 'OTHER' || hasText(event.note),
};

const mediatorAssigned: ContextRule = {
  name: 'mediatorAssigned',
  message: 'A mediator must be assigned first',
  holds: (context) => context.assignedMediatorId !== undefined,
};

const assigneeEligible = guardOf('ASSIGN_MEDIATOR', {
  event: [
    { name: 'assigneeExists', message: 'No such user', holds: (_c, e) => e.assignee !== null },
    { name: 'assigneeIsMediator', message: 'The assignee must be a MEDIATOR', holds: (_c, e) => e.assignee?.role === 'MEDIATOR' },
    {
      name: 'assigneeInOrganization',
      message: "The assignee must belong to the case's organisation",
      holds: (c, e) => e.assignee?.organizationId === c.organizationId,
    },
    { name: 'assigneeActive', message: 'The assignee is deactivated', holds: (_c, e) => e.assignee?.active === true },
    {
      name: 'assigneeNotCurrent',
      message: 'The assignee is already the assigned mediator',
      holds: (c, e) => e.mediatorId !== c.assignedMediatorId,
    },
  ],
});

const noReplyOnlyWhenOverdue = guardOf('RESPONDENT_REFUSES', {
  event: [
    {
      // No reply within 3 working days counts as refusal (Online Art.15), but only once they have passed.
      name: 'consentOverdue',
      message: 'NO_REPLY is recorded only once the RESPONDENT_CONSENT deadline has passed',
      holds: (c, e) => {
        if (e.reason !== 'NO_REPLY') return true;
        const consent = currentDeadline(c.deadlines, 'RESPONDENT_CONSENT');
        return consent !== undefined && isOverdue(consent, e.meta.today);
      },
    },
  ],
});

const sessionSchedulable = guardOf('SCHEDULE_SESSION', {
  event: [
    { name: 'sessionInFuture', message: 'A session is scheduled for a time after now', holds: (_c, e) => isBefore(e.meta.now, e.at) },
    {
      name: 'exactlyOneVenue',
      message: 'Give exactly one of location or online: true',
      holds: (_c, e) => hasText(e.location) !== (e.online === true),
    },
    {
      name: 'sessionIdUnused',
      message: 'The session id is already used in this case',
      holds: (c, e) => !c.sessions.scheduled.some((session) => session.id === e.sessionId),
    },
  ],
});

const sessionRecordable = guardOf('RECORD_SESSION', {
  event: [
    { name: 'sessionHeld', message: 'heldAt must not be after now', holds: (_c, e) => !isBefore(e.meta.now, e.heldAt) },
    {
      name: 'scheduledSessionOpen',
      message: 'sessionId must name a scheduled session that has no record yet',
      holds: (c, e) =>
        e.sessionId === undefined ||
        (c.sessions.scheduled.some((session) => session.id === e.sessionId) &&
          !c.sessions.recorded.some((record) => record.scheduledSessionId === e.sessionId)),
    },
    {
      name: 'recordIdUnused',
      message: 'The record id is already used in this case',
      holds: (c, e) => !c.sessions.recorded.some((record) => record.id === e.recordId),
    },
  ],
});

const MAX_EXTENSION_DAYS_PER_EVENT = 30;

const extensionAllowed = guardOf('EXTEND', {
  context: [
    {
      name: 'periodRunning',
      message: 'The mediation period must be pending, not paused and not yet past due',
      holds: (c, clock) => {
        const period = currentDeadline(c.deadlines, 'MEDIATION_PERIOD');
        return period !== undefined && !isPaused(period) && compare(clock.today, period.dueOn) <= 0;
      },
    },
    {
      name: 'extensionCapNotReached',
      message: 'The extension cap for this source is used up',
      holds: (c) => c.maxExtensionDays === undefined || c.extensionDaysTotal < c.maxExtensionDays,
    },
  ],
  event: [
    {
      // Court mediation periods may be extended only with both parties' consent (Invited Art.27).
      name: 'bothPartiesConsent',
      message: 'Both the applicant and the respondent must consent to the extension',
      holds: (_c, e) => e.applicantConsents === true && e.respondentConsents === true,
    },
    {
      name: 'extensionDaysInRange',
      message: `An extension is 1–${MAX_EXTENSION_DAYS_PER_EVENT} days`,
      holds: (_c, e) => Number.isInteger(e.days) && e.days >= 1 && e.days <= MAX_EXTENSION_DAYS_PER_EVENT,
    },
    {
      name: 'withinExtensionCap',
      message: 'The total extension would exceed the cap for this source',
      holds: (c, e) => c.maxExtensionDays === undefined || c.extensionDaysTotal + e.days <= c.maxExtensionDays,
    },
  ],
});

const suspensionNoted = guardOf('SUSPEND', { event: [noteForOther] });

const MAX_ITEMS = 50;
const MAX_INSTALMENTS = 36;

function itemAmountValid(item: AgreementTerms['items'][number]): boolean {
  if (isMoneyItem(item)) return item.amount !== undefined && isPositiveMoney(item.amount);
  return item.amount === undefined || (isMoney(item.amount) && toFen(item.amount) === 0n);
}

function datesStrictlyIncrease(dates: readonly LegalDate[]): boolean {
  return dates.every((date, index) => index === 0 || compare(dates[index - 1], date) < 0);
}

const termsValid = guardOf('REACH_AGREEMENT', {
  event: [
    {
      name: 'itemCount',
      message: `An agreement has 1–${MAX_ITEMS} items`,
      holds: (_c, e) => e.terms.items.length >= 1 && e.terms.items.length <= MAX_ITEMS,
    },
    {
      name: 'itemAmounts',
      message: 'Every money item needs an amount > 0; a NON_MONETARY item has none',
      holds: (_c, e) => e.terms.items.every(itemAmountValid),
    },
    {
      name: 'instalmentCount',
      message: `A schedule has 1–${MAX_INSTALMENTS} instalments`,
      holds: (_c, e) => e.terms.schedule.length >= 1 && e.terms.schedule.length <= MAX_INSTALMENTS,
    },
    {
      name: 'instalmentsNumbered',
      message: 'Instalments are numbered 1, 2, 3, … in order',
      holds: (_c, e) => e.terms.schedule.every((instalment, index) => instalment.no === index + 1),
    },
    {
      name: 'instalmentAmounts',
      message: 'Every instalment amount must be > 0',
      holds: (_c, e) => e.terms.schedule.every((instalment) => isPositiveMoney(instalment.amount)),
    },
    {
      name: 'instalmentDatesIncrease',
      message: 'Instalment dates must strictly increase',
      holds: (_c, e) => datesStrictlyIncrease(e.terms.schedule.map((instalment) => instalment.dueOn)),
    },
    {
      name: 'instalmentsNotInPast',
      message: 'No instalment may fall due before today',
      holds: (_c, e) => e.terms.schedule.every((instalment) => compare(instalment.dueOn, e.meta.today) >= 0),
    },
    {
      name: 'scheduleSumsToTotal',
      message: 'The schedule must sum to the total of the money items',
      holds: (_c, e) =>
        compareMoney(sumMoney(e.terms.schedule.map((instalment) => instalment.amount)), agreedTotalOf(e.terms)) === 0,
    },
    {
      // Payments made under a refused agreement (#20) are credited to the next one, never lost.
      name: 'coversPaymentsMade',
      message: 'The agreed total may not be less than what has already been paid',
      holds: (c, e) => compareMoney(agreedTotalOf(e.terms), c.paidTotal) >= 0,
    },
    {
      // Representatives act for a collective case, but the workers themselves consent to its terms (LDMAL Art.7).
      name: 'collectiveConsentRecorded',
      message: "A collective case needs the represented workers' consent recorded",
      holds: (c, e) => !c.collective || e.terms.collectiveConsentRecorded === true,
    },
  ],
});

const mediationPeriodExpired = guardOf('DEADLINE_EXPIRED', {
  context: [
    {
      name: 'periodOverdue',
      message: 'No running mediation period is past due',
      holds: (c, clock) => {
        const period = currentDeadline(c.deadlines, 'MEDIATION_PERIOD');
        return period !== undefined && isOverdue(period, clock.today);
      },
    },
  ],
  event: [
    {
      // A timer for a superseded, paused or already settled period is stale and must change nothing.
      name: 'isCurrentPeriod',
      message: 'The deadline is not the current, pending MEDIATION_PERIOD',
      holds: (c, e) => {
        const entry = findDeadline(c.deadlines, e.deadlineKey);
        return entry?.kind === 'MEDIATION_PERIOD' && entry.status === 'PENDING' && !isPaused(entry);
      },
    },
    {
      name: 'pastDue',
      message: 'The period expires only after its due date',
      holds: (c, e) => {
        const entry = findDeadline(c.deadlines, e.deadlineKey);
        return entry !== undefined && isOverdue(entry, e.meta.today);
      },
    },
  ],
});

function missingParties(context: CaseContext, except?: SignatureParty): SignatureParty[] {
  return SIGNATURE_PARTIES.filter((party) => party !== except && context.signatures[party] === undefined);
}

const partyNotYetSigned: EventRule<{ readonly party: SignatureParty }> = {
  name: 'partyNotYetSigned',
  message: 'Each party signs once',
  holds: (c, e) => c.signatures[e.party] === undefined,
};

const signatureOutstanding = guardOf('SIGN', {
  event: [
    partyNotYetSigned,
    { name: 'othersStillMissing', message: 'This is the last signature', holds: (c, e) => missingParties(c, e.party).length > 0 },
  ],
});

const lastSignature = guardOf('SIGN', {
  event: [
    partyNotYetSigned,
    { name: 'othersAllSigned', message: 'Other signatures are still missing', holds: (c, e) => missingParties(c, e.party).length === 0 },
  ],
});

const signerHasNotSigned = guardOf('REFUSE_TO_SIGN', { event: [partyNotYetSigned] });

/** The court that hears #18: the one named, else the referring court of a court case (Invited Art.19). */
export function confirmationCourtId(
  context: CaseContext,
  event: Pick<RequestJudicialConfirmationEvent, 'courtId'>,
): string | undefined {
  return event.courtId ?? (isCourtSource(context.source) ? context.courtOrgId : undefined);
}

function isEntrusted(context: CaseContext): boolean {
  return context.source === 'COURT_ENTRUSTED';
}

const confirmationRequestable = guardOf('REQUEST_JUDICIAL_CONFIRMATION', {
  context: [
    {
      // Confirmation must be applied for within 30 days of the agreement taking effect (CPL Art.205).
      name: 'confirmationWindowOpen',
      message: 'The 30-day judicial confirmation window has closed',
      holds: (c, clock) => {
        if (isEntrusted(c)) return true;
        const window = currentDeadline(c.deadlines, 'JUDICIAL_CONFIRMATION_WINDOW');
        return window !== undefined && compare(clock.today, window.dueOn) <= 0;
      },
    },
  ],
  event: [
    {
      name: 'jointApplication',
      message: 'Both parties must apply jointly (CPL Art.205)',
      holds: (c, e) => isEntrusted(c) || e.jointApplication === true,
    },
    { name: 'courtNamed', message: 'Name the court', holds: (c, e) => confirmationCourtId(c, e) !== undefined },
    { name: 'courtIsCourt', message: 'courtId must be a COURT organisation', holds: (_c, e) => e.courtKind === 'COURT' },
    {
      // An entrusted case is already filed: only the entrusting court issues its mediation statement (Invited Art.20).
      name: 'entrustingCourt',
      message: 'An entrusted case goes back to the entrusting court',
      holds: (c, e) => !isEntrusted(c) || confirmationCourtId(c, e) === c.courtOrgId,
    },
    {
      name: 'appliedOnInRange',
      message: 'appliedOn must lie between effectiveOn and today',
      holds: (c, e) =>
        e.appliedOn === undefined ||
        (c.effectiveOn !== undefined && compare(c.effectiveOn, e.appliedOn) <= 0 && compare(e.appliedOn, e.meta.today) <= 0),
    },
  ],
});

const ruledNotInFuture = {
  name: 'ruledNotInFuture',
  message: 'ruledOn must not be after today',
  holds: (_c: CaseContext, e: { readonly ruledOn: LegalDate; readonly meta: RuleClock }) => compare(e.ruledOn, e.meta.today) <= 0,
};

const ruledAfterApplication = {
  name: 'ruledAfterApplication',
  message: 'ruledOn must not be before the application',
  holds: (c: CaseContext, e: { readonly ruledOn: LegalDate }) => {
    const appliedOn = c.judicialConfirmation.appliedOn;
    return appliedOn === undefined || compare(appliedOn, e.ruledOn) <= 0;
  },
};

const rulingRecordable = guardOf('CONFIRM_JUDICIALLY', {
  event: [
    { name: 'rulingNumbered', message: 'The ruling number is required', holds: (_c, e) => hasText(e.rulingNumber) },
    ruledNotInFuture,
    ruledAfterApplication,
  ],
});

const refusalReasoned = guardOf('REFUSE_CONFIRMATION', {
  event: [
    { name: 'reasonGiven', message: 'A refusal states its reason', holds: (_c, e) => hasText(e.reason) },
    ruledNotInFuture,
    ruledAfterApplication,
  ],
});

function isPaidInFull(context: CaseContext): boolean {
  return context.agreedTotal !== undefined && compareMoney(context.paidTotal, context.agreedTotal) === 0;
}

const paymentRecordable = guardOf('RECORD_PERFORMANCE', {
  context: [
    {
      name: 'somethingUnpaid',
      message: 'The agreed total is already paid',
      holds: (c) => compareMoney(c.paidTotal, c.agreedTotal ?? ZERO_MONEY) < 0,
    },
  ],
  event: [
    { name: 'amountPositive', message: 'amountPaid must be > 0', holds: (_c, e) => isPositiveMoney(e.amountPaid) },
    {
      name: 'paidOnInRange',
      message: 'paidOn must lie between effectiveOn and today',
      holds: (c, e) =>
        c.effectiveOn !== undefined && compare(c.effectiveOn, e.paidOn) <= 0 && compare(e.paidOn, e.meta.today) <= 0,
    },
    {
      // Invariant 5: total paid never exceeds agreedTotal.
      name: 'withinAgreedTotal',
      message: 'The payment would exceed the agreed total',
      holds: (c, e) => compareMoney(sumMoney([c.paidTotal, e.amountPaid]), c.agreedTotal ?? ZERO_MONEY) <= 0,
    },
  ],
});

const performedInFull = guardOf('PERFORMED_IN_FULL', {
  context: [{ name: 'paidInFull', message: 'The total paid must equal the agreed total', holds: (c) => isPaidInFull(c) }],
  event: [
    {
      name: 'nonMonetaryDone',
      message: 'Confirm that the non-monetary items are done',
      holds: (c, e) => !hasNonMonetaryItem(c.terms) || e.nonMonetaryDone === true,
    },
  ],
});

const instalmentOverdue = guardOf('REPORT_DEFAULT', {
  context: [
    {
      name: 'instalmentOverdue',
      message: 'No instalment due before today is unpaid',
      holds: (c, clock) => hasOverdueInstalment(c.instalments, clock.today),
    },
  ],
});

function isConfirmed(context: CaseContext): boolean {
  return context.judicialConfirmation.status === 'CONFIRMED';
}

/** DOMAIN §3 Guards #24: which way out of a default is open. */
export function isRouteOpen(context: CaseContext, route: ReferralRoute): boolean {
  switch (route) {
    case 'PAYMENT_ORDER':
      // LDMAL Art.16: a payment order for pay, injury medical costs, compensation or damages.
      return !isConfirmed(context) && !isPaidInFull(context) && hasPaymentOrderItem(context.terms);
    case 'ARBITRATION':
      // LDMAL Art.15: an unperformed agreement sends the parties to arbitration.
      return !isConfirmed(context);
    case 'LITIGATION':
      // Sue on a wages-only agreement (Interp-I Art.51) or in the court that delegated the case (Invited Art.25).
      return !isConfirmed(context) && (isWagesOnly(context.terms) || context.source === 'COURT_DELEGATED');
    case 'ENFORCEMENT':
      // A confirmed agreement or a mediation statement is enforceable as it stands (CPL Art.206).
      return isConfirmed(context);
  }
}

const referralRouteOpen = guardOf('REFER', {
  context: [
    {
      name: 'someRouteOpen',
      message: 'No referral route is open',
      holds: (c) => REFERRAL_ROUTES.some((route) => isRouteOpen(c, route)),
    },
  ],
  event: [{ name: 'routeOpen', message: 'This route is not open for this case', holds: (c, e) => isRouteOpen(c, e.route) }],
});

/** Chart version 1's guards by name. A new chart version gets its own map; this one never changes. */
export const CASE_GUARDS_V1 = {
  rejectionNoted: guardOf('REJECT', { event: [noteForOther] }),
  assigneeEligible,
  mediatorAssigned: guardOf('RESPONDENT_CONSENTS', {
    context: [mediatorAssigned],
    event: [
      {
        name: 'consentedNotInFuture',
        message: 'consentedOn must not be after today',
        holds: (_c, e) => compare(e.consentedOn, e.meta.today) <= 0,
      },
    ],
  }),
  noReplyOnlyWhenOverdue,
  sessionSchedulable,
  sessionRecordable,
  extensionAllowed,
  suspensionNoted,
  termsValid,
  mediationPeriodExpired,
  signatureOutstanding,
  lastSignature,
  signerHasNotSigned,
  confirmationRequestable,
  rulingRecordable,
  refusalReasoned,
  paymentRecordable,
  performedInFull,
  instalmentOverdue,
  referralRouteOpen,
} as const satisfies Record<string, GuardSpec>;

export type CaseGuardNameV1 = keyof typeof CASE_GUARDS_V1;

type GuardPredicate = (args: { context: CaseContext; event: CaseEvent }) => boolean;

/** The predicates handed to xstate's setup(): a guard passes when none of its rules is broken. */
export function guardPredicates<K extends string>(specs: Record<K, GuardSpec>): Record<K, GuardPredicate> {
  const entries = Object.entries<GuardSpec>(specs).map(([name, spec]) => [
    name,
    ({ context, event }: { context: CaseContext; event: CaseEvent }) => brokenRule(spec, context, event) === undefined,
  ]);
  return Object.fromEntries(entries) as Record<K, GuardPredicate>;
}
