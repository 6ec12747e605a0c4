import { DomainError } from '../common/errors/domain-error';

export class AuditError extends DomainError {
  /** The roles guard already refuses other roles; this keeps a service called from elsewhere just as strict. */
  static roleMayNotRead(role: string): AuditError {
    return new AuditError('FORBIDDEN', `Only a SUPERVISOR (own organization) or an ADMIN may read or verify the audit trail; you are signed in as ${role}.`);
  }

  static noCheckpointYet(): AuditError {
    return new AuditError('NOT_FOUND', 'No audit checkpoint has been made yet.');
  }
}
