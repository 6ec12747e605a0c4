import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { CaseWorkflowService } from './case-workflow.service';
import { EVENT_PAYLOADS } from './dto/case-event-payloads';
import { CASE_EVENT_TYPES } from './machine/case.types';

const PAYLOAD_MODELS = Object.values(EVENT_PAYLOADS);

@ApiTags('cases')
@ApiBearerAuth()
@ApiExtraModels(...PAYLOAD_MODELS)
@Controller('cases')
export class CaseEventsController {
  constructor(private readonly workflow: CaseWorkflowService) {}

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send an event to the case state chart',
    description: 'Body `{type, ...payload}`; the payload schema depends on `type` (one of the schemas below). '
      + 'Checks run 404 → 400 → 403 → 412 → 409 → 422. Answers with the updated case and `ETag: "<version>"`.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', enum: [...CASE_EVENT_TYPES] } },
      oneOf: PAYLOAD_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
    },
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw, e.g. "3"; a stale one answers 412 VERSION_CONFLICT' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key and body replay the first answer (kept at least 24 h)' })
  @ApiOkResponse({ description: 'The case after the event' })
  @ApiResponse({ status: 400, type: ErrorEnvelope, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 403, type: ErrorEnvelope, description: 'EVENT_NOT_ALLOWED_FOR_ROLE' })
  @ApiResponse({ status: 404, type: ErrorEnvelope, description: 'NOT_FOUND (also for a case you may not see)' })
  @ApiResponse({ status: 409, type: ErrorEnvelope, description: 'INVALID_TRANSITION with details.allowedEvents' })
  @ApiResponse({ status: 412, type: ErrorEnvelope, description: 'VERSION_CONFLICT with details.currentVersion' })
  @ApiResponse({ status: 422, type: ErrorEnvelope, description: 'GUARD_REJECTED with details.guard, or IDEMPOTENCY_KEY_REUSED' })
  async send(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentUser() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const outcome = await this.workflow.sendEvent(id, actor, body, { ifMatch, idempotencyKey, requestId: String(request.id) });
    void reply.status(outcome.statusCode).header('ETag', `"${outcome.body.version}"`);
    if (outcome.replayed) void reply.header('Idempotent-Replayed', 'true');
    return outcome.body;
  }
}
