import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class RiskRuleSetVersionParamDto {
  @ApiProperty({ description: 'Rule-set version', example: 1 })
  @Max(2_147_483_647)
  @Min(1)
  @IsInt({ message: 'version must be an integer' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value))
  version: number;
}
