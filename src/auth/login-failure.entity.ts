import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed sign-in, counted per username and per client address over a sliding window. */
@Entity('login_failures')
@Index('ix_login_failures_username_at', ['username', 'at'])
@Index('ix_login_failures_client_ip_at', ['clientIp', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_login_failures' })
  id: string;

  @Column('text')
  username: string;

  @Column('text')
  clientIp: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
