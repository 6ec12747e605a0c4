import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Clock } from '../common/clock/clock';
import { NotFoundError } from '../common/errors/domain-error';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { MarkedReadDto, NotificationDto, NotificationListDto, NotificationQueryDto } from './dto/notification.dto';

interface Row {
  id: string;
  kind: string;
  title: string;
  body: string;
  case_id: string | null;
  alert_id: string | null;
  screening_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

const toDto = (row: Row): NotificationDto => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  caseId: row.case_id,
  alertId: row.alert_id,
  screeningId: row.screening_id,
  createdAt: row.created_at.toISOString(),
  readAt: row.read_at?.toISOString() ?? null,
});

/** Everyone reads and marks only their own notifications; another user's is 404 like a missing one. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationListDto })
  async list(@CurrentUser() actor: Actor, @Query() query: NotificationQueryDto): Promise<NotificationListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const unreadOnly = query.unread === true;
    const rows = (await this.dataSource.query(
      `SELECT id, kind, title, body, case_id, alert_id, screening_id, created_at, read_at FROM notifications
       WHERE recipient_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
       ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [actor.id, unreadOnly, pageSize, (page - 1) * pageSize],
    )) as Row[];
    const [counts] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE $2::boolean IS FALSE OR read_at IS NULL)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
       FROM notifications WHERE recipient_id = $1`,
      [actor.id, unreadOnly],
    )) as { total: number; unread: number }[];
    return { items: rows.map(toDto), total: counts.total, unread: counts.unread, page, pageSize };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks all my unread notifications read' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentUser() actor: Actor): Promise<MarkedReadDto> {
    const [, marked] = (await this.dataSource.query('UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND read_at IS NULL', [actor.id, this.clock.now()])) as [
      unknown,
      number,
    ];
    return { marked };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one of my notifications read (again is harmless)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such notification of yours', type: ErrorEnvelope })
  async read(@CurrentUser() actor: Actor, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Notification') })) id: string): Promise<NotificationDto> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND recipient_id = $2
       RETURNING id, kind, title, body, case_id, alert_id, screening_id, created_at, read_at`,
      [id, actor.id, this.clock.now()],
    )) as [Row[], number];
    if (rows.length === 0) throw new NotFoundError('Notification', id);
    return toDto(rows[0]);
  }
}
