import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HistoryActorDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null for the system (timers)' }) id: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '王建华' }) displayName: string | null;
  @ApiProperty({ example: 'MEDIATOR' }) role: string;
}

export class CaseHistoryEntryDto {
  @ApiProperty({ description: 'Global audit sequence number', example: '1042' }) seq: string;
  @ApiProperty({ description: 'Position in the case chain: 1, 2, 3, …', example: 3 }) chainSeq: number;
  @ApiProperty({ example: '2026-09-16T02:05:11.123Z' }) at: string;
  @ApiProperty({ description: 'CASE_CREATED, CASE_EVENT, PII_REVEALED, …', example: 'CASE_EVENT' }) action: string;
  @ApiPropertyOptional({ type: String, description: 'The event type for CASE_EVENT rows', example: 'ACCEPT', nullable: true }) eventType: string | null;
  @ApiProperty({ type: HistoryActorDto }) actor: HistoryActorDto;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'intake.registered' }) fromState: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'intake.awaitingConsent' }) toState: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Case version after this entry', example: 2 }) version: number | null;
  @ApiPropertyOptional({ description: 'What was sent, with personal data masked' }) payload: unknown;
}

export class CaseHistoryResponseDto {
  @ApiProperty({ type: [CaseHistoryEntryDto] }) items: CaseHistoryEntryDto[];
}
