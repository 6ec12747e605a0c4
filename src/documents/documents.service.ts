import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Document } from 'docx';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { legalDateOf, type LegalDate } from '../calendar/legal-date';
import { CaseAccessService } from '../cases/case-access.service';
import { CaseApplicantEntity } from '../cases/case-applicant.entity';
import { CaseClaimEntity } from '../cases/case-claim.entity';
import type { CaseEntity } from '../cases/case.entity';
import { Clock } from '../common/clock/clock';
import { PiiCipher } from '../common/pii/pii-cipher';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeadlineProjection } from '../deadlines/deadline-projection';
import { buildAcceptanceNotice } from './acceptance-notice.document';
import { buildCourtFeedbackLetter } from './court-feedback-letter.document';
import { documentFileName, type DocumentFileName, type DocumentKind } from './document-kinds';
import { mayGenerate, unavailableReason, type DocumentCaseFacts } from './document-rules';
import {
  toAcceptanceNoticeData,
  toCourtFeedbackLetterData,
  toJudicialConfirmationApplicationData,
  toMediationAgreementData,
  optional,
  type CaseDocumentSources,
  type SourceSession,
} from './document-sources';
import { DocumentError } from './document.errors';
import { buildJudicialConfirmationApplication } from './judicial-confirmation-application.document';
import { buildMediationAgreement } from './mediation-agreement.document';
import { packDocx } from './official-layout';

export interface GeneratedDocument {
  readonly bytes: Buffer;
  readonly fileName: DocumentFileName;
}

const BUILDERS: Record<DocumentKind, (sources: CaseDocumentSources) => Document> = {
  'mediation-agreement': (sources) => buildMediationAgreement(toMediationAgreementData(sources)),
  'court-feedback-letter': (sources) => buildCourtFeedbackLetter(toCourtFeedbackLetterData(sources)),
  'judicial-confirmation-application': (sources) => buildJudicialConfirmationApplication(toJudicialConfirmationApplicationData(sources)),
  'acceptance-notice': (sources) => buildAcceptanceNotice(toAcceptanceNoticeData(sources)),
};

interface StoredSessionRow {
  heldAt: string;
  sessionId: string | null;
  summary: string | null;
}

