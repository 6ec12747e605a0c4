import { ApiProperty } from '@nestjs/swagger';
import { type Role, ROLES } from '../role';
import type { UserEntity } from '../user.entity';

/** A user as the API shows it; the password hash never leaves the service. */
export class UserResponseDto {
  @ApiProperty({ description: 'User id', format: 'uuid', example: '0d4a3b8e-4c61-4f3e-9a0e-2b7d5f6c1e22' })
  id: string;

  @ApiProperty({ description: 'Sign-in name, lower-case', example: 'wangjh' })
  username: string;

  @ApiProperty({ description: 'Name shown to colleagues', example: '王建华' })
  displayName: string;

  @ApiProperty({ description: 'Role', enum: ROLES, example: 'MEDIATOR' })
  role: Role;

  @ApiProperty({ description: 'The organization the user works for', format: 'uuid', example: '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  organizationId: string;

  @ApiProperty({ description: 'false once deactivated: the user can no longer sign in', example: true })
  active: boolean;

  @ApiProperty({ description: 'When the user was created (ISO 8601, UTC)', format: 'date-time', example: '2026-01-01T00:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ description: 'When the user was last changed (ISO 8601, UTC)', format: 'date-time', example: '2026-01-01T00:00:00.000Z' })
  updatedAt: string;
}

export function toUserResponse(row: UserEntity): UserResponseDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organizationId: row.organizationId,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
