import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { CaseAccessService } from '../cases/case-access.service';
import type { CaseEntity } from '../cases/case.entity';
import { Clock } from '../common/clock/clock';
import { maskPiiInText } from '../common/pii/mask-payload';
import { CourtError } from './court.errors';
import { CourtHandoffResponseDto, CourtHandoffRow, toCourtHandoffResponse } from './dto/court-handoff-response.dto';

const HANDOFF_SELECT = `
  SELECT h.case_id, c.case_number, h.court_org_id, h.acknowledged_at, h.acknowledged_by, u.display_name AS acknowledged_by_name, h.note
  FROM court_handoffs h JOIN cases c ON c.id = h.case_id JOIN users u ON u.id = h.acknowledged_by
  WHERE h.case_id = $1`;

/**
 * POST /api/cases/:id/handoff/acknowledge: the referring court records that it received a closed case's feedback
 * letter (DOMAIN §8), with the HANDOFF_ACKNOWLEDGED audit row in the case's chain, in one transaction.
 *
 * Idempotent like an alert's acknowledgement: the letter is received once, so a second call (a retry, a colleague at
 * the same court) is answered 200 with the first acknowledgement unchanged, and writes nothing.
 */
@Injectable()
export class CourtHandoffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async acknowledge(actor: Actor, caseId: string, note: string | undefined, requestId: string): Promise<CourtHandoffResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      // The case row is locked first, as every case command does before its chain head: two acknowledgements of
      // one case queue here, and the second finds the first.
      const row = await this.access.loadVisible(tx, caseId, actor, { lock: true });
      if (actor.role !== 'COURT_LIAISON' || row.courtOrgId !== actor.organizationId) throw CourtError.notReferringCourt(row.id);
      if (!row.state.startsWith('closed.')) throw CourtError.handoffNotDue(row.id, row.state);
      const existing = await this.find(tx, row.id);
      if (existing !== undefined) return toCourtHandoffResponse(existing);
      await this.record(tx, actor, row, note === undefined ? null : maskPiiInText(note), requestId);
      return toCourtHandoffResponse((await this.find(tx, row.id))!);
    });
  }

  private async record(tx: EntityManager, actor: Actor, row: CaseEntity, note: string | null, requestId: string): Promise<void> {
    await tx.query('INSERT INTO court_handoffs (case_id, court_org_id, acknowledged_by, acknowledged_at, note) VALUES ($1, $2, $3, $4, $5)', [
      row.id,
      actor.organizationId,
      actor.id,
      this.clock.now(),
      note,
    ]);
    await this.audit.append(tx, {
      actor: { userId: actor.id, role: actor.role },
      orgId: row.organizationId,
      caseId: row.id,
      category: 'CASE',
      action: 'HANDOFF_ACKNOWLEDGED',
      caseVersion: row.version,
      requestId,
      payload: { courtOrgId: actor.organizationId, state: row.state, note },
    });
  }

  private async find(tx: EntityManager, caseId: string): Promise<CourtHandoffRow | undefined> {
    const rows = (await tx.query(HANDOFF_SELECT, [caseId])) as CourtHandoffRow[];
    return rows[0];
  }
}
