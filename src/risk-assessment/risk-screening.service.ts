import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { riskAlertDecision } from '../alerts/alert-rules';
import { AlertsService, type RaiseAlertInput } from '../alerts/alerts.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { addDays, type LegalDate } from '../calendar/legal-date';
import type { RiskLevel } from '../cases/case-vocabulary';
import { Clock } from '../common/clock/clock';
import { DistinctJson } from '../common/json/distinct-json';
import { assessRisk, type RiskAssessment } from '../risk/risk-engine';
import { maxLevel, RISK_LEVEL_ORDER } from '../risk/risk-level';
import { appliesToOrg, windowsAt, type SensitivePeriod } from '../risk/sensitive-periods';
import { LIMITATION_WATCH_DAYS, expiresAt } from '../deadlines/deadline-timers';
import { CaseRiskService } from './case-risk.service';
import { riskAlertInput } from './risk-alert-input';
import { caseRiskRows, storedRiskDiffers, type CaseRiskRow } from './risk-facts.query';
import { RISK_LEVEL_LABELS } from './risk-labels';
import { compareLedgerRows, insertLedger, type ScreenedCase } from './screening-ledger';

export type ScreeningTrigger = 'SCHEDULED' | 'ON_DEMAND';

export interface ScreeningWindow {
  id: string;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  phase: 'inLead' | 'inPeriod';
}

export interface ScreeningRecord {
  id: string;
  organizationId: string;
  asOf: string;
  trigger: ScreeningTrigger;
  by: { id: string; displayName: string } | null;
  windows: ScreeningWindow[];
  ruleSetVersion: number;
  casesScreened: number;
  counts: Record<RiskLevel, number>;
  alertsRaised: number;
  createdAt: string;
  cases: ScreenedCase[];
}

interface ExistingAlerts {
  riskOpen: Map<string, RiskLevel>;
  riskResolvedMax: Map<string, RiskLevel>;
  scoped: Set<string>;
}

const SCREENED_CLOSED_STATES = ['closed.failed', 'closed.rejected', 'closed.withdrawn'];

/**
 * Screens every open case of one organization as of a date (DOMAIN §5 "Screenings"): one read of all their facts,
 * the pure engine in memory, one write of the stored levels and one of the ledger. Alerts open idempotently, and
 * only those not already open are even attempted, so a daily re-run over an unchanged city costs little.
 */
