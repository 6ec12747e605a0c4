import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RiskRule, RiskRuleSet } from '../risk/risk-rules';
import type { SensitivePeriod } from '../risk/sensitive-periods';
import { PERIOD_COLUMNS, toSensitivePeriod, type PeriodRow } from './sensitive-period-row';

interface Cached<T> {
  readonly revision: string;
  readonly value: T;
}

const REVISION_SQL = 'SELECT revision::text AS revision FROM risk_policy_revisions';

// Revision and contents in one statement, hence one snapshot: the cached contents are exactly those of that revision.
const PERIODS_SQL = `SELECT r.revision::text AS revision, ${PERIOD_COLUMNS('p')}
  FROM risk_policy_revisions r LEFT JOIN sensitive_periods p ON p.active
  ORDER BY p.starts_on, p.id`;

const RULE_SET_SQL = `SELECT r.revision::text AS revision, s.version, s.rules
  FROM risk_policy_revisions r
  LEFT JOIN LATERAL (SELECT version, rules FROM risk_rule_sets ORDER BY version DESC LIMIT 1) s ON true`;

/**
 * The sensitive periods and rule set the risk engine runs with, read inside the caller's transaction on every case
 * change. Both are cached per instance under the policy revision, which a trigger bumps in the same transaction as any
 * change to either table, whoever makes it; each call costs one primary-key read of that revision, and a change made
 * here or by another instance is seen by the next call after it commits (and at once inside its own transaction).
 */
@Injectable()
export class RiskPolicyService {
  private periods?: Cached<readonly SensitivePeriod[]>;
  private ruleSet?: Cached<RiskRuleSet>;

  /**
   * `periods`: every active period, global and organization-scoped alike (the engine picks a case's with
   * `appliesToOrg`). `ruleSet`: the highest version, which every assessment and screening runs with and records.
   * Both come from one revision read, since a case change asks for both and every statement is a round trip.
   */
  async policy(manager: EntityManager): Promise<{ periods: SensitivePeriod[]; ruleSet: RiskRuleSet }> {
    return this.policyAt(manager, await this.revision(manager));
  }

  /** The same, for a caller that read the revision itself, inside `manager`'s transaction, with other facts. */
  async policyAt(manager: EntityManager, revision: string): Promise<{ periods: SensitivePeriod[]; ruleSet: RiskRuleSet }> {
    return { periods: await this.periodsAt(manager, revision), ruleSet: await this.ruleSetAt(manager, revision) };
  }

  private async periodsAt(manager: EntityManager, revision: string): Promise<SensitivePeriod[]> {
    let cached = this.periods;
    if (cached?.revision !== revision) {
      cached = await this.loadPeriods(manager);
      this.periods = cached;
    }
    return [...cached.value];
  }

  private async ruleSetAt(manager: EntityManager, revision: string): Promise<RiskRuleSet> {
    let cached = this.ruleSet;
    if (cached?.revision !== revision) {
      cached = await this.loadRuleSet(manager);
      this.ruleSet = cached;
    }
    return cached.value;
  }

  private async revision(manager: EntityManager): Promise<string> {
    const [row] = (await manager.query(REVISION_SQL)) as { revision: string }[];
    return row.revision;
  }

  private async loadPeriods(manager: EntityManager): Promise<Cached<readonly SensitivePeriod[]>> {
    const rows = (await manager.query(PERIODS_SQL)) as (PeriodRow & { revision: string })[];
    const periods = rows.filter((row) => row.id !== null).map((row) => deepFreeze(toSensitivePeriod(row)));
    return { revision: rows[0].revision, value: Object.freeze(periods) };
  }

  private async loadRuleSet(manager: EntityManager): Promise<Cached<RiskRuleSet>> {
    const [row] = (await manager.query(RULE_SET_SQL)) as { revision: string; version: number | null; rules: RiskRule[] | null }[];
    if (row.version === null || row.rules === null) throw new Error('risk_rule_sets is empty: the migration seeds version 1, so the table was emptied by hand');
    return { revision: row.revision, value: deepFreeze({ version: row.version, rules: row.rules }) };
  }
}

// The cached objects are shared by every caller of this instance; freezing makes a mutation fail loudly instead of
// silently changing the next case's assessment.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
