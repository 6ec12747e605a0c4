import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class UserIdParamDto {
  @ApiProperty({ description: 'User id', format: 'uuid', example: '0d4a3b8e-4c61-4f3e-9a0e-2b7d5f6c1e22' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
