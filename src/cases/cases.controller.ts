import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { etagOf } from './case-etag';
import { CaseIntakeService } from './case-intake.service';
import { CaseQueryService } from './case-query.service';
import { CaseRevealService } from './case-reveal.service';
import { CaseHistoryService } from './case-history.service';
import { CaseHistoryResponseDto } from './dto/case-history.dto';
import { CaseIdParamDto } from './dto/case-id-param.dto';
import { CaseQueryDto } from './dto/case-query.dto';
import { CaseDetailResponseDto, CaseListResponseDto } from './dto/case-response.dto';
import { CreateCaseDto } from './dto/create-case.dto';
import { RevealPiiDto, RevealPiiResponseDto } from './dto/reveal-pii.dto';
import { RequestId } from '../common/request-id/request-id.decorator';

@ApiTags('cases')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one detail per bad field, MALFORMED_JSON', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly queries: CaseQueryService,
    private readonly reveals: CaseRevealService,
    private readonly histories: CaseHistoryService,
  ) {}

  @Get(':id/history')
  @ApiOperation({ summary: "The case's history: creation, every applied event and every reveal, oldest first, personal data masked" })
  @ApiOkResponse({ type: CaseHistoryResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case, or outside your scope', type: ErrorEnvelope })
  history(@CurrentUser() actor: Actor, @Param() params: CaseIdParamDto): Promise<CaseHistoryResponseDto> {
    return this.histories.history(params.id, actor);
  }

  @Post()
  @Roles('MEDIATOR', 'SUPERVISOR')
  @ApiOperation({
    summary: 'Register a case (MEDIATOR, SUPERVISOR of a union studio): state intake.registered, version 1, opening deadlines',
    description: "A mediator's new case is not assigned to them: it waits in the organization's intake queue.",
  })
  @ApiCreatedResponse({ type: CaseDetailResponseDto, headers: { ETag: { description: 'The case version, "1"', schema: { type: 'string' } } } })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a mediator or supervisor of a union organization', type: ErrorEnvelope })
  async create(
    @CurrentUser() actor: Actor,
    @Body() dto: CreateCaseDto,
    @RequestId() requestId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDetailResponseDto> {
    const detail = await this.intake.create(actor, dto, requestId);
    void reply.header('ETag', etagOf(detail.version)).header('Location', `/api/cases/${detail.id}`);
    return detail;
  }

  @Get()
  @ApiOperation({ summary: 'Cases in your scope, filtered, searched and paged; PII always masked' })
  @ApiOkResponse({ type: CaseListResponseDto })
  list(@CurrentUser() actor: Actor, @Query() query: CaseQueryDto): Promise<CaseListResponseDto> {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case with deadlines and the events you may send; raw PII only for its assigned mediator' })
  @ApiOkResponse({ type: CaseDetailResponseDto, headers: { ETag: { description: 'The case version, e.g. "3"; send it back as If-Match', schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case, or outside your scope', type: ErrorEnvelope })
  async detail(
    @CurrentUser() actor: Actor,
    @Param() params: CaseIdParamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDetailResponseDto> {
    const detail = await this.queries.detail(this.dataSource.manager, params.id, actor);
    void reply.header('ETag', etagOf(detail.version));
    return detail;
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reveal one PII field (assigned mediator, supervisor, linked court liaison); audited as PII_REVEALED' })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entry' })
  @ApiOkResponse({ type: RevealPiiResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: administrators and mediators not assigned to the case', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case or no value at that path', type: ErrorEnvelope })
  reveal(
    @CurrentUser() actor: Actor,
    @Param() params: CaseIdParamDto,
    @Body() dto: RevealPiiDto,
    @RequestId() requestId: string,
  ): Promise<RevealPiiResponseDto> {
    return this.reveals.reveal(actor, params.id, dto, requestId);
  }
}
