import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { ValidationError } from '../common/errors/domain-error';
import { PiiCipher } from '../common/pii/pii-cipher';
import { CaseAccessService } from './case-access.service';
import { CaseApplicantEntity } from './case-applicant.entity';
import type { CaseEntity } from './case.entity';
import { CaseError } from './case.errors';
import type { RevealPiiDto, RevealPiiResponseDto } from './dto/reveal-pii.dto';
import { parseRevealField, type RevealTarget } from './reveal-field';

/**
 * Shows one raw PII value to a user entitled to it and records that they looked, and why, in the case's audit chain
 * (DOMAIN §1). The value itself never reaches the audit trail.
 */
@Injectable()
export class CaseRevealService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
  ) {}

  async reveal(actor: Actor, caseId: string, dto: RevealPiiDto, requestId: string): Promise<RevealPiiResponseDto> {
    const target = parseRevealField(dto.field);
    if (target === undefined) throw ValidationError.field('field', 'INVALID_FORMAT', 'field must be applicants[N].idNumber, applicants[N].phone or respondent.contactPhone');
    return this.dataSource.transaction(async (tx) => {
      const row = await this.access.loadVisible(tx, caseId, actor);
      this.access.assertMayReveal(actor, this.access.toAccessRow(row));
      const value = this.cipher.decrypt(await this.ciphertextAt(tx, row, target, dto.field));
      await this.audit.append(tx, {
        actor: { userId: actor.id, role: actor.role },
        orgId: row.organizationId,
        caseId: row.id,
        category: 'ACCESS',
        action: 'PII_REVEALED',
        requestId,
        payload: { field: dto.field, reason: dto.reason },
      });
      return { field: dto.field, value };
    });
  }

  private async ciphertextAt(tx: EntityManager, row: CaseEntity, target: RevealTarget, field: string): Promise<string> {
    if (target.kind === 'RESPONDENT_CONTACT_PHONE') {
      if (row.respondentContactPhoneEnc === null) throw CaseError.fieldNotRecorded(field);
      return row.respondentContactPhoneEnc;
    }
    const applicant = await tx.getRepository(CaseApplicantEntity).findOneBy({ caseId: row.id, position: target.position });
    if (applicant === null) throw CaseError.fieldNotRecorded(field);
    return target.attribute === 'idNumber' ? applicant.idNumberEnc : applicant.phoneEnc;
  }
}
