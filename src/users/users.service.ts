import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fieldChanges, type AuditAuthor } from '../audit/audit-author';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock/clock';
import { ForbiddenError } from '../common/errors/domain-error';
import { preparedQuery } from '../database/prepared-query';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserQueryDto } from './dto/user-query.dto';
import { toUserResponse, UserResponseDto } from './dto/user-response.dto';
import { PasswordHasherService } from './password-hasher.service';
import { passwordProblem } from './password-rules';
import { roleFitsOrganization } from './role-organization-rules';
import type { Role } from './role';
import { UserEntity } from './user.entity';
import { UserError } from './user.errors';

/** The signed-in user as the token guard needs them. */
export interface UserSession {
  readonly actor: Actor;
  readonly active: boolean;
  readonly credentialsChangedAt: Date;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  password: string;
}

// Every change that could remove an active administrator takes this lock first: two admins demoting each other at
// once would otherwise each see the other still active and leave nobody able to manage users.
const ADMIN_SET_LOCK = 7_150_211_0001;

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly hasher: PasswordHasherService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateUserDto, author: AuditAuthor): Promise<UserResponseDto> {
    return this.dataSource.transaction(async (tx) => toUserResponse(await this.createIn(tx, dto, author)));
  }

  async list(viewer: Actor, query: UserQueryDto): Promise<UserResponseDto[]> {
    const scope = this.scopeOf(viewer);
    const rows = this.dataSource.getRepository(UserEntity).createQueryBuilder('user').orderBy('user.username', 'ASC');
    if (scope.organizationId !== undefined) rows.andWhere('user.organizationId = :scope', { scope: scope.organizationId });
    if (query.organizationId !== undefined) rows.andWhere('user.organizationId = :organizationId', { organizationId: query.organizationId });
    if (query.role !== undefined) rows.andWhere('user.role = :role', { role: query.role });
    if (query.active !== undefined) rows.andWhere('user.active = :active', { active: query.active });
    return (await rows.getMany()).map(toUserResponse);
  }

  /** A user outside the viewer's organization answers 404, exactly like one that does not exist. */
  async get(viewer: Actor, id: string): Promise<UserResponseDto> {
    const scope = this.scopeOf(viewer);
    const row = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!row || (scope.organizationId !== undefined && row.organizationId !== scope.organizationId)) throw UserError.notFound(id);
    return toUserResponse(row);
  }

  async update(id: string, dto: UpdateUserDto, author: AuditAuthor): Promise<UserResponseDto> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_SET_LOCK]);
      const user = await this.findForUpdate(tx, id);
      const role = dto.role ?? user.role;
      const organizationId = dto.organizationId ?? user.organizationId;
      const active = dto.active ?? user.active;
      if (role !== user.role || organizationId !== user.organizationId) await this.assertRoleFits(tx, role, organizationId);
      if (user.role === 'ADMIN' && user.active && !(role === 'ADMIN' && active)) await this.assertAnotherActiveAdmin(tx, id);
      const changes: Partial<UserEntity> = {};
      if (dto.displayName !== undefined && dto.displayName !== user.displayName) changes.displayName = dto.displayName;
      if (role !== user.role) changes.role = role;
      if (organizationId !== user.organizationId) changes.organizationId = organizationId;
      if (active !== user.active) changes.active = active;
      if (user.active && !active) changes.credentialsChangedAt = this.clock.now();
      if (Object.keys(changes).length === 0) return toUserResponse(user);
      await tx.createQueryBuilder().update(UserEntity).set(changes).where('id = :id', { id }).execute();
      const updated = await this.findOrFail(tx, id);
      const action = changes.active === undefined ? 'USER_UPDATED' : active ? 'USER_ACTIVATED' : 'USER_DEACTIVATED';
      await this.record(tx, author, action, updated, { changes: fieldChanges(user, updated, ['displayName', 'role', 'organizationId', 'active']) });
      return toUserResponse(updated);
    });
  }

  /** Deactivating ends the user's sessions at once; reactivating does not bring the old ones back. */
  async setActive(id: string, active: boolean, author: AuditAuthor): Promise<UserResponseDto> {
    return this.update(id, { active }, author);
  }

  async resetPassword(id: string, newPassword: string, author: AuditAuthor): Promise<UserResponseDto> {
    return toUserResponse(await this.changePassword(id, newPassword, author));
  }

  /**
   * Sets a new password and ends every session of the user, the caller's own included. Audited as a reset when an
   * administrator sets it, a change when the user does; the password itself is never in the trail.
   */
  async changePassword(id: string, newPassword: string, author: AuditAuthor): Promise<UserEntity> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.findForUpdate(tx, id);
      this.assertPasswordAcceptable(newPassword, user.username);
      const passwordHash = await this.hasher.hash(newPassword);
      await tx.createQueryBuilder().update(UserEntity).set({ passwordHash, credentialsChangedAt: this.clock.now() }).where('id = :id', { id }).execute();
      await this.record(tx, author, author.actor.userId === id ? 'USER_PASSWORD_CHANGED' : 'USER_PASSWORD_RESET', user, {});
      return this.findOrFail(tx, id);
    });
  }

  /** Creates a user inside the caller's transaction: the HTTP command and the first-start tasks share it. */
  async createIn(tx: EntityManager, input: NewUser, author: AuditAuthor): Promise<UserEntity> {
    await this.assertRoleFits(tx, input.role, input.organizationId);
    if (await tx.getRepository(UserEntity).existsBy({ username: input.username })) throw UserError.usernameTaken(input.username);
    this.assertPasswordAcceptable(input.password, input.username);
    const passwordHash = await this.hasher.hash(input.password);
    // ON CONFLICT DO NOTHING: a concurrent insert of the same name still answers 409, not a failed statement.
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        organizationId: input.organizationId,
        passwordHash,
        credentialsChangedAt: this.clock.now(),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [inserted] = result.raw as { id: string }[];
    if (!inserted) throw UserError.usernameTaken(input.username);
    const created = await this.findOrFail(tx, inserted.id);
    await this.record(tx, author, 'USER_CREATED', created, { displayName: created.displayName, role: created.role, active: created.active });
    return created;
  }

  /** One DIRECTORY row in the chain of the user's organization (after the change), in the change's transaction. */
  private async record(tx: EntityManager, author: AuditAuthor, action: string, user: UserEntity, details: Record<string, unknown>): Promise<void> {
    await this.audit.append(tx, {
      actor: author.actor,
      orgId: user.organizationId,
      category: 'DIRECTORY',
      action,
      requestId: author.requestId,
      payload: { userId: user.id, username: user.username, organizationId: user.organizationId, ...details },
    });
  }

  findByUsername(username: string, tx: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return tx.getRepository(UserEntity).findOneBy({ username: username.toLowerCase() });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /**
   * What the token guard checks on every request, in plain SQL: the guard runs before every route, and building the
   * same read through the ORM cost more CPU than the rest of a case read.
   */
  async sessionOf(id: string): Promise<UserSession | null> {
    const [row] = await preparedQuery<(Actor & { active: boolean; credentialsChangedAt: Date })[]>(
      this.dataSource.manager,
      `SELECT id, username, display_name AS "displayName", role, organization_id AS "organizationId", active,
              credentials_changed_at AS "credentialsChangedAt"
       FROM users WHERE id = $1`,
      [id],
    );
    if (row === undefined) return null;
    const { active, credentialsChangedAt, ...actor } = row;
    return { actor, active, credentialsChangedAt };
  }

  findByUsernames(tx: EntityManager, usernames: readonly string[]): Promise<UserEntity[]> {
    return tx.getRepository(UserEntity).createQueryBuilder('user').where('user.username IN (:...usernames)', { usernames }).getMany();
  }

  async hasActiveAdmin(tx: EntityManager): Promise<boolean> {
    return tx.getRepository(UserEntity).existsBy({ role: 'ADMIN', active: true });
  }

  private scopeOf(viewer: Actor): { organizationId?: string } {
    if (viewer.role === 'ADMIN') return {};
    if (viewer.role === 'SUPERVISOR') return { organizationId: viewer.organizationId };
    throw new ForbiddenError('Only administrators and supervisors may look up users.');
  }

  private assertPasswordAcceptable(password: string, username: string): void {
    const problem = passwordProblem(password, username);
    if (problem) throw UserError.weakPassword(problem);
  }

  private async assertRoleFits(tx: EntityManager, role: Role, organizationId: string): Promise<void> {
    // FOR SHARE: the organization's kind cannot change until this transaction ends (see OrganizationsService.update).
    const organization = await this.organizations.findOrFail(tx, organizationId, 'pessimistic_read');
    if (!roleFitsOrganization(role, organization.kind)) throw UserError.roleOrganizationMismatch(role, organization.kind);
  }

  private async assertAnotherActiveAdmin(tx: EntityManager, id: string): Promise<void> {
    const others = await tx
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.role = :role AND user.active AND user.id <> :id', { role: 'ADMIN', id })
      .getCount();
    if (others === 0) throw UserError.lastActiveAdmin();
  }

  private async findForUpdate(tx: EntityManager, id: string): Promise<UserEntity> {
    const row = await tx.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw UserError.notFound(id);
    return row;
  }

  private async findOrFail(tx: EntityManager, id: string): Promise<UserEntity> {
    const row = await tx.getRepository(UserEntity).findOneBy({ id });
    if (!row) throw UserError.notFound(id);
    return row;
  }
}
