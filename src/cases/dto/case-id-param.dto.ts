import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CaseIdParamDto {
  @ApiProperty({ description: 'Case id', format: 'uuid', example: '3f0c9a52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
