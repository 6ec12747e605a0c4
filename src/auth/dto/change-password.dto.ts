import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/password-rules';

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password the user signs in with now', example: 'mediation-desk-2026', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({
    description: `The new password, ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not common and not the username (422 WEAK_PASSWORD)`,
    example: 'a-longer-desk-phrase-2026',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @IsNotEmpty()
  newPassword: string;
}
