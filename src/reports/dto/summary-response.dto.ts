import { ApiProperty } from '@nestjs/swagger';
import { REPORT_GROUP_BYS, type ReportGroupBy } from '../summary-report';

const AMOUNT = { type: String, pattern: '^\\d+\\.\\d{2}$' } as const;

export class OutcomeCountsDto {
  @ApiProperty({ description: 'closed.resolved: the agreement was performed in full' }) resolved: number;
  @ApiProperty({ description: 'closed.failed: refusal, no reply, failed mediation, expired period, refusal to sign' }) failed: number;
  @ApiProperty({ description: 'closed.withdrawn' }) withdrawn: number;
  @ApiProperty({ description: 'closed.referred: a defaulted agreement sent to a payment order, arbitration, litigation or enforcement' }) referred: number;
  @ApiProperty({ description: 'closed.rejected: not taken on' }) rejected: number;
  @ApiProperty({ description: 'All five' }) total: number;
}

export class SummaryAmountsDto {
  @ApiProperty({ ...AMOUNT, description: 'Claims of the cases received in the range, CNY', example: '283800.50' }) claimed: string;
  @ApiProperty({ ...AMOUNT, description: 'agreedTotal of the agreements that took effect in the range, CNY', example: '217000.40' }) agreed: string;
  @ApiProperty({ ...AMOUNT, description: 'Payments whose paidOn lies in the range, CNY', example: '30500.50' }) paid: string;
}

export class SummaryCountsDto {
  @ApiProperty({ description: 'Cases whose legal receipt date (Asia/Shanghai) lies in the range' }) received: number;
  @ApiProperty({ description: 'Sum of workerCount of the cases received' }) workersCovered: number;
  @ApiProperty({ description: 'Collective cases (10 or more workers, LDMAL Art.7) received' }) collectiveCases: number;
  @ApiProperty({ description: 'Cases not closed when the report was generated, whatever their dates' }) open: number;
  @ApiProperty({ type: OutcomeCountsDto, description: 'Cases whose closing date (context.closedOn) lies in the range, by final state' }) outcomes: OutcomeCountsDto;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'outcomes.resolved / (outcomes.total − outcomes.rejected), four decimals: a case never taken on was never mediated. Null when that is 0',
    example: 0.4,
  })
  successRate: number | null;
  @ApiProperty({ description: 'Agreements that took effect (effectiveOn, the day of the last signature) in the range' }) agreements: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean calendar days from the legal receipt date to effectiveOn over those agreements, one decimal', example: 18.3 })
  averageDaysToAgreement: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'percentile_disc(0.9) of the same day counts: the smallest observed count that at least 90 % of them do not exceed',
    example: 30,
  })
  p90DaysToAgreement: number | null;
  @ApiProperty({ type: SummaryAmountsDto }) amounts: SummaryAmountsDto;
}

export class SummaryGroupDto extends SummaryCountsDto {
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM receipt month, source, claim type, mediator id (null: none assigned) or outcome (OPEN: not closed)' })
  key: string | null;
  @ApiProperty({ example: '来访申请' }) label: string;
}

export class CountByKeyDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class ClaimTypeCountDto extends CountByKeyDto {
  @ApiProperty({ ...AMOUNT, description: "That type's claimed amounts" }) claimed: string;
}

export class DeadlinesMissedDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [CountByKeyDto], description: 'Deadlines now MISSED whose dueOn lies in the range, by kind' }) byKind: CountByKeyDto[];
}

export class JudicialConfirmationCountsDto {
  @ApiProperty({ description: 'Applications (REQUEST_JUDICIAL_CONFIRMATION) whose appliedOn lies in the range' }) requested: number;
  @ApiProperty({ description: 'Rulings confirming (CONFIRM_JUDICIALLY) whose ruledOn lies in the range' }) granted: number;
  @ApiProperty({ description: 'Rulings refusing (REFUSE_CONFIRMATION) whose ruledOn lies in the range' }) refused: number;
}

export class AssistanceTotalsDto {
  @ApiProperty({ description: 'Approved assistance records whose givenOn lies in the range' }) count: number;
  @ApiProperty({ description: "Workers helped: distinct (case, applicant); a record for a case as a whole counts the case's workerCount once" })
  people: number;
  @ApiProperty({ ...AMOUNT, description: 'Sum of the approved amounts (goods in kind at their value)' }) amount: string;
}

export class SummaryResponseDto {
  @ApiProperty({ example: '2026-07-01' }) from: string;
  @ApiProperty({ example: '2026-09-30' }) to: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ enum: ['CNY'] }) currency: 'CNY';
  @ApiProperty({ format: 'date-time', description: 'The open counts are as of this instant' }) generatedAt: string;
  @ApiProperty({ enum: REPORT_GROUP_BYS, nullable: true }) groupBy: ReportGroupBy | null;
  @ApiProperty({ type: SummaryCountsDto }) totals: SummaryCountsDto;
  @ApiProperty({ type: [CountByKeyDto], description: 'Cases received, by source (every source listed)' }) receivedBySource: CountByKeyDto[];
  @ApiProperty({ type: [ClaimTypeCountDto], description: 'Cases received, by claim type; a case with several types counts under each' })
  receivedByClaimType: ClaimTypeCountDto[];
  @ApiProperty({ type: [CountByKeyDto], description: 'Open cases by state, now' }) openByState: CountByKeyDto[];
  @ApiProperty({ type: [CountByKeyDto], description: 'Open cases by stored risk level, now' }) openByRiskLevel: CountByKeyDto[];
  @ApiProperty({ type: DeadlinesMissedDto }) deadlinesMissed: DeadlinesMissedDto;
  @ApiProperty({ type: JudicialConfirmationCountsDto }) judicialConfirmations: JudicialConfirmationCountsDto;
  @ApiProperty({
    type: AssistanceTotalsDto,
    nullable: true,
    description: 'Approved hardship assistance given in the range (by givenOn); null for court liaisons, to whom assistance is not shown',
  })
  assistance: AssistanceTotalsDto | null;
  @ApiProperty({
    type: [SummaryGroupDto],
    description: 'With groupBy: the main counts per group, each number bucketed by its own date as in totals; groups with nothing to count are left out. Empty without groupBy',
  })
  groups: SummaryGroupDto[];
}
