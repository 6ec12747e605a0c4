import { toTermsPayload, type TermsDraft } from './agreement-terms';
import { AgreementTermsFields } from './agreement-terms-fields';
import {
  AssignMediatorFields,
  ConfirmJudiciallyFields,
  DeadlineExpiredFields,
  ExtendFields,
  MediationFailedFields,
  NoteOnlyFields,
  PerformedInFullFields,
  RecordPerformanceFields,
  RecordSessionFields,
  ReferFields,
  RefuseConfirmationFields,
  RefuseToSignFields,
  RejectFields,
  RequestJudicialConfirmationFields,
  RespondentConsentsFields,
  RespondentRefusesFields,
  ScheduleSessionFields,
  SignFields,
  SuspendFields,
  WithdrawFields,
} from './event-fields';
import type { CaseEventType, EventFormSpec, FormValues } from './event-form-types';
import { cleanPayload } from './form-values';

const plain = (values: FormValues) => cleanPayload(values);

function scheduleSessionPayload(values: FormValues): Record<string, unknown> {
  const { mode, location, ...rest } = values;
  // Exactly one of location / online (#6).
  return cleanPayload(mode === 'online' ? { ...rest, online: true } : { ...rest, location });
}

function booleansPresent(values: FormValues, names: readonly string[]): Record<string, unknown> {
  return { ...cleanPayload(values), ...Object.fromEntries(names.map((name) => [name, values[name] === true])) };
}

/**
 * One form per event type of the API (DOMAIN §3), keyed by the type: the case detail's action buttons open these, and
 * any other screen (the court queue's rulings) may open the same ones. A Record over the type makes the compiler
 * refuse a registry that misses an event the API has.
 */
export const EVENT_FORMS: Readonly<Record<CaseEventType, EventFormSpec>> = {
  ACCEPT: { Fields: NoteOnlyFields, toPayload: plain },
  REJECT: { Fields: RejectFields, toPayload: plain, danger: true },
  ASSIGN_MEDIATOR: {
    Fields: AssignMediatorFields,
    toPayload: plain,
    // A mediator taking a case from the queue can only name themself (#3), so the form starts with that.
    initialValues: ({ user }) => (user.role === 'MEDIATOR' ? { mediatorId: user.id } : {}),
  },
  RESPONDENT_CONSENTS: { Fields: RespondentConsentsFields, toPayload: plain, initialValues: ({ today }) => ({ consentedOn: today }) },
  RESPONDENT_REFUSES: { Fields: RespondentRefusesFields, toPayload: plain, danger: true },
  SCHEDULE_SESSION: { Fields: ScheduleSessionFields, toPayload: scheduleSessionPayload, initialValues: () => ({ mode: 'inPerson' }) },
  RECORD_SESSION: {
    Fields: RecordSessionFields,
    toPayload: (values) => booleansPresent(values, ['withoutPrejudice']),
    initialValues: () => ({ withoutPrejudice: false }),
  },
  EXTEND: { Fields: ExtendFields, toPayload: (values) => booleansPresent(values, ['applicantConsents', 'respondentConsents']) },
  SUSPEND: { Fields: SuspendFields, toPayload: plain },
  RESUME: { Fields: NoteOnlyFields, toPayload: plain },
  REACH_AGREEMENT: {
    Fields: AgreementTermsFields,
    toPayload: (values, { detail }) => ({ terms: toTermsPayload((values.terms ?? {}) as TermsDraft, detail.collective) }),
    initialValues: () => ({ terms: { items: [{ kind: 'WAGES' }], schedule: [{}], waiverOfOtherClaims: true } }),
    wide: true,
  },
  MEDIATION_FAILED: { Fields: MediationFailedFields, toPayload: plain, danger: true },
  DEADLINE_EXPIRED: { Fields: DeadlineExpiredFields, toPayload: plain, systemOnly: true },
  SIGN: { Fields: SignFields, toPayload: plain },
  REFUSE_TO_SIGN: { Fields: RefuseToSignFields, toPayload: plain, danger: true },
  WITHDRAW: { Fields: WithdrawFields, toPayload: (values) => ({ ...cleanPayload(values), by: 'APPLICANT' }), initialValues: () => ({ by: 'APPLICANT' }), danger: true },
  REQUEST_JUDICIAL_CONFIRMATION: {
    Fields: RequestJudicialConfirmationFields,
    // An entrusted case has no joint application (#18): the court issues a mediation statement.
    toPayload: (values, { detail }) => (detail.source === 'COURT_ENTRUSTED' ? plain(values) : booleansPresent(values, ['jointApplication'])),
    initialValues: ({ detail, today }) => ({ appliedOn: today, ...(detail.courtOrgId ? { courtId: detail.courtOrgId } : {}) }),
  },
  CONFIRM_JUDICIALLY: { Fields: ConfirmJudiciallyFields, toPayload: plain, initialValues: ({ today }) => ({ ruledOn: today }) },
  REFUSE_CONFIRMATION: { Fields: RefuseConfirmationFields, toPayload: plain, initialValues: ({ today }) => ({ ruledOn: today }), danger: true },
  RECORD_PERFORMANCE: { Fields: RecordPerformanceFields, toPayload: plain, initialValues: ({ today }) => ({ paidOn: today }) },
  PERFORMED_IN_FULL: { Fields: PerformedInFullFields, toPayload: plain },
  REPORT_DEFAULT: { Fields: NoteOnlyFields, toPayload: plain },
  REFER: { Fields: ReferFields, toPayload: plain },
};

/** The events a user may be offered, in the order the buttons show them. */
export function userEvents(allowed: readonly CaseEventType[]): CaseEventType[] {
  return allowed.filter((type) => !EVENT_FORMS[type].systemOnly);
}
