import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-rules';

export class ResetPasswordDto {
  @ApiProperty({
    description: `The user's new password, ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not common and not the username. `
      + 'Every session of the user ends.',
    example: 'new-desk-password-7',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  @IsNotEmpty()
  newPassword: string;
}
