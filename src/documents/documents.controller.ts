import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentUser } from '../auth/current-user.decorator';
import { ErrorEnvelope } from '../common/errors/error-envelope';
import { RequestId } from '../common/request-id/request-id.decorator';
import { contentDisposition, DOCX_MEDIA_TYPE } from './document-kinds';
import { DocumentsService } from './documents.service';
import { DocumentParamsDto } from './dto/document-params.dto';

@ApiTags('documents')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the id is not a UUID or the kind is unknown', type: ErrorEnvelope })
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no, expired or revoked token', type: ErrorEnvelope })
@Controller('cases')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id/documents/:kind')
  @ApiOperation({
    summary: 'Generate a case document as .docx (A4, GB/T 9704 layout); audited as DOCUMENT_GENERATED {kind, sha256}',
    description:
      'mediation-agreement 调解协议书 (from agreement.signing; full identities, so assigned mediator and supervisors only); ' +
      'court-feedback-letter 委派/委托调解反馈函 (closed delegated or entrusted cases; also the linked court liaison); ' +
      'judicial-confirmation-application 司法确认申请书 (agreement effective within the 30-day window, or filed; not entrusted; also the liaison); ' +
      'acceptance-notice 受理通知书 (once accepted). Without-prejudice session notes never appear in any document.',
  })
  @ApiHeader({ name: 'X-Request-Id', required: false, description: 'Recorded in the audit entry' })
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The document; Content-Disposition: attachment with an ASCII filename and an RFC 5987 filename* (e.g. 调解协议书-LY-2026-000123.docx)',
    content: { [DOCX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: your role may not generate this document for this case', type: ErrorEnvelope })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case, or outside your scope', type: ErrorEnvelope })
  @ApiConflictResponse({ description: 'DOCUMENT_NOT_AVAILABLE: the case is not in a state that has this document', type: ErrorEnvelope })
  async generate(@CurrentUser() actor: Actor, @Param() params: DocumentParamsDto, @RequestId() requestId: string): Promise<StreamableFile> {
    const document = await this.documents.generate(actor, params.id, params.kind, requestId);
    return new StreamableFile(document.bytes, { type: DOCX_MEDIA_TYPE, disposition: contentDisposition(document.fileName), length: document.bytes.length });
  }
}
