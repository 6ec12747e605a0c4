import type { AgreementItem, InstalmentTerm, NextStep } from '../cases/machine/case.context';
import type { CaseOutcome, CaseSource, ClaimType, DeadlineStatus, RiskFlag, SignatureParty, SuspendReason } from '../cases/machine/case.types';

// What each builder needs, as plain data: legal dates 'YYYY-MM-DD', amounts as decimal strings. The service gathers it;
// the builders only lay it out. Raw identity numbers have a field in the agreement's data alone (DOMAIN §1), so no
// other document can print one by mistake.

/** A worker as every document names them: no identity number. */
export interface NamedApplicant {
  readonly name: string;
  readonly isRepresentative: boolean;
}

/** A worker with the full identity the mediation agreement carries (DOMAIN §8). */
export interface IdentifiedApplicant extends NamedApplicant {
  readonly idType: 'RESIDENT_ID' | 'OTHER';
  /** Decrypted: the agreement is one of the three places a raw ID appears. */
  readonly idNumber: string;
}

export interface RespondentParty {
  readonly name: string;
  readonly unifiedSocialCreditCode?: string;
  readonly legalRepresentative?: string;
  readonly address?: string;
  readonly projectName?: string;
  readonly generalContractor?: string;
}

/** What identifies the case on every document. */
export interface CaseHeading {
  readonly caseNumber: string;
  readonly organizationName: string;
  readonly source: CaseSource;
  /** The referring court of a delegated or entrusted case. */
  readonly courtName?: string;
  readonly courtCaseNumber?: string;
  readonly workerCount: number;
  readonly collective: boolean;
  readonly receivedOn: string;
  readonly respondent: RespondentParty;
  readonly mediatorName?: string;
}

export interface MediationAgreementData extends CaseHeading {
  readonly applicants: readonly IdentifiedApplicant[];
  readonly facts: string;
  readonly disputedMatters: string;
  readonly items: readonly AgreementItem[];
  readonly schedule: readonly InstalmentTerm[];
  readonly agreedTotal: string;
  readonly waiverOfOtherClaims: boolean;
  readonly defaultClause?: string;
  readonly collectiveConsentRecorded: boolean;
  /** The day each party signed, for those who have. */
  readonly signatures: Readonly<Partial<Record<SignatureParty, string>>>;
  /** The day of the last signature (Online Art.19); absent while signatures are missing. */
  readonly effectiveOn?: string;
  /** The last day to apply for judicial confirmation (CPL Art.205), once the window is open. */
  readonly confirmationWindowEndsOn?: string;
}

export interface MediationPeriodEntry {
  readonly startsOn: string;
  readonly days: number;
  readonly pausedDays: number;
  readonly dueOn: string;
  readonly status: DeadlineStatus;
  /** An EXTEND with both parties' consent (DOMAIN §4). */
  readonly extension: boolean;
}

export interface SuspensionEntry {
  readonly reason: SuspendReason;
  readonly from: string;
  readonly to?: string;
  readonly clockStopped: boolean;
}

/** A mediation meeting. `summary` is absent for without-prejudice records, which never leave the case (Invited Art.22). */
export interface SessionEntry {
  readonly heldOn: string;
  readonly place?: string;
  readonly summary?: string;
}

export interface ClaimEntry {
  readonly type: ClaimType;
  readonly amount?: string;
  readonly description: string;
}

export interface CourtFeedbackLetterData extends CaseHeading {
  readonly applicants: readonly NamedApplicant[];
  readonly mediationPeriods: readonly MediationPeriodEntry[];
  readonly suspensions: readonly SuspensionEntry[];
  readonly sessions: readonly SessionEntry[];
  readonly claims: readonly ClaimEntry[];
  readonly outcome: CaseOutcome;
  readonly closedOn: string;
  /** The note or reason given with the closing event, PII masked. */
  readonly closingNote?: string;
  /** Facts and disputed matters the parties set down in terms they later did not sign. */
  readonly terms?: { readonly facts: string; readonly disputedMatters: string };
  /** The agreement, when the case closed after one took effect. */
  readonly agreement?: { readonly effectiveOn: string; readonly agreedTotal: string };
  readonly riskFlags: readonly RiskFlag[];
  readonly nextStep?: NextStep;
}

export interface JudicialConfirmationApplicationData extends CaseHeading {
  readonly applicants: readonly NamedApplicant[];
  /** The court asked to confirm: the review court, else the delegating court (Invited Art.19); absent → left blank. */
  readonly reviewCourtName?: string;
  readonly items: readonly AgreementItem[];
  readonly schedule: readonly InstalmentTerm[];
  readonly agreedTotal: string;
  readonly effectiveOn: string;
  readonly confirmationWindowEndsOn?: string;
  /** Set once the application was filed (#18). */
  readonly appliedOn?: string;
}

export interface AcceptanceNoticeData extends CaseHeading {
  readonly applicants: readonly NamedApplicant[];
  readonly acceptedOn: string;
  /** The period as first set, the days added by extensions since, and the due date in force. */
  readonly mediationPeriod: { readonly startsOn: string; readonly days: number; readonly extendedDays: number; readonly dueOn: string };
  readonly region: string;
}
