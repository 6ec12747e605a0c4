import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CaseAccessService } from './case-access.service';
import { CaseHistoryEntryDto, CaseHistoryResponseDto } from './dto/case-history.dto';

interface HistoryRow {
  seq: string;
  chain_seq: number;
  at: Date;
  action: string;
  actor_user_id: string | null;
  actor_role: string;
  display_name: string | null;
  from_state: string | null;
  to_state: string | null;
  case_version: number | null;
  payload: Record<string, unknown> | null;
}

/**
 * A case's history is its audit chain: every entry was written in the same transaction as the change it records,
 * so the history cannot disagree with the case. Payloads were masked when written; nobody sees raw PII here.
 */
@Injectable()
export class CaseHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
  ) {}

  async history(caseId: string, actor: Actor): Promise<CaseHistoryResponseDto> {
    await this.access.loadVisible(this.dataSource.manager, caseId, actor);
    const rows = (await this.dataSource.query(
      `SELECT a.seq::text AS seq, a.chain_seq, a.at, a.action, a.actor_user_id, a.actor_role, u.display_name,
              a.from_state, a.to_state, a.case_version, a.payload
       FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE a.chain_id = $1 ORDER BY a.chain_seq`,
      [`case:${caseId.toLowerCase()}`],
    )) as HistoryRow[];
    return { items: rows.map(toEntry) };
  }
}

function toEntry(row: HistoryRow): CaseHistoryEntryDto {
  const eventType = row.action === 'CASE_EVENT' && typeof row.payload?.type === 'string' ? row.payload.type : null;
  return {
    seq: row.seq,
    chainSeq: row.chain_seq,
    at: row.at.toISOString(),
    action: row.action,
    eventType,
    actor: { id: row.actor_user_id, displayName: row.display_name, role: row.actor_role },
    fromState: row.from_state,
    toState: row.to_state,
    version: row.case_version,
    payload: row.payload,
  };
}
