import { DomainError } from '../common/errors/domain-error';
import type { AssistanceStatus } from './hardship-rules';

export class AssistanceError extends DomainError {
  /** Also the answer for a record of another case, or of a case outside the user's scope (DOMAIN §1). */
  static notFound(id: string): AssistanceError {
    return new AssistanceError('NOT_FOUND', `Assistance record ${id} was not found.`);
  }

  static proposeNotAllowed(): AssistanceError {
    return new AssistanceError('FORBIDDEN', "Hardship assistance is proposed by the case's assigned mediator or a supervisor of its organization.");
  }

  static decideNotAllowed(): AssistanceError {
    return new AssistanceError('FORBIDDEN', "Hardship assistance is approved and rejected by a supervisor of the case's organization.");
  }

  static selfApproval(): AssistanceError {
    return new AssistanceError('FORBIDDEN', 'You proposed this assistance; another supervisor approves it. You may reject it to withdraw it.');
  }

  static alreadyDecided(id: string, status: AssistanceStatus): AssistanceError {
    return new AssistanceError('ASSISTANCE_ALREADY_DECIDED', `Assistance record ${id} is ${status}; only a PROPOSED one is approved or rejected.`, { status });
  }
}
