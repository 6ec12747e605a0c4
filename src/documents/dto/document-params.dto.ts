import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { DOCUMENT_KINDS, type DocumentKind } from '../document-kinds';

export class DocumentParamsDto {
  @ApiProperty({ description: 'Case id', format: 'uuid', example: '3f0c9a52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'Which document', example: 'mediation-agreement' })
  @IsIn(DOCUMENT_KINDS, { message: `kind must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind: DocumentKind;
}
