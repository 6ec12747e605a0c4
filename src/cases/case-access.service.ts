import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import {
  caseScopeOf,
  caseScopeSql,
  isCaseVisible,
  mayRevealPii,
  relationFor,
  seesRawPii,
  type CaseAccessFacts,
  type SqlCondition,
} from './case-access-rules';
import { CaseError } from './case.errors';
import { CaseEntity } from './case.entity';
import { stateOf, type PersistedCaseSnapshot } from './machine/case-decision';
import type { SenderRelation } from './machine/case-senders';
import { isUuid } from '../common/uuid';

/** A `cases` row as raw SQL returns it; `state` may be left out when the snapshot is selected instead. */
export interface RawCaseAccessRow {
  readonly organization_id: string;
  readonly assigned_mediator_id: string | null;
  readonly court_org_id: string | null;
  readonly review_court_id: string | null;
  readonly state?: string;
  readonly machine_version?: number;
  readonly snapshot?: PersistedCaseSnapshot;
}

export type CaseAccessSource = CaseEntity | RawCaseAccessRow;

/**
 * The one gate to case records, for every case route: the list scope as SQL, the 404 for a case outside it, and how
 * the user relates to a visible case (sender relation, raw or masked PII, reveal).
 */
@Injectable()
export class CaseAccessService {
  /** The list scope as a WHERE condition over `cases` aliased `alias`, with named parameters. */
  scopeFor(actor: Actor, alias = 'c'): SqlCondition {
    return caseScopeSql(caseScopeOf(actor), alias);
  }

  /**
   * The case row, or 404 NOT_FOUND when it does not exist or lies outside the user's scope; never 403, so another
   * organization's case numbers cannot be probed. `lock` takes FOR UPDATE before the check.
   */
  async loadVisible(manager: EntityManager, caseId: string, actor: Actor, options: { lock?: boolean } = {}): Promise<CaseEntity> {
    if (!isUuid(caseId)) throw CaseError.notFound(caseId);
    const row = await manager.getRepository(CaseEntity).findOne({
      where: { id: caseId },
      ...(options.lock === true ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (row === null || !isCaseVisible(actor, this.toAccessRow(row))) throw CaseError.notFound(caseId);
    return row;
  }

  canSee(actor: Actor, facts: CaseAccessFacts): boolean {
    return isCaseVisible(actor, facts);
  }

  relationFor(actor: Actor, facts: CaseAccessFacts): SenderRelation {
    return relationFor(actor, facts);
  }

  /** Whether the case detail shows this user raw PII: only the assigned mediator (DOMAIN §1). */
  seesRawPii(actor: Actor, facts: CaseAccessFacts): boolean {
    return seesRawPii(actor, facts);
  }

  /** 403 FORBIDDEN unless the user may reveal this case's PII; call after loadVisible, so outsiders get 404 first. */
  assertMayReveal(actor: Actor, facts: CaseAccessFacts): void {
    if (!mayRevealPii(actor, facts)) throw CaseError.revealNotAllowed();
  }

  /** The access facts of an entity or a raw snake_case row; without a state column, the snapshot says it. */
  toAccessRow(row: CaseAccessSource): CaseAccessFacts {
    if (row instanceof CaseEntity) {
      return {
        organizationId: row.organizationId,
        state: row.state,
        assignedMediatorId: row.assignedMediatorId,
        courtOrgId: row.courtOrgId,
        reviewCourtId: row.reviewCourtId,
      };
    }
    return {
      organizationId: row.organization_id,
      state: row.state ?? stateOfRaw(row),
      assignedMediatorId: row.assigned_mediator_id,
      courtOrgId: row.court_org_id,
      reviewCourtId: row.review_court_id,
    };
  }
}

function stateOfRaw(row: RawCaseAccessRow): string {
  if (row.snapshot === undefined || row.machine_version === undefined) {
    throw new Error('A case access row needs either its state or its machine_version and snapshot');
  }
  return stateOf({ machineVersion: row.machine_version, snapshot: row.snapshot });
}
