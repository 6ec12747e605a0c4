import type { CaseContext } from './case.context';
import type { CaseEvent } from './case.events';
import type { CaseEventType, RefusalReason, Role, SignatureParty } from './case.types';

// Who may send what (DOMAIN §3 "Senders" column). This is the 403 layer of Invariant 7: it runs
// before the machine is asked, so a sender who may not act learns nothing about the case's state.

/**
 * How the acting user relates to the case, computed by the service from its records.
 * isOrgMediator: a mediator of the case's organisation. isReviewCourtLiaison: a liaison of the
 * court in reviewCourtId.
 */
export interface SenderRelation {
  readonly role?: Role;
  readonly isAssignedMediator: boolean;
  readonly isOrgMediator: boolean;
  readonly isReviewCourtLiaison: boolean;
  readonly isSystem: boolean;
}

/** Ma assigned mediator, Mq queue mediator, S supervisor, CL review-court liaison, SYS timer. */
export type Sender = 'Ma' | 'Mq' | 'S' | 'CL' | 'SYS';

export const EVENT_SENDERS = {
  ACCEPT: ['Ma', 'Mq', 'S'],
  REJECT: ['Ma', 'Mq', 'S'],
  ASSIGN_MEDIATOR: ['S', 'Mq'],
  RESPONDENT_CONSENTS: ['Ma', 'S'],
  RESPONDENT_REFUSES: ['Ma', 'S', 'SYS'],
  SCHEDULE_SESSION: ['Ma', 'S'],
  RECORD_SESSION: ['Ma'],
  EXTEND: ['Ma', 'S'],
  SUSPEND: ['Ma', 'S'],
  RESUME: ['Ma', 'S'],
  REACH_AGREEMENT: ['Ma'],
  MEDIATION_FAILED: ['Ma', 'S'],
  DEADLINE_EXPIRED: ['SYS'],
  SIGN: ['Ma', 'S'],
  REFUSE_TO_SIGN: ['Ma', 'S'],
  WITHDRAW: ['Ma', 'Mq', 'S'],
  REQUEST_JUDICIAL_CONFIRMATION: ['Ma', 'S'],
  CONFIRM_JUDICIALLY: ['CL'],
  REFUSE_CONFIRMATION: ['CL'],
  RECORD_PERFORMANCE: ['Ma', 'S'],
  PERFORMED_IN_FULL: ['Ma', 'S'],
  REPORT_DEFAULT: ['Ma', 'S'],
  REFER: ['Ma', 'S'],
} as const satisfies Record<CaseEventType, readonly Sender[]>;

/**
 * #14/#15: the mediator records the parties' and their own signature; only a supervisor applies
 * the organisation's seal, so no mediator can make an agreement effective alone.
 */
export const SIGNING_PARTIES = {
  Ma: ['APPLICANT', 'RESPONDENT', 'MEDIATOR'],
  S: ['APPLICANT', 'RESPONDENT', 'ORGANIZATION'],
} as const satisfies Partial<Record<Sender, readonly SignatureParty[]>>;

/** #5: "no reply" is a fact only the timer establishes; a person records a refusal or unreachability. */
const SYSTEM_REFUSAL_REASONS: readonly RefusalReason[] = ['NO_REPLY'];

export type SenderRefusalReason =
  | 'NOT_A_SENDER'
  | 'SYSTEM_ONLY'
  | 'REASON_NOT_ALLOWED'
  | 'PARTY_NOT_ALLOWED'
  | 'SELF_ASSIGNMENT_ONLY';

export type SenderVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: SenderRefusalReason; readonly message: string };

const ALLOWED: SenderVerdict = { allowed: true };

function refused(reason: SenderRefusalReason, message: string): SenderVerdict {
  return { allowed: false, reason, message };
}

