import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation/transforms';

export class ApproveAssistanceDto {
  @ApiPropertyOptional({ description: 'A remark on the approval, 1–500 characters', example: '经工会研究同意' })
  @IsOptional()
  @MaxLength(500)
  @IsNotEmpty()
  @IsString()
  @Trim()
  note?: string;
}

export class RejectAssistanceDto {
  @ApiProperty({ description: 'Why, 4–500 characters; resident IDs and mobile numbers in it are masked', example: '已享受同类帮扶，不重复发放' })
  @MaxLength(500)
  @MinLength(4)
  @IsNotEmpty()
  @IsString()
  @Trim()
  note: string;
}
