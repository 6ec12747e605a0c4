import type { LegalDate } from '../../calendar/legal-date';
import type {
  AgreementItemKind,
  CaseOutcome,
  CaseSource,
  ClaimType,
  ConsentChannel,
  CourtProcedure,
  DeadlineKind,
  DeadlineStatus,
  DeadlineUnit,
  JudicialConfirmationStatus,
  ReferralRoute,
  SignatureParty,
  SuspendReason,
} from './case.types';
import type { Money } from './money';

// The machine's context is persisted inside the snapshot (jsonb), so it holds JSON only: ids, legal
// dates ('YYYY-MM-DD'), ISO instants and decimal strings. It is the source of truth for deadlines;
// the deadline rows are a projection of `deadlines`, keyed by `key`.

/**
 * One statutory or agreed period. `key` is unique within the case and deterministic
 * (`MEDIATION_PERIOD#2`): the machine cannot mint UUIDs, so the service maps keys to rows.
 */
export interface DeadlineEntry {
  readonly key: string;
  readonly kind: DeadlineKind;
  readonly startsOn: LegalDate;
  /** The length in `unit`s: days, working days or years; for FIXED, the days from startsOn to dueOn. */
  readonly days: number;
  readonly unit: DeadlineUnit;
  /** Days the clock stood still (appraisal, force majeure), added before the rest-day roll. */
  readonly pausedDays: number;
  readonly pausedSince?: LegalDate;
  readonly dueOn: LegalDate;
  readonly status: DeadlineStatus;
  /** False when a year the period touches has no holiday notice yet (DOMAIN §4). */
  readonly calendarVerified: boolean;
  /** The rule and the article it comes from, shown to users and in the feedback letter. */
  readonly basis: string;
  readonly instalmentNo?: number;
  /** The key of the entry this one replaced (EXTEND, interruption of the limitation). */
  readonly supersedes?: string;
}

/** What the limitation rule needs to know about the claims and the applicants (DOMAIN §4). */
export interface ClaimsSummary {
  readonly types: readonly ClaimType[];
  /** A WAGE_ARREARS or OVERTIME claim exists. */
  readonly hasWageClaim: boolean;
  /** The earliest employmentEndedOn among FORMER applicants, when there is one. */
  readonly earliestEmploymentEndedOn?: LegalDate;
  readonly knewOrShouldHaveKnownAt: LegalDate;
}

export interface AgreementItem {
  readonly kind: AgreementItemKind;
  readonly description: string;
  /** Required and > 0 for money items; absent (or zero) for NON_MONETARY. */
  readonly amount?: Money;
}

export interface InstalmentTerm {
  readonly no: number;
  readonly dueOn: LegalDate;
  readonly amount: Money;
}

export interface AgreementTerms {
  readonly facts: string;
  readonly disputedMatters: string;
  readonly items: readonly AgreementItem[];
  readonly schedule: readonly InstalmentTerm[];
  readonly waiverOfOtherClaims: boolean;
  readonly defaultClause?: string;
  /** The represented workers' consent to the terms, required for a collective case (LDMAL Art.7). */
  readonly collectiveConsentRecorded?: boolean;
}

/** An instalment with the payments allocated to it in date order (#21). */
export interface Instalment extends InstalmentTerm {
  readonly paid: Money;
  readonly paidInFullOn?: LegalDate;
}

export interface Payment {
  readonly amount: Money;
  readonly paidOn: LegalDate;
  readonly recordedOn: LegalDate;
}

export interface SignatureRecord {
  readonly signedOn: LegalDate;
  /** The user who recorded the signature (the mediator or the supervisor holding the seal). */
  readonly recordedBy: string;
}

export type Signatures = Readonly<Partial<Record<SignatureParty, SignatureRecord>>>;

export interface JudicialConfirmation {
  readonly status: JudicialConfirmationStatus;
  readonly courtId?: string;
  readonly appliedOn?: LegalDate;
  readonly jointApplication?: boolean;
  /** The ruling, or for an entrusted case the mediation statement (调解书, Invited Art.20). */
  readonly rulingNumber?: string;
  readonly ruledOn?: LegalDate;
  readonly refusalReason?: string;
}

export interface ScheduledSession {
  readonly id: string;
  readonly at: string;
  readonly location?: string;
  readonly online: boolean;
}

/** Summaries stay out of the snapshot: the service stores them, and without-prejudice ones never leave it. */
export interface RecordedSession {
  readonly id: string;
  readonly heldAt: string;
  readonly withoutPrejudice: boolean;
  readonly scheduledSessionId?: string;
}

export interface Suspension {
  readonly reason: SuspendReason;
  readonly note?: string;
  readonly from: LegalDate;
  readonly to?: LegalDate;
  /** Whether the mediation clock stood still (APPRAISAL, FORCE_MAJEURE). */
  readonly clockStopped: boolean;
}

export interface RespondentConsent {
  readonly consentedOn: LegalDate;
  readonly channel?: ConsentChannel;
}

export const NEXT_STEPS = ['ARBITRATE_BEFORE_LIMITATION', 'COURT_FILES_CASE', 'TRIAL_RESUMES'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** What the parties are told when a case closes unresolved (DOMAIN §3 Advice). */
export interface Advice {
  readonly nextStep: NextStep;
  readonly basis: string;
  readonly limitationDueOn?: LegalDate;
  /** Closure + 1 year, shown as "possibly": whether mediation interrupts the limitation is disputed [U]. */
  readonly ifInterruptedDueOn?: LegalDate;
  /** Court cases owe the court a feedback letter (Invited Arts.21 and 26; DOMAIN §8). */
  readonly courtFeedbackDue: boolean;
}

export interface CaseContext {
  readonly source: CaseSource;
  readonly workerCount: number;
  readonly collective: boolean;
  readonly organizationId: string;
  /** The referring court of a COURT_* case. */
  readonly courtOrgId?: string;
  readonly courtProcedure?: CourtProcedure;
  /** The court asked to confirm the agreement (#18); its liaison sends #19 and #20. */
  readonly reviewCourtId?: string;
  readonly assignedMediatorId?: string;
  /** The legal (Asia/Shanghai) date of receipt; the mediation period runs from it. */
  readonly receivedOn: LegalDate;
  readonly acceptedOn?: LegalDate;
  readonly claims: ClaimsSummary;
  readonly consent?: RespondentConsent;
  readonly sessions: { readonly scheduled: readonly ScheduledSession[]; readonly recorded: readonly RecordedSession[] };
  readonly suspensions: readonly Suspension[];
  readonly extensionDaysTotal: number;
  /** The cap on EXTEND days for this source; absent means no cap (DOMAIN §4). */
  readonly maxExtensionDays?: number;
  readonly terms?: AgreementTerms;
  readonly agreedTotal?: Money;
  readonly instalments: readonly Instalment[];
  readonly signatures: Signatures;
  readonly signingRefusal?: { readonly party: SignatureParty; readonly reason: string };
  readonly effectiveOn?: LegalDate;
  readonly judicialConfirmation: JudicialConfirmation;
  readonly payments: readonly Payment[];
  readonly paidTotal: Money;
  readonly defaultReportedOn?: LegalDate;
  readonly referral?: { readonly route: ReferralRoute; readonly courtId?: string };
  readonly outcome?: CaseOutcome;
  readonly closedOn?: LegalDate;
  readonly advice?: Advice;
  readonly deadlines: readonly DeadlineEntry[];
}
