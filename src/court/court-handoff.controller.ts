import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
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
import { CaseIdParamDto } from '../cases/dto/case-id-param.dto';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { CourtHandoffService } from './court-handoff.service';
import { AcknowledgeHandoffDto } from './dto/acknowledge-handoff.dto';
import { CourtHandoffResponseDto } from './dto/court-handoff-response.dto';

@ApiTags('court')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('cases')
export class CourtHandoffController {
  constructor(private readonly handoffs: CourtHandoffService) {}

  @Post(':id/handoff/acknowledge')
  @HttpCode(200)
  @Roles('COURT_LIAISON')
  @ApiOperation({
    summary: "The referring court's liaison acknowledges receipt of a closed delegated or entrusted case's feedback letter; audited as HANDOFF_ACKNOWLEDGED",
    description: 'Idempotent: once acknowledged, the acknowledgement is answered unchanged and nothing more is written.',
  })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entry' })
  @ApiOkResponse({ type: CourtHandoffResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorEnvelope })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not a court liaison, or the liaison of a court that only reviewed the agreement", type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case, or not one of your court\'s', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'HANDOFF_NOT_DUE: the case is not closed yet', type: ErrorEnvelope })
  acknowledge(
    @CurrentUser() actor: Actor,
    @Param() params: CaseIdParamDto,
    @Body() dto: AcknowledgeHandoffDto,
    @RequestId() requestId: string,
  ): Promise<CourtHandoffResponseDto> {
    return this.handoffs.acknowledge(actor, params.id, dto.note, requestId);
  }
}
