import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only, hash-chained audit trail (DOMAIN §7) and the role the application runs as.
 *
 * Triggers refuse UPDATE, DELETE and TRUNCATE on the trail for everybody, the owner included. Beyond that, the
 * application does not connect as the tables' owner when it can avoid it: it switches to `tiaojie_app`, which may
 * only read and append to the trail. Roles are cluster-wide, so the role is created once and never dropped here; a
 * database user without CREATEROLE simply keeps running as itself, still held by the triggers.
 */
export class CreateAuditTrail1767312000000 implements MigrationInterface {
  name = 'CreateAuditTrail1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SEQUENCE audit_entries_seq AS bigint');
    await queryRunner.query(`
      CREATE TABLE audit_entries (
        seq bigint NOT NULL,
        chain_id text NOT NULL,
        chain_seq integer NOT NULL,
        at timestamptz NOT NULL,
        actor_user_id uuid,
        actor_role text NOT NULL,
        org_id uuid,
        case_id uuid,
        category text NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        case_version integer,
        request_id text,
        payload jsonb,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT pk_audit_entries PRIMARY KEY (seq),
        CONSTRAINT uq_audit_entries_chain_seq UNIQUE (chain_id, chain_seq),
        CONSTRAINT chk_audit_entries_chain_seq CHECK (chain_seq >= 1),
        CONSTRAINT chk_audit_entries_action CHECK (action ~ '^[A-Z][A-Z0-9_]*$'),
        CONSTRAINT chk_audit_entries_at_millis CHECK (date_trunc('milliseconds', at) = at)
      )`);
    await queryRunner.query('CREATE INDEX ix_audit_entries_case ON audit_entries (case_id, seq) WHERE case_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX ix_audit_entries_org_at ON audit_entries (org_id, at)');
    await queryRunner.query('CREATE INDEX ix_audit_entries_actor_at ON audit_entries (actor_user_id, at)');
    await queryRunner.query('CREATE INDEX ix_audit_entries_at ON audit_entries (at)');

    // One row per chain: an append locks only its own chain's head, so unrelated cases never wait on each other.
    await queryRunner.query(`
      CREATE TABLE audit_chain_heads (
        chain_id text NOT NULL,
        last_chain_seq integer NOT NULL,
        last_hash char(64) NOT NULL,
        CONSTRAINT pk_audit_chain_heads PRIMARY KEY (chain_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE audit_checkpoints (
        cp_seq bigint NOT NULL,
        at timestamptz NOT NULL,
        heads jsonb NOT NULL,
        prev_cp_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT pk_audit_checkpoints PRIMARY KEY (cp_seq)
      )`);

    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['audit_entries', 'audit_checkpoints']) {
      await queryRunner.query(`CREATE TRIGGER trg_${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await queryRunner.query(`CREATE TRIGGER trg_${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }

    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
          BEGIN
            CREATE ROLE tiaojie_app NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
          EXECUTE format('GRANT tiaojie_app TO %I', current_user);
          GRANT USAGE ON SCHEMA public TO tiaojie_app;
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tiaojie_app;
          GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tiaojie_app;
          REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries, audit_checkpoints FROM tiaojie_app;
          REVOKE ALL ON schema_migrations FROM tiaojie_app;
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tiaojie_app', current_user);
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tiaojie_app', current_user);
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tiaojie_app') THEN
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public REVOKE ALL ON TABLES FROM tiaojie_app', current_user);
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public REVOKE ALL ON SEQUENCES FROM tiaojie_app', current_user);
          REVOKE ALL ON ALL TABLES IN SCHEMA public FROM tiaojie_app;
          REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM tiaojie_app;
          REVOKE USAGE ON SCHEMA public FROM tiaojie_app;
        END IF;
      END
      $$`);
    await queryRunner.query('DROP TABLE audit_checkpoints');
    await queryRunner.query('DROP TABLE audit_chain_heads');
    await queryRunner.query('DROP TABLE audit_entries');
    await queryRunner.query('DROP FUNCTION audit_refuse_change()');
    await queryRunner.query('DROP SEQUENCE audit_entries_seq');
  }
}
