import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { CourtQueueService } from './court-queue.service';
import { CourtQueueResponseDto } from './dto/court-queue-response.dto';

@ApiTags('court')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('court')
export class CourtQueueController {
  constructor(private readonly queues: CourtQueueService) {}

  @Get('queue')
  @Roles('COURT_LIAISON')
  @ApiOperation({
    summary: "The court liaison's queue: cases their court referred, agreements awaiting its confirmation (days left in the window), feedback letters not yet acknowledged",
    description: 'Days are legal (Asia/Shanghai) calendar days from today. A list: no party data, so no personal data.',
  })
  @ApiOkResponse({ type: CourtQueueResponseDto })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not a court liaison', type: ErrorEnvelope })
  queue(@CurrentUser() actor: Actor): Promise<CourtQueueResponseDto> {
    return this.queues.queue(actor);
  }
}
