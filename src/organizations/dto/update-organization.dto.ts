import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { OmittableNotNull, Trim, TrimUpperCase } from '../../common/validation/transforms';
import { CASE_NUMBER_PREFIX_PATTERN } from '../case-number-prefix-rules';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization-kind';

/** Fields left out stay as they are. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ description: 'Full name, 1–100 characters', example: '辽源市西安区人民法院', minLength: 1, maxLength: 100 })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ description: 'Region served, 1–100 characters', example: '吉林省辽源市西安区', minLength: 1, maxLength: 100 })
  @OmittableNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({
    description: 'New case number prefix, 2–6 letters A–Z, unique. Numbers already given keep their old prefix.',
    example: 'XAF',
    pattern: CASE_NUMBER_PREFIX_PATTERN.source,
  })
  @OmittableNotNull()
  @TrimUpperCase()
  @IsString()
  @Matches(CASE_NUMBER_PREFIX_PATTERN, { message: 'caseNumberPrefix must be 2–6 letters A–Z' })
  caseNumberPrefix?: string;

  @ApiPropertyOptional({
    description: 'Change of kind; refused with 422 ROLE_ORGANIZATION_MISMATCH while the organization has users whose role would no longer fit',
    enum: ORGANIZATION_KINDS,
    example: 'COURT',
  })
  @OmittableNotNull()
  @IsIn(ORGANIZATION_KINDS, { message: `kind must be one of ${ORGANIZATION_KINDS.join(', ')}` })
  kind?: OrganizationKind;
}
