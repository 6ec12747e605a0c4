import { DomainError } from '../common/errors/domain-error';

export class AlertError extends DomainError {
  /** Also the answer for an alert on a case outside the user's scope, or one their role is not shown (DOMAIN §1). */
  static notFound(id: string): AlertError {
    return new AlertError('NOT_FOUND', `Alert ${id} was not found.`);
  }

  static handlingNotAllowed(): AlertError {
    return new AlertError('FORBIDDEN', "Alerts are acknowledged and resolved by the case's assigned mediator and the supervisors of its organization.");
  }

  static alreadyResolved(id: string): AlertError {
    return new AlertError('ALERT_ALREADY_RESOLVED', `Alert ${id} is already resolved.`);
  }
}
