import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsLegalDate } from '../../common/validation/is-legal-date';
import { RISK_LEVELS, type RiskLevel } from '../../cases/case-vocabulary';

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
  @ApiProperty({ type: [ScreenedCaseDto], description: 'The ledger (台账): every open case screened, most serious first' }) cases: ScreenedCaseDto[];
}

/** A screening as its POST answers it: the whole record, or without the ledger when asked for `Prefer: return=minimal`. */
export class RiskScreeningCreatedDto extends OmitType(RiskScreeningDto, ['cases'] as const) {
  @ApiPropertyOptional({ type: [ScreenedCaseDto], description: 'The ledger (台账), most serious first; left out under Prefer: return=minimal' })
  cases?: ScreenedCaseDto[];
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
