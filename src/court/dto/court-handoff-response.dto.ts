import { ApiProperty } from '@nestjs/swagger';

export class CourtUserRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '王法官' })
  displayName: string;
}

/** The court's receipt of a closed case's feedback letter. */
export class CourtHandoffResponseDto {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ example: 'LY-2026-000123' })
  caseNumber: string;

  @ApiProperty({ format: 'uuid', description: 'The referring court' })
  courtOrgId: string;

  @ApiProperty({ format: 'date-time', example: '2026-10-20T02:15:00.000Z' })
  acknowledgedAt: string;

  @ApiProperty({ type: CourtUserRefDto })
  acknowledgedBy: CourtUserRefDto;

  @ApiProperty({ type: String, nullable: true, description: 'As stored: resident IDs and mobile numbers masked' })
  note: string | null;
}

export interface CourtHandoffRow {
  case_id: string;
  case_number: string;
  court_org_id: string;
  acknowledged_at: Date;
  acknowledged_by: string;
  acknowledged_by_name: string;
  note: string | null;
}

export function toCourtHandoffResponse(row: CourtHandoffRow): CourtHandoffResponseDto {
  return {
    caseId: row.case_id,
    caseNumber: row.case_number,
    courtOrgId: row.court_org_id,
    acknowledgedAt: row.acknowledged_at.toISOString(),
    acknowledgedBy: { id: row.acknowledged_by, displayName: row.acknowledged_by_name },
    note: row.note,
  };
}
