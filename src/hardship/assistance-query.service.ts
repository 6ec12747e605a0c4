import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { parseLegalDate } from '../calendar/legal-date';
import { CaseAccessService } from '../cases/case-access.service';
import { ValidationError } from '../common/errors/domain-error';
import { ASSISTANCE_ORDER, ASSISTANCE_SELECT, type AssistanceRow } from './assistance-row';
import { AssistancePeriodQueryDto, DEFAULT_ASSISTANCE_PAGE_SIZE } from './dto/assistance-query.dto';
import { toAssistanceResponse, type AssistanceListResponseDto, type AssistancePeriodResponseDto } from './dto/assistance-response.dto';
import { HardshipAssistanceService } from './hardship-assistance.service';
import { periodProblems } from './hardship-rules';

/** The desk's reads: one case's records for whoever may read the case, and a period's records of an organization. */
@Injectable()
export class AssistanceQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly hardship: HardshipAssistanceService,
  ) {}

  async forCase(actor: Actor, caseId: string): Promise<AssistanceListResponseDto> {
    const kase = await this.access.loadVisible(this.dataSource.manager, caseId, actor);
    const rows = (await this.dataSource.query(`${ASSISTANCE_SELECT} WHERE r.case_id = $1 ${ASSISTANCE_ORDER}`, [kase.id])) as AssistanceRow[];
    return { items: rows.map(toAssistanceResponse) };
  }

  /** The caller's own organization; the route admits supervisors and administrators only. */
  async forPeriod(actor: Actor, query: AssistancePeriodQueryDto): Promise<AssistancePeriodResponseDto> {
    const problems = periodProblems(query.from, query.to);
    if (problems.length > 0) throw new ValidationError(problems);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_ASSISTANCE_PAGE_SIZE;
    const where = ['r.organization_id = $1', 'r.given_on BETWEEN $2::date AND $3::date'];
    const params: unknown[] = [actor.organizationId, query.from, query.to];
    if (query.status !== undefined) {
      params.push(query.status);
      where.push(`r.status = $${params.length}`);
    }
    const condition = `WHERE ${where.join(' AND ')}`;
    const manager = this.dataSource.manager;
    const [rows, [{ total }], approved] = await Promise.all([
      manager.query(`${ASSISTANCE_SELECT} ${condition} ${ASSISTANCE_ORDER} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
        ...params,
        pageSize,
        (page - 1) * pageSize,
      ]) as Promise<AssistanceRow[]>,
      manager.query(`SELECT count(*)::int AS total FROM assistance_records r ${condition}`, params) as Promise<{ total: number }[]>,
      this.hardship.summary(manager, actor.organizationId, parseLegalDate(query.from), parseLegalDate(query.to)),
    ]);
    return { items: rows.map(toAssistanceResponse), total, page, pageSize, approved };
  }
}
