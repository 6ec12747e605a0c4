import { assign, setup } from 'xstate';
import type { CaseContext } from './case.context';
import {
  accept,
  adviseNextStep,
  assignMediator,
  caseClosedParams,
  closeCase,
  expirePeriod,
  extendPeriod,
  initialContext,
  judicialConfirmationRequestedParams,
  makeAgreementEffective,
  mediatorAssignedParams,
  recordAgreement,
  recordConfirmation,
  recordConsent,
  recordDefault,
  recordFullPerformance,
  recordMediationFailure,
  recordPayment,
  recordReferral,
  recordRespondentRefusal,
  recordSession,
  recordSignature,
  recordSigningRefusal,
  recordWithdrawal,
  reject,
  reopenMediation,
  requestJudicialConfirmation,
  resumeMediation,
  scheduleSession,
  suspendMediation,
  type CaseClosedParams,
  type JudicialConfirmationRequestedParams,
  type MediatorAssignedParams,
} from './case.effects';
import { isEventOf, type CaseEvent, type CaseInput, type EventOfType } from './case.events';
import { CASE_GUARDS_V1, guardPredicates } from './case.guards';
import type { CaseEventType } from './case.types';

// Chart version 1 of a labour-dispute case (DOMAIN §3). Legal time never lives in the chart: there
// is no `after` and no `invoke`, because a restored snapshot loses timers; expiry arrives as an
// explicit DEADLINE_EXPIRED or RESPONDENT_REFUSES NO_REPLY event from a durable job instead.
// Every effect on the context is an assign() of a pure function from case.effects.ts, so it is
// persisted with the snapshot; the few parameterised no-op actions are I/O the service performs.

interface ActionArgs {
  readonly context: CaseContext;
  readonly event: CaseEvent;
}

/** Narrows an action to the one event type it is wired to; any other event reaching it is a bug in this chart. */
function forEvent<T extends CaseEventType, R>(type: T, apply: (context: CaseContext, event: EventOfType<T>) => R) {
  return ({ context, event }: ActionArgs): R => {
    if (!isEventOf(event, type)) throw new Error(`An action for ${type} received ${event.type}`);
    return apply(context, event);
  };
}

function effect<T extends CaseEventType>(type: T, apply: (context: CaseContext, event: EventOfType<T>) => CaseContext) {
  return assign<CaseContext, CaseEvent, undefined, CaseEvent, never>(forEvent(type, apply));
}

// Shared by the four states in which the agreement is being performed (#21, #22).
const recordPerformance = { guard: 'paymentRecordable', reenter: false, actions: 'recordPayment' } as const;
const performedInFull = { guard: 'performedInFull', target: '#case.closed.resolved', actions: 'recordFullPerformance' } as const;
// ASSIGN_MEDIATOR is a self-transition of every open state (#3).
const reassign = {
  guard: 'assigneeEligible',
  reenter: false,
  actions: [
    {
      type: 'mediatorAssigned',
      params: forEvent('ASSIGN_MEDIATOR', mediatorAssignedParams),
    },
    'assignMediator',
  ],
} as const;
const withdraw = { target: '#case.closed.withdrawn', actions: 'recordWithdrawal' } as const;
const deadlineExpired = { guard: 'mediationPeriodExpired', target: '#case.closed.failed', actions: 'expirePeriod' } as const;

