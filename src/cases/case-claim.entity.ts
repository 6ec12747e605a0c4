import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimType } from './machine/case.types';

@Entity('case_claims')
export class CaseClaimEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_claims' })
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('integer')
  position: number;

  @Column('text')
  type: ClaimType;

  /** numeric(14,2) as text: money is never a JS number. */
  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  amount: string | null;

  @Column('text')
  description: string;
}
