import fc from 'fast-check';
import { defaultHolidayCalendar } from '../calendar/holiday-calendar';
import { addDays, legalDateOf, type LegalDate } from '../calendar/legal-date';
import { RISK_LEVELS, type RiskLevel } from '../cases/case-vocabulary';
import type { CaseViewer } from '../cases/case-access-rules';
import { compareLevels } from '../risk/risk-level';
import {
  defaultDueBy,
  escalationDueAt,
  escalationVerdict,
  mayHandleAlert,
  riskAlertDecision,
  roleAlertFilterSql,
  roleSeesAlert,
  scopeRefProblem,
  type EscalationFacts,
} from './alert-rules';

const calendar = defaultHolidayCalendar();
const DEADLINE = '6f1d2c3b-4a59-4e8f-9d0c-1b2a3c4d5e6f';
const WINDOW = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('defaultDueBy', () => {
  it('gives BLUE no due time: routine work has none', () => {
    expect(defaultDueBy('BLUE', new Date('2026-09-16T02:00:00Z'), calendar)).toBeNull();
  });

  it('gives YELLOW three working days on the legal calendar, to the end of the third (DOMAIN E3: Fri 2026-02-13 → 02-25)', () => {
    expect(defaultDueBy('YELLOW', new Date('2026-02-13T10:00:00+08:00'), calendar)).toEqual(new Date('2026-02-26T00:00:00+08:00'));
  });

  it('counts a make-up Saturday as a working day (DOMAIN E8: 2026-09-30 → Sat 10-10)', () => {
    expect(defaultDueBy('YELLOW', new Date('2026-09-30T15:00:00+08:00'), calendar)).toEqual(new Date('2026-10-11T00:00:00+08:00'));
  });

  it('counts from the Asia/Shanghai date, not the UTC one', () => {
    // 01:00 on Friday 02-13 in Liaoyuan is still Thursday 02-12 in UTC.
    expect(defaultDueBy('YELLOW', new Date('2026-02-12T17:00:00Z'), calendar)).toEqual(new Date('2026-02-26T00:00:00+08:00'));
  });

  it('gives ORANGE 24 hours and RED 2 hours, whatever the day', () => {
    const raisedAt = new Date('2026-10-01T09:30:00+08:00');
    expect(defaultDueBy('ORANGE', raisedAt, calendar)).toEqual(new Date('2026-10-02T09:30:00+08:00'));
    expect(defaultDueBy('RED', raisedAt, calendar)).toEqual(new Date('2026-10-01T11:30:00+08:00'));
  });

  it('always ends a YELLOW response at midnight after a working day, at least three days on', () => {
    const instants = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-12-20T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, (raisedAt) => {
        const dueBy = defaultDueBy('YELLOW', raisedAt, calendar)!;
        const lastDay = addDays(legalDateOf(dueBy), -1);
        expect(legalDateOf(new Date(dueBy.getTime() - 1))).toBe(lastDay);
        expect(calendar.isWorkingDay(lastDay as LegalDate)).toBe(true);
        expect(dueBy.getTime() - raisedAt.getTime()).toBeGreaterThan(3 * 86_400_000);
      }),
    );
  });
});

