import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Trim, TrimLowerCase } from '../../common/validation/transforms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-rules';
import { type Role, ROLES } from '../role';

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

export class CreateUserDto {
  @ApiProperty({
    description: '3–32 characters: a letter, then letters, digits, `_`, `.` or `-`. Stored lower-case; unique regardless of case.',
    example: 'wangjh',
    pattern: USERNAME_PATTERN.source,
  })
  @TrimLowerCase()
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3–32 characters: a letter, then letters, digits, _ . or -' })
  username: string;

  @ApiProperty({ description: 'Name shown to colleagues, 1–50 characters', example: '王建华', minLength: 1, maxLength: 50 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName: string;

  @ApiProperty({
    description: 'COURT_LIAISON belongs to a COURT organization; every other role (ADMIN included) to a UNION organization',
    enum: ROLES,
    example: 'MEDIATOR',
  })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiProperty({ description: 'The organization the user works for', format: 'uuid', example: '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;

  @ApiProperty({
    description: `Initial password, ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not a common password and not the username (422 WEAK_PASSWORD)`,
    example: 'mediation-desk-2026',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @IsNotEmpty()
  password: string;
}
