import fc from 'fast-check';
import { RISK_LEVELS } from '../cases/case-vocabulary';
import { addDays, parseLegalDate, type LegalDate } from '../calendar/legal-date';
import { CASE_STATES, CLAIM_TYPES, DEADLINE_KINDS, DEADLINE_STATUSES, RISK_FLAGS } from '../cases/machine/case.types';
import { assessRisk, SENSITIVE_PERIOD_REASON_ID, type RiskAssessment } from './risk-engine';
import type { RiskFacts } from './risk-facts';
import { compareLevels, raiseLevel } from './risk-level';
import { DEFAULT_RISK_RULES, type RiskRule, type RiskRuleSet } from './risk-rules';
import { DEFAULT_SENSITIVE_PERIODS, type SensitivePeriod } from './sensitive-periods';

const d = (value: string): LegalDate => parseLegalDate(value);

/** No sensitive window is open on this day in the defaults. */
const QUIET_DAY = '2026-07-15';

/** A case no rule matches; each test adds only what it is about. */
function facts(overrides: Partial<RiskFacts> = {}): RiskFacts {
  return {
    orgId: 'org-longshan',
    workerCount: 1,
    migrantWorkers: 0,
    claims: [{ type: 'SOCIAL_INSURANCE' }],
    arrearsMonths: 0,
    riskFlags: [],
    state: 'mediation.active',
    deadlines: [],
    ...overrides,
  };
}

function assess(
  caseFacts: RiskFacts,
  asOf: string = QUIET_DAY,
  periods: readonly SensitivePeriod[] = DEFAULT_SENSITIVE_PERIODS,
  ruleSet: RiskRuleSet = DEFAULT_RISK_RULES,
): RiskAssessment {
  return assessRisk(caseFacts, d(asOf), periods, ruleSet);
}

const ruleIds = (assessment: RiskAssessment) => assessment.reasons.map(({ ruleId }) => ruleId);

function withRule(edit: (rule: RiskRule) => RiskRule): RiskRuleSet {
  return { version: 2, rules: DEFAULT_RISK_RULES.rules.map(edit) };
}

