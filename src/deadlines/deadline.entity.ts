import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineKind, DeadlineStatus, DeadlineUnit } from '../cases/machine/case.types';

/**
 * One deadline row: the projection of a DeadlineEntry of the case's machine context, keyed by (case_id, key). The id
 * stays stable across upserts, so durable timers and DEADLINE_EXPIRED can name it.
 */
@Entity('deadlines')
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_deadlines' })
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('text')
  key: string;

  /** The entry's index in context.deadlines, so rows list in the order the machine opened them. */
  @Column('integer')
  position: number;

  @Column('text')
  kind: DeadlineKind;

  @Column('date')
  startsOn: string;

  @Column('integer')
  days: number;

  @Column('text')
  unit: DeadlineUnit;

  @Column('integer')
  pausedDays: number;

  @Column('date', { nullable: true })
  pausedSince: string | null;

  @Column('date')
  dueOn: string;

  @Column('text')
  status: DeadlineStatus;

  @Column('boolean')
  calendarVerified: boolean;

  @Column('text')
  basis: string;

  @Column('integer', { nullable: true })
  instalmentNo: number | null;

  @Column('text', { nullable: true })
  supersedes: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
