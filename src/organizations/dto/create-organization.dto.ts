import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { OmittableNotNull, Trim, TrimUpperCase } from '../../common/validation/transforms';
import { CASE_NUMBER_PREFIX_PATTERN } from '../case-number-prefix-rules';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization-kind';

export class CreateOrganizationDto {
  @ApiProperty({ description: 'Full name, 1–100 characters; surrounding spaces are removed', example: '辽源市西安区人民法院', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: 'UNION: the mediation studio that owns cases; COURT: a referring or reviewing court', enum: ORGANIZATION_KINDS, example: 'COURT' })
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind: OrganizationKind;

  @ApiProperty({ description: 'Region served, 1–100 characters', example: '吉林省辽源市西安区', minLength: 1, maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region: string;

  @ApiPropertyOptional({
    description: 'Prefix of the case numbers this organization registers (`XAF-2026-000001`): 2–6 letters A–Z, unique. '
      + 'Lower case is accepted and stored upper-case. Generated (U… for a union, C… for a court) when omitted.',
    example: 'XAF',
    pattern: CASE_NUMBER_PREFIX_PATTERN.source,
  })
  @OmittableNotNull()
  @TrimUpperCase()
  @IsString()
  @Matches(CASE_NUMBER_PREFIX_PATTERN, { message: 'caseNumberPrefix must be 2–6 letters A–Z' })
  caseNumberPrefix?: string;
}