describe(assessRisk.name, () => {
  it('is BLUE with no reasons and no windows when nothing matches', () => {
    expect(assess(facts())).toEqual({ level: 'BLUE', baseLevel: 'BLUE', reasons: [], windows: [] });
  });

  describe('rules at and just past their thresholds', () => {
    it.each([
      ['9 workers', { workerCount: 9 }, 'BLUE', []],
      ['10 workers', { workerCount: 10 }, 'YELLOW', ['COLLECTIVE_10']],
      ['29 workers', { workerCount: 29 }, 'YELLOW', ['COLLECTIVE_10']],
      ['30 workers', { workerCount: 30 }, 'ORANGE', ['COLLECTIVE_10', 'COLLECTIVE_30']],
      ['0 months of arrears', { arrearsMonths: 0 }, 'BLUE', []],
      ['1 month of arrears', { arrearsMonths: 1 }, 'YELLOW', ['ARREARS_1']],
      ['2 months of arrears', { arrearsMonths: 2 }, 'ORANGE', ['ARREARS_1', 'ARREARS_2']],
      ['a migrant worker owed wages', { migrantWorkers: 1, claims: [{ type: 'WAGE_ARREARS', amount: '5000.00' }] }, 'YELLOW', ['MIGRANT_WAGE']],
      ['no migrant worker, wages owed', { claims: [{ type: 'WAGE_ARREARS', amount: '5000.00' }] }, 'BLUE', []],
      ['a migrant worker claiming only overtime', { migrantWorkers: 1, claims: [{ type: 'OVERTIME', amount: '5000.00' }] }, 'BLUE', []],
      ['exactly 100000.00 claimed', { claims: [{ type: 'OVERTIME', amount: '100000.00' }] }, 'BLUE', []],
      ['100000.01 claimed', { claims: [{ type: 'OVERTIME', amount: '100000.01' }] }, 'YELLOW', ['AMOUNT']],
      [
        '100000.01 claimed in total over several claims',
        { claims: [{ type: 'OVERTIME', amount: '60000' }, { type: 'WORK_INJURY' }, { type: 'ECONOMIC_COMPENSATION', amount: '40000.01' }] },
        'YELLOW',
        ['AMOUNT'],
      ],
      ['the hardship flag', { riskFlags: ['HARDSHIP'] }, 'YELLOW', ['HARDSHIP']],
      ['a threat of an extreme act', { riskFlags: ['EXTREME_ACT_THREAT'] }, 'RED', ['FLAG_RED']],
      ['an absconded employer', { riskFlags: ['EMPLOYER_ABSCONDED'] }, 'RED', ['FLAG_RED']],
      ['a repeat petitioner', { riskFlags: ['REPEAT_PETITIONER'] }, 'ORANGE', ['FLAG_ORANGE']],
      ['a closing employer', { riskFlags: ['EMPLOYER_CLOSING'] }, 'ORANGE', ['FLAG_ORANGE']],
      ['media attention', { riskFlags: ['MEDIA_ATTENTION'] }, 'ORANGE', ['FLAG_ORANGE']],
      ['a defaulted agreement', { state: 'agreement.defaulted' }, 'ORANGE', ['DEFAULT']],
      ['an agreement in effect', { state: 'agreement.effective' }, 'BLUE', []],
    ] as const)('%s → %s', (_, overrides, level, reasons) => {
      const assessment = assess(facts(overrides));
      expect({ level: assessment.level, baseLevel: assessment.baseLevel }).toEqual({ level, baseLevel: level });
      expect(ruleIds(assessment)).toEqual(reasons);
    });

    it.each(['ACCEPTANCE_DECISION', 'PAYMENT_DUE', 'ARBITRATION_LIMITATION'] as const)('a MISSED %s → ORANGE', (kind) => {
      const assessment = assess(facts({ deadlines: [{ kind: 'MEDIATION_PERIOD', status: 'PENDING' }, { kind, status: 'MISSED' }] }));
      expect(assessment.level).toBe('ORANGE');
      expect(ruleIds(assessment)).toEqual(['MISSED']);
    });

    it.each([
      ['ACCEPTANCE_DECISION', 'MET'],
      ['PAYMENT_DUE', 'PENDING'],
      ['ARBITRATION_LIMITATION', 'CANCELLED'],
      ['MEDIATION_PERIOD', 'MISSED'],
      ['RESPONDENT_CONSENT', 'MISSED'],
      // The confirmation window is optional: missing it costs nothing, so it raises no risk (DOMAIN §4).
      ['JUDICIAL_CONFIRMATION_WINDOW', 'MISSED'],
      ['COURT_DECISION', 'MISSED'],
    ] as const)('a %s that is %s raises nothing', (kind, status) => {
      expect(assess(facts({ deadlines: [{ kind, status }] })).level).toBe('BLUE');
    });

    it('takes the highest level of all matching rules and lists every one of them', () => {
      const assessment = assess(facts({ workerCount: 12, arrearsMonths: 1, riskFlags: ['HARDSHIP', 'EMPLOYER_ABSCONDED'] }));
      expect(assessment.level).toBe('RED');
      expect(ruleIds(assessment)).toEqual(['COLLECTIVE_10', 'ARREARS_1', 'FLAG_RED', 'HARDSHIP']);
    });
  });

  describe('ARREARS_WINTER', () => {
    const longArrears = facts({ arrearsMonths: 2 });

    it.each([
      ['the campaign lead days', '2026-11-14', 'ORANGE'],
      ['its first day', '2026-11-15', 'RED'],
      ['its last day (Spring Festival eve)', '2027-02-05', 'RED'],
      ['the day after', '2027-02-06', 'ORANGE'],
    ])('in %s (%s) gives a base level of %s', (_, asOf, baseLevel) => {
      const assessment = assess(longArrears, asOf);
      expect(assessment.baseLevel).toBe(baseLevel);
      expect(ruleIds(assessment).includes('ARREARS_WINTER')).toBe(baseLevel === 'RED');
    });

    it('needs two months of arrears', () => {
      expect(ruleIds(assess(facts({ arrearsMonths: 1 }), '2026-12-01'))).toEqual(['ARREARS_1', SENSITIVE_PERIOD_REASON_ID]);
    });

    it('names the campaign in its reason', () => {
      const reason = assess(longArrears, '2026-12-01').reasons.find(({ ruleId }) => ruleId === 'ARREARS_WINTER');
      expect(reason?.text).toBe('2026—2027年根治欠薪冬季专项行动期间拖欠工资 2 个月（≥2）');
    });

    it('does not count a campaign of another organization or an inactive one', () => {
      const campaign: SensitivePeriod = {
        ...DEFAULT_SENSITIVE_PERIODS.find(({ id }) => id === 'winter-wage-campaign-2026-2027')!,
        orgId: 'org-dongliao',
      };
      expect(assess(longArrears, '2026-12-01', [campaign]).baseLevel).toBe('ORANGE');
      expect(assess(longArrears, '2026-12-01', [{ ...campaign, orgId: null, active: false }]).baseLevel).toBe('ORANGE');
    });
  });

  describe('sensitive windows', () => {
    const yellow = facts({ arrearsMonths: 1 });

    it.each([
      ['the day before the lead time', '2026-09-23', 'YELLOW', []],
      ['the first lead day', '2026-09-24', 'ORANGE', ['national-day-2026']],
      ['the first day of the period', '2026-10-01', 'ORANGE', ['national-day-2026']],
      ['the last day of the period', '2026-10-07', 'ORANGE', ['national-day-2026']],
      ['the day after the period', '2026-10-08', 'YELLOW', []],
    ])('National Day 2026, %s (%s): %s', (_, asOf, level, windows) => {
      const assessment = assess(yellow, asOf);
      expect({ level: assessment.level, baseLevel: assessment.baseLevel, windows: assessment.windows }).toEqual({ level, baseLevel: 'YELLOW', windows });
    });

    it('raises a BLUE case to YELLOW, because DOMAIN §5 raises every level', () => {
      expect(assess(facts(), '2026-10-01')).toMatchObject({ level: 'YELLOW', baseLevel: 'BLUE', windows: ['national-day-2026'] });
    });

    it('says why the level was raised, naming the windows', () => {
      const [reason] = assess(facts(), '2026-09-24').reasons;
      expect(reason).toEqual({ ruleId: SENSITIVE_PERIOD_REASON_ID, text: '敏感时期，风险等级上调一级：临近2026年国庆节（2026-10-01开始）' });
    });

    it('raises only once where windows overlap', () => {
      const assessment = assess(yellow, '2026-02-16');
      expect(assessment.level).toBe('ORANGE');
      expect(assessment.windows).toEqual(['winter-wage-campaign-2025-2026', 'spring-festival-2026']);
      expect(ruleIds(assessment).filter((id) => id === SENSITIVE_PERIOD_REASON_ID)).toHaveLength(1);
      expect(assessment.reasons.at(-1)?.text).toBe(
        '敏感时期，风险等级上调一级：2025—2026年根治欠薪冬季专项行动期间（2025-11-15至2026-02-16）；2026年春节期间（2026-02-15至2026-02-23）',
      );
    });

    it('keeps RED at RED, still reporting the windows but no raise reason', () => {
      const assessment = assess(facts({ riskFlags: ['EXTREME_ACT_THREAT'] }), '2026-10-01');
      expect(assessment).toMatchObject({ level: 'RED', baseLevel: 'RED', windows: ['national-day-2026'] });
      expect(ruleIds(assessment)).toEqual(['FLAG_RED']);
    });

    it('ignores an inactive period', () => {
      const inactive = DEFAULT_SENSITIVE_PERIODS.map((period) => ({ ...period, active: false }));
      expect(assess(yellow, '2026-10-01', inactive)).toMatchObject({ level: 'YELLOW', windows: [] });
    });

    describe('a period of one organization', () => {
      const congress: SensitivePeriod = {
        id: 'party-congress-longshan-2026',
        name: '龙山区党代会',
        kind: 'PARTY_CONGRESS',
        startsOn: d('2026-07-20'),
        endsOn: d('2026-07-23'),
        leadDays: 7,
        milestones: [],
        orgId: 'org-longshan',
        active: true,
        verified: true,
        basis: '区委通知',
      };
      const periods = [...DEFAULT_SENSITIVE_PERIODS, congress];

      it('raises the cases of that organization', () => {
        expect(assess(yellow, '2026-07-13', periods)).toMatchObject({ level: 'ORANGE', windows: [congress.id] });
      });

      it('leaves the cases of other organizations alone', () => {
        expect(assess({ ...yellow, orgId: 'org-xian' }, '2026-07-13', periods)).toMatchObject({ level: 'YELLOW', windows: [] });
      });
    });
  });

  describe('the rule set decides', () => {
    it('skips a disabled rule', () => {
      const ruleSet = withRule((rule) => (rule.id === 'ARREARS_1' ? { ...rule, enabled: false } : rule));
      expect(assess(facts({ arrearsMonths: 1 }), QUIET_DAY, DEFAULT_SENSITIVE_PERIODS, ruleSet)).toMatchObject({ level: 'BLUE', reasons: [] });
    });

    it('uses a tuned threshold, level and reason text', () => {
      const ruleSet = withRule((rule) =>
        rule.id === 'AMOUNT' ? { ...rule, level: 'ORANGE', params: { above: '50000' }, reasonTemplate: '金额 {totalClaimed} 元' } : rule,
      );
      const assessment = assess(facts({ claims: [{ type: 'OVERTIME', amount: '50000.01' }] }), QUIET_DAY, DEFAULT_SENSITIVE_PERIODS, ruleSet);
      expect(assessment).toMatchObject({ level: 'ORANGE', reasons: [{ ruleId: 'AMOUNT', text: '金额 50,000.01 元' }] });
    });
  });

  // DOMAIN §5 worked examples.
  describe('worked examples', () => {
    const k1 = facts({
      workerCount: 12,
      migrantWorkers: 12,
      claims: [{ type: 'WAGE_ARREARS', amount: '186000.00' }],
      arrearsMonths: 1,
    });
    const k2 = { ...k1, arrearsMonths: 2 };
    // DOMAIN gives K3 only as "1 worker, 1 month"; a migrant worker owed one month's pay is the usual such case.
    const k3 = facts({ migrantWorkers: 1, claims: [{ type: 'WAGE_ARREARS', amount: '6800.00' }], arrearsMonths: 1 });

    it('K1: 12 migrant workers, 1 month, ¥186,000 is YELLOW on 2026-07-15', () => {
      const assessment = assess(k1, '2026-07-15');
      expect(assessment).toMatchObject({ level: 'YELLOW', baseLevel: 'YELLOW', windows: [] });
      expect(assessment.reasons).toEqual([
        { ruleId: 'COLLECTIVE_10', text: '集体争议：涉及 12 名劳动者（≥10）' },
        { ruleId: 'MIGRANT_WAGE', text: '农民工欠薪：涉及 12 名农民工，请求事项含拖欠工资' },
        { ruleId: 'ARREARS_1', text: '拖欠工资 1 个月（≥1）' },
        { ruleId: 'AMOUNT', text: '请求金额较大：合计 ¥186,000.00（>¥100,000.00）' },
      ]);
    });

    it('K1 is ORANGE on 2026-12-01, raised by the winter campaign', () => {
      const assessment = assess(k1, '2026-12-01');
      expect(assessment).toMatchObject({ level: 'ORANGE', baseLevel: 'YELLOW', windows: ['winter-wage-campaign-2026-2027'] });
      expect(ruleIds(assessment)).toEqual(['COLLECTIVE_10', 'MIGRANT_WAGE', 'ARREARS_1', 'AMOUNT', SENSITIVE_PERIOD_REASON_ID]);
    });

    it('K2: as K1 with 2 months is ORANGE on 2026-07-15', () => {
      const assessment = assess(k2, '2026-07-15');
      expect(assessment).toMatchObject({ level: 'ORANGE', baseLevel: 'ORANGE', windows: [] });
      expect(ruleIds(assessment)).toEqual(['COLLECTIVE_10', 'MIGRANT_WAGE', 'ARREARS_1', 'ARREARS_2', 'AMOUNT']);
    });

    it('K2 is RED on 2026-11-10 by the lead-time raise', () => {
      const assessment = assess(k2, '2026-11-10');
      expect(assessment).toMatchObject({ level: 'RED', baseLevel: 'ORANGE', windows: ['winter-wage-campaign-2026-2027'] });
      expect(ruleIds(assessment)).toEqual(['COLLECTIVE_10', 'MIGRANT_WAGE', 'ARREARS_1', 'ARREARS_2', 'AMOUNT', SENSITIVE_PERIOD_REASON_ID]);
    });

    it('K2 is RED on 2026-12-01 by ARREARS_WINTER itself', () => {
      const assessment = assess(k2, '2026-12-01');
      expect(assessment).toMatchObject({ level: 'RED', baseLevel: 'RED', windows: ['winter-wage-campaign-2026-2027'] });
      expect(ruleIds(assessment)).toEqual(['COLLECTIVE_10', 'MIGRANT_WAGE', 'ARREARS_1', 'ARREARS_2', 'ARREARS_WINTER', 'AMOUNT']);
    });

    it('K3: 1 worker, 1 month is YELLOW on 2026-09-23', () => {
      const assessment = assess(k3, '2026-09-23');
      expect(assessment).toMatchObject({ level: 'YELLOW', baseLevel: 'YELLOW', windows: [] });
      expect(ruleIds(assessment)).toEqual(['MIGRANT_WAGE', 'ARREARS_1']);
    });

    it('K3 is ORANGE on 2026-09-24, the first day of National Day’s lead time', () => {
      const assessment = assess(k3, '2026-09-24');
      expect(assessment).toMatchObject({ level: 'ORANGE', baseLevel: 'YELLOW', windows: ['national-day-2026'] });
      expect(ruleIds(assessment)).toEqual(['MIGRANT_WAGE', 'ARREARS_1', SENSITIVE_PERIOD_REASON_ID]);
    });
  });

  describe('properties', () => {
    const anyFacts = fc.record({
      orgId: fc.constantFrom('org-longshan', 'org-xian'),
      workerCount: fc.integer({ min: 1, max: 60 }),
      migrantWorkers: fc.integer({ min: 0, max: 60 }),
      claims: fc.array(
        fc.record({ type: fc.constantFrom(...CLAIM_TYPES), amount: fc.option(fc.bigInt({ min: 1n, max: 20_000_000n }).map((fen) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`), { nil: undefined }) }),
        { minLength: 1, maxLength: 4 },
      ),
      arrearsMonths: fc.integer({ min: 0, max: 6 }),
      riskFlags: fc.subarray([...RISK_FLAGS]),
      state: fc.constantFrom(...CASE_STATES),
      deadlines: fc.array(fc.record({ kind: fc.constantFrom(...DEADLINE_KINDS), status: fc.constantFrom(...DEADLINE_STATUSES) }), { maxLength: 4 }),
    });
    const anyDay = fc.integer({ min: 0, max: 3 * 366 }).map((offset) => addDays(d('2025-01-01'), offset));

    it('a risk flag never lowers the level', () => {
      fc.assert(
        fc.property(anyFacts, anyDay, fc.constantFrom(...RISK_FLAGS), (caseFacts, asOf, flag) => {
          const before = assessRisk(caseFacts, asOf, DEFAULT_SENSITIVE_PERIODS, DEFAULT_RISK_RULES);
          const flagged = { ...caseFacts, riskFlags: [...new Set([...caseFacts.riskFlags, flag])] };
          const after = assessRisk(flagged, asOf, DEFAULT_SENSITIVE_PERIODS, DEFAULT_RISK_RULES);
          expect(compareLevels(after.level, before.level)).toBeGreaterThanOrEqual(0);
        }),
      );
    });

    it('is the highest matching rule, raised one step exactly when a window is open', () => {
      fc.assert(
        fc.property(anyFacts, anyDay, (caseFacts, asOf) => {
          const { level, baseLevel, reasons, windows } = assessRisk(caseFacts, asOf, DEFAULT_SENSITIVE_PERIODS, DEFAULT_RISK_RULES);
          const levelOf = (id: string) => DEFAULT_RISK_RULES.rules.find((rule) => rule.id === id)!.level;
          const ruleLevels = reasons.filter(({ ruleId }) => ruleId !== SENSITIVE_PERIOD_REASON_ID).map(({ ruleId }) => levelOf(ruleId));
          expect(baseLevel).toBe(RISK_LEVELS[Math.max(0, ...ruleLevels.map((rule) => RISK_LEVELS.indexOf(rule)))]);
          expect(level).toBe(windows.length > 0 ? raiseLevel(baseLevel) : baseLevel);
          expect(reasons.some(({ ruleId }) => ruleId === SENSITIVE_PERIOD_REASON_ID)).toBe(level !== baseLevel);
        }),
      );
    });
  });
});
