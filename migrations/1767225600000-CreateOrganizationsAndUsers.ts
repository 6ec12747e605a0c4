import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory: organizations (the union's mediation studio, the referring courts), their users, and the failed
 * sign-ins that throttling counts. Role and organization kind must agree (a court liaison sits in a court, everybody
 * else in the union); the services check it, and the triggers keep it true under concurrent writes as well.
 */
export class CreateOrganizationsAndUsers1767225600000 implements MigrationInterface {
  name = 'CreateOrganizationsAndUsers1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        region text NOT NULL,
        case_number_prefix text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organizations PRIMARY KEY (id),
        CONSTRAINT uq_organizations_case_number_prefix UNIQUE (case_number_prefix),
        CONSTRAINT chk_organizations_kind CHECK (kind IN ('UNION', 'COURT')),
        CONSTRAINT chk_organizations_name CHECK (name = btrim(name) AND char_length(name) BETWEEN 1 AND 100),
        CONSTRAINT chk_organizations_region CHECK (region = btrim(region) AND char_length(region) BETWEEN 1 AND 100),
        CONSTRAINT chk_organizations_case_number_prefix CHECK (case_number_prefix ~ '^[A-Z]{2,6}$')
      )`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL,
        organization_id uuid NOT NULL,
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        credentials_changed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT uq_users_username UNIQUE (username),
        CONSTRAINT fk_users_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT chk_users_username CHECK (username = lower(username) AND username ~ '^[a-z][a-z0-9_.-]{2,31}$'),
        CONSTRAINT chk_users_display_name CHECK (display_name = btrim(display_name) AND char_length(display_name) BETWEEN 1 AND 50),
        CONSTRAINT chk_users_role CHECK (role IN ('ADMIN', 'SUPERVISOR', 'MEDIATOR', 'COURT_LIAISON')),
        CONSTRAINT chk_users_password_hash CHECK (password_hash LIKE '$argon2id$%')
      )`);
    await queryRunner.query('CREATE INDEX ix_users_organization ON users (organization_id)');

    // FOR SHARE on the organization row: a concurrent change of its kind waits for this insert, then sees it.
    await queryRunner.query(`
      CREATE FUNCTION users_check_role_fits_organization() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        organization_kind text;
      BEGIN
        SELECT kind INTO organization_kind FROM organizations WHERE id = NEW.organization_id FOR SHARE;
        IF organization_kind IS NOT NULL AND (NEW.role = 'COURT_LIAISON') <> (organization_kind = 'COURT') THEN
          RAISE EXCEPTION 'role % does not fit an organization of kind %', NEW.role, organization_kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_users_role_fits_organization';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_users_role_fits_organization
        BEFORE INSERT OR UPDATE OF role, organization_id ON users
        FOR EACH ROW EXECUTE FUNCTION users_check_role_fits_organization()`);

    await queryRunner.query(`
      CREATE FUNCTION organizations_check_kind_fits_users() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM users WHERE organization_id = NEW.id AND (role = 'COURT_LIAISON') <> (NEW.kind = 'COURT')) THEN
          RAISE EXCEPTION 'organization % has users whose roles do not fit kind %', NEW.id, NEW.kind
            USING ERRCODE = 'check_violation', CONSTRAINT = 'chk_users_role_fits_organization';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_organizations_kind_fits_users
        BEFORE UPDATE OF kind ON organizations
        FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION organizations_check_kind_fits_users()`);

    // Failures live in PostgreSQL, not in process memory: several instances may serve one database.
    await queryRunner.query(`
      CREATE TABLE login_failures (
        id bigserial NOT NULL,
        username text NOT NULL,
        client_ip text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_login_failures PRIMARY KEY (id)
      )`);
    await queryRunner.query('CREATE INDEX ix_login_failures_username_at ON login_failures (username, at)');
    await queryRunner.query('CREATE INDEX ix_login_failures_client_ip_at ON login_failures (client_ip, at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_failures');
    await queryRunner.query('DROP TRIGGER trg_organizations_kind_fits_users ON organizations');
    await queryRunner.query('DROP FUNCTION organizations_check_kind_fits_users()');
    await queryRunner.query('DROP TRIGGER trg_users_role_fits_organization ON users');
    await queryRunner.query('DROP FUNCTION users_check_role_fits_organization()');
    await queryRunner.query('DROP TABLE users');
    await queryRunner.query('DROP TABLE organizations');
  }
}
