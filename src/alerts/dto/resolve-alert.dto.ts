import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation/transforms';

export class ResolveAlertDto {
  @ApiProperty({ description: 'What was done, 4–500 characters; resident IDs and mobile numbers in it are masked', example: '已电话联系用人单位负责人，承诺本周五前支付拖欠工资' })
  @MaxLength(500)
  @MinLength(4)
  @IsNotEmpty()
  @IsString()
  @Trim()
  note: string;
}
