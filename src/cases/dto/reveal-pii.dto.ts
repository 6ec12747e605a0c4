import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation/transforms';
import { REVEAL_FIELD_PATTERN } from '../reveal-field';

export class RevealPiiDto {
  @ApiProperty({
    description: 'Path of one PII field: `applicants[N].idNumber`, `applicants[N].phone` or `respondent.contactPhone`',
    example: 'applicants[0].idNumber',
  })
  @Matches(REVEAL_FIELD_PATTERN, { message: 'field must be applicants[N].idNumber, applicants[N].phone or respondent.contactPhone' })
  @IsString()
  field: string;

  @ApiProperty({ description: 'Why the raw value is needed, 4–500 characters; kept in the audit trail', example: '核对身份以出具调解协议书' })
  @MaxLength(500)
  @MinLength(4)
  @IsNotEmpty()
  @IsString()
  @Trim()
  reason: string;
}

export class RevealPiiResponseDto {
  @ApiProperty({ example: 'applicants[0].idNumber' })
  field: string;

  @ApiProperty({ description: 'The raw value', example: '220402199003071231' })
  value: string;
}