@Injectable()
export class RiskScreeningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly risk: CaseRiskService,
    private readonly alerts: AlertsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** null when a scheduled screening of that organization and date exists already (another instance ran it). */
  async screen(organizationId: string, asOf: LegalDate, trigger: ScreeningTrigger, actor: Actor | null, requestId: string | null): Promise<ScreeningRecord | null> {
    return this.dataSource.transaction(async (tx) => {
      if (trigger === 'SCHEDULED') {
        // Taken first, so a second instance waits here and then finds the day done instead of screening twice.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`screening:${organizationId}:${asOf}`]);
        const done = (await tx.query(`SELECT 1 FROM risk_screenings WHERE organization_id = $1 AND as_of = $2 AND trigger = 'SCHEDULED'`, [organizationId, asOf])) as unknown[];
        if (done.length > 0) return null;
      }
      const policy = await this.risk.policyFor(tx);
      const today = this.risk.today();
      const rows = await caseRiskRows(tx, `c.organization_id = $1 AND c.state NOT LIKE 'closed.%'`, [organizationId]);
      const existing = await this.existingAlerts(tx, organizationId);
      const periods = policy.periods.filter((period) => appliesToOrg(period, organizationId));
      const windows = windowsAt(periods, asOf);
      const screeningWindows = windows.map(({ period, phase }) => ({ id: period.id, name: period.name, kind: period.kind, startsOn: period.startsOn, endsOn: period.endsOn, phase }));
      const names = await this.displayNames(tx, [...rows.map((row) => row.assignedMediatorId), actor?.id ?? null]);

      const screened: ScreenedCase[] = [];
      const counts: Record<RiskLevel, number> = { BLUE: 0, YELLOW: 0, ORANGE: 0, RED: 0 };
      const stored: { row: CaseRiskRow; assessment: RiskAssessment }[] = [];
      const raises: RaiseAlertInput[] = [];
      // Only the periods open on the day can change a level, and a city is many cases: work out which once, not per case.
      const asOfPeriods = windows.map((window) => window.period);
      const todayPeriods = windowsAt(periods, today).map((window) => window.period);
      for (const row of rows) {
        const atAsOf = assessRisk(row.facts, asOf, asOfPeriods, policy.ruleSet);
        const atToday = asOf === today ? atAsOf : assessRisk(row.facts, today, todayPeriods, policy.ruleSet);
        counts[atAsOf.level] += 1;
        const mediator = row.assignedMediatorId === null ? null : { id: row.assignedMediatorId, displayName: names.get(row.assignedMediatorId) ?? '' };
        screened.push({ caseId: row.caseId, caseNumber: row.caseNumber, state: row.facts.state, mediator, level: atAsOf.level, baseLevel: atAsOf.baseLevel, reasons: atAsOf.reasons });
        stored.push({ row, assessment: atToday });
        raises.push(...riskAlertRaise(row, atToday, existing), ...periodAlertRaises(row, atAsOf, asOfPeriods, existing));
      }
      raises.push(...(await this.limitationWatchRaises(tx, organizationId, asOf, existing)));
      screened.sort(compareLedgerRows);

      // The record comes before the alerts so that the digests telling people of them can name it.
      const { id, createdAt } = await this.insertRecord(tx, {
        organizationId,
        asOf,
        trigger,
        actor,
        windows: screeningWindows,
        ruleSetVersion: policy.ruleSet.version,
        counts,
        cases: screened,
      });
      // The first screening in a sensitive period opens an alert on nearly every case: one batch, not one raise each.
      const outcomes = await this.alerts.raiseMany(tx, raises, { id, organizationId, asOf });
      const alertsRaised = outcomes.filter((result) => result.outcome !== 'UNCHANGED').length;
      await tx.query('UPDATE risk_screenings SET alerts_raised = $2 WHERE id = $1', [id, alertsRaised]);
      await this.storeLevels(tx, stored);
      // What GET /api/risk-screenings/:id would read back, built from what is at hand: reading 100,000 ledger rows
      // back cost seconds.
      const record: ScreeningRecord = {
        id,
        organizationId,
        asOf,
        trigger,
        by: actor === null ? null : { id: actor.id, displayName: names.get(actor.id) ?? '' },
        windows: screeningWindows,
        ruleSetVersion: policy.ruleSet.version,
        casesScreened: screened.length,
        counts,
        alertsRaised,
        createdAt: createdAt.toISOString(),
        cases: screened,
      };
      await this.audit.append(tx, {
        actor: actor ? { userId: actor.id, role: actor.role } : { userId: null, role: 'SYSTEM' },
        orgId: organizationId,
        category: 'SYSTEM',
        action: 'RISK_SCREENING_RUN',
        requestId,
        payload: { screeningId: record.id, asOf, trigger, casesScreened: record.casesScreened, counts, alertsRaised, ruleSetVersion: record.ruleSetVersion },
      });
      return record;
    });
  }

  private async existingAlerts(tx: EntityManager, organizationId: string): Promise<ExistingAlerts> {
    const rows = (await tx.query(
      `SELECT case_id, kind, scope_ref, level, status FROM alerts
       WHERE organization_id = $1 AND kind IN ('RISK_LEVEL', 'SENSITIVE_PERIOD', 'LIMITATION_WATCH')`,
      [organizationId],
    )) as { case_id: string; kind: string; scope_ref: string; level: RiskLevel; status: string }[];
    const existing: ExistingAlerts = { riskOpen: new Map(), riskResolvedMax: new Map(), scoped: new Set() };
    for (const row of rows) {
      if (row.kind !== 'RISK_LEVEL') existing.scoped.add(`${row.case_id}|${row.kind}|${row.scope_ref}`);
      else if (row.status !== 'RESOLVED') existing.riskOpen.set(row.case_id, row.level);
      else existing.riskResolvedMax.set(row.case_id, maxLevel([existing.riskResolvedMax.get(row.case_id) ?? row.level, row.level]));
    }
    return existing;
  }

  /** Closed failed, rejected or withdrawn: the worker may still arbitrate, so only the limitation is watched. */
  private async limitationWatchRaises(tx: EntityManager, organizationId: string, asOf: LegalDate, existing: ExistingAlerts): Promise<RaiseAlertInput[]> {
    const rows = (await tx.query(
      `SELECT d.id, d.case_id, d.due_on::text AS due_on, c.case_number FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE c.organization_id = $1 AND c.state = ANY($2) AND d.kind = 'ARBITRATION_LIMITATION' AND d.status = 'PENDING'
         AND d.due_on >= $3::date AND d.due_on <= $3::date + $4::int`,
      [organizationId, SCREENED_CLOSED_STATES, asOf, LIMITATION_WATCH_DAYS],
    )) as { id: string; case_id: string; due_on: string; case_number: string }[];
    return rows
      .filter((row) => !existing.scoped.has(`${row.case_id}|LIMITATION_WATCH|limitation:${row.due_on}`))
      .map((row) => ({
        organizationId,
        caseId: row.case_id,
        kind: 'LIMITATION_WATCH',
        level: 'YELLOW',
        scopeRef: `limitation:${row.due_on}`,
        deadlineId: row.id,
        deadlineKind: 'ARBITRATION_LIMITATION',
        message: `${row.case_number} 劳动仲裁时效将于 ${row.due_on} 届满，请提示劳动者及时申请仲裁`,
        reasons: [],
        dueBy: expiresAt(row.due_on),
      }));
  }

  private async storeLevels(tx: EntityManager, stored: { row: CaseRiskRow; assessment: RiskAssessment }[]): Promise<void> {
    const changed = stored.filter(({ row, assessment }) => storedRiskDiffers(row, assessment));
    if (changed.length === 0) return;
    // The first screening in a period changes nearly every case, and they share a few reason lists: as a jsonb[] of
    // 100,000 texts, binding the parameters alone took 2.7 s.
    const reasons = new DistinctJson();
    await tx.query(
      `UPDATE cases c SET risk_level = v.level, risk_reasons = $4::jsonb -> v.reasons
       FROM unnest($1::uuid[], $2::text[], $3::int[]) AS v(id, level, reasons) WHERE c.id = v.id`,
      [
        changed.map((c) => c.row.caseId),
        changed.map((c) => c.assessment.level),
        changed.map((c) => reasons.positionOf(JSON.stringify(c.assessment.reasons))),
        reasons.jsonArray(),
      ],
    );
  }

  /** The display names of `userIds` (nulls skipped), read once for the whole ledger rather than joined row by row. */
  private async displayNames(tx: EntityManager, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id) => id !== null))];
    const rows = (await tx.query('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [ids])) as { id: string; display_name: string }[];
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  private async insertRecord(
    tx: EntityManager,
    input: { organizationId: string; asOf: LegalDate; trigger: ScreeningTrigger; actor: Actor | null; windows: ScreeningWindow[]; ruleSetVersion: number; counts: Record<RiskLevel, number>; cases: ScreenedCase[] },
  ): Promise<{ id: string; createdAt: Date }> {
    const createdAt = this.clock.now();
    // alerts_raised is written once the alerts, raised after the record exists, are counted.
    const [{ id }] = (await tx.query(
      `INSERT INTO risk_screenings (organization_id, as_of, trigger, run_by, windows, rule_set_version, cases_screened, counts, alerts_raised, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9) RETURNING id`,
      [input.organizationId, input.asOf, input.trigger, input.actor?.id ?? null, JSON.stringify(input.windows), input.ruleSetVersion, input.cases.length, JSON.stringify(input.counts), createdAt],
    )) as { id: string }[];
    await insertLedger(tx, id, input.cases);
    return { id, createdAt };
  }

  /** The record without its ledger (readLedger and readLedgerPage read that). */
  async findRecord(manager: EntityManager, id: string): Promise<Omit<ScreeningRecord, 'cases'> | null> {
    const [row] = (await manager.query(
      `SELECT s.id, s.organization_id AS "organizationId", s.as_of::text AS "asOf", s.trigger, s.run_by, u.display_name AS run_by_name,
              s.windows, s.rule_set_version AS "ruleSetVersion", s.cases_screened AS "casesScreened", s.counts,
              s.alerts_raised AS "alertsRaised", s.created_at
       FROM risk_screenings s LEFT JOIN users u ON u.id = s.run_by WHERE s.id = $1`,
      [id],
    )) as (Omit<ScreeningRecord, 'by' | 'cases' | 'createdAt'> & { run_by: string | null; run_by_name: string | null; created_at: Date })[];
    if (!row) return null;
    const { run_by, run_by_name, created_at, ...rest } = row;
    return {
      ...rest,
      by: run_by === null ? null : { id: run_by, displayName: run_by_name ?? '' },
      createdAt: created_at.toISOString(),
    };
  }
}

// AlertsService's own rule, applied to what the screening read, only to leave out raises that could not change
// anything; the service decides again under its locks.
function riskAlertRaise(row: CaseRiskRow, assessment: RiskAssessment, existing: ExistingAlerts): RaiseAlertInput[] {
  const history = { openLevel: existing.riskOpen.get(row.caseId), highestResolvedLevel: existing.riskResolvedMax.get(row.caseId) };
  return riskAlertDecision(assessment.level, history) === 'NONE' ? [] : [riskAlertInput(row, assessment)];
}

function periodAlertRaises(row: CaseRiskRow, assessment: RiskAssessment, periods: readonly SensitivePeriod[], existing: ExistingAlerts): RaiseAlertInput[] {
  if (RISK_LEVEL_ORDER[assessment.baseLevel] < RISK_LEVEL_ORDER.YELLOW) return [];
  return periods
    .filter((period) => !existing.scoped.has(`${row.caseId}|SENSITIVE_PERIOD|${period.id}`))
    .map((period) => ({
      organizationId: row.facts.orgId,
      caseId: row.caseId,
      kind: 'SENSITIVE_PERIOD',
      level: assessment.level,
      scopeRef: period.id,
      windowId: period.id,
      message: `${row.caseNumber} 处于敏感时期「${period.name}」（${period.startsOn} 至 ${period.endsOn}），风险等级${RISK_LEVEL_LABELS[assessment.level]}，请提前化解稳控`,
      reasons: assessment.reasons,
      dueBy: expiresAt(addDays(period.startsOn, -1)),
    }));
}
