import { ApiProperty } from '@nestjs/swagger';
import type { AuditRecord } from '../audit-chain';
import { AUDIT_COUNT_AHEAD } from './audit-entry-query.dto';

/**
 * One stored audit row, exactly as hashed: a client can recompute `hash` from the other fields (DOMAIN §7), which is
 * why `seq` is a decimal string (a bigint) and `at` keeps its milliseconds. The payload was masked before it was
 * written.
 */
export class AuditEntryResponseDto {
  @ApiProperty({ description: 'Global sequence (bigint as a decimal string); gaps are allowed', example: '1042' })
  seq: string;

  @ApiProperty({ description: 'case:<id>, org:<id> or system', example: 'case:6f9c2b1e-3d4a-4c5b-8e7f-0a1b2c3d4e5f' })
  chainId: string;

  @ApiProperty({ description: '1, 2, 3, … within the chain', example: 3 })
  chainSeq: number;

  @ApiProperty({ description: 'When the row was written (UTC, milliseconds)', format: 'date-time', example: '2026-11-25T08:00:00.123Z' })
  at: string;

  @ApiProperty({ description: 'The user who acted; null for timers and start-up tasks', format: 'uuid', nullable: true, type: String })
  actorUserId: string | null;

  @ApiProperty({ description: "The actor's role, or SYSTEM", example: 'MEDIATOR' })
  actorRole: string;

  @ApiProperty({ description: 'The organization the row belongs to (for a case row, the case\'s)', format: 'uuid', nullable: true, type: String })
  orgId: string | null;

  @ApiProperty({ description: 'The case the row is about', format: 'uuid', nullable: true, type: String })
  caseId: string | null;

  @ApiProperty({ description: 'CASE, DIRECTORY, ACCESS, RISK, REPORT or SYSTEM', example: 'CASE' })
  category: string;

  @ApiProperty({ description: 'What happened', example: 'CASE_EVENT' })
  action: string;

  @ApiProperty({ description: 'Case state before the event', nullable: true, type: String, example: 'intake.registered' })
  fromState: string | null;

  @ApiProperty({ description: 'Case state after the event', nullable: true, type: String, example: 'intake.awaitingConsent' })
  toState: string | null;

  @ApiProperty({ description: 'Case version after the event', nullable: true, type: Number, example: 2 })
  caseVersion: number | null;

  @ApiProperty({ description: 'Request that wrote the row', nullable: true, type: String })
  requestId: string | null;

  @ApiProperty({ description: 'Details of the change, personal data masked', nullable: true, type: 'object', additionalProperties: true })
  payload: unknown;

  @ApiProperty({ description: 'Hash of the previous row of the chain (64 zeros for the first)', example: '0'.repeat(64) })
  prevHash: string;

  @ApiProperty({ description: 'hex SHA-256(prevHash ‖ canonical JSON of the row without hash)', example: 'a3f1'.repeat(16) })
  hash: string;
}

export class AuditEntryPageResponseDto {
  @ApiProperty({ type: AuditEntryResponseDto, isArray: true })
  items: AuditEntryResponseDto[];

  @ApiProperty({
    description:
      `Rows matching the filters, over all pages, when totalExact; otherwise more rows than this match. Rows are counted up to ${AUDIT_COUNT_AHEAD.toLocaleString('en')} past the start of the page, so that a long trail is not counted whole for every page; a later page counts further.`,
    example: 1234,
  })
  total: number;

  @ApiProperty({ description: 'false when more than `total` rows match', example: true })
  totalExact: boolean;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 50 })
  pageSize: number;
}

export function toAuditEntryResponse(row: AuditRecord): AuditEntryResponseDto {
  return {
    seq: row.seq,
    chainId: row.chainId,
    chainSeq: row.chainSeq,
    at: row.at,
    actorUserId: row.actorUserId,
    actorRole: row.actorRole,
    orgId: row.orgId,
    caseId: row.caseId,
    category: row.category,
    action: row.action,
    fromState: row.fromState,
    toState: row.toState,
    caseVersion: row.caseVersion,
    requestId: row.requestId,
    payload: row.payload,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
