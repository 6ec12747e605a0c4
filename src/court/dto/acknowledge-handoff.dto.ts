import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/validation/transforms';

export class AcknowledgeHandoffDto {
  @ApiPropertyOptional({
    description: 'How the court took the letter on, up to 1000 characters; resident IDs and mobile numbers in it are masked',
    example: '反馈函已收悉，已转立案庭登记',
  })
  @IsOptional()
  @MaxLength(1000)
  @IsNotEmpty()
  @IsString()
  @Trim()
  note?: string;
}
