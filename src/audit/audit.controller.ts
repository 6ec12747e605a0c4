import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditExportService } from './audit-export.service';
import { AuditQueryService } from './audit-query.service';
import { AuditVerificationService } from './audit-verification.service';
import { AuditCheckpointResponseDto, CreateCheckpointResponseDto } from './dto/audit-checkpoint-response.dto';
import { AuditEntryQueryDto } from './dto/audit-entry-query.dto';
import { AuditExportQueryDto } from './dto/audit-export-query.dto';
import { AuditEntryPageResponseDto } from './dto/audit-entry-response.dto';
import { AuditVerificationResponseDto } from './dto/audit-verification-response.dto';

@ApiTags('audit')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@ApiForbiddenResponse({ description: 'FORBIDDEN: the role may not do this', type: ErrorEnvelope })
@Controller('audit')
export class AuditController {
  constructor(
    private readonly entries: AuditQueryService,
    private readonly verification: AuditVerificationService,
    private readonly checkpoints: AuditCheckpointService,
    private readonly exports: AuditExportService,
  ) {}

  @Get()
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Audit rows, newest first: all for an ADMIN, their own organization\'s (cases included) for a SUPERVISOR' })
  @ApiOkResponse({ type: AuditEntryPageResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorEnvelope })
  list(@CurrentUser() actor: Actor, @Query() query: AuditEntryQueryDto): Promise<AuditEntryPageResponseDto> {
    return this.entries.list(actor, query);
  }

  @Get('export')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({
    summary: 'Download the rows GET /api/audit would list, all of them, oldest first, with the chain heads and verify result at the end; audited as AUDIT_EXPORTED',
    description:
      'Streamed from one database snapshot. csv: UTF-8 with BOM, columns seq, chainId, chainSeq, at, actorUserId, actorRole, orgId, caseId, '
      + 'category, action, fromState, toState, caseVersion, requestId, payload (canonical JSON), prevHash, hash; then trailer lines whose first '
      + 'cell starts with # (#TRAILER, #EXPORTED, #FILTERS, #ROWS, #CHAIN_HEAD per chain, #CHECKPOINT, #VERIFY, #VERIFY_FIRST_BROKEN, '
      + '#VERIFY_CHECKPOINT_BROKEN, #EXPORT_AUDIT, #END). jsonl: each row as the canonical JSON that was hashed (plus its hash), then one '
      + '{"trailer": {...}} line. Heads and verification cover every chain in scope (one case\'s chain with caseId), not only the rows in '
      + 'the from/to window. A file without its trailer is incomplete.',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'The export file (Content-Disposition: attachment)',
    content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorEnvelope })
  async export(
    @CurrentUser() actor: Actor,
    @Query() query: AuditExportQueryDto,
    @RequestId() requestId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.exports.open(actor, query, requestId);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  }

  @Get('verify')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Verify the hash chains (SUPERVISOR: their organization\'s; ADMIN: all) and the checkpoint chain; audited as AUDIT_VERIFIED' })
  @ApiOkResponse({ type: AuditVerificationResponseDto })
  verify(@CurrentUser() actor: Actor, @Req() request: FastifyRequest): Promise<AuditVerificationResponseDto> {
    return this.verification.verify(actor, String(request.id));
  }

  @Post('checkpoints')
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Write a checkpoint now over the chains changed since the last one (ADMIN); audited as AUDIT_CHECKPOINT_CREATED' })
  @ApiOkResponse({ type: CreateCheckpointResponseDto })
  createCheckpoint(@CurrentUser() actor: Actor, @Req() request: FastifyRequest): Promise<CreateCheckpointResponseDto> {
    return this.checkpoints.force(actor, String(request.id));
  }

  @Get('checkpoints/latest')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'The latest checkpoint, the anchor every export prints' })
  @ApiOkResponse({ type: AuditCheckpointResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no checkpoint yet', type: ErrorEnvelope })
  latestCheckpoint(@CurrentUser() actor: Actor): Promise<AuditCheckpointResponseDto> {
    return this.checkpoints.latest(actor);
  }
}
