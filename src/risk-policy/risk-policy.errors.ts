import { DomainError } from '../common/errors/domain-error';

export class RiskPolicyError extends DomainError {
  /** Also for another organization's period: its existence is not disclosed (DOMAIN §1). */
  static periodNotFound(id: string): RiskPolicyError {
    return new RiskPolicyError('NOT_FOUND', `Sensitive period ${id} was not found.`);
  }

  static periodNotYours(id: string): RiskPolicyError {
    return new RiskPolicyError('FORBIDDEN', `Sensitive period ${id} applies to every organization; only an ADMIN changes it.`);
  }

  static otherOrganization(): RiskPolicyError {
    return new RiskPolicyError('FORBIDDEN', 'A supervisor adds and changes sensitive periods of their own organization only.');
  }

  static ruleSetNotFound(version: number): RiskPolicyError {
    return new RiskPolicyError('NOT_FOUND', `Risk rule set version ${version} was not found.`);
  }

  static staleBaseVersion(baseVersion: number, currentVersion: number): RiskPolicyError {
    return new RiskPolicyError(
      'VERSION_CONFLICT',
      `The rules were changed since version ${baseVersion}; the current version is ${currentVersion}. Reload them and apply your change again.`,
      { baseVersion, currentVersion },
    );
  }
}
