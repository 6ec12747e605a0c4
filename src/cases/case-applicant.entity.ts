import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EmploymentRelation } from './machine/case.types';
import type { ApplicantIdType } from './case-vocabulary';

/** One applicant of a case; the ID number and phone are AES-GCM ciphertexts beside their HMAC blind indexes. */
@Entity('case_applicants')
export class CaseApplicantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_applicants' })
  id: string;

  @Column('uuid')
  caseId: string;

  /** The applicant's index in the intake request: `applicants[position]` in reveal paths. */
  @Column('integer')
  position: number;

  @Column('text')
  name: string;

  @Column('text')
  idType: ApplicantIdType;

  @Column('text')
  idNumberEnc: string;

  @Column('text')
  idNumberIndex: string;

  @Column('text')
  phoneEnc: string;

  @Column('text')
  phoneIndex: string;

  @Column('text')
  employmentRelation: EmploymentRelation;

  @Column('date', { nullable: true })
  employmentEndedOn: string | null;

  @Column('boolean')
  migrantWorker: boolean;

  @Column('boolean')
  isRepresentative: boolean;
}
