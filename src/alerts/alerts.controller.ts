import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { AlertHandlingService } from './alert-handling.service';
import { AlertIdParamDto } from './dto/alert-id-param.dto';
import { AlertQueryDto } from './dto/alert-query.dto';
import { AlertListResponseDto, AlertResponseDto } from './dto/alert-response.dto';
import { ResolveAlertDto } from './dto/resolve-alert.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one detail per bad field, MALFORMED_JSON', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertHandlingService) {}

  @Get()
  @ApiOperation({
    summary: 'Alerts on the cases you may see, newest first',
    description: 'Mediators: their cases and the intake queue; supervisors and admins: their organization; court liaisons: ORANGE, RED and COURT_DECISION alerts of linked cases.',
  })
  @ApiOkResponse({ type: AlertListResponseDto })
  list(@CurrentUser() actor: Actor, @Query() query: AlertQueryDto): Promise<AlertListResponseDto> {
    return this.alerts.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert' })
  @ApiOkResponse({ type: AlertResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such alert, or outside your scope', type: ErrorEnvelope })
  detail(@CurrentUser() actor: Actor, @Param() params: AlertIdParamDto): Promise<AlertResponseDto> {
    return this.alerts.detail(actor, params.id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: "Acknowledge an OPEN alert (the case's assigned mediator, a supervisor); audited as ALERT_ACKNOWLEDGED. An acknowledged one is answered unchanged" })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entry' })
  @ApiOkResponse({ type: AlertResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: administrators, court liaisons and mediators not assigned to the case', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such alert, or outside your scope', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'ALERT_ALREADY_RESOLVED', type: ErrorEnvelope })
  acknowledge(@CurrentUser() actor: Actor, @Param() params: AlertIdParamDto, @RequestId() requestId: string): Promise<AlertResponseDto> {
    return this.alerts.acknowledge(actor, params.id, requestId);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOperation({
    summary: "Resolve an alert with a note (the case's assigned mediator, a supervisor); audited as ALERT_RESOLVED",
    description: 'Resolving an OPEN alert acknowledges it too, audited as ALERT_ACKNOWLEDGED in the same transaction.',
  })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entries' })
  @ApiOkResponse({ type: AlertResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: administrators, court liaisons and mediators not assigned to the case', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such alert, or outside your scope', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'ALERT_ALREADY_RESOLVED', type: ErrorEnvelope })
  resolve(@CurrentUser() actor: Actor, @Param() params: AlertIdParamDto, @Body() dto: ResolveAlertDto, @RequestId() requestId: string): Promise<AlertResponseDto> {
    return this.alerts.resolve(actor, params.id, dto.note, requestId);
  }
}