/**
 * Prints a case's documents (DOMAIN §8). One transaction reads the case and what surrounds it and appends
 * DOCUMENT_GENERATED to the case's audit chain, so a document exists exactly when its audit entry does; like a reveal,
 * the agreement's identity numbers are decrypted only for a user entitled to them and only inside that transaction.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly deadlines: DeadlineProjection,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async generate(actor: Actor, caseId: string, kind: DocumentKind, requestId: string): Promise<GeneratedDocument> {
    return this.dataSource.transaction(async (tx) => {
      // Locked like a command (case row first, then the audit chain head): no event lands between reading the case
      // and the entry recording which version the document shows.
      const row = await this.access.loadVisible(tx, caseId, actor, { lock: true });
      const facts = this.factsOf(row);
      if (!mayGenerate(kind, actor, facts)) throw DocumentError.notAllowed(kind);
      const reason = unavailableReason(kind, facts, this.today());
      if (reason !== undefined) throw DocumentError.notAvailable(kind, row.state, reason);
      // Packed before the audit entry is written, so a document that fails to build leaves no entry behind.
      const bytes = await packDocx(BUILDERS[kind](await this.sourcesOf(tx, row, kind)));
      await this.audit.append(tx, {
        actor: { userId: actor.id, role: actor.role },
        orgId: row.organizationId,
        caseId: row.id,
        category: 'ACCESS',
        action: 'DOCUMENT_GENERATED',
        caseVersion: row.version,
        requestId,
        // The file's hash ties a printed copy to this entry: the bytes differ per generation (creation time inside).
        payload: { kind, sha256: createHash('sha256').update(bytes).digest('hex') },
      });
      return { bytes, fileName: documentFileName(kind, row.source, row.caseNumber) };
    });
  }

  private factsOf(row: CaseEntity): DocumentCaseFacts {
    const context = row.snapshot.context;
    const window = context.deadlines.filter((entry) => entry.kind === 'JUDICIAL_CONFIRMATION_WINDOW' && entry.status === 'PENDING').at(-1);
    return {
      ...this.access.toAccessRow(row),
      source: row.source,
      ...(context.acceptedOn === undefined ? {} : { acceptedOn: context.acceptedOn }),
      hasTerms: context.terms !== undefined,
      judicialConfirmationStatus: context.judicialConfirmation.status,
      ...(window === undefined ? {} : { confirmationWindowEndsOn: window.dueOn }),
    };
  }

  // One query after another: inside a transaction the manager holds a single connection.
  private async sourcesOf(tx: EntityManager, row: CaseEntity, kind: DocumentKind): Promise<CaseDocumentSources> {
    const applicants = await tx.getRepository(CaseApplicantEntity).find({ where: { caseId: row.id }, order: { position: 'ASC' } });
    const claims = await tx.getRepository(CaseClaimEntity).find({ where: { caseId: row.id }, order: { position: 'ASC' } });
    const organizations = await this.organizationsOf(tx, [row.organizationId, row.courtOrgId, row.reviewCourtId]);
    const mediatorName = await this.mediatorNameOf(tx, row.assignedMediatorId);
    const deadlines = await this.deadlines.listForCase(tx, row.id);
    const sessions = kind === 'court-feedback-letter' ? await this.sessionsOf(tx, row.id) : [];
    const closingNote = kind === 'court-feedback-letter' ? await this.closingNoteOf(tx, row.id) : undefined;
    const organization = organizations.get(row.organizationId);
    if (organization === undefined) throw new Error(`Case ${row.id} names organization ${row.organizationId}, which does not exist`);
    const nameOf = (id: string | null) => (id === null ? undefined : organizations.get(id)?.name);
    const withIdentity = kind === 'mediation-agreement';
    return {
      caseNumber: row.caseNumber,
      source: row.source,
      courtCaseNumber: row.courtCaseNumber,
      workerCount: row.workerCount,
      collective: row.collective,
      receivedOn: row.receivedOn,
      respondent: row.respondent,
      riskFlags: row.riskFlags,
      context: row.snapshot.context,
      organization,
      ...optional('courtName', nameOf(row.courtOrgId)),
      ...optional('reviewCourtName', nameOf(row.reviewCourtId)),
      ...optional('mediatorName', mediatorName),
      applicants: applicants.map((applicant) => ({
        name: applicant.name,
        idType: applicant.idType,
        isRepresentative: applicant.isRepresentative,
        ...(withIdentity ? { idNumber: this.cipher.decrypt(applicant.idNumberEnc) } : {}),
      })),
      claims: claims.map((claim) => ({ type: claim.type, ...optional('amount', claim.amount ?? undefined), description: claim.description })),
      deadlines,
      sessions,
      ...optional('closingNote', closingNote),
    };
  }

  private async organizationsOf(tx: EntityManager, ids: readonly (string | null)[]): Promise<Map<string, { name: string; region: string }>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const rows = (await tx.query('SELECT id, name, region FROM organizations WHERE id = ANY($1::uuid[])', [wanted])) as { id: string; name: string; region: string }[];
    return new Map(rows.map((row) => [row.id, { name: row.name, region: row.region }]));
  }

  private async mediatorNameOf(tx: EntityManager, mediatorId: string | null): Promise<string | undefined> {
    if (mediatorId === null) return undefined;
    const rows = (await tx.query('SELECT display_name AS "displayName" FROM users WHERE id = $1', [mediatorId])) as { displayName: string }[];
    return rows[0]?.displayName;
  }

  /**
   * The recorded sessions, oldest first. A without-prejudice summary is never selected, so it cannot reach any
   * document (Invited Art.22); the stored payloads are PII-masked already.
   */
  private async sessionsOf(tx: EntityManager, caseId: string): Promise<SourceSession[]> {
    const rows = (await tx.query(
      `SELECT payload->>'heldAt' AS "heldAt", payload->>'sessionId' AS "sessionId",
              CASE WHEN payload->>'withoutPrejudice' = 'false' THEN payload->>'summary' END AS summary
       FROM case_events WHERE case_id = $1 AND type = 'RECORD_SESSION' ORDER BY version`,
      [caseId],
    )) as StoredSessionRow[];
    return rows.map((row) => ({
      heldOn: legalDateOf(row.heldAt, this.config.legalTimeZone),
      ...optional('sessionId', row.sessionId ?? undefined),
      summary: row.summary,
    }));
  }

  /** The note (or, for a refused signature, the reason) sent with the event that closed the case. */
  private async closingNoteOf(tx: EntityManager, caseId: string): Promise<string | undefined> {
    const rows = (await tx.query(
      `SELECT CASE WHEN type = 'REFUSE_TO_SIGN' THEN payload->>'reason' ELSE payload->>'note' END AS note
       FROM case_events WHERE case_id = $1 AND to_state LIKE 'closed.%' ORDER BY version DESC LIMIT 1`,
      [caseId],
    )) as { note: string | null }[];
    return rows[0]?.note ?? undefined;
  }

  private today(): LegalDate {
    return legalDateOf(this.clock.now(), this.config.legalTimeZone);
  }
}
