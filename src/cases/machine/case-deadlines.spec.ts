import { defaultHolidayCalendar, HolidayCalendar } from '../../calendar/holiday-calendar';
import data2025 from '../../calendar/data/2025.json';
import { parseLegalDate, type LegalDate } from '../../calendar/legal-date';
import {
  closeDeadlines,
  limitationStart,
  mediationPeriodRule,
  openDeadline,
  pauseDeadline,
  recomputeUnverified,
  recountedDue,
  resumeDeadline,
  statusAsOf,
  supersede,
} from './case-deadlines';
import type { ClaimsSummary } from './case.context';

const d = (value: string): LegalDate => parseLegalDate(value);
const calendar = defaultHolidayCalendar();

function period(startsOn: string, days = 15) {
  return openDeadline([], { kind: 'MEDIATION_PERIOD', startsOn: d(startsOn), days, unit: 'CALENDAR_DAYS', basis: 'test' }, calendar);
}

describe(mediationPeriodRule.name, () => {
  it.each([
    ['WALK_IN', undefined, 15, 'LDMAL Art.14'],
    ['LABOR_INSPECTION', undefined, 15, 'LDMAL Art.14'],
    ['COURT_DELEGATED', undefined, 30, 'Invited Art.27'],
    ['COURT_ENTRUSTED', 'ORDINARY', 15, 'Invited Art.27'],
    ['COURT_ENTRUSTED', 'SIMPLE', 7, 'Invited Art.27'],
  ] as const)('gives a %s case (%s procedure) %i days and names %s', (source, procedure, days, article) => {
    const rule = mediationPeriodRule(source, procedure);

    expect(rule.days).toBe(days);
    expect(rule.basis).toContain(article);
  });

  it('refuses an entrusted case without its procedure rather than guess a period', () => {
    expect(() => mediationPeriodRule('COURT_ENTRUSTED', undefined)).toThrow(/procedure/);
  });
});

describe(limitationStart.name, () => {
  const claims = (overrides: Partial<ClaimsSummary>): ClaimsSummary => ({
    types: ['WAGE_ARREARS'],
    hasWageClaim: true,
    knewOrShouldHaveKnownAt: d('2025-10-01'),
    ...overrides,
  });

  it('starts from knewOrShouldHaveKnownAt when a claim is not about pay (LDMAL Art.27 ¶1)', () => {
    expect(limitationStart(claims({ types: ['SOCIAL_INSURANCE'], hasWageClaim: false }))?.startsOn).toBe('2025-10-01');
  });

  it('starts a pay claim at the earliest end of employment of a FORMER applicant (¶4)', () => {
    expect(limitationStart(claims({ earliestEmploymentEndedOn: d('2025-12-31') }))?.startsOn).toBe('2025-12-31');
  });

  it('creates no limitation for pay claims while everyone is still employed', () => {
    expect(limitationStart(claims({}))).toBeUndefined();
  });

  it('takes the earlier of the two dates when both apply', () => {
    const mixed = claims({ types: ['WAGE_ARREARS', 'OVERTIME', 'ECONOMIC_COMPENSATION'], earliestEmploymentEndedOn: d('2025-09-30') });

    expect(limitationStart(mixed)?.startsOn).toBe('2025-09-30');
  });
});

describe(resumeDeadline.name, () => {
  it('E13: received 03-02, paused 03-09, resumed 03-19 moves the due date from 03-17 to 03-27', () => {
    const paused = pauseDeadline(period('2026-03-02'), 'MEDIATION_PERIOD', d('2026-03-09'));
    const [resumed] = resumeDeadline(paused, 'MEDIATION_PERIOD', d('2026-03-19'), calendar);

    expect(resumed).toMatchObject({ dueOn: '2026-03-27', pausedDays: 10, status: 'PENDING' });
    expect(resumed).not.toHaveProperty('pausedSince');
  });

  it('E13: resumed 03-20 instead, +11 days land on Saturday 03-28 and roll to Monday 03-30', () => {
    const paused = pauseDeadline(period('2026-03-02'), 'MEDIATION_PERIOD', d('2026-03-09'));

    expect(resumeDeadline(paused, 'MEDIATION_PERIOD', d('2026-03-20'), calendar)[0]).toMatchObject({ dueOn: '2026-03-30', pausedDays: 11 });
  });

  it('adds a second pause to the first', () => {
    let deadlines = pauseDeadline(period('2026-03-02'), 'MEDIATION_PERIOD', d('2026-03-03'));
    deadlines = resumeDeadline(deadlines, 'MEDIATION_PERIOD', d('2026-03-05'), calendar);
    deadlines = pauseDeadline(deadlines, 'MEDIATION_PERIOD', d('2026-03-10'));
    deadlines = resumeDeadline(deadlines, 'MEDIATION_PERIOD', d('2026-03-13'), calendar);

    expect(deadlines[0]).toMatchObject({ pausedDays: 5, dueOn: '2026-03-23' });
  });
});

describe(pauseDeadline.name, () => {
  it('does not stop a clock that has already run out, so a late suspension cannot revive the period', () => {
    expect(pauseDeadline(period('2026-03-02'), 'MEDIATION_PERIOD', d('2026-03-18'))[0]).not.toHaveProperty('pausedSince');
  });
});

