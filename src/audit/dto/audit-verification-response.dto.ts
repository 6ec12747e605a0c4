import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BreakKind, ChainBreak, ChainVerification, CheckpointRecord } from '../audit-chain';
import { CheckpointAnchorDto, toCheckpointAnchor } from './audit-checkpoint-response.dto';

const BREAK_KINDS: BreakKind[] = ['ALTERED', 'MISSING_OR_INSERTED'];

export class ChainBreakDto {
  @ApiProperty({ description: 'Global seq of the row where the break shows; null only when a whole chain is gone', type: String, nullable: true, example: '1042' })
  seq: string | null;

  @ApiProperty({ example: 'case:6f9c2b1e-3d4a-4c5b-8e7f-0a1b2c3d4e5f' })
  chainId: string;

  @ApiProperty({ description: '0 when a whole chain is gone', example: 3 })
  chainSeq: number;

  @ApiPropertyOptional({ format: 'uuid' })
  caseId?: string;

  @ApiProperty({ enum: BREAK_KINDS, description: 'ALTERED: the row hashes differently; MISSING_OR_INSERTED: rows removed or added before it (or after it, for a cut tail)' })
  kind: BreakKind;
}

export class CheckpointBreakDto {
  @ApiProperty({ example: 12 })
  cpSeq: number;

  @ApiProperty({ enum: BREAK_KINDS })
  kind: BreakKind;
}

export class AuditVerificationResponseDto {
  @ApiProperty({ description: 'true when every chain in scope and the checkpoint chain verify' })
  ok: boolean;

  @ApiProperty({ description: 'Audit rows checked', example: 1234 })
  checked: number;

  @ApiPropertyOptional({ type: ChainBreakDto, description: 'The break with the lowest seq, when there is one' })
  firstBroken?: ChainBreakDto;

  @ApiPropertyOptional({ type: CheckpointBreakDto, description: 'The first broken checkpoint, when the checkpoint chain itself does not verify' })
  checkpointBroken?: CheckpointBreakDto;

  @ApiProperty({
    type: CheckpointAnchorDto,
    nullable: true,
    description: 'The latest checkpoint; compare it with a printed copy, since whoever can rewrite the database can rewrite the checkpoints too',
  })
  checkpoint: CheckpointAnchorDto | null;
}

export function toAuditVerificationResponse(
  chains: ChainVerification,
  checkpoints: { ok: boolean; firstBroken?: CheckpointBreakDto },
  latest: CheckpointRecord | undefined,
): AuditVerificationResponseDto {
  const response: AuditVerificationResponseDto = {
    ok: chains.ok && checkpoints.ok,
    checked: chains.checked,
    checkpoint: latest === undefined ? null : toCheckpointAnchor(latest),
  };
  if (chains.firstBroken !== undefined) response.firstBroken = toChainBreak(chains.firstBroken);
  if (checkpoints.firstBroken !== undefined) response.checkpointBroken = checkpoints.firstBroken;
  return response;
}

function toChainBreak(found: ChainBreak): ChainBreakDto {
  const dto: ChainBreakDto = { seq: found.seq, chainId: found.chainId, chainSeq: found.chainSeq, kind: found.kind };
  if (found.caseId !== undefined) dto.caseId = found.caseId;
  return dto;
}
