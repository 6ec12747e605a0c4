import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { AssistanceQueryService } from './assistance-query.service';
import { AssistancePeriodQueryDto } from './dto/assistance-query.dto';
import { AssistancePeriodResponseDto } from './dto/assistance-response.dto';

@ApiTags('hardship assistance')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('assistance')
export class AssistanceController {
  constructor(private readonly queries: AssistanceQueryService) {}

  @Get()
  @Roles('SUPERVISOR', 'ADMIN')
  @ApiOperation({
    summary: "Your organization's assistance records given in a period (by givenOn), with the approved totals (SUPERVISOR, ADMIN)",
    description: 'approved.people counts distinct (case, worker); a record for a case as a whole counts its workerCount.',
  })
  @ApiOkResponse({ type: AssistancePeriodResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: from or to missing or malformed, to before from (INCONSISTENT)', type: ErrorEnvelope })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: mediators and court liaisons', type: ErrorEnvelope })
  list(@CurrentUser() actor: Actor, @Query() query: AssistancePeriodQueryDto): Promise<AssistancePeriodResponseDto> {
    return this.queries.forPeriod(actor, query);
  }
}
