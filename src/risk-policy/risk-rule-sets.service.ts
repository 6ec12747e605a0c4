import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock/clock';
import { ValidationError } from '../common/errors/domain-error';
import { canonicalJson } from '../common/json/canonical-json';
import type { RiskRule } from '../risk/risk-rules';
import { riskRuleSetProblems } from '../risk/risk-rule-set-validation';
import { ReplaceRiskRulesDto } from './dto/replace-risk-rules.dto';
import {
  RiskRuleSetResponseDto,
  RiskRuleSetRow,
  RiskRuleSetVersionResponseDto,
  toRiskRuleSetResponse,
  toRiskRuleSetVersionResponse,
} from './dto/risk-rule-set-response.dto';
import { RiskPolicyError } from './risk-policy.errors';

const COLUMNS = 'version, rules, note, created_at AS "createdAt", created_by AS "createdBy"';

/** One changed rule as the audit payload shows it; a rule that is new or gone has undefined on that side. */
interface RuleChange {
  id: string;
  before?: RiskRule;
  after?: RiskRule;
}

/**
 * Versioned rule sets (DOMAIN §5): a change never edits a version, it adds the next one, so every screening's
 * recorded version keeps meaning the rules it ran with. An edit made on an outdated version is refused rather than
 * silently undoing someone else's change.
 */
@Injectable()
export class RiskRuleSetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<RiskRuleSetResponseDto> {
    return toRiskRuleSetResponse(await this.currentRow(this.dataSource.manager));
  }

  async versions(): Promise<RiskRuleSetVersionResponseDto[]> {
    const rows = (await this.dataSource.query(
      'SELECT version, note, created_at AS "createdAt", created_by AS "createdBy" FROM risk_rule_sets ORDER BY version DESC',
    )) as Omit<RiskRuleSetRow, 'rules'>[];
    return rows.map(toRiskRuleSetVersionResponse);
  }

  async get(version: number): Promise<RiskRuleSetResponseDto> {
    const [row] = (await this.dataSource.query(`SELECT ${COLUMNS} FROM risk_rule_sets WHERE version = $1`, [version])) as RiskRuleSetRow[];
    if (row === undefined) throw RiskPolicyError.ruleSetNotFound(version);
    return toRiskRuleSetResponse(row);
  }

  async replace(actor: Actor, dto: ReplaceRiskRulesDto, requestId: string): Promise<RiskRuleSetResponseDto> {
    const version = dto.baseVersion + 1;
    const problems = riskRuleSetProblems({ version, rules: dto.rules });
    if (problems.length > 0) throw new ValidationError(problems);
    const rules = dto.rules as RiskRule[];
    return this.dataSource.transaction(async (tx) => {
      const base = await this.currentRow(tx);
      if (base.version !== dto.baseVersion) throw RiskPolicyError.staleBaseVersion(dto.baseVersion, base.version);
      // Two editors on the same base both pass the check above; the key lets only the first insert, and the second
      // (which waited for the first to commit) inserts nothing.
      const inserted = (await tx.query(
        `INSERT INTO risk_rule_sets (version, rules, note, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (version) DO NOTHING RETURNING ${COLUMNS}`,
        [version, JSON.stringify(rules), dto.note ?? null, this.clock.now(), actor.id],
      )) as RiskRuleSetRow[];
      if (inserted.length === 0) throw RiskPolicyError.staleBaseVersion(dto.baseVersion, (await this.currentRow(tx)).version);
      await this.audit.append(tx, {
        actor: { userId: actor.id, role: actor.role },
        orgId: null,
        category: 'RISK',
        action: 'RISK_RULES_CHANGED',
        requestId,
        payload: { version, baseVersion: base.version, note: dto.note ?? null, changes: ruleChanges(base.rules, rules) },
      });
      return toRiskRuleSetResponse(inserted[0]);
    });
  }

  private async currentRow(manager: EntityManager): Promise<RiskRuleSetRow> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM risk_rule_sets ORDER BY version DESC LIMIT 1`)) as RiskRuleSetRow[];
    if (row === undefined) throw new Error('risk_rule_sets is empty: the migration seeds version 1, so the table was emptied by hand');
    return row;
  }
}

// Compared canonically: jsonb stores keys in its own order, so the stored rules never match the submitted text.
function ruleChanges(before: readonly RiskRule[], after: readonly RiskRule[]): RuleChange[] {
  const byId = (rules: readonly RiskRule[]) => new Map<string, RiskRule>(rules.map((rule) => [rule.id, rule]));
  const [old, next] = [byId(before), byId(after)];
  const ids = [...new Set([...old.keys(), ...next.keys()])];
  return ids.flatMap((id) => {
    const [was, is] = [old.get(id), next.get(id)];
    if (was !== undefined && is !== undefined && canonicalJson(was) === canonicalJson(is)) return [];
    return [{ id, ...(was ? { before: was } : {}), ...(is ? { after: is } : {}) }];
  });
}