/** The sender roles the relation holds for this case in this state. */
export function sendersOf(context: CaseContext, stateValue: string, relation: SenderRelation): Set<Sender> {
  const senders = new Set<Sender>();
  if (relation.isSystem) senders.add('SYS');
  if (relation.role === 'MEDIATOR' && relation.isAssignedMediator) senders.add('Ma');
  // The intake queue is open to every mediator of the org only until someone takes the case.
  if (relation.role === 'MEDIATOR' && relation.isOrgMediator && isQueued(context, stateValue)) senders.add('Mq');
  if (relation.role === 'SUPERVISOR') senders.add('S');
  if (relation.role === 'COURT_LIAISON' && relation.isReviewCourtLiaison) senders.add('CL');
  return senders;
}

function isQueued(context: CaseContext, stateValue: string): boolean {
  return stateValue.startsWith('intake.') && context.assignedMediatorId === undefined;
}

function eligibleSenders(type: CaseEventType, senders: ReadonlySet<Sender>): Sender[] {
  const permitted: readonly Sender[] = EVENT_SENDERS[type] ?? [];
  return permitted.filter((sender) => senders.has(sender));
}

export function senderCheck(
  context: CaseContext,
  stateValue: string,
  event: CaseEvent,
  relation: SenderRelation,
): SenderVerdict {
  const eligible = eligibleSenders(event.type, sendersOf(context, stateValue, relation));
  if (eligible.length === 0) return notASender(event.type);
  switch (event.type) {
    case 'RESPONDENT_REFUSES':
      return refusalReasonCheck(eligible, event.reason);
    case 'SIGN':
      return signingPartyCheck(eligible, event.party);
    case 'ASSIGN_MEDIATOR':
      return selfAssignmentCheck(eligible, event);
    default:
      return ALLOWED;
  }
}

function notASender(type: CaseEventType): SenderVerdict {
  const permitted: readonly Sender[] = EVENT_SENDERS[type] ?? [];
  if (permitted.length === 1 && permitted[0] === 'SYS') {
    return refused('SYSTEM_ONLY', `${type} is sent by the system timer only`);
  }
  return refused('NOT_A_SENDER', `${type} may be sent by ${permitted.join(', ')} only`);
}

function refusalReasonCheck(eligible: readonly Sender[], reason: RefusalReason): SenderVerdict {
  const bySystem = SYSTEM_REFUSAL_REASONS.includes(reason);
  if (bySystem && !eligible.includes('SYS')) return refused('SYSTEM_ONLY', `Only the system records ${reason}`);
  if (!bySystem && !eligible.some((sender) => sender !== 'SYS')) {
    return refused('REASON_NOT_ALLOWED', `The system may only record NO_REPLY, not ${reason}`);
  }
  return ALLOWED;
}

function signingPartyCheck(eligible: readonly Sender[], party: SignatureParty): SenderVerdict {
  const parties = eligible.flatMap((sender) => partiesSignableBy(sender));
  if (parties.includes(party)) return ALLOWED;
  return refused('PARTY_NOT_ALLOWED', `${eligible.join('/')} may not record the ${party} signature`);
}

function partiesSignableBy(sender: Sender): readonly SignatureParty[] {
  return sender === 'Ma' || sender === 'S' ? SIGNING_PARTIES[sender] : [];
}

function selfAssignmentCheck(eligible: readonly Sender[], event: Extract<CaseEvent, { type: 'ASSIGN_MEDIATOR' }>): SenderVerdict {
  if (eligible.includes('S')) return ALLOWED;
  const actor = event.meta.actor;
  if (actor.kind === 'USER' && actor.userId === event.mediatorId) return ALLOWED;
  return refused('SELF_ASSIGNMENT_ONLY', 'A queue mediator may only assign the case to themselves');
}

/**
 * Whether some payload of `type` would pass senderCheck (Invariant 8): SIGN counts only while a
 * party this sender may sign for is still unsigned.
 */
export function mayEverSend(
  context: CaseContext,
  stateValue: string,
  type: CaseEventType,
  relation: SenderRelation,
): boolean {
  const eligible = eligibleSenders(type, sendersOf(context, stateValue, relation));
  if (type !== 'SIGN') return eligible.length > 0;
  return eligible.some((sender) => partiesSignableBy(sender).some((party) => context.signatures[party] === undefined));
}
