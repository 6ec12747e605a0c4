import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SensitivePeriodIdParamDto {
  @ApiProperty({ description: 'Sensitive period id', format: 'uuid', example: '0c6f8f52-3b1e-4f7a-9a43-2f1f8f0f8a11' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
