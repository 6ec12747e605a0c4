import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { fieldChanges, type AuditAuthor } from '../audit/audit-author';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { rolesMisfitting } from '../users/role-organization-rules';
import type { Role } from '../users/role';
import { PREFIX_ATTEMPTS, prefixCandidate } from './case-number-prefix-rules';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { OrganizationQueryDto } from './dto/organization-query.dto';
import { OrganizationResponseDto, toOrganizationResponse } from './dto/organization-response.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import type { OrganizationKind } from './organization-kind';
import { OrganizationEntity } from './organization.entity';
import { OrganizationError } from './organization.errors';

export interface NewOrganization {
  name: string;
  kind: OrganizationKind;
  region: string;
  caseNumberPrefix?: string;
}

const PREFIX_CONSTRAINT = 'uq_organizations_case_number_prefix';

function isPrefixConflict(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === PREFIX_CONSTRAINT;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateOrganizationDto, author: AuditAuthor): Promise<OrganizationResponseDto> {
    return this.dataSource.transaction(async (tx) => toOrganizationResponse(await this.createIn(tx, dto, author)));
  }

  async list(query: OrganizationQueryDto): Promise<OrganizationResponseDto[]> {
    const rows = await this.dataSource.getRepository(OrganizationEntity).find({
      where: query.kind ? { kind: query.kind } : {},
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map(toOrganizationResponse);
  }

  async get(id: string): Promise<OrganizationResponseDto> {
    return toOrganizationResponse(await this.findOrFail(this.dataSource.manager, id));
  }

  async update(id: string, dto: UpdateOrganizationDto, author: AuditAuthor): Promise<OrganizationResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      // FOR UPDATE: a user being added to this organization holds FOR SHARE, so the kind check below sees them.
      const current = await this.findOrFail(tx, id, 'pessimistic_write');
      if (dto.kind !== undefined && dto.kind !== current.kind) await this.assertKindFitsUsers(tx, id, dto.kind);
      const changes: Partial<OrganizationEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.region !== undefined) changes.region = dto.region;
      if (dto.kind !== undefined) changes.kind = dto.kind;
      if (dto.caseNumberPrefix !== undefined) changes.caseNumberPrefix = dto.caseNumberPrefix;
      if (Object.keys(changes).length === 0) return toOrganizationResponse(current);
      try {
        await tx.createQueryBuilder().update(OrganizationEntity).set(changes).where('id = :id', { id }).execute();
      } catch (error) {
        if (isPrefixConflict(error)) throw OrganizationError.prefixTaken(dto.caseNumberPrefix!);
        throw error;
      }
      const updated = await this.findOrFail(tx, id);
      await this.record(tx, author, 'ORGANIZATION_UPDATED', updated, { changes: fieldChanges(current, updated, ['name', 'region', 'kind', 'caseNumberPrefix']) });
      return toOrganizationResponse(updated);
    });
  }

  /** Creates an organization inside the caller's transaction; a missing prefix is generated and retried until free. */
  async createIn(tx: EntityManager, input: NewOrganization, author: AuditAuthor): Promise<OrganizationEntity> {
    const created = await this.insertWithFreePrefix(tx, input);
    await this.record(tx, author, 'ORGANIZATION_CREATED', created, { name: created.name, kind: created.kind, region: created.region });
    return created;
  }

  private async insertWithFreePrefix(tx: EntityManager, input: NewOrganization): Promise<OrganizationEntity> {
    if (input.caseNumberPrefix !== undefined) {
      const row = await this.insertUnlessPrefixTaken(tx, input, input.caseNumberPrefix);
      if (!row) throw OrganizationError.prefixTaken(input.caseNumberPrefix);
      return row;
    }
    for (let attempt = 0; attempt < PREFIX_ATTEMPTS; attempt++) {
      const row = await this.insertUnlessPrefixTaken(tx, input, prefixCandidate(input.kind, attempt, randomInt));
      if (row) return row;
    }
    throw new Error(`No free case number prefix found in ${PREFIX_ATTEMPTS} attempts`);
  }

  /** One DIRECTORY row in the organization's own chain, in the change's transaction. */
  private async record(tx: EntityManager, author: AuditAuthor, action: string, organization: OrganizationEntity, details: Record<string, unknown>): Promise<void> {
    await this.audit.append(tx, {
      actor: author.actor,
      orgId: organization.id,
      category: 'DIRECTORY',
      action,
      requestId: author.requestId,
      payload: { organizationId: organization.id, caseNumberPrefix: organization.caseNumberPrefix, ...details },
    });
  }

  /**
   * Loads an organization; `pessimistic_read` (FOR SHARE) keeps its kind fixed until the caller's transaction ends,
   * which is what placing a user in it needs.
   */
  async findOrFail(tx: EntityManager, id: string, lock?: 'pessimistic_read' | 'pessimistic_write'): Promise<OrganizationEntity> {
    const row = await tx.getRepository(OrganizationEntity).findOne({ where: { id }, ...(lock ? { lock: { mode: lock } } : {}) });
    if (!row) throw OrganizationError.notFound(id);
    return row;
  }

  async firstOfKind(tx: EntityManager, kind: OrganizationKind): Promise<OrganizationEntity | null> {
    return tx.getRepository(OrganizationEntity).findOne({ where: { kind }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async count(tx: EntityManager): Promise<number> {
    return tx.getRepository(OrganizationEntity).count();
  }

  // ON CONFLICT DO NOTHING rather than catching the violation: a failed statement would abort the transaction and
  // end the retry loop of a generated prefix.
  private async insertUnlessPrefixTaken(tx: EntityManager, input: NewOrganization, prefix: string): Promise<OrganizationEntity | undefined> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(OrganizationEntity)
      .values({ name: input.name, kind: input.kind, region: input.region, caseNumberPrefix: prefix })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [inserted] = result.raw as { id: string }[];
    return inserted ? this.findOrFail(tx, inserted.id) : undefined;
  }

  private async assertKindFitsUsers(tx: EntityManager, id: string, kind: OrganizationKind): Promise<void> {
    const rows = await tx
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .select('DISTINCT user.role', 'role')
      .where('user.organizationId = :id', { id })
      .getRawMany<{ role: Role }>();
    const misfits = rolesMisfitting(rows.map((r) => r.role), kind);
    if (misfits.length > 0) throw OrganizationError.kindChangeStrandsUsers(kind, misfits);
  }
}
