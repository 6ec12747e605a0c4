import { compare, type LegalDate } from '../calendar/legal-date';
import { isCaseVisible, type CaseAccessFacts, type CaseViewer } from '../cases/case-access-rules';
import type { CaseSource, JudicialConfirmationStatus } from '../cases/machine/case.types';
import type { DocumentKind } from './document-kinds';

// Who may print which document, and when a document exists at all (DOMAIN §8). Pure: the service feeds it the
// signed-in user, the case row's facts and today's legal date.

export interface DocumentCaseFacts extends CaseAccessFacts {
  readonly source: CaseSource;
  readonly acceptedOn?: LegalDate;
  /** REACH_AGREEMENT recorded terms. */
  readonly hasTerms: boolean;
  readonly judicialConfirmationStatus: JudicialConfirmationStatus;
  /** The due date of the PENDING judicial-confirmation window, if one is open. */
  readonly confirmationWindowEndsOn?: LegalDate;
}

/**
 * The agreement carries full identities, so it is printed only by those who may see them: the assigned mediator and
 * the organization's supervisors (DOMAIN §1, §8). The other documents go to the case's mediator and supervisors, and
 * the two the court receives also to the liaison of a linked court. Administrators read masked data only.
 */
export function mayGenerate(kind: DocumentKind, viewer: CaseViewer, facts: DocumentCaseFacts): boolean {
  if (!isCaseVisible(viewer, facts)) return false;
  switch (viewer.role) {
    case 'MEDIATOR':
      return kind === 'mediation-agreement' ? facts.assignedMediatorId === viewer.id : facts.organizationId === viewer.organizationId;
    case 'SUPERVISOR':
      return facts.organizationId === viewer.organizationId;
    case 'COURT_LIAISON':
      return kind === 'court-feedback-letter' || kind === 'judicial-confirmation-application';
    case 'ADMIN':
      return false;
  }
}

// An agreement exists from the moment terms are set down for signing until the case closes on it; a refused or
// withdrawn signing leaves terms nobody agreed to, which are not printed as an agreement.
const AGREEMENT_STATES = new Set([
  'agreement.signing',
  'agreement.effective',
  'agreement.judicialReview',
  'agreement.confirmed',
  'agreement.defaulted',
  'closed.resolved',
  'closed.referred',
]);

// Once filed (#18), the application is the record of what the court was asked, in every state that can follow.
const FILED_APPLICATION_STATES = new Set(['agreement.judicialReview', 'agreement.confirmed', 'agreement.defaulted', 'closed.resolved', 'closed.referred']);
const FILED_STATUSES: readonly JudicialConfirmationStatus[] = ['REQUESTED', 'CONFIRMED'];

/** Why the document does not exist for this case today, or undefined when it does. */
export function unavailableReason(kind: DocumentKind, facts: DocumentCaseFacts, today: LegalDate): string | undefined {
  switch (kind) {
    case 'acceptance-notice':
      return facts.acceptedOn === undefined ? 'The case has not been accepted.' : undefined;
    case 'mediation-agreement':
      return facts.hasTerms && AGREEMENT_STATES.has(facts.state) ? undefined : 'There is no mediation agreement: terms are printed from agreement.signing on.';
    case 'court-feedback-letter':
      return feedbackLetterUnavailable(facts);
    case 'judicial-confirmation-application':
      return confirmationApplicationUnavailable(facts, today);
  }
}

// The court is owed a letter when a case it delegated or entrusted ends (Invited Arts.21 and 26).
function feedbackLetterUnavailable(facts: DocumentCaseFacts): string | undefined {
  if (facts.source !== 'COURT_DELEGATED' && facts.source !== 'COURT_ENTRUSTED') return 'Only a case a court delegated or entrusted owes the court a feedback letter.';
  return facts.state.startsWith('closed.') ? undefined : 'The feedback letter is written when the case closes.';
}

// CPL Art.205: a joint application within 30 days of the agreement taking effect. An entrusted case has none: the
// court itself issues a mediation statement (Invited Art.20).
function confirmationApplicationUnavailable(facts: DocumentCaseFacts, today: LegalDate): string | undefined {
  if (facts.source === 'COURT_ENTRUSTED') return 'An entrusted case is not confirmed on application: the court issues a mediation statement.';
  if (FILED_STATUSES.includes(facts.judicialConfirmationStatus) && FILED_APPLICATION_STATES.has(facts.state)) return undefined;
  if (facts.state !== 'agreement.effective') return 'Judicial confirmation is applied for once the agreement is effective.';
  const endsOn = facts.confirmationWindowEndsOn;
  return endsOn !== undefined && compare(today, endsOn) <= 0 ? undefined : 'The 30-day window for judicial confirmation has closed (CPL Art.205).';
}
