import { ApiProperty } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization-kind';
import type { OrganizationEntity } from '../organization.entity';

export class OrganizationResponseDto {
  @ApiProperty({ description: 'Organization id', format: 'uuid', example: '5b0c3c52-6f0e-4d7a-9d43-1f1f8f0f8a11' })
  id: string;

  @ApiProperty({ description: 'Full name', example: '辽源市龙山区人民法院' })
  name: string;

  @ApiProperty({ description: 'UNION (mediation studio) or COURT', enum: ORGANIZATION_KINDS, example: 'COURT' })
  kind: OrganizationKind;

  @ApiProperty({ description: 'Region served', example: '吉林省辽源市龙山区' })
  region: string;

  @ApiProperty({ description: 'Prefix of the case numbers this organization registers', example: 'LSF' })
  caseNumberPrefix: string;

  @ApiProperty({ description: 'When the organization was created (ISO 8601, UTC)', format: 'date-time', example: '2026-01-01T00:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ description: 'When the organization was last changed (ISO 8601, UTC)', format: 'date-time', example: '2026-01-01T00:00:00.000Z' })
  updatedAt: string;
}

export function toOrganizationResponse(row: OrganizationEntity): OrganizationResponseDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    region: row.region,
    caseNumberPrefix: row.caseNumberPrefix,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
