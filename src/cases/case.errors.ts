import { DomainError } from '../common/errors/domain-error';

export class CaseError extends DomainError {
  /** Also the answer for a case outside the user's scope: its existence is not disclosed (DOMAIN §1). */
  static notFound(id: string): CaseError {
    return new CaseError('NOT_FOUND', `Case ${id} was not found.`);
  }

  static intakeOnlyForUnion(): CaseError {
    return new CaseError('FORBIDDEN', 'Only the mediators and supervisors of a union mediation studio register cases.');
  }

  static revealNotAllowed(): CaseError {
    return new CaseError(
      'FORBIDDEN',
      'Personal data of this case is revealed only to its assigned mediator, a supervisor of its organization and the liaison of its court.',
    );
  }

  static fieldNotRecorded(field: string): CaseError {
    return new CaseError('NOT_FOUND', `The case has no value at ${field}.`);
  }
}
