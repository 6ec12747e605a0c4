import type { CaseState, ClaimType, DeadlineKind, DeadlineStatus, RiskFlag } from '../cases/machine/case.types';
import type { Money } from '../cases/machine/money';

/**
 * What the risk rules read from a case, as plain values so that the engine needs neither the entity nor the
 * database. The service builds it from the case row and its deadline rows.
 */
export interface RiskFacts {
  /** The owning (UNION) organization; a period with an orgId applies only to that organization's cases. */
  readonly orgId: string;
  readonly workerCount: number;
  readonly migrantWorkers: number;
  readonly claims: readonly RiskClaim[];
  readonly arrearsMonths: number;
  readonly riskFlags: readonly RiskFlag[];
  /** Dotted, as the API shows it. */
  readonly state: CaseState;
  /** Every deadline row of the case, superseded and cancelled ones included. */
  readonly deadlines: readonly RiskDeadline[];
}

export interface RiskClaim {
  readonly type: ClaimType;
  /** Decimal string in yuan; absent (or null from the row) when the claim has no sum. */
  readonly amount?: Money | null;
}

export interface RiskDeadline {
  readonly kind: DeadlineKind;
  readonly status: DeadlineStatus;
}