describe(supersede.name, () => {
  it('E12: an EXTEND of 10 days from due 2026-10-08 starts there and is due 2026-10-19 (day 10 is a Sunday)', () => {
    const deadlines = supersede(
      period('2026-09-16'),
      'MEDIATION_PERIOD',
      (current) => ({ startsOn: current.dueOn, days: 10, unit: 'CALENDAR_DAYS', basis: 'extension' }),
      calendar,
    );

    expect(deadlines).toMatchObject([
      { key: 'MEDIATION_PERIOD#1', dueOn: '2026-10-08', status: 'CANCELLED' },
      { key: 'MEDIATION_PERIOD#2', startsOn: '2026-10-08', dueOn: '2026-10-19', status: 'PENDING', supersedes: 'MEDIATION_PERIOD#1' },
    ]);
  });
});

describe(statusAsOf.name, () => {
  const [entry] = period('2026-03-02');

  it('shows a pending deadline as MISSED from the day after it is due, as its timer records', () => {
    expect(statusAsOf(entry, d('2026-03-17'))).toBe('PENDING');
    expect(statusAsOf(entry, d('2026-03-18'))).toBe('MISSED');
  });

  it('never shows a paused deadline as missed', () => {
    const [paused] = pauseDeadline([entry], 'MEDIATION_PERIOD', d('2026-03-10'));

    expect(statusAsOf(paused, d('2026-04-30'))).toBe('PENDING');
  });
});

describe(closeDeadlines.name, () => {
  it('cancels what is still running, keeps what it is told to, and leaves a past-due entry MISSED', () => {
    let deadlines = period('2026-03-02');
    deadlines = openDeadline(deadlines, { kind: 'ARBITRATION_LIMITATION', startsOn: d('2026-01-01'), days: 1, unit: 'YEARS', basis: 'x' }, calendar);
    deadlines = openDeadline(deadlines, { kind: 'ACCEPTANCE_DECISION', startsOn: d('2026-03-02'), days: 3, unit: 'WORKING_DAYS', basis: 'x' }, calendar);

    const closed = closeDeadlines(deadlines, d('2026-03-10'), (entry) => entry.kind === 'ARBITRATION_LIMITATION');

    expect(closed.map((entry) => [entry.kind, entry.status])).toEqual([
      ['MEDIATION_PERIOD', 'CANCELLED'],
      ['ARBITRATION_LIMITATION', 'PENDING'],
      ['ACCEPTANCE_DECISION', 'MISSED'],
    ]);
  });
});

describe(recountedDue.name, () => {
  const before2026Notice = new HolidayCalendar([data2025]);
  const entry = openDeadline([], { kind: 'MEDIATION_PERIOD', startsOn: d('2026-09-16'), days: 15, unit: 'CALENDAR_DAYS', basis: 'test' }, before2026Notice)[0];

  it('answers nothing on the calendar the entry was counted on, and the new due date on one that knows more', () => {
    expect(recountedDue(entry, before2026Notice)).toBeUndefined();
    expect(recountedDue(entry, calendar)).toMatchObject({ dueOn: '2026-10-08', verified: true });
  });

  it('counts the paused days in', () => {
    // 15 + 7 paused days from 09-16 is 10-08 on weekends only, a working Thursday once the notice is known.
    const paused = { ...entry, pausedDays: 7, dueOn: d('2026-10-08') };
    expect(recountedDue(paused, before2026Notice)).toBeUndefined();
    expect(recountedDue(paused, calendar)).toEqual(expect.objectContaining({ dueOn: '2026-10-08', verified: true }));
  });
});

describe(recomputeUnverified.name, () => {
  // A calendar shipped before the 2026 notice: 2026 has only weekends as rest days, so E1 is counted wrong.
  const before2026Notice = new HolidayCalendar([data2025]);

  it('counts an entry again once its year is known: E1 moves from 2026-10-01 (unverified) to 2026-10-08', () => {
    const opened = openDeadline([], { kind: 'MEDIATION_PERIOD', startsOn: d('2026-09-16'), days: 15, unit: 'CALENDAR_DAYS', basis: 'test' }, before2026Notice);
    expect(opened[0]).toMatchObject({ dueOn: '2026-10-01', calendarVerified: false });
    const { deadlines, changed } = recomputeUnverified(opened, calendar);
    expect(deadlines[0]).toMatchObject({ dueOn: '2026-10-08', calendarVerified: true });
    expect(changed).toEqual([{ key: 'MEDIATION_PERIOD#1', kind: 'MEDIATION_PERIOD', fromDueOn: '2026-10-01', toDueOn: '2026-10-08', calendarVerified: true }]);
  });

  it('keeps the paused days, and leaves settled, verified and stopped entries alone', () => {
    const opened = openDeadline([], { kind: 'MEDIATION_PERIOD', startsOn: d('2026-09-01'), days: 15, unit: 'CALENDAR_DAYS', basis: 'test' }, before2026Notice);
    const paused = pauseDeadline(opened, 'MEDIATION_PERIOD', d('2026-09-05'));
    expect(recomputeUnverified(paused, calendar).changed).toEqual([]);
    const resumed = resumeDeadline(paused, 'MEDIATION_PERIOD', d('2026-09-20'), before2026Notice);
    // 15 + 15 paused days from 09-01 is 10-01: a holiday once the 2026 notice is known.
    expect(recomputeUnverified(resumed, calendar).deadlines[0]).toMatchObject({ pausedDays: 15, dueOn: '2026-10-08', calendarVerified: true });
    expect(recomputeUnverified(period('2026-09-16'), calendar).changed).toEqual([]);
    const met = closeDeadlines(opened, d('2026-09-10'), () => false);
    expect(recomputeUnverified(met, calendar).changed).toEqual([]);
  });

  it('leaves an entry that still reaches a year without data unverified', () => {
    const { changed, deadlines } = recomputeUnverified(period('2026-12-20'), calendar);
    expect(changed).toEqual([]);
    expect(deadlines[0]).toMatchObject({ dueOn: '2027-01-04', calendarVerified: false });
  });
});
