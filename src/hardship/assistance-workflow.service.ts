import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { legalDateOf, parseLegalDate } from '../calendar/legal-date';
import { CaseAccessService } from '../cases/case-access.service';
import type { CaseEntity } from '../cases/case.entity';
import { Clock } from '../common/clock/clock';
import { ValidationError } from '../common/errors/domain-error';
import { maskPiiInText } from '../common/pii/mask-payload';
import { AssistanceError } from './assistance.errors';
import { ASSISTANCE_SELECT, type AssistanceRow } from './assistance-row';
import type { ProposeAssistanceDto } from './dto/propose-assistance.dto';
import { toAssistanceResponse, type AssistanceResponseDto } from './dto/assistance-response.dto';
import { assistanceProblems, isSelfApproval, mayDecideAssistance, mayProposeAssistance, type AssistanceKind, type AssistanceStatus } from './hardship-rules';

export type AssistanceDecision = 'APPROVE' | 'REJECT';

interface LockedRecord {
  id: string;
  status: AssistanceStatus;
  proposed_by: string;
  kind: AssistanceKind;
  applicant_position: number | null;
  amount: string | null;
  given_on: string;
}

const DECIDED: Record<AssistanceDecision, { status: AssistanceStatus; action: string }> = {
  APPROVE: { status: 'APPROVED', action: 'ASSISTANCE_APPROVED' },
  REJECT: { status: 'REJECTED', action: 'ASSISTANCE_REJECTED' },
};

/**
 * Proposing, approving and rejecting hardship assistance: each one transaction that locks the case row first (the
 * order of every change to a case, DOMAIN §7), writes the record and appends one entry to the case's audit chain.
 * Checks run in DOMAIN §3's order: 404 → 400 → 403 → 409.
 */
@Injectable()
export class AssistanceWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  propose(actor: Actor, caseId: string, dto: ProposeAssistanceDto, requestId: string): Promise<AssistanceResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      const kase = await this.access.loadVisible(tx, caseId, actor, { lock: true });
      const problems = assistanceProblems(dto, {
        applicantCount: await this.applicantCount(tx, kase.id),
        receivedOn: parseLegalDate(kase.receivedOn),
        today: legalDateOf(this.clock.now()),
      });
      if (problems.length > 0) throw new ValidationError(problems);
      if (!mayProposeAssistance(actor, this.access.toAccessRow(kase))) throw AssistanceError.proposeNotAllowed();

      const note = maskPiiInText(dto.note);
      // The amount goes into the audit entry as stored ("500" → "500.00"), the same spelling as the decision's entry.
      const [{ id, amount }] = (await tx.query(
        `INSERT INTO assistance_records (organization_id, case_id, applicant_position, kind, amount, given_on, note, status, proposed_by, proposed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'PROPOSED', $8, $9) RETURNING id, amount::text AS amount`,
        [kase.organizationId, kase.id, dto.applicantPosition ?? null, dto.kind, dto.amount ?? null, dto.givenOn, note, actor.id, this.clock.now()],
      )) as { id: string; amount: string | null }[];
      await this.record(tx, kase, actor, requestId, 'ASSISTANCE_PROPOSED', {
        assistanceId: id,
        kind: dto.kind,
        applicantPosition: dto.applicantPosition ?? null,
        amount,
        givenOn: dto.givenOn,
        note,
        status: 'PROPOSED',
      });
      return this.read(tx, id);
    });
  }

  decide(actor: Actor, caseId: string, assistanceId: string, decision: AssistanceDecision, note: string | undefined, requestId: string): Promise<AssistanceResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      const kase = await this.access.loadVisible(tx, caseId, actor, { lock: true });
      const locked = await this.lockRecord(tx, kase.id, assistanceId);
      if (!mayDecideAssistance(actor, this.access.toAccessRow(kase))) throw AssistanceError.decideNotAllowed();
      if (isSelfApproval(decision, locked.proposed_by, actor.id)) throw AssistanceError.selfApproval();
      if (locked.status !== 'PROPOSED') throw AssistanceError.alreadyDecided(assistanceId, locked.status);

      const { status, action } = DECIDED[decision];
      const decisionNote = note === undefined ? null : maskPiiInText(note);
      await tx.query(
        `UPDATE assistance_records SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1 AND status = 'PROPOSED'`,
        [locked.id, status, actor.id, this.clock.now(), decisionNote],
      );
      await this.record(tx, kase, actor, requestId, action, {
        assistanceId: locked.id,
        kind: locked.kind,
        applicantPosition: locked.applicant_position,
        amount: locked.amount,
        givenOn: locked.given_on,
        fromStatus: 'PROPOSED',
        toStatus: status,
        note: decisionNote,
      });
      return this.read(tx, locked.id);
    });
  }

  private async applicantCount(tx: EntityManager, caseId: string): Promise<number> {
    const [{ count }] = (await tx.query('SELECT count(*)::int AS count FROM case_applicants WHERE case_id = $1', [caseId])) as { count: number }[];
    return count;
  }

  /** The record of this case, locked; a record of another case is as unknown as one that does not exist. */
  private async lockRecord(tx: EntityManager, caseId: string, assistanceId: string): Promise<LockedRecord> {
    const rows = (await tx.query(
      `SELECT id, status, proposed_by, kind, applicant_position, amount::text AS amount, given_on::text AS given_on
       FROM assistance_records WHERE id = $1 AND case_id = $2 FOR UPDATE`,
      [assistanceId, caseId],
    )) as LockedRecord[];
    if (rows.length === 0) throw AssistanceError.notFound(assistanceId);
    return rows[0];
  }

  private async record(tx: EntityManager, kase: CaseEntity, actor: Actor, requestId: string, action: string, payload: Record<string, unknown>): Promise<void> {
    await this.audit.append(tx, {
      actor: { userId: actor.id, role: actor.role },
      orgId: kase.organizationId,
      caseId: kase.id,
      category: 'CASE',
      action,
      requestId,
      payload,
    });
  }

  private async read(tx: EntityManager, id: string): Promise<AssistanceResponseDto> {
    const [row] = (await tx.query(`${ASSISTANCE_SELECT} WHERE r.id = $1`, [id])) as AssistanceRow[];
    return toAssistanceResponse(row);
  }
}
