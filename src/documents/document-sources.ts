import type { StoredRespondent } from '../cases/case.entity';
import type { AgreementTerms, CaseContext, DeadlineEntry } from '../cases/machine/case.context';
import type { CaseSource, DeadlineKind, DeadlineStatus, RiskFlag, SignatureParty } from '../cases/machine/case.types';
import { maskPiiInText } from '../common/pii/mask-payload';
import type {
  AcceptanceNoticeData,
  CaseHeading,
  ClaimEntry,
  CourtFeedbackLetterData,
  IdentifiedApplicant,
  JudicialConfirmationApplicationData,
  MediationAgreementData,
  MediationPeriodEntry,
  NamedApplicant,
  RespondentParty,
  SessionEntry,
} from './document-data';

// From what the service read (the case row, its machine context and the rows around it) to each builder's data.
// Pure. Only the agreement receives identity numbers; every other document also has its free text passed through the
// PII mask, since a desk note may quote an ID or a phone number.

export interface SourceApplicant {
  readonly name: string;
  readonly idType: 'RESIDENT_ID' | 'OTHER';
  readonly isRepresentative: boolean;
  /** Decrypted, and only when the agreement is being built. */
  readonly idNumber?: string;
}

export interface SourceDeadline {
  readonly kind: DeadlineKind;
  readonly startsOn: string;
  readonly days: number;
  readonly pausedDays: number;
  readonly dueOn: string;
  readonly status: DeadlineStatus;
  readonly supersedes: string | null;
}

/** A RECORD_SESSION as stored; `summary` is null for without-prejudice records, which are never read. */
export interface SourceSession {
  readonly heldOn: string;
  readonly sessionId?: string;
  readonly summary: string | null;
}

export interface CaseDocumentSources {
  readonly caseNumber: string;
  readonly source: CaseSource;
  readonly courtCaseNumber: string | null;
  readonly workerCount: number;
  readonly collective: boolean;
  readonly receivedOn: string;
  readonly respondent: StoredRespondent;
  readonly riskFlags: readonly RiskFlag[];
  readonly context: CaseContext;
  readonly organization: { readonly name: string; readonly region: string };
  readonly courtName?: string;
  readonly reviewCourtName?: string;
  readonly mediatorName?: string;
  readonly applicants: readonly SourceApplicant[];
  readonly claims: readonly ClaimEntry[];
  /** The case's deadline rows in the order the machine opened them. */
  readonly deadlines: readonly SourceDeadline[];
  readonly sessions: readonly SourceSession[];
  /** The note or reason sent with the event that closed the case, as stored (masked). */
  readonly closingNote?: string;
}

export class MissingDocumentDataError extends Error {
  override readonly name = 'MissingDocumentDataError';
}

export function toMediationAgreementData(sources: CaseDocumentSources): MediationAgreementData {
  const terms = requireTerms(sources.context);
  return {
    ...headingOf(sources),
    applicants: sources.applicants.map(identified),
    facts: terms.facts,
    disputedMatters: terms.disputedMatters,
    items: terms.items,
    schedule: terms.schedule,
    agreedTotal: sources.context.agreedTotal ?? '0.00',
    waiverOfOtherClaims: terms.waiverOfOtherClaims,
    ...(terms.defaultClause === undefined ? {} : { defaultClause: terms.defaultClause }),
    collectiveConsentRecorded: terms.collectiveConsentRecorded === true,
    signatures: signedOn(sources.context),
    ...optional('effectiveOn', sources.context.effectiveOn),
    ...optional('confirmationWindowEndsOn', confirmationWindowEndsOn(sources.context.deadlines)),
  };
}

export function toCourtFeedbackLetterData(sources: CaseDocumentSources): CourtFeedbackLetterData {
  const { context } = sources;
  if (context.outcome === undefined || context.closedOn === undefined) throw new MissingDocumentDataError('A feedback letter needs a closed case');
  return {
    ...headingOf(sources),
    applicants: sources.applicants.map(named),
    mediationPeriods: sources.deadlines.filter((row) => row.kind === 'MEDIATION_PERIOD').map(periodEntry),
    suspensions: context.suspensions.map((s) => ({ reason: s.reason, from: s.from, ...optional('to', s.to), clockStopped: s.clockStopped })),
    sessions: sources.sessions.map((session) => sessionEntry(session, context)),
    claims: sources.claims.map((claim) => ({ ...claim, description: maskPiiInText(claim.description) })),
    outcome: context.outcome,
    closedOn: context.closedOn,
    ...optional('closingNote', sources.closingNote),
    // Terms that were set down but never took effect still tell the court what the parties agreed were the facts.
    ...(context.terms === undefined || context.effectiveOn !== undefined
      ? {}
      : { terms: { facts: maskPiiInText(context.terms.facts), disputedMatters: maskPiiInText(context.terms.disputedMatters) } }),
    ...(context.effectiveOn === undefined || context.agreedTotal === undefined
      ? {}
      : { agreement: { effectiveOn: context.effectiveOn, agreedTotal: context.agreedTotal } }),
    riskFlags: sources.riskFlags,
    ...optional('nextStep', context.advice?.nextStep),
  };
}

