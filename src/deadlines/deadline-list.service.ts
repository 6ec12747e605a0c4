import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { diffDays, legalDateOf, type LegalDate } from '../calendar/legal-date';
import { CaseAccessService } from '../cases/case-access.service';
import { Clock } from '../common/clock/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { namedQuery } from '../database/named-query';
import { DEADLINE_PAGE_SIZE, DeadlineQueryDto } from './dto/deadline-query.dto';
import { DeadlineListItemDto, DeadlineListResponseDto } from './dto/deadline-list.dto';
import { deadlineLabel } from './deadline-labels';

type ListRow = Omit<DeadlineListItemDto, 'label' | 'daysLeft' | 'assignedMediator'> & { mediatorId: string | null; mediatorName: string | null };

/** Deadlines across the cases the user may see: a desk's "what is due" list. Soonest first. */
@Injectable()
export class DeadlineListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: DeadlineQueryDto): Promise<DeadlineListResponseDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEADLINE_PAGE_SIZE;
    const scope = this.access.scopeFor(actor, 'c');
    const where = [scope.where, 'd.status = :status'];
    const params: Record<string, unknown> = { ...scope.params, status: query.status ?? 'PENDING' };
    const filters: [unknown, string, string, unknown][] = [
      [query.dueBefore, 'd.due_on <= :dueBefore', 'dueBefore', query.dueBefore],
      [query.dueAfter, 'd.due_on >= :dueAfter', 'dueAfter', query.dueAfter],
      [query.kind, 'd.kind = :kind', 'kind', query.kind],
      [query.mine === true ? true : undefined, 'c.assigned_mediator_id = :mine', 'mine', actor.id],
    ];
    for (const [given, condition, name, value] of filters) {
      if (given === undefined) continue;
      where.push(condition);
      params[name] = value;
    }
    const from = `FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE ${where.join(' AND ')}`;
    const [rows, [{ total }]] = await Promise.all([
      this.run<ListRow>(
        `SELECT d.id, d.case_id AS "caseId", c.case_number AS "caseNumber", c.state AS "caseState", d.kind,
                d.instalment_no AS "instalmentNo", d.starts_on::text AS "startsOn", d.due_on::text AS "dueOn", d.status,
                d.paused_since IS NOT NULL AS paused, d.calendar_verified AS "calendarVerified", d.basis,
                c.assigned_mediator_id AS "mediatorId", u.display_name AS "mediatorName"
         ${from.replace('WHERE', 'LEFT JOIN users u ON u.id = c.assigned_mediator_id WHERE')}
         ORDER BY d.due_on, c.case_number, d.key LIMIT :limit OFFSET :offset`,
        { ...params, limit: pageSize, offset: (page - 1) * pageSize },
      ),
      this.run<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params),
    ]);
    const today = legalDateOf(this.clock.now(), this.config.legalTimeZone);
    return { items: rows.map((row) => toItem(row, today)), total, page, pageSize };
  }

  private run<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    return namedQuery<T>(this.dataSource, sql, params);
  }
}

function toItem(row: ListRow, today: LegalDate): DeadlineListItemDto {
  const { mediatorId, mediatorName, ...rest } = row;
  return {
    ...rest,
    label: deadlineLabel(row.kind, row.instalmentNo),
    daysLeft: diffDays(today, row.dueOn as LegalDate),
    assignedMediator: mediatorId === null ? null : { id: mediatorId, displayName: mediatorName ?? '' },
  };
}
