import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
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
import { CreateSensitivePeriodDto } from './dto/create-sensitive-period.dto';
import { SensitivePeriodIdParamDto } from './dto/sensitive-period-id-param.dto';
import { SensitivePeriodQueryDto } from './dto/sensitive-period-query.dto';
import { SensitivePeriodResponseDto } from './dto/sensitive-period-response.dto';
import { UpdateSensitivePeriodDto } from './dto/update-sensitive-period.dto';
import { SensitivePeriodsService } from './sensitive-periods.service';

@ApiTags('sensitive-periods')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one detail per bad field, MALFORMED_JSON', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('sensitive-periods')
export class SensitivePeriodsController {
  constructor(private readonly periods: SensitivePeriodsService) {}

  @Get()
  @ApiOperation({
    summary: 'The sensitive-period calendar (any signed-in role): periods of every organization and of your own; an ADMIN sees all',
    description: 'Ordered by start date. Deactivated periods are listed too unless active=true is given.',
  })
  @ApiOkResponse({ type: SensitivePeriodResponseDto, isArray: true })
  list(@CurrentUser() actor: Actor, @Query() query: SensitivePeriodQueryDto): Promise<SensitivePeriodResponseDto[]> {
    return this.periods.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One sensitive period (any signed-in role, within the same scope as the list)' })
  @ApiOkResponse({ type: SensitivePeriodResponseDto })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such period, or another organization's", type: ErrorEnvelope })
  get(@CurrentUser() actor: Actor, @Param() params: SensitivePeriodIdParamDto): Promise<SensitivePeriodResponseDto> {
    return this.periods.get(actor, params.id);
  }

  @Post()
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({
    summary: "Add a sensitive period (SUPERVISOR: for their own organization; ADMIN: for one organization or, without orgId, every one)",
    description: 'Audited as SENSITIVE_PERIOD_CREATED.',
  })
  @ApiCreatedResponse({ type: SensitivePeriodResponseDto })
  @ApiForbiddenResponse({ description: "FORBIDDEN: not a supervisor or ADMIN, or a supervisor naming another organization", type: ErrorEnvelope })
  create(@CurrentUser() actor: Actor, @Body() dto: CreateSensitivePeriodDto, @RequestId() requestId: string): Promise<SensitivePeriodResponseDto> {
    return this.periods.create(actor, dto, requestId);
  }

  @Patch(':id')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({
    summary: "Change a sensitive period (SUPERVISOR: their organization's; ADMIN: any, the seeded defaults included)",
    description: 'Fields left out stay; the result is checked as a whole. Audited as SENSITIVE_PERIOD_UPDATED with before and after.',
  })
  @ApiOkResponse({ type: SensitivePeriodResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a supervisor or ADMIN, or a supervisor changing a period of every organization', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such period, or another organization's", type: ErrorEnvelope })
  update(
    @CurrentUser() actor: Actor,
    @Param() params: SensitivePeriodIdParamDto,
    @Body() dto: UpdateSensitivePeriodDto,
    @RequestId() requestId: string,
  ): Promise<SensitivePeriodResponseDto> {
    return this.periods.update(actor, params.id, dto, requestId);
  }

  @Delete(':id')
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({
    summary: 'Deactivate a sensitive period: it stops raising risk levels but stays on record, since reasons and alerts name it',
    description: 'Answers the deactivated period. Audited as SENSITIVE_PERIOD_DEACTIVATED; an inactive period is answered unchanged. '
      + 'PATCH {active: true} reactivates it.',
  })
  @ApiOkResponse({ type: SensitivePeriodResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a supervisor or ADMIN, or a supervisor deactivating a period of every organization', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such period, or another organization's", type: ErrorEnvelope })
  deactivate(@CurrentUser() actor: Actor, @Param() params: SensitivePeriodIdParamDto, @RequestId() requestId: string): Promise<SensitivePeriodResponseDto> {
    return this.periods.deactivate(actor, params.id, requestId);
  }
}
