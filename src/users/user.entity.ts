import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { Role } from './role';

@Entity('users')
@Unique('uq_users_username', ['username'])
@Index('ix_users_organization', ['organizationId'])
@Check('chk_users_username', `username = lower(username) AND username ~ '^[a-z][a-z0-9_.-]{2,31}$'`)
@Check('chk_users_display_name', 'display_name = btrim(display_name) AND char_length(display_name) BETWEEN 1 AND 50')
@Check('chk_users_role', `role IN ('ADMIN', 'SUPERVISOR', 'MEDIATOR', 'COURT_LIAISON')`)
@Check('chk_users_password_hash', `password_hash LIKE '$argon2id$%'`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** Always stored lower-case, so the unique key makes usernames unique regardless of case. */
  @Column('text')
  username: string;

  @Column('text')
  displayName: string;

  @Column('text')
  role: Role;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_users_organization' })
  organization?: OrganizationEntity;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('text')
  passwordHash: string;

  /** Tokens issued before this instant are refused: a password change or a deactivation ends every session. */
  @Column('timestamptz')
  credentialsChangedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
