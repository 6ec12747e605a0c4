import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { TrimLowerCase } from '../../common/validation/transforms';

export class LoginDto {
  @ApiProperty({ description: 'Sign-in name; case does not matter', example: 'wangjh', maxLength: 64 })
  @TrimLowerCase()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ description: 'Password', example: 'mediation-desk-2026', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}
