import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { parseLegalDate } from '../calendar/legal-date';
import { CaseAccessService } from '../cases/case-access.service';
import { Clock } from '../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { namedQuery } from '../database/named-query';
import { HardshipAssistanceService } from '../hardship/hardship-assistance.service';
import type { SummaryQueryDto } from './dto/summary-query.dto';
import { distributionsSql, groupsSql, totalsSql } from './summary-queries';
import type { SummaryReport } from './summary-report';
import { toCounts, toDistributions, toGroups, type CountsRow, type DistributionRow, type GroupRow } from './summary-rows';

/**
 * The statistics summary of the cases the viewer may see: a supervisor or administrator their organization's, a court
 * liaison the cases their court referred or reviews (the same scope as the case list).
 */
@Injectable()
export class ReportSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly clock: Clock,
    private readonly hardship: HardshipAssistanceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  summary(actor: Actor, query: SummaryQueryDto): Promise<SummaryReport> {
    const scope = this.access.scopeFor(actor, 'c');
    const params = { ...scope.params, from: query.from, to: query.to, timeZone: this.config.legalTimeZone };
    const groupBy = query.groupBy ?? null;
    // One snapshot for all queries: a case closing between two of them must not count as open in one and closed in
    // the other.
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SET TRANSACTION READ ONLY');
      const [totals] = await this.run<CountsRow>(tx, totalsSql(scope.where), params);
      const distributions = await this.run<DistributionRow>(tx, distributionsSql(scope.where), params);
      const groups = groupBy === null ? [] : toGroups(groupBy, await this.run<GroupRow>(tx, groupsSql(scope.where, groupBy), params));
      const assistance = actor.role === 'COURT_LIAISON'
        ? null
        : await this.hardship.summary(tx, actor.organizationId, parseLegalDate(query.from), parseLegalDate(query.to));
      return {
        from: query.from,
        to: query.to,
        timeZone: this.config.legalTimeZone,
        currency: 'CNY',
        generatedAt: this.clock.now().toISOString(),
        groupBy,
        totals: toCounts(totals),
        ...toDistributions(distributions),
        assistance,
        groups,
      };
    });
  }

  private run<T>(tx: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
    return namedQuery<T>(this.dataSource, sql, params, tx);
  }
}