describe('riskAlertDecision', () => {
  it('opens a risk alert only from YELLOW up', () => {
    expect(riskAlertDecision('BLUE', {})).toBe('NONE');
    expect(riskAlertDecision('YELLOW', {})).toBe('OPEN');
    expect(riskAlertDecision('RED', {})).toBe('OPEN');
  });

  it('raises the unresolved alert in place for a higher level and leaves it for an equal or lower one', () => {
    expect(riskAlertDecision('ORANGE', { openLevel: 'YELLOW' })).toBe('RAISE_IN_PLACE');
    expect(riskAlertDecision('ORANGE', { openLevel: 'ORANGE' })).toBe('NONE');
    expect(riskAlertDecision('YELLOW', { openLevel: 'RED' })).toBe('NONE');
  });

  it('after a resolved alert, opens a new one only above the highest resolved level', () => {
    expect(riskAlertDecision('ORANGE', { highestResolvedLevel: 'ORANGE' })).toBe('NONE');
    expect(riskAlertDecision('YELLOW', { highestResolvedLevel: 'ORANGE' })).toBe('NONE');
    expect(riskAlertDecision('RED', { highestResolvedLevel: 'ORANGE' })).toBe('OPEN');
  });

  it('never opens or raises an alert at or below what the case already has', () => {
    const level = fc.constantFrom(...RISK_LEVELS);
    const maybe = fc.option(level, { nil: undefined });
    fc.assert(
      fc.property(level, maybe, maybe, (asked: RiskLevel, open?: RiskLevel, resolved?: RiskLevel) => {
        const decision = riskAlertDecision(asked, { openLevel: open, highestResolvedLevel: resolved });
        if (decision !== 'NONE') expect(compareLevels(asked, 'YELLOW')).toBeGreaterThanOrEqual(0);
        if (decision === 'RAISE_IN_PLACE') expect(compareLevels(asked, open!)).toBeGreaterThan(0);
        if (decision === 'OPEN') {
          expect(open).toBeUndefined();
          if (resolved !== undefined) expect(compareLevels(asked, resolved)).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('scopeRefProblem', () => {
  it("accepts DOMAIN §5's scope of each kind", () => {
    expect(scopeRefProblem({ kind: 'RISK_LEVEL', scopeRef: 'risk' })).toBeUndefined();
    expect(scopeRefProblem({ kind: 'DEADLINE_WARNING', scopeRef: `${DEADLINE}:3`, deadlineId: DEADLINE })).toBeUndefined();
    expect(scopeRefProblem({ kind: 'DEADLINE_MISSED', scopeRef: DEADLINE, deadlineId: DEADLINE.toUpperCase() })).toBeUndefined();
    expect(scopeRefProblem({ kind: 'SENSITIVE_PERIOD', scopeRef: WINDOW, windowId: WINDOW })).toBeUndefined();
    expect(scopeRefProblem({ kind: 'LIMITATION_WATCH', scopeRef: 'limitation:2026-10-08' })).toBeUndefined();
  });

  it('refuses a scope spelled another way, which would defeat the uniqueness', () => {
    expect(scopeRefProblem({ kind: 'RISK_LEVEL', scopeRef: 'RISK' })).toBeDefined();
    expect(scopeRefProblem({ kind: 'DEADLINE_WARNING', scopeRef: `${DEADLINE}:D-3`, deadlineId: DEADLINE })).toBeDefined();
    expect(scopeRefProblem({ kind: 'DEADLINE_WARNING', scopeRef: `${DEADLINE}:3` })).toBeDefined();
    expect(scopeRefProblem({ kind: 'DEADLINE_MISSED', scopeRef: `${DEADLINE}:0`, deadlineId: DEADLINE })).toBeDefined();
    expect(scopeRefProblem({ kind: 'SENSITIVE_PERIOD', scopeRef: 'NATIONAL_DAY', windowId: WINDOW })).toBeDefined();
    expect(scopeRefProblem({ kind: 'LIMITATION_WATCH', scopeRef: '2026-10-08' })).toBeDefined();
  });
});

describe('alert visibility and handling', () => {
  const org = 'org-1';
  const viewer = (role: CaseViewer['role'], id = 'user-1', organizationId = org): CaseViewer => ({ id, role, organizationId });

  it('shows a court liaison ORANGE and RED alerts and COURT_DECISION alerts, and everyone else every level', () => {
    const liaison = viewer('COURT_LIAISON');
    expect(roleSeesAlert(liaison, { level: 'YELLOW', deadlineKind: null })).toBe(false);
    expect(roleSeesAlert(liaison, { level: 'YELLOW', deadlineKind: 'PAYMENT_DUE' })).toBe(false);
    expect(roleSeesAlert(liaison, { level: 'YELLOW', deadlineKind: 'COURT_DECISION' })).toBe(true);
    expect(roleSeesAlert(liaison, { level: 'ORANGE', deadlineKind: null })).toBe(true);
    expect(roleSeesAlert(liaison, { level: 'RED', deadlineKind: null })).toBe(true);
    for (const role of ['MEDIATOR', 'SUPERVISOR', 'ADMIN'] as const) expect(roleSeesAlert(viewer(role), { level: 'BLUE', deadlineKind: null })).toBe(true);
  });

  it('narrows the list SQL for liaisons only', () => {
    expect(roleAlertFilterSql(viewer('COURT_LIAISON'), 'x')).toBe("(x.level IN ('ORANGE', 'RED') OR x.deadline_kind = 'COURT_DECISION')");
    expect(roleAlertFilterSql(viewer('SUPERVISOR'))).toBeUndefined();
  });

  it("lets the organization's supervisors and the case's assigned mediator handle an alert, nobody else", () => {
    const facts = { organizationId: org, assignedMediatorId: 'mediator-1' };
    expect(mayHandleAlert(viewer('SUPERVISOR'), facts)).toBe(true);
    expect(mayHandleAlert(viewer('SUPERVISOR', 'user-1', 'org-2'), facts)).toBe(false);
    expect(mayHandleAlert(viewer('MEDIATOR', 'mediator-1'), facts)).toBe(true);
    expect(mayHandleAlert(viewer('MEDIATOR', 'mediator-2'), facts)).toBe(false);
    expect(mayHandleAlert(viewer('MEDIATOR', 'mediator-2'), { organizationId: org, assignedMediatorId: null })).toBe(false);
    expect(mayHandleAlert(viewer('ADMIN'), facts)).toBe(false);
    expect(mayHandleAlert(viewer('COURT_LIAISON'), facts)).toBe(false);
  });
});

describe('escalationVerdict', () => {
  const redSince = new Date('2026-09-16T02:00:00Z');
  const red: EscalationFacts = { level: 'RED', status: 'OPEN', escalated: false, levelSince: redSince };
  const at = (minutes: number) => new Date(redSince.getTime() + minutes * 60_000);

  it('escalates a RED alert still OPEN once the configured minutes have passed since it turned RED', () => {
    expect(escalationDueAt(redSince, 120)).toEqual(at(120));
    expect(escalationVerdict(red, at(119), 120)).toBe('NOT_YET');
    expect(escalationVerdict(red, at(120), 120)).toBe('ESCALATE');
    expect(escalationVerdict(red, at(30), 15)).toBe('ESCALATE');
  });

  it('leaves alone an alert that was acknowledged, resolved, escalated already, or is not RED', () => {
    expect(escalationVerdict({ ...red, status: 'ACKNOWLEDGED' }, at(500), 120)).toBe('STALE');
    expect(escalationVerdict({ ...red, status: 'RESOLVED' }, at(500), 120)).toBe('STALE');
    expect(escalationVerdict({ ...red, escalated: true }, at(500), 120)).toBe('STALE');
    expect(escalationVerdict({ ...red, level: 'ORANGE' }, at(500), 120)).toBe('STALE');
  });
});
