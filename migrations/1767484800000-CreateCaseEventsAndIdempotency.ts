import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every applied case event (one row per version step, so `version - 1` events exist for a case) and the idempotency
 * keys that make a retried command replay its first answer instead of applying twice.
 */
export class CreateCaseEventsAndIdempotency1767484800000 implements MigrationInterface {
  name = 'CreateCaseEventsAndIdempotency1767484800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_events (
        id bigserial NOT NULL,
        case_id uuid NOT NULL,
        version integer NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        actor_user_id uuid,
        actor_role text NOT NULL,
        request_id text,
        at timestamptz NOT NULL,
        CONSTRAINT pk_case_events PRIMARY KEY (id),
        CONSTRAINT fk_case_events_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        CONSTRAINT fk_case_events_actor FOREIGN KEY (actor_user_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT uq_case_events_case_version UNIQUE (case_id, version),
        CONSTRAINT chk_case_events_version CHECK (version >= 2),
        CONSTRAINT chk_case_events_type CHECK (type ~ '^[A-Z][A-Z_]*$')
      )`);

    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        scope text NOT NULL,
        request_hash char(64) NOT NULL,
        status_code integer,
        -- text, not jsonb: a replay must be byte-for-byte the first answer, and jsonb reorders keys.
        response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (user_id, key),
        CONSTRAINT fk_idempotency_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT chk_idempotency_keys_key CHECK (char_length(key) BETWEEN 1 AND 200)
      )`);
    await queryRunner.query('CREATE INDEX ix_idempotency_keys_created_at ON idempotency_keys (created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
    await queryRunner.query('DROP TABLE case_events');
  }
}
