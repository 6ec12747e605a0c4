import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditQueryService } from './audit-query.service';
import { AuditVerificationService } from './audit-verification.service';
import { AuditCheckpointResponseDto, CreateCheckpointResponseDto } from './dto/audit-checkpoint-response.dto';
import { AuditEntryQueryDto } from './dto/audit-entry-query.dto';
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
  ) {}

  @Get()
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Audit rows, newest first: all for an ADMIN, their own organization\'s (cases included) for a SUPERVISOR' })
  @ApiOkResponse({ type: AuditEntryPageResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorEnvelope })
  list(@CurrentUser() actor: Actor, @Query() query: AuditEntryQueryDto): Promise<AuditEntryPageResponseDto> {
    return this.entries.list(actor, query);
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
