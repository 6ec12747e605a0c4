import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { CurrentUser } from '../../auth/current-user.decorator';
import { HolidayCalendar } from '../../calendar/holiday-calendar';
import { legalDateOf, parseLegalDate } from '../../calendar/legal-date';
import { Clock } from '../../common/clock/clock';
import { ErrorEnvelope } from '../../common/errors/error-envelope';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CaseAccessService } from '../case-access.service';
import { CaseIdParamDto } from '../dto/case-id-param.dto';
import { CaseRoutesQueryDto } from './dto/case-routes-query.dto';
import { CaseRoutesResponseDto, toCaseRoutesResponse } from './dto/case-routes-response.dto';
import { adviseRoutes } from './enforcement-routes';

@ApiTags('cases')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a UUID, or asOf is not a YYYY-MM-DD date', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('cases')
export class CaseRoutesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly calendar: HolidayCalendar,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/routes')
  @ApiOperation({
    summary: 'Enforcement-route advisor (DOMAIN §6): which of the seven routes are open on asOf, with their deadlines',
    description:
      'JUDICIAL_CONFIRMATION, COURT_MEDIATION_STATEMENT, ARBITRATION_REVIEW, PAYMENT_ORDER, ARBITRATION, LITIGATION and '
      + 'ENFORCEMENT, always all seven. Deadlines are Asia/Shanghai dates rolled past rest days; daysLeft appears only on '
      + 'an open route. Anyone who may read the case may read its routes.',
  })
  @ApiOkResponse({ type: CaseRoutesResponseDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case, or outside your scope', type: ErrorEnvelope })
  async routes(@CurrentUser() actor: Actor, @Param() params: CaseIdParamDto, @Query() query: CaseRoutesQueryDto): Promise<CaseRoutesResponseDto> {
    const row = await this.access.loadVisible(this.dataSource.manager, params.id, actor);
    const asOf = query.asOf === undefined ? legalDateOf(this.clock.now(), this.config.legalTimeZone) : parseLegalDate(query.asOf);
    const advice = adviseRoutes({ state: row.state, context: row.snapshot.context, riskFlags: row.riskFlags }, asOf, this.calendar);
    return toCaseRoutesResponse(advice);
  }
}
