import { MigrationInterface, QueryRunner } from 'typeorm';

const ALERT_KINDS = ['RISK_LEVEL', 'DEADLINE_WARNING', 'DEADLINE_MISSED', 'LIMITATION_WATCH', 'SENSITIVE_PERIOD'];
const LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];
const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];
const DEADLINE_KINDS = [
  'ACCEPTANCE_DECISION',
  'RESPONDENT_CONSENT',
  'MEDIATION_PERIOD',
  'JUDICIAL_CONFIRMATION_WINDOW',
  'COURT_DECISION',
  'PAYMENT_DUE',
  'ARBITRATION_LIMITATION',
];

// Frozen with the migration, like the vocabularies of CreateCases: a new kind is a new migration.
const list = (values: readonly string[]): string => values.map((value) => `'${value}'`).join(', ');

/**
 * Alerts on cases (DOMAIN §5 "Alerts"). The database, not only the code, keeps them unique: two instances raising
 * the same alert at once meet on a unique index, and `INSERT … ON CONFLICT DO NOTHING` lets exactly one of them in.
 * Alerts are never deleted; their lifecycle is OPEN → ACKNOWLEDGED → RESOLVED, each step in the audit trail.
 */
export class CreateAlerts1767571200000 implements MigrationInterface {
  name = 'CreateAlerts1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // window_id names a sensitive period; that table comes from a later migration, so it has no foreign key here.
    await queryRunner.query(`
      CREATE TABLE alerts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        case_id uuid NOT NULL,
        kind text NOT NULL,
        level text NOT NULL,
        scope_ref text NOT NULL,
        window_id uuid,
        deadline_id uuid,
        deadline_kind text,
        message text NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        due_by timestamptz,
        status text NOT NULL DEFAULT 'OPEN',
        escalated boolean NOT NULL DEFAULT false,
        escalated_at timestamptz,
        resolution_note text,
        raised_at timestamptz NOT NULL,
        level_raised_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by uuid,
        resolved_at timestamptz,
        resolved_by uuid,
        CONSTRAINT pk_alerts PRIMARY KEY (id),
        CONSTRAINT fk_alerts_organization FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE RESTRICT,
        CONSTRAINT fk_alerts_case FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
        CONSTRAINT fk_alerts_deadline FOREIGN KEY (deadline_id) REFERENCES deadlines (id) ON DELETE RESTRICT,
        CONSTRAINT fk_alerts_acknowledged_by FOREIGN KEY (acknowledged_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT fk_alerts_resolved_by FOREIGN KEY (resolved_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT chk_alerts_kind CHECK (kind IN (${list(ALERT_KINDS)})),
        CONSTRAINT chk_alerts_level CHECK (level IN (${list(LEVELS)})),
        CONSTRAINT chk_alerts_status CHECK (status IN (${list(STATUSES)})),
        CONSTRAINT chk_alerts_deadline_kind CHECK (deadline_kind IN (${list(DEADLINE_KINDS)})),
        -- The kind of the deadline an alert is about is copied from that deadline, so it exists exactly with it.
        CONSTRAINT chk_alerts_deadline_pair CHECK ((deadline_id IS NULL) = (deadline_kind IS NULL)),
        -- DOMAIN §5 "When alerts open": a risk alert starts at YELLOW.
        CONSTRAINT chk_alerts_risk_level_min CHECK (kind <> 'RISK_LEVEL' OR level <> 'BLUE'),
        -- The scopeRef table of DOMAIN §5: the uniqueness below is only as good as every writer spelling it alike.
        CONSTRAINT chk_alerts_scope_ref CHECK (
          (kind = 'RISK_LEVEL' AND scope_ref = 'risk')
          OR (kind = 'DEADLINE_WARNING' AND deadline_id IS NOT NULL AND scope_ref ~ ('^' || deadline_id::text || ':[0-9]+$'))
          OR (kind = 'DEADLINE_MISSED' AND deadline_id IS NOT NULL AND scope_ref = deadline_id::text)
          OR (kind = 'SENSITIVE_PERIOD' AND window_id IS NOT NULL AND scope_ref = window_id::text)
          OR (kind = 'LIMITATION_WATCH' AND scope_ref ~ '^limitation:[0-9]{4}-[0-9]{2}-[0-9]{2}$')
        ),
        CONSTRAINT chk_alerts_message CHECK (char_length(message) BETWEEN 1 AND 2000),
        CONSTRAINT chk_alerts_reasons CHECK (jsonb_typeof(reasons) = 'array'),
        CONSTRAINT chk_alerts_acknowledged CHECK ((status = 'OPEN') = (acknowledged_at IS NULL) AND (acknowledged_by IS NULL OR acknowledged_at IS NOT NULL)),
        CONSTRAINT chk_alerts_resolved CHECK (
          (status = 'RESOLVED') = (resolved_at IS NOT NULL)
          AND (status = 'RESOLVED') = (resolution_note IS NOT NULL)
          AND (resolved_by IS NULL OR resolved_at IS NOT NULL)
        ),
        CONSTRAINT chk_alerts_resolution_note CHECK (char_length(resolution_note) BETWEEN 1 AND 500),
        -- Only a RED alert left OPEN is escalated (DOMAIN §5 "Escalation").
        CONSTRAINT chk_alerts_escalated CHECK (escalated = (escalated_at IS NOT NULL) AND (NOT escalated OR level = 'RED'))
      )`);

    // DOMAIN §5 "No duplicates": (case, kind, scopeRef) for every kind but RISK_LEVEL, which is unique only among the
    // unresolved ones, so that a resolved risk alert can be followed by a new one at a higher level.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_alerts_case_kind_scope ON alerts (case_id, kind, scope_ref) WHERE kind <> 'RISK_LEVEL'`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_alerts_case_open_risk ON alerts (case_id) WHERE kind = 'RISK_LEVEL' AND status <> 'RESOLVED'`);

    // The list is newest first, within an organization (supervisors) or a case (mediators and liaisons go through cases).
    await queryRunner.query('CREATE INDEX ix_alerts_org_raised_at ON alerts (organization_id, raised_at DESC)');
    await queryRunner.query('CREATE INDEX ix_alerts_org_status_raised_at ON alerts (organization_id, status, raised_at DESC)');
    await queryRunner.query('CREATE INDEX ix_alerts_org_level_raised_at ON alerts (organization_id, level, raised_at DESC)');
    await queryRunner.query('CREATE INDEX ix_alerts_case_raised_at ON alerts (case_id, raised_at DESC)');
    await queryRunner.query('CREATE INDEX ix_alerts_deadline ON alerts (deadline_id) WHERE deadline_id IS NOT NULL');

    // The table is covered by the default privileges CreateAuditTrail gave tiaojie_app; alerts are never deleted,
    // so the application role loses that one.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tiaojie_app') THEN
          REVOKE DELETE, TRUNCATE ON alerts FROM tiaojie_app;
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE alerts');
  }
}
