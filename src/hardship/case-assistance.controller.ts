import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { AssistanceQueryService } from './assistance-query.service';
import { AssistanceWorkflowService } from './assistance-workflow.service';
import { AssistanceRecordParamDto, CaseAssistanceParamDto } from './dto/assistance-params.dto';
import { AssistanceListResponseDto, AssistanceResponseDto } from './dto/assistance-response.dto';
import { ApproveAssistanceDto, RejectAssistanceDto } from './dto/decide-assistance.dto';
import { ProposeAssistanceDto } from './dto/propose-assistance.dto';

@ApiTags('hardship assistance')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one detail per bad field, MALFORMED_JSON', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@ApiNotFoundResponse({ description: 'NOT_FOUND: no such case or record, or outside your scope', type: ErrorEnvelope })
@Controller('cases')
export class CaseAssistanceController {
  constructor(
    private readonly workflow: AssistanceWorkflowService,
    private readonly queries: AssistanceQueryService,
  ) {}

  @Get(':id/assistance')
  @ApiOperation({ summary: "The case's hardship assistance records (困难职工帮扶), oldest first; anyone who may read the case. Workers by name only" })
  @ApiOkResponse({ type: AssistanceListResponseDto })
  list(@CurrentUser() actor: Actor, @Param() params: CaseAssistanceParamDto): Promise<AssistanceListResponseDto> {
    return this.queries.forCase(actor, params.id);
  }

  @Post(':id/assistance')
  @ApiOperation({
    summary: "Propose assistance for a worker or the whole case (the case's assigned mediator, a supervisor); audited as ASSISTANCE_PROPOSED",
    description: 'Every proposal starts PROPOSED, a supervisor\'s too: another supervisor approves it (four eyes on union funds). '
      + 'Amount REQUIRED for RELIEF_FUNDS, FESTIVAL_CONDOLENCE and MEDICAL_MUTUAL_AID, FORBIDDEN for LEGAL_AID and JOB_REFERRAL.',
  })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entry' })
  @ApiCreatedResponse({ type: AssistanceResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: administrators, court liaisons and mediators not assigned to the case', type: ErrorEnvelope })
  propose(
    @CurrentUser() actor: Actor,
    @Param() params: CaseAssistanceParamDto,
    @Body() dto: ProposeAssistanceDto,
    @RequestId() requestId: string,
  ): Promise<AssistanceResponseDto> {
    return this.workflow.propose(actor, params.id, dto, requestId);
  }

  @Post(':id/assistance/:assistanceId/approve')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: 'Approve a PROPOSED record (a supervisor of the organization other than its proposer); audited as ASSISTANCE_APPROVED' })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entry' })
  @ApiOkResponse({ type: AssistanceResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a supervisor, or the supervisor who proposed it', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'ASSISTANCE_ALREADY_DECIDED: approved or rejected already', type: ErrorEnvelope })
  approve(
    @CurrentUser() actor: Actor,
    @Param() params: AssistanceRecordParamDto,
    @Body() dto: ApproveAssistanceDto,
    @RequestId() requestId: string,
  ): Promise<AssistanceResponseDto> {
    return this.workflow.decide(actor, params.id, params.assistanceId, 'APPROVE', dto.note, requestId);
  }

  @Post(':id/assistance/:assistanceId/reject')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @ApiOperation({ summary: 'Reject a PROPOSED record with a note (a supervisor of the organization; its proposer may, to withdraw it); audited as ASSISTANCE_REJECTED' })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entry' })
  @ApiOkResponse({ type: AssistanceResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a supervisor', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'ASSISTANCE_ALREADY_DECIDED: approved or rejected already', type: ErrorEnvelope })
  reject(
    @CurrentUser() actor: Actor,
    @Param() params: AssistanceRecordParamDto,
    @Body() dto: RejectAssistanceDto,
    @RequestId() requestId: string,
  ): Promise<AssistanceResponseDto> {
    return this.workflow.decide(actor, params.id, params.assistanceId, 'REJECT', dto.note, requestId);
  }
}
