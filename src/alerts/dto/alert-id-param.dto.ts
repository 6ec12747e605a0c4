import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AlertIdParamDto {
  @ApiProperty({ description: 'Alert id', format: 'uuid', example: '0b6f3c2e-8d1a-4f5e-9c7b-2a4d6e8f0a13' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
