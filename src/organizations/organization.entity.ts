import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { OrganizationKind } from './organization-kind';

@Entity('organizations')
@Unique('uq_organizations_case_number_prefix', ['caseNumberPrefix'])
@Check('chk_organizations_kind', `kind IN ('UNION', 'COURT')`)
@Check('chk_organizations_name', 'name = btrim(name) AND char_length(name) BETWEEN 1 AND 100')
@Check('chk_organizations_region', 'region = btrim(region) AND char_length(region) BETWEEN 1 AND 100')
@Check('chk_organizations_case_number_prefix', `case_number_prefix ~ '^[A-Z]{2,6}$'`)
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organizations' })
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: OrganizationKind;

  @Column('text')
  region: string;

  @Column('text')
  caseNumberPrefix: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
