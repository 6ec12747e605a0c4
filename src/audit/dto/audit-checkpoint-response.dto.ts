import { ApiProperty } from '@nestjs/swagger';
import type { CheckpointRecord } from '../audit-chain';

export class CheckpointHeadDto {
  @ApiProperty({ example: 'case:6f9c2b1e-3d4a-4c5b-8e7f-0a1b2c3d4e5f' })
  chainId: string;

  @ApiProperty({ description: "The chain's length when the checkpoint was taken", example: 7 })
  chainSeq: number;

  @ApiProperty({ description: 'Hash of the row at that position', example: 'a3f1'.repeat(16) })
  hash: string;
}

/** The short form every export prints and every verification answers with: enough to compare with a printed copy. */
export class CheckpointAnchorDto {
  @ApiProperty({ example: 12 })
  cpSeq: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-25T09:00:00.000Z' })
  at: string;

  @ApiProperty({ example: 'c0de'.repeat(16) })
  hash: string;
}

export class AuditCheckpointResponseDto extends CheckpointAnchorDto {
  @ApiProperty({ description: 'Hash of the previous checkpoint (64 zeros for the first)', example: '0'.repeat(64) })
  prevCpHash: string;

  @ApiProperty({ description: 'How many chains the checkpoint anchors; its hash covers all of them', example: 3 })
  chainCount: number;

  @ApiProperty({
    description: 'The anchored chain heads the viewer may see: all of them for an ADMIN, their own organization\'s for a SUPERVISOR',
    type: CheckpointHeadDto,
    isArray: true,
  })
  heads: CheckpointHeadDto[];
}

export class CreateCheckpointResponseDto {
  @ApiProperty({ description: 'false when no chain had changed since the last checkpoint, so none was written' })
  created: boolean;

  @ApiProperty({ description: 'The checkpoint written, or the latest one when none was (null if there is none)', type: AuditCheckpointResponseDto, nullable: true })
  checkpoint: AuditCheckpointResponseDto | null;
}

export function toCheckpointAnchor(checkpoint: CheckpointRecord): CheckpointAnchorDto {
  return { cpSeq: checkpoint.cpSeq, at: checkpoint.at, hash: checkpoint.hash };
}

/** `visible` says which chains' heads the viewer may see; undefined means all. */
export function toAuditCheckpointResponse(checkpoint: CheckpointRecord, visible?: ReadonlySet<string>): AuditCheckpointResponseDto {
  return {
    ...toCheckpointAnchor(checkpoint),
    prevCpHash: checkpoint.prevCpHash,
    chainCount: checkpoint.heads.length,
    heads: checkpoint.heads
      .filter(([chainId]) => visible === undefined || visible.has(chainId))
      .map(([chainId, chainSeq, hash]) => ({ chainId, chainSeq, hash })),
  };
}
