import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { SummaryQueryDto } from './dto/summary-query.dto';
import { SummaryResponseDto } from './dto/summary-response.dto';
import { ReportExportService, type ReportFile } from './report-export.service';
import { ReportSummaryService } from './report-summary.service';
import type { SummaryReport } from './summary-report';

const SCOPE = 'SUPERVISOR and ADMIN: their organization’s cases; COURT_LIAISON: the cases their court referred or reviews';

@ApiTags('reports')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one detail per bad field (from, to, groupBy)', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@ApiForbiddenResponse({ description: 'FORBIDDEN: mediators get no statistics', type: ErrorEnvelope })
@Roles('SUPERVISOR', 'ADMIN', 'COURT_LIAISON')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly summaries: ReportSummaryService,
    private readonly exports: ReportExportService,
  ) {}

  @Get('summary')
  @ApiOperation({
    summary: `Statistics for a range of legal dates (${SCOPE})`,
    description:
      'Each number is bucketed by the date of what it counts: receipt date (received, sources, claim types, workers, collective, claimed), '
      + 'closing date (outcomes, success rate), effective date of the agreement (agreements, days, agreed), payment date (paid), due date '
      + '(deadlines missed), application and ruling dates (judicial confirmations); open counts are as of now. Amounts are decimal CNY strings.',
  })
  @ApiOkResponse({ type: SummaryResponseDto })
  summary(@CurrentUser() actor: Actor, @Query() query: SummaryQueryDto): Promise<SummaryReport> {
    return this.summaries.summary(actor, query);
  }

  @Get('summary.csv')
  @ApiOperation({
    summary: `The same summary as CSV (${SCOPE}); audited as REPORT_EXPORTED`,
    description: 'UTF-8 with BOM, CRLF; one section per table (a title line, a header line, the rows), an empty line between sections; '
      + 'Chinese headers; amounts as exact decimal strings.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The file (Content-Disposition: attachment)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async summaryCsv(@CurrentUser() actor: Actor, @Query() query: SummaryQueryDto, @RequestId() requestId: string, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.exports.summaryFile(actor, query, 'csv', requestId));
  }

  @Get('summary.xlsx')
  @ApiOperation({
    summary: `The same summary as an Excel workbook (${SCOPE}); audited as REPORT_EXPORTED`,
    description: 'One sheet per table, bold header row; amounts are number cells formatted #,##0.00, rates 0.00%.',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({
    description: 'The file (Content-Disposition: attachment)',
    content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
  })
  async summaryXlsx(@CurrentUser() actor: Actor, @Query() query: SummaryQueryDto, @RequestId() requestId: string, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.exports.summaryFile(actor, query, 'xlsx', requestId));
  }
}

function send(reply: FastifyReply, file: ReportFile): void {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.contentDisposition)
    .header('cache-control', 'no-store')
    .send(file.body);
}
