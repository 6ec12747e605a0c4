import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { RISK_LEVELS, type RiskLevel } from '../../cases/case-vocabulary';
import { ASSISTANCE_STANDINGS, type AssistanceStanding } from '../screening-ledger';
import { PagedQuery } from '../../common/validation/paged-query';

export class CreateRiskScreeningDto {
  @ApiProperty({ description: 'The legal date to screen as of (YYYY-MM-DD); any date, e.g. a week before a sensitive period', example: '2026-09-24' })
  @IsDefined({ message: 'asOf is required' })
  @IsLegalDate()
  asOf: string;
}

export class ScreeningPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '王建华' }) displayName: string;
}

export class ScreeningWindowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026年国庆节' }) name: string;
  @ApiProperty({ example: 'NATIONAL_DAY' }) kind: string;
  @ApiProperty({ example: '2026-10-01' }) startsOn: string;
  @ApiProperty({ example: '2026-10-07' }) endsOn: string;
  @ApiProperty({ enum: ['inLead', 'inPeriod'], description: 'Before the period, inside its lead days; or inside the period' }) phase: 'inLead' | 'inPeriod';
}

export class RiskReasonDto {
  @ApiProperty({ example: 'COLLECTIVE_10' }) ruleId: string;
  @ApiProperty({ example: '集体争议：涉及 12 名劳动者（≥10）' }) text: string;
}

export class ScreenedCaseDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'LY-2026-000123' }) caseNumber: string;
  @ApiProperty({ example: 'mediation.active' }) state: string;
  @ApiPropertyOptional({ type: ScreeningPersonDto, nullable: true }) mediator: ScreeningPersonDto | null;
  @ApiProperty({ enum: RISK_LEVELS, description: 'As of the screening date' }) level: RiskLevel;
  @ApiProperty({ enum: RISK_LEVELS, description: 'Before the sensitive-period raise' }) baseLevel: RiskLevel;
  @ApiProperty({ type: [RiskReasonDto] }) reasons: RiskReasonDto[];
}

export class RiskLevelCountsDto {
  @ApiProperty() BLUE: number;
  @ApiProperty() YELLOW: number;
  @ApiProperty() ORANGE: number;
  @ApiProperty() RED: number;
}

/** A screening as POST and GET /:id answer it: the whole record, or without the ledger under `Prefer: return=minimal`. */
export class RiskScreeningDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: '2026-09-24' }) asOf: string;
  @ApiProperty({ enum: ['SCHEDULED', 'ON_DEMAND'] }) trigger: 'SCHEDULED' | 'ON_DEMAND';
  @ApiPropertyOptional({ type: ScreeningPersonDto, nullable: true, description: 'null for the daily 08:00 screening' }) by: ScreeningPersonDto | null;
  @ApiProperty({ type: [ScreeningWindowDto], description: 'Sensitive windows open on asOf' }) windows: ScreeningWindowDto[];
  @ApiProperty() ruleSetVersion: number;
  @ApiProperty() casesScreened: number;
  @ApiProperty({ type: RiskLevelCountsDto }) counts: RiskLevelCountsDto;
  @ApiProperty({ description: 'Alerts opened or raised by this screening' }) alertsRaised: number;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({
    type: [ScreenedCaseDto],
    description: 'The ledger (台账): every open case screened, most serious first; left out under Prefer: return=minimal (GET /api/risk-screenings/:id/cases pages through it)',
  })
  cases?: ScreenedCaseDto[];
}

export const DEFAULT_LEDGER_PAGE_SIZE = 100;
export const MAX_LEDGER_PAGE_SIZE = 500;

export class LedgerQueryDto extends PagedQuery(DEFAULT_LEDGER_PAGE_SIZE, MAX_LEDGER_PAGE_SIZE) {
  @ApiPropertyOptional({ enum: RISK_LEVELS, description: 'Only the cases screened at this level' })
  @IsOptional()
  @IsIn(RISK_LEVELS, { message: `level must be one of ${RISK_LEVELS.join(', ')}` })
  level?: RiskLevel;
}

/** The whole ledger, or one level of it, as a file. */
export class LedgerExportQueryDto extends PickType(LedgerQueryDto, ['level'] as const) {}

export class LedgerCaseDto extends ScreenedCaseDto {
  @ApiProperty({
    enum: ASSISTANCE_STANDINGS,
    nullable: true,
    description:
      'For a hardship case (HARDSHIP among the reasons): approved help given by the screening date, a proposal awaiting its second supervisor, or none; null for the others',
  })
  assistance: AssistanceStanding | null;
}

export class LedgerHardshipDto {
  @ApiProperty({ description: 'Hardship cases in the whole ledger' }) cases: number;
  @ApiProperty({ description: 'Of them, those with neither help given by the screening date nor a proposal' }) withoutAssistance: number;
}

export class LedgerPageDto {
  @ApiProperty({ type: [LedgerCaseDto], description: 'Most serious first, then by case number' }) items: LedgerCaseDto[];
  @ApiProperty({ description: 'Rows matching the filter' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: LedgerHardshipDto, description: 'Over the whole ledger, whatever the filter' }) hardship: LedgerHardshipDto;
}

export class RiskScreeningSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ enum: ['SCHEDULED', 'ON_DEMAND'] }) trigger: string;
  @ApiProperty() casesScreened: number;
  @ApiProperty({ type: RiskLevelCountsDto }) counts: RiskLevelCountsDto;
  @ApiProperty() alertsRaised: number;
  @ApiProperty() createdAt: string;
}

export class RiskScreeningListDto {
  @ApiProperty({ type: [RiskScreeningSummaryDto] }) items: RiskScreeningSummaryDto[];
}
