import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { OmittableNotNull, Trim } from '../../common/validation/transforms';
import { type Role, ROLES } from '../role';

/** Fields left out stay as they are. */
export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'Name shown to colleagues, 1–50 characters', example: '王建华', minLength: 1, maxLength: 50 })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName?: string;

  @ApiPropertyOptional({
    description: 'New role; must fit the (new) organization. The last active ADMIN cannot be demoted (422 LAST_ACTIVE_ADMIN).',
    enum: ROLES,
    example: 'SUPERVISOR',
  })
  @OmittableNotNull()
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'Move the user to this organization; its kind must fit the role', format: 'uuid', example: '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  @OmittableNotNull()
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId?: string;

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions at once; true reactivates', example: false })
  @OmittableNotNull()
  @IsBoolean()
  active?: boolean;
}