export function toJudicialConfirmationApplicationData(sources: CaseDocumentSources): JudicialConfirmationApplicationData {
  const { context } = sources;
  const terms = requireTerms(context);
  if (context.effectiveOn === undefined) throw new MissingDocumentDataError('An application for judicial confirmation needs an effective agreement');
  const filed = context.judicialConfirmation.status === 'REQUESTED' || context.judicialConfirmation.status === 'CONFIRMED';
  return {
    ...headingOf(sources),
    applicants: sources.applicants.map(named),
    ...optional('reviewCourtName', sources.reviewCourtName ?? (sources.source === 'COURT_DELEGATED' ? sources.courtName : undefined)),
    items: terms.items.map((item) => ({ ...item, description: maskPiiInText(item.description) })),
    schedule: terms.schedule,
    agreedTotal: context.agreedTotal ?? '0.00',
    effectiveOn: context.effectiveOn,
    ...optional('confirmationWindowEndsOn', confirmationWindowEndsOn(context.deadlines)),
    ...optional('appliedOn', filed ? context.judicialConfirmation.appliedOn : undefined),
  };
}

export function toAcceptanceNoticeData(sources: CaseDocumentSources): AcceptanceNoticeData {
  const { context } = sources;
  if (context.acceptedOn === undefined) throw new MissingDocumentDataError('An acceptance notice needs an accepted case');
  const periods = sources.deadlines.filter((row) => row.kind === 'MEDIATION_PERIOD');
  const [first, current] = [periods[0], periods.at(-1)];
  if (first === undefined || current === undefined) throw new MissingDocumentDataError('An accepted case has a mediation period');
  const extendedDays = periods.filter((row) => row.supersedes !== null).reduce((total, row) => total + row.days, 0);
  return {
    ...headingOf(sources),
    applicants: sources.applicants.map(named),
    acceptedOn: context.acceptedOn,
    mediationPeriod: { startsOn: first.startsOn, days: first.days, extendedDays, dueOn: current.dueOn },
    region: sources.organization.region,
  };
}

function headingOf(sources: CaseDocumentSources): CaseHeading {
  return {
    caseNumber: sources.caseNumber,
    organizationName: sources.organization.name,
    source: sources.source,
    ...optional('courtName', sources.courtName),
    ...optional('courtCaseNumber', sources.courtCaseNumber ?? undefined),
    workerCount: sources.workerCount,
    collective: sources.collective,
    receivedOn: sources.receivedOn,
    respondent: respondentOf(sources.respondent),
    ...optional('mediatorName', sources.mediatorName),
  };
}

function respondentOf(stored: StoredRespondent): RespondentParty {
  return {
    name: stored.name,
    ...optional('unifiedSocialCreditCode', stored.unifiedSocialCreditCode),
    ...optional('legalRepresentative', stored.legalRepresentative),
    ...optional('address', stored.address),
    ...optional('projectName', stored.projectName),
    ...optional('generalContractor', stored.generalContractor),
  };
}

function named(applicant: SourceApplicant): NamedApplicant {
  return { name: applicant.name, isRepresentative: applicant.isRepresentative };
}

function identified(applicant: SourceApplicant): IdentifiedApplicant {
  if (applicant.idNumber === undefined) throw new MissingDocumentDataError('The agreement needs every applicant’s decrypted identity number');
  return { ...named(applicant), idType: applicant.idType, idNumber: applicant.idNumber };
}

function requireTerms(context: CaseContext): AgreementTerms {
  if (context.terms === undefined) throw new MissingDocumentDataError('The case has no agreement terms');
  return context.terms;
}

function signedOn(context: CaseContext): Partial<Record<SignatureParty, string>> {
  return Object.fromEntries(Object.entries(context.signatures).map(([party, record]) => [party, record.signedOn]));
}

/** The last day to apply for judicial confirmation, once the agreement has opened the window (#15). */
function confirmationWindowEndsOn(deadlines: readonly DeadlineEntry[]): string | undefined {
  return deadlines.filter((entry) => entry.kind === 'JUDICIAL_CONFIRMATION_WINDOW').at(-1)?.dueOn;
}

function periodEntry(row: SourceDeadline): MediationPeriodEntry {
  return { startsOn: row.startsOn, days: row.days, pausedDays: row.pausedDays, dueOn: row.dueOn, status: row.status, extension: row.supersedes !== null };
}

function sessionEntry(session: SourceSession, context: CaseContext): SessionEntry {
  const scheduled = context.sessions.scheduled.find((candidate) => candidate.id === session.sessionId);
  const place = scheduled === undefined ? undefined : scheduled.online ? '线上调解' : scheduled.location;
  return { heldOn: session.heldOn, ...optional('place', place), ...optional('summary', session.summary ?? undefined) };
}

/** `{ key: value }`, or nothing when the value is absent, so optional fields stay absent instead of undefined. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
