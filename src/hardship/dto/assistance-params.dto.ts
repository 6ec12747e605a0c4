import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CaseAssistanceParamDto {
  @ApiProperty({ description: 'Case id', format: 'uuid', example: '3f0c9a52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class AssistanceRecordParamDto extends CaseAssistanceParamDto {
  @ApiProperty({ description: 'Assistance record id', format: 'uuid', example: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' })
  @IsUUID('all', { message: 'assistanceId must be a UUID' })
  assistanceId: string;
}
