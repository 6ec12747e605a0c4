import type { LegalDate } from '../../calendar/legal-date';
import type { AgreementTerms } from './case.context';
import type {
  CaseEventType,
  CaseSource,
  ClaimType,
  ConsentChannel,
  CourtProcedure,
  EmploymentRelation,
  FailureReason,
  OrgKind,
  ReferralRoute,
  RefusalReason,
  RejectReason,
  Role,
  SignatureParty,
  SuspendReason,
} from './case.types';
import type { Money } from './money';

/** A due date from the legal calendar; `verified` is false when a year it touches has no notice. */
export interface CalendarDue {
  readonly dueOn: LegalDate;
  readonly verified: boolean;
}

/**
 * The periods of CPL Art.85 as the machine needs them. HolidayCalendar satisfies it structurally;
 * the service passes the real one in, so the machine never loads holiday data itself.
 */
export interface LegalCalendar {
  addCalendarDays(start: LegalDate, days: number): CalendarDue;
  addWorkingDays(start: LegalDate, workingDays: number): CalendarDue;
  addYears(start: LegalDate, years: number): CalendarDue;
}

export type EventActor =
  | { readonly kind: 'USER'; readonly userId: string; readonly role: Role }
  | { readonly kind: 'SYSTEM' };

/**
 * Injected by the server, never by the client, and never persisted: guards are pure functions of
 * (context, event), so "today" (Asia/Shanghai) and "now" must travel with the event (Invariant 4).
 */
export interface EventMeta {
  readonly actor: EventActor;
  readonly today: LegalDate;
  /** ISO 8601 instant with an offset. */
  readonly now: string;
  readonly calendar: LegalCalendar;
}

interface CaseEventBase<T extends CaseEventType> {
  readonly type: T;
  readonly meta: EventMeta;
}

/** Facts about a user the service looked up, so the guard stays pure (#3). */
export interface AssigneeFacts {
  readonly role: Role;
  readonly organizationId: string;
  readonly active: boolean;
}

export interface AcceptEvent extends CaseEventBase<'ACCEPT'> {
  readonly note?: string;
}

export interface RejectEvent extends CaseEventBase<'REJECT'> {
  readonly reason: RejectReason;
  readonly note?: string;
}

export interface AssignMediatorEvent extends CaseEventBase<'ASSIGN_MEDIATOR'> {
  readonly mediatorId: string;
  readonly reason?: string;
  /** The service's lookup of mediatorId; null when no such user exists. */
  readonly assignee: AssigneeFacts | null;
}

export interface RespondentConsentsEvent extends CaseEventBase<'RESPONDENT_CONSENTS'> {
  readonly consentedOn: LegalDate;
  readonly channel?: ConsentChannel;
}

export interface RespondentRefusesEvent extends CaseEventBase<'RESPONDENT_REFUSES'> {
  readonly reason: RefusalReason;
  readonly note?: string;
}

export interface ScheduleSessionEvent extends CaseEventBase<'SCHEDULE_SESSION'> {
  /** Minted by the service. */
  readonly sessionId: string;
  /** ISO 8601 instant with an offset. */
  readonly at: string;
  readonly location?: string;
  readonly online?: boolean;
}

export interface RecordSessionEvent extends CaseEventBase<'RECORD_SESSION'> {
  /** Minted by the service for this record. */
  readonly recordId: string;
  readonly heldAt: string;
  readonly summary: string;
  readonly withoutPrejudice: boolean;
  /** The scheduled session this record belongs to, if any. */
  readonly sessionId?: string;
}

export interface ExtendEvent extends CaseEventBase<'EXTEND'> {
  readonly days: number;
  readonly applicantConsents: boolean;
  readonly respondentConsents: boolean;
  readonly note?: string;
}

export interface SuspendEvent extends CaseEventBase<'SUSPEND'> {
  readonly reason: SuspendReason;
  readonly note?: string;
}

export interface ResumeEvent extends CaseEventBase<'RESUME'> {
  readonly note?: string;
}

export interface ReachAgreementEvent extends CaseEventBase<'REACH_AGREEMENT'> {
  readonly terms: AgreementTerms;
}

export interface MediationFailedEvent extends CaseEventBase<'MEDIATION_FAILED'> {
  readonly reason: FailureReason;
  readonly note?: string;
}

export interface DeadlineExpiredEvent extends CaseEventBase<'DEADLINE_EXPIRED'> {
  /** The context key of the deadline whose timer fired; the service maps its row id to it. */
  readonly deadlineKey: string;
}

