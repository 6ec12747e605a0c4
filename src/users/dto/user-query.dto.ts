import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { BooleanFromQuery } from '../../common/validation/transforms';
import { type Role, ROLES } from '../role';

export class UserQueryDto {
  @ApiPropertyOptional({ description: 'Only users with this role', enum: ROLES, example: 'MEDIATOR' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'Only users of this organization (a supervisor only ever sees their own)', format: 'uuid', example: '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) users', type: Boolean, example: true })
  @IsOptional()
  @BooleanFromQuery()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
