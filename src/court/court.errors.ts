import { DomainError } from '../common/errors/domain-error';

export class CourtError extends DomainError {
  /** The roles guard already refuses other roles; this keeps a service called from elsewhere just as strict. */
  static liaisonsOnly(role: string): CourtError {
    return new CourtError('FORBIDDEN', `The court queue belongs to court liaisons; you are signed in as ${role}.`);
  }

  /** A court that only reviews the agreement sees the case, but the feedback letter goes to the court that referred it. */
  static notReferringCourt(caseId: string): CourtError {
    return new CourtError('FORBIDDEN', `Only the liaison of the court that referred case ${caseId} acknowledges its feedback letter.`);
  }

  /** The feedback letter is written when a delegated or entrusted case closes (Invited Arts.21 and 26). */
  static handoffNotDue(caseId: string, state: string): CourtError {
    return new CourtError('HANDOFF_NOT_DUE', `Case ${caseId} is ${state}; its feedback letter is due only once it is closed.`, { state });
  }
}