export interface SignEvent extends CaseEventBase<'SIGN'> {
  readonly party: SignatureParty;
}

export interface RefuseToSignEvent extends CaseEventBase<'REFUSE_TO_SIGN'> {
  readonly party: SignatureParty;
  readonly reason: string;
}

export interface WithdrawEvent extends CaseEventBase<'WITHDRAW'> {
  readonly by: 'APPLICANT';
  readonly reason?: string;
}

export interface RequestJudicialConfirmationEvent extends CaseEventBase<'REQUEST_JUDICIAL_CONFIRMATION'> {
  readonly jointApplication?: boolean;
  /** Defaults to the referring court for court cases (Invited Art.19); see confirmationCourtId. */
  readonly courtId?: string;
  readonly appliedOn?: LegalDate;
  /** The kind of organisation the effective courtId names, looked up by the service; null if unknown. */
  readonly courtKind: OrgKind | null;
}

export interface ConfirmJudiciallyEvent extends CaseEventBase<'CONFIRM_JUDICIALLY'> {
  readonly rulingNumber: string;
  readonly ruledOn: LegalDate;
}

export interface RefuseConfirmationEvent extends CaseEventBase<'REFUSE_CONFIRMATION'> {
  readonly reason: string;
  readonly ruledOn: LegalDate;
}

export interface RecordPerformanceEvent extends CaseEventBase<'RECORD_PERFORMANCE'> {
  readonly amountPaid: Money;
  readonly paidOn: LegalDate;
  readonly note?: string;
}

export interface PerformedInFullEvent extends CaseEventBase<'PERFORMED_IN_FULL'> {
  readonly nonMonetaryDone?: boolean;
}

export interface ReportDefaultEvent extends CaseEventBase<'REPORT_DEFAULT'> {
  readonly note?: string;
}

export interface ReferEvent extends CaseEventBase<'REFER'> {
  readonly route: ReferralRoute;
  readonly courtId?: string;
  readonly note?: string;
}

export type CaseEvent =
  | AcceptEvent
  | RejectEvent
  | AssignMediatorEvent
  | RespondentConsentsEvent
  | RespondentRefusesEvent
  | ScheduleSessionEvent
  | RecordSessionEvent
  | ExtendEvent
  | SuspendEvent
  | ResumeEvent
  | ReachAgreementEvent
  | MediationFailedEvent
  | DeadlineExpiredEvent
  | SignEvent
  | RefuseToSignEvent
  | WithdrawEvent
  | RequestJudicialConfirmationEvent
  | ConfirmJudiciallyEvent
  | RefuseConfirmationEvent
  | RecordPerformanceEvent
  | PerformedInFullEvent
  | ReportDefaultEvent
  | ReferEvent;

export type EventOfType<T extends CaseEventType> = Extract<CaseEvent, { readonly type: T }>;

/** What the request body and the service's lookups supply; `meta` is added by the server. */
export type PayloadOf<T extends CaseEventType> = Omit<EventOfType<T>, 'type' | 'meta'>;

// Fails to compile when CASE_EVENT_TYPES and the CaseEvent union drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _eventTypesMatchUnion: Same<CaseEvent['type'], CaseEventType> = true;

export function isEventOf<T extends CaseEventType>(event: CaseEvent, type: T): event is EventOfType<T> {
  return event.type === type;
}

/** The employment facts of one applicant that the limitation start depends on (LDMAL Art.27 ¶4). */
export interface ApplicantEmployment {
  readonly employmentRelation: EmploymentRelation;
  readonly employmentEndedOn?: LegalDate;
}

/**
 * What `initialTransition` needs to open a case (DOMAIN §2). The deadlines created on intake are
 * computed with `meta.calendar`; nothing of `meta` is kept.
 */
export interface CaseInput {
  readonly source: CaseSource;
  readonly receivedOn: LegalDate;
  readonly organizationId: string;
  readonly courtOrgId?: string;
  readonly courtProcedure?: CourtProcedure;
  readonly workerCount: number;
  readonly claimTypes: readonly ClaimType[];
  readonly applicants: readonly ApplicantEmployment[];
  readonly knewOrShouldHaveKnownAt: LegalDate;
  /** `maxExtensionDays[source]` from configuration; absent means no cap. */
  readonly maxExtensionDays?: number;
  readonly assignedMediatorId?: string;
  readonly meta: EventMeta;
}
