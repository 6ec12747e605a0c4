import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import type { LegalDate } from '../calendar/legal-date';
import { NotFoundError } from '../common/errors/domain-error';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { prefersMinimalReturn } from '../common/http/prefer';
import { RequestId } from '../common/request-id/request-id.decorator';
import {
  CreateRiskScreeningDto,
  DEFAULT_LEDGER_PAGE_SIZE,
  LedgerExportQueryDto,
  LedgerPageDto,
  LedgerQueryDto,
  RiskScreeningDto,
  RiskScreeningListDto,
} from './dto/risk-screening.dto';
import { LEDGER_CONTENT_TYPES, LEDGER_HEADERS, type LedgerFileFormat } from './ledger-file';
import { LedgerExportService } from './ledger-export.service';
import { RiskScreeningService } from './risk-screening.service';
import { readLedger, readLedgerPage } from './screening-ledger';

// A malformed id names no screening: 404, as an unknown one.
const SCREENING_ID = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('Screening') });

@ApiTags('risk')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'FORBIDDEN: not a supervisor (or, for reading, an admin)', type: ErrorEnvelope })
@Controller('risk-screenings')
export class RiskScreeningsController {
  constructor(
    private readonly screenings: RiskScreeningService,
    private readonly exports: LedgerExportService,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: "Screens every open case of your organization as of a date and prints the ledger (台账); opens alerts idempotently" })
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description: "return=minimal leaves the ledger (cases) out of the answer: a city's runs to tens of megabytes, and GET /api/risk-screenings/:id reads it",
  })
  @ApiCreatedResponse({ type: RiskScreeningDto, headers: { 'Preference-Applied': { description: 'return=minimal when the ledger was left out', schema: { type: 'string' } } } })
  async create(
    @CurrentUser() actor: Actor,
    @Body() body: CreateRiskScreeningDto,
    @RequestId() requestId: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RiskScreeningDto> {
    const record = (await this.screenings.screen(actor.organizationId, body.asOf as LegalDate, 'ON_DEMAND', actor, requestId))!;
    if (!prefersMinimalReturn(prefer)) return record;
    void reply.header('Preference-Applied', 'return=minimal');
    const { cases: _ledger, ...summary } = record;
    return summary;
  }

  @Get()
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: "Your organization's screenings, newest first (the last 100)" })
  @ApiOkResponse({ type: RiskScreeningListDto })
  async list(@CurrentUser() actor: Actor): Promise<RiskScreeningListDto> {
    const rows = (await this.dataSource.query(
      `SELECT id, as_of::text AS "asOf", trigger, cases_screened AS "casesScreened", counts, alerts_raised AS "alertsRaised", created_at
       FROM risk_screenings WHERE organization_id = $1 ORDER BY created_at DESC LIMIT 100`,
      [actor.organizationId],
    )) as (Omit<RiskScreeningListDto['items'][number], 'createdAt'> & { created_at: Date })[];
    return { items: rows.map(({ created_at, ...row }) => ({ ...row, createdAt: created_at.toISOString() })) };
  }

  @Get(':id')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'One screening with its ledger' })
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description: "return=minimal leaves the ledger (cases) out, as POST does; GET /api/risk-screenings/:id/cases pages through it",
  })
  @ApiOkResponse({ type: RiskScreeningDto, headers: { 'Preference-Applied': { description: 'return=minimal when the ledger was left out', schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such screening in your organization", type: ErrorEnvelope })
  async find(
    @CurrentUser() actor: Actor,
    @Param('id', SCREENING_ID) id: string,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RiskScreeningDto> {
    const record = await this.ownRecord(actor, id);
    if (!prefersMinimalReturn(prefer)) return { ...record, cases: await readLedger(this.dataSource.manager, id) };
    void reply.header('Preference-Applied', 'return=minimal');
    return record;
  }

  @Get(':id/cases')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: "One page of a screening's ledger (台账), most serious first, optionally of one level, with each hardship case's assistance" })
  @ApiOkResponse({ type: LedgerPageDto })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such screening in your organization", type: ErrorEnvelope })
  async ledger(@CurrentUser() actor: Actor, @Param('id', SCREENING_ID) id: string, @Query() query: LedgerQueryDto): Promise<LedgerPageDto> {
    const record = await this.ownRecord(actor, id);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_LEDGER_PAGE_SIZE;
    return { ...(await readLedgerPage(this.dataSource.manager, record, { level: query.level, page, pageSize })), page, pageSize };
  }

  @Get(':id/ledger.csv')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({
    summary: "The screening's whole ledger (台账), or one level of it, as CSV; audited as LEDGER_EXPORTED",
    description: `UTF-8 with BOM, CRLF, Chinese headers: a section of the screening's facts (项目, 内容), an empty line, then the ledger in its order (${LEDGER_HEADERS.join(', ')}); reasons separated by ；.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The file (Content-Disposition: attachment)', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown level or parameter', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such screening in your organization", type: ErrorEnvelope })
  ledgerCsv(@CurrentUser() actor: Actor, @Param('id', SCREENING_ID) id: string, @Query() query: LedgerExportQueryDto, @RequestId() requestId: string): Promise<StreamableFile> {
    return this.ledgerFile(actor, id, query, 'csv', requestId);
  }

  @Get(':id/ledger.xlsx')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({
    summary: "The screening's whole ledger (台账), or one level of it, as an Excel workbook; audited as LEDGER_EXPORTED",
    description: 'Sheet 台账: a title line, a line naming the screening and the scope, the frozen header row, the rows (reasons one per line). Sheet 排查信息: the facts.',
  })
  @ApiProduces(LEDGER_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The file (Content-Disposition: attachment)', content: { [LEDGER_CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: an unknown level or parameter', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such screening in your organization", type: ErrorEnvelope })
  ledgerXlsx(@CurrentUser() actor: Actor, @Param('id', SCREENING_ID) id: string, @Query() query: LedgerExportQueryDto, @RequestId() requestId: string): Promise<StreamableFile> {
    return this.ledgerFile(actor, id, query, 'xlsx', requestId);
  }

  private async ledgerFile(actor: Actor, id: string, query: LedgerExportQueryDto, format: LedgerFileFormat, requestId: string): Promise<StreamableFile> {
    const file = await this.exports.file(actor, await this.ownRecord(actor, id), query.level, format, requestId);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.contentDisposition, length: file.body.length });
  }

  private async ownRecord(actor: Actor, id: string): Promise<Omit<RiskScreeningDto, 'cases'>> {
    const record = await this.screenings.findRecord(this.dataSource.manager, id);
    if (record === null || record.organizationId !== actor.organizationId) throw new NotFoundError('Screening', id);
    return record;
  }
}
