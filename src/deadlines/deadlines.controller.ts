import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { DeadlineListService } from './deadline-list.service';
import { DeadlineListResponseDto } from './dto/deadline-list.dto';
import { DeadlineQueryDto } from './dto/deadline-query.dto';

@ApiTags('deadlines')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED with one detail per bad field', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlineListService) {}

  @Get()
  @ApiOperation({ summary: 'Deadlines of the cases you may see, soonest first (PENDING unless `status` says otherwise)' })
  @ApiOkResponse({ type: DeadlineListResponseDto })
  list(@CurrentUser() actor: Actor, @Query() query: DeadlineQueryDto): Promise<DeadlineListResponseDto> {
    return this.deadlines.list(actor, query);
  }
}