export const caseMachineV1 = setup({
  types: {} as { context: CaseContext; events: CaseEvent; input: CaseInput },
  guards: guardPredicates(CASE_GUARDS_V1),
  actions: {
    acceptCase: effect('ACCEPT', accept),
    recordRejection: effect('REJECT', reject),
    assignMediator: effect('ASSIGN_MEDIATOR', assignMediator),
    recordConsent: effect('RESPONDENT_CONSENTS', recordConsent),
    recordRespondentRefusal: effect('RESPONDENT_REFUSES', recordRespondentRefusal),
    scheduleSession: effect('SCHEDULE_SESSION', scheduleSession),
    recordSession: effect('RECORD_SESSION', recordSession),
    extendPeriod: effect('EXTEND', extendPeriod),
    suspendMediation: effect('SUSPEND', suspendMediation),
    resumeMediation: effect('RESUME', resumeMediation),
    recordAgreement: effect('REACH_AGREEMENT', recordAgreement),
    recordMediationFailure: effect('MEDIATION_FAILED', recordMediationFailure),
    expirePeriod: effect('DEADLINE_EXPIRED', expirePeriod),
    recordSignature: effect('SIGN', recordSignature),
    makeAgreementEffective: effect('SIGN', makeAgreementEffective),
    recordSigningRefusal: effect('REFUSE_TO_SIGN', recordSigningRefusal),
    recordWithdrawal: effect('WITHDRAW', recordWithdrawal),
    requestJudicialConfirmation: effect('REQUEST_JUDICIAL_CONFIRMATION', requestJudicialConfirmation),
    recordConfirmation: effect('CONFIRM_JUDICIALLY', recordConfirmation),
    reopenMediation: effect('REFUSE_CONFIRMATION', reopenMediation),
    recordPayment: effect('RECORD_PERFORMANCE', recordPayment),
    recordFullPerformance: effect('PERFORMED_IN_FULL', recordFullPerformance),
    recordDefault: effect('REPORT_DEFAULT', recordDefault),
    recordReferral: effect('REFER', recordReferral),
    closeCase: assign(({ context, event }, params: { keepLimitation: boolean }) =>
      closeCase(context, event.meta, params.keepLimitation),
    ),
    adviseNextStep: assign(({ context, event }) => adviseNextStep(context, event.meta)),
    // Executed by the service, after commit: feedback letter due, alerts resolved, people notified.
    caseClosed: (_args, _params: CaseClosedParams) => undefined,
    mediatorAssigned: (_args, _params: MediatorAssignedParams) => undefined,
    judicialConfirmationRequested: (_args, _params: JudicialConfirmationRequestedParams) => undefined,
  },
}).createMachine({
  id: 'case',
  // xstate's pure transition() builds a throwaway actor and computes its initial snapshot eagerly, without input:
  // an empty context answers that call at once, where initialContext would throw and xstate catch it on every event.
  context: ({ input }) => (input === undefined ? ({} as CaseContext) : initialContext(input)),
  initial: 'intake',
  states: {
    intake: {
      initial: 'registered',
      on: {
        ASSIGN_MEDIATOR: reassign,
        WITHDRAW: withdraw,
        // The mediation period runs from receipt, so it can expire before the case is even accepted.
        DEADLINE_EXPIRED: deadlineExpired,
      },
      states: {
        registered: {
          on: {
            ACCEPT: { target: 'awaitingConsent', actions: 'acceptCase' },
            REJECT: { guard: 'rejectionNoted', target: '#case.closed.rejected', actions: 'recordRejection' },
          },
        },
        awaitingConsent: {
          on: {
            // Mediation is voluntary: it starts only with the respondent's consent (PML Art.3).
            RESPONDENT_CONSENTS: { guard: 'mediatorAssigned', target: '#case.mediation.active', actions: 'recordConsent' },
            RESPONDENT_REFUSES: {
              guard: 'noReplyOnlyWhenOverdue',
              target: '#case.closed.failed',
              actions: 'recordRespondentRefusal',
            },
          },
        },
      },
    },
    mediation: {
      initial: 'active',
      on: {
        ASSIGN_MEDIATOR: reassign,
        WITHDRAW: withdraw,
        DEADLINE_EXPIRED: deadlineExpired,
        MEDIATION_FAILED: { target: '#case.closed.failed', actions: 'recordMediationFailure' },
      },
      states: {
        active: {
          on: {
            SCHEDULE_SESSION: { guard: 'sessionSchedulable', reenter: false, actions: 'scheduleSession' },
            RECORD_SESSION: { guard: 'sessionRecordable', reenter: false, actions: 'recordSession' },
            EXTEND: { guard: 'extensionAllowed', reenter: false, actions: 'extendPeriod' },
            SUSPEND: { guard: 'suspensionNoted', target: 'suspended', actions: 'suspendMediation' },
            REACH_AGREEMENT: { guard: 'termsValid', target: '#case.agreement.signing', actions: 'recordAgreement' },
          },
        },
        suspended: {
          on: {
            RESUME: { target: 'active', actions: 'resumeMediation' },
          },
        },
      },
    },
    agreement: {
      initial: 'signing',
      on: {
        ASSIGN_MEDIATOR: reassign,
      },
      states: {
        signing: {
          on: {
            SIGN: [
              { guard: 'signatureOutstanding', reenter: false, actions: 'recordSignature' },
              { guard: 'lastSignature', target: 'effective', actions: ['recordSignature', 'makeAgreementEffective'] },
            ],
            REFUSE_TO_SIGN: { guard: 'signerHasNotSigned', target: '#case.closed.failed', actions: 'recordSigningRefusal' },
            WITHDRAW: withdraw,
          },
        },
        effective: {
          on: {
            REQUEST_JUDICIAL_CONFIRMATION: {
              guard: 'confirmationRequestable',
              target: 'judicialReview',
              actions: [
                {
                  type: 'judicialConfirmationRequested',
                  params: forEvent('REQUEST_JUDICIAL_CONFIRMATION', judicialConfirmationRequestedParams),
                },
                'requestJudicialConfirmation',
              ],
            },
            RECORD_PERFORMANCE: recordPerformance,
            PERFORMED_IN_FULL: performedInFull,
            REPORT_DEFAULT: { guard: 'instalmentOverdue', target: 'defaulted', actions: 'recordDefault' },
          },
        },
        judicialReview: {
          on: {
            CONFIRM_JUDICIALLY: { guard: 'rulingRecordable', target: 'confirmed', actions: 'recordConfirmation' },
            REFUSE_CONFIRMATION: { guard: 'refusalReasoned', target: '#case.mediation.active', actions: 'reopenMediation' },
            RECORD_PERFORMANCE: recordPerformance,
            PERFORMED_IN_FULL: performedInFull,
          },
        },
        confirmed: {
          on: {
            RECORD_PERFORMANCE: recordPerformance,
            PERFORMED_IN_FULL: performedInFull,
            REPORT_DEFAULT: { guard: 'instalmentOverdue', target: 'defaulted', actions: 'recordDefault' },
          },
        },
        defaulted: {
          on: {
            RECORD_PERFORMANCE: recordPerformance,
            PERFORMED_IN_FULL: performedInFull,
            REFER: { guard: 'referralRouteOpen', target: '#case.closed.referred', actions: 'recordReferral' },
          },
        },
      },
    },
    // Closed cases never reopen; a follow-up is a new case linked by relatedCaseId (DOMAIN §3).
    closed: {
      // Never entered by default: every transition into closed names its child.
      initial: 'failed',
      states: {
        resolved: {
          type: 'final',
          entry: [
            { type: 'closeCase', params: { keepLimitation: false } },
            { type: 'caseClosed', params: ({ context }) => caseClosedParams(context, 'closed.resolved') },
          ],
        },
        failed: {
          type: 'final',
          entry: [
            { type: 'closeCase', params: { keepLimitation: true } },
            'adviseNextStep',
            { type: 'caseClosed', params: ({ context }) => caseClosedParams(context, 'closed.failed') },
          ],
        },
        rejected: {
          type: 'final',
          entry: [
            { type: 'closeCase', params: { keepLimitation: true } },
            'adviseNextStep',
            { type: 'caseClosed', params: ({ context }) => caseClosedParams(context, 'closed.rejected') },
          ],
        },
        withdrawn: {
          type: 'final',
          entry: [
            { type: 'closeCase', params: { keepLimitation: true } },
            'adviseNextStep',
            { type: 'caseClosed', params: ({ context }) => caseClosedParams(context, 'closed.withdrawn') },
          ],
        },
        referred: {
          type: 'final',
          entry: [
            { type: 'closeCase', params: { keepLimitation: false } },
            { type: 'caseClosed', params: ({ context }) => caseClosedParams(context, 'closed.referred') },
          ],
        },
      },
    },
  },
});

export type CaseMachine = typeof caseMachineV1;
