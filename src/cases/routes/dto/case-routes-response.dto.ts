import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENFORCEMENT_ROUTES, type EnforcementRoute, type RoutesAdvice } from '../enforcement-routes';

export class RouteAdviceDto {
  @ApiProperty({ enum: ENFORCEMENT_ROUTES, example: 'JUDICIAL_CONFIRMATION' })
  route: EnforcementRoute;

  @ApiProperty({ description: 'Whether the route can be taken on asOf', example: true })
  open: boolean;

  @ApiProperty({ description: 'Why the route is open or closed (Simplified Chinese)', example: '调解协议已生效，双方可在生效之日起30日内共同申请司法确认' })
  reason: string;

  @ApiProperty({ description: 'The article the route rests on', example: 'CPL Art.205' })
  basis: string;

  @ApiPropertyOptional({ description: 'Last day to take the route, rolled past rest days (CPL Art.85)', example: '2026-10-08', format: 'date' })
  deadlineOn?: string;

  @ApiPropertyOptional({ description: 'Whole days from asOf to deadlineOn; only on an open route, never negative', example: 28 })
  daysLeft?: number;

  @ApiPropertyOptional({
    description: 'ARBITRATION after a failed, rejected or withdrawn case: closure + 1 year, the limitation date if mediation interrupted it (disputed)',
    example: '2027-03-02',
    format: 'date',
  })
  ifInterruptedDueOn?: string;

  @ApiProperty({ description: 'False when a date shown falls in a year without a State Council holiday notice', example: true })
  calendarVerified: boolean;

  @ApiProperty({ type: [String], description: 'Procedure notes and warnings (Simplified Chinese)' })
  notes: string[];
}

export class CaseRoutesResponseDto {
  @ApiProperty({ description: 'The date the advice was given for', example: '2026-09-10', format: 'date' })
  asOf: string;

  @ApiProperty({ type: [RouteAdviceDto], description: 'All seven routes, always in the same order' })
  routes: RouteAdviceDto[];
}

export function toCaseRoutesResponse(advice: RoutesAdvice): CaseRoutesResponseDto {
  return {
    asOf: advice.asOf,
    routes: advice.routes.map((route) => ({ ...route, notes: [...route.notes] })),
  };
}
