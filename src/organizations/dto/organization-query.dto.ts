import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization-kind';

export class OrganizationQueryDto {
  @ApiPropertyOptional({ description: 'Only organizations of this kind (the intake form asks for COURT)', enum: ORGANIZATION_KINDS, example: 'COURT' })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind?: OrganizationKind;
}
