import fc from 'fast-check';
import { HolidayCalendar } from '../../calendar/holiday-calendar';
import data2025 from '../../calendar/data/2025.json';
import data2026 from '../../calendar/data/2026.json';
import { addDays, type LegalDate } from '../../calendar/legal-date';
import { d, SAMPLE_IDS, SampleCase, sampleCalendar, sampleTerms } from '../machine/case-machine.fixtures';
import type { AgreementItem } from '../machine/case.context';
import type { CaseInput } from '../machine/case.events';
import type { RiskFlag } from '../machine/case.types';
import { adviseRoutes, ENFORCEMENT_ROUTES, type EnforcementRoute, type RouteAdvice, type RouteCalendar } from './enforcement-routes';

// Cases are driven through the real chart (SampleCase), so the advisor is tested on contexts the machine can produce.
// The sample is a collective wage case received on 2026-03-02 whose workers left on 2025-12-31; its agreement pays
// half 10 days and half 40 days after it takes effect.

type Overrides = Partial<Omit<CaseInput, 'meta'>>;

const DELEGATED: Overrides = { source: 'COURT_DELEGATED', courtOrgId: SAMPLE_IDS.courtOrgId };
const ENTRUSTED: Overrides = { source: 'COURT_ENTRUSTED', courtOrgId: SAMPLE_IDS.courtOrgId, courtProcedure: 'ORDINARY' };

function inMediation(overrides: Overrides = {}): SampleCase {
  return SampleCase.open(overrides).given('ACCEPT').given('RESPONDENT_CONSENTS');
}

/** Agreement effective on the receipt date (all steps happen that day). */
function effective(overrides: Overrides = {}, items?: AgreementItem[]): SampleCase {
  const sample = inMediation(overrides);
  const today = overrides.receivedOn ?? d('2026-03-02');
  const terms = items === undefined ? sampleTerms(today) : { ...sampleTerms(today), items };
  return sample.given('REACH_AGREEMENT', { payload: { terms } }).signAll();
}

function confirmed(overrides: Overrides = {}): SampleCase {
  return effective(overrides).given('REQUEST_JUDICIAL_CONFIRMATION').given('CONFIRM_JUDICIALLY');
}

function advise(sample: SampleCase, asOf: string, riskFlags: RiskFlag[] = [], calendar: RouteCalendar = sampleCalendar()) {
  return adviseRoutes({ state: sample.state, context: sample.context, riskFlags }, d(asOf), calendar);
}

function route(sample: SampleCase, asOf: string, name: EnforcementRoute, riskFlags: RiskFlag[] = []): RouteAdvice {
  const found = advise(sample, asOf, riskFlags).routes.find((candidate) => candidate.route === name);
  if (found === undefined) throw new Error(`no ${name} in the advice`);
  return found;
}

function openRoutes(sample: SampleCase, asOf: string): EnforcementRoute[] {
  return advise(sample, asOf).routes.filter((candidate) => candidate.open).map((candidate) => candidate.route);
}

const HAN = /[\u4e00-\u9fff]/;

describe(adviseRoutes.name, () => {
  describe('the answer', () => {
    it('lists all seven routes in the DOMAIN §6 order, each with a Chinese reason and an article', () => {
      const advice = advise(effective(), '2026-03-05');

      expect(advice.asOf).toBe('2026-03-05');
      expect(advice.routes.map((candidate) => candidate.route)).toEqual([...ENFORCEMENT_ROUTES]);
      for (const candidate of advice.routes) {
        expect(candidate.reason).toMatch(HAN);
        expect(candidate.basis).toMatch(/Art/);
        for (const note of candidate.notes) expect(note).toMatch(HAN);
      }
    });

    it('keeps every route closed while the dispute is still in intake or mediation', () => {
      for (const sample of [SampleCase.open(), inMediation(), inMediation().given('REACH_AGREEMENT')]) {
        const advice = advise(sample, '2026-03-05');
        expect(advice.routes.filter((candidate) => candidate.open)).toEqual([]);
        expect(advice.routes.every((candidate) => candidate.daysLeft === undefined)).toBe(true);
      }
    });

    it('gives the same advice for the same case and day, and leaves the case untouched', () => {
      const sample = effective();
      const before = JSON.stringify(sample.context);

      expect(advise(sample, '2026-03-05')).toEqual(advise(sample, '2026-03-05'));
      expect(JSON.stringify(sample.context)).toBe(before);
    });
  });

  describe('JUDICIAL_CONFIRMATION (CPL Art.205)', () => {
    it('is open on an effective agreement, counting 30 days from effectiveOn and rolling past National Day', () => {
      // 2026-09-01 + 30 = 2026-10-01, a holiday through 10-07: the last day is 10-08.
      const advice = route(effective({ receivedOn: d('2026-09-01') }), '2026-09-10', 'JUDICIAL_CONFIRMATION');

      expect(advice).toMatchObject({ open: true, basis: 'CPL Art.205', deadlineOn: '2026-10-08', daysLeft: 28, calendarVerified: true });
      expect(advice.notes.join()).toContain('共同申请');
    });

    it('stays open on the rolled last day and closes the day after, keeping the date', () => {
      const sample = effective({ receivedOn: d('2026-09-01') });

      expect(route(sample, '2026-10-08', 'JUDICIAL_CONFIRMATION')).toMatchObject({ open: true, daysLeft: 0 });
      const late = route(sample, '2026-10-09', 'JUDICIAL_CONFIRMATION');
      expect(late).toMatchObject({ open: false, deadlineOn: '2026-10-08' });
      expect(late.daysLeft).toBeUndefined();
      expect(late.reason).toContain('届满');
    });

    it('marks a window that ends in 2027 as unverified, there being no 2027 notice yet', () => {
      expect(route(effective({ receivedOn: d('2026-12-20') }), '2026-12-21', 'JUDICIAL_CONFIRMATION')).toMatchObject({
        open: true,
        deadlineOn: '2027-01-19',
        calendarVerified: false,
      });
    });

    it('closes once confirmation has been applied for, and once it has been granted', () => {
      const requested = effective().given('REQUEST_JUDICIAL_CONFIRMATION');
      expect(route(requested, '2026-03-05', 'JUDICIAL_CONFIRMATION')).toMatchObject({ open: false, reason: expect.stringContaining('审查中') });

      const granted = confirmed();
      expect(route(granted, '2026-03-05', 'JUDICIAL_CONFIRMATION')).toMatchObject({ open: false, reason: expect.stringContaining('已经司法确认') });
    });

    it('points a delegated case to the delegating court (Invited Art.19)', () => {
      const advice = route(effective(DELEGATED), '2026-03-05', 'JUDICIAL_CONFIRMATION');

      expect(advice.open).toBe(true);
      expect(advice.notes.join()).toContain('委派法院');
    });

    it('is closed for an entrusted case, which gets a mediation statement instead', () => {
      const advice = route(effective(ENTRUSTED), '2026-03-05', 'JUDICIAL_CONFIRMATION');

      expect(advice).toMatchObject({ open: false, reason: expect.stringContaining('COURT_MEDIATION_STATEMENT') });
      expect(advice.deadlineOn).toBeUndefined();
    });
  });

  describe('COURT_MEDIATION_STATEMENT (Invited Art.20)', () => {
    it('is open on an effective entrusted agreement, with no countdown', () => {
      const advice = route(effective(ENTRUSTED), '2026-03-05', 'COURT_MEDIATION_STATEMENT');

      expect(advice).toMatchObject({ open: true, basis: 'Invited Art.20', calendarVerified: true });
      expect(advice.deadlineOn).toBeUndefined();
      expect(advice.reason).toContain('调解书');
    });

    it('closes once the entrusting court has been asked, and once it has issued the statement', () => {
      const asked = effective(ENTRUSTED).given('REQUEST_JUDICIAL_CONFIRMATION');
      expect(route(asked, '2026-03-05', 'COURT_MEDIATION_STATEMENT')).toMatchObject({ open: false, reason: expect.stringContaining('审查中') });
      const issued = asked.given('CONFIRM_JUDICIALLY');
      expect(route(issued, '2026-03-05', 'COURT_MEDIATION_STATEMENT')).toMatchObject({ open: false, reason: expect.stringContaining('已出具调解书') });
    });

    it('is closed for union and delegated cases', () => {
      expect(route(effective(), '2026-03-05', 'COURT_MEDIATION_STATEMENT').open).toBe(false);
      expect(route(effective(DELEGATED), '2026-03-05', 'COURT_MEDIATION_STATEMENT').open).toBe(false);
    });
  });

  describe('ARBITRATION_REVIEW (2017 arbitration rules Art.74)', () => {
    it('is open for 15 days from effectiveOn, rolled: 2026-09-16 + 15 falls on National Day and ends 2026-10-08 (E1)', () => {
      const sample = effective({ receivedOn: d('2026-09-16') });

      expect(route(sample, '2026-09-30', 'ARBITRATION_REVIEW')).toMatchObject({ open: true, deadlineOn: '2026-10-08', daysLeft: 8, calendarVerified: true });
      expect(route(sample, '2026-10-08', 'ARBITRATION_REVIEW')).toMatchObject({ open: true, daysLeft: 0 });
      expect(route(sample, '2026-10-09', 'ARBITRATION_REVIEW')).toMatchObject({ open: false, deadlineOn: '2026-10-08' });
    });

    it('says it is informational only, the review time being unconfirmed', () => {
      expect(route(effective(), '2026-03-05', 'ARBITRATION_REVIEW').notes.join()).toContain('仅供参考');
    });

    it('gives an unverified 2027 date for an agreement effective on 2026-12-20 (E10)', () => {
      expect(route(effective({ receivedOn: d('2026-12-20') }), '2026-12-21', 'ARBITRATION_REVIEW')).toMatchObject({
        open: true,
        deadlineOn: '2027-01-04',
        calendarVerified: false,
      });
    });

    it('is only for ordinary cases, and only while the agreement is merely effective', () => {
      expect(route(effective(DELEGATED), '2026-03-05', 'ARBITRATION_REVIEW').open).toBe(false);
      expect(route(effective(ENTRUSTED), '2026-03-05', 'ARBITRATION_REVIEW').open).toBe(false);
      expect(route(effective().given('REQUEST_JUDICIAL_CONFIRMATION'), '2026-03-05', 'ARBITRATION_REVIEW').open).toBe(false);
    });
  });

  describe('PAYMENT_ORDER (LDMAL Art.16; CPL Arts.225–228)', () => {
    it('opens once an instalment is missed, even before the default is reported, with no filing deadline', () => {
      const sample = effective();

      expect(route(sample, '2026-03-12', 'PAYMENT_ORDER')).toMatchObject({ open: false, reason: expect.stringContaining('尚无到期未付') });
      const missed = route(sample, '2026-03-13', 'PAYMENT_ORDER');
      expect(missed).toMatchObject({ open: true, calendarVerified: true });
      expect(missed.deadlineOn).toBeUndefined();
      expect(missed.notes.join()).toContain('无申请期限');
      expect(missed.notes.join()).toContain('Interp-I Art.13');
    });

    it('is open on a defaulted unconfirmed agreement', () => {
      expect(route(effective().given('REPORT_DEFAULT'), '2026-03-13', 'PAYMENT_ORDER').open).toBe(true);
    });

    it('warns that an order cannot be served on an absconded employer, without hiding the route', () => {
      const sample = effective().given('REPORT_DEFAULT');

      const advice = route(sample, '2026-03-13', 'PAYMENT_ORDER', ['EMPLOYER_ABSCONDED']);
      expect(advice.open).toBe(true);
      expect(advice.notes.join()).toMatch(/逃匿.*无法送达/);
      expect(route(sample, '2026-03-13', 'PAYMENT_ORDER', ['HARDSHIP']).notes.join()).not.toContain('逃匿');
    });

    it('needs a pay, injury-medical, compensation or damages item', () => {
      const socialInsurance = [{ kind: 'SOCIAL_INSURANCE' as const, description: '补缴社会保险费', amount: '186000.00' }];
      const advice = route(effective({}, socialInsurance).given('REPORT_DEFAULT'), '2026-03-13', 'PAYMENT_ORDER');

      expect(advice).toMatchObject({ open: false, reason: expect.stringContaining('LDMAL Art.16') });
    });

    it('is closed on a confirmed agreement, which is enforced instead', () => {
      expect(route(confirmed(), '2026-03-13', 'PAYMENT_ORDER')).toMatchObject({ open: false, reason: expect.stringContaining('强制执行') });
    });

    it('is closed once everything overdue has been paid', () => {
      const sample = effective().given('RECORD_PERFORMANCE', { today: d('2026-03-10') });

      expect(route(sample, '2026-03-20', 'PAYMENT_ORDER').open).toBe(false);
    });
  });

  describe('ARBITRATION (LDMAL Arts.14, 15, 27)', () => {
    it.each([
      ['failed', () => inMediation().given('MEDIATION_FAILED')],
      ['rejected', () => SampleCase.open().given('REJECT')],
      ['withdrawn', () => SampleCase.open().given('ACCEPT').given('WITHDRAW')],
    ] as const)('is open after the case closed %s, counting to the limitation dueOn, with the possible interrupted date', (_name, closedCase) => {
      // Pay claims run from the end of employment, 2025-12-31: the limitation ends on Thursday 2026-12-31.
      const sample = closedCase();

      const advice = route(sample, '2026-03-02', 'ARBITRATION');
      expect(advice).toMatchObject({ open: true, deadlineOn: '2026-12-31', daysLeft: 304, ifInterruptedDueOn: '2027-03-02' });
      // The possible date lies in 2027, which has no notice yet.
      expect(advice.calendarVerified).toBe(false);
      expect(advice.notes.join()).toContain('2027-03-02');
    });

    it('closes when the conservative limitation has run out, still naming the possible later date', () => {
      const sample = inMediation().given('MEDIATION_FAILED');

      const advice = route(sample, '2027-01-04', 'ARBITRATION');
      expect(advice).toMatchObject({ open: false, deadlineOn: '2026-12-31', ifInterruptedDueOn: '2027-03-02' });
      expect(advice.daysLeft).toBeUndefined();
      expect(advice.reason).toContain('届满');
    });

    it('has no countdown when there is no limitation row (pay claims of workers still employed)', () => {
      const applicants = Array.from({ length: 12 }, () => ({ employmentRelation: 'CURRENT' as const }));
      const sample = inMediation({ applicants }).given('MEDIATION_FAILED');

      const advice = route(sample, '2026-03-05', 'ARBITRATION');
      expect(advice).toMatchObject({ open: true, calendarVerified: true });
      expect(advice.deadlineOn).toBeUndefined();
      expect(advice.daysLeft).toBeUndefined();
      expect(advice.ifInterruptedDueOn).toBeUndefined();
    });

    it('is open on default of an unconfirmed agreement, counting to the limitation restarted on effectiveOn', () => {
      const advice = route(effective().given('REPORT_DEFAULT'), '2026-03-13', 'ARBITRATION');

      expect(advice).toMatchObject({ open: true, basis: 'LDMAL Arts.15, 27', deadlineOn: '2027-03-02', daysLeft: 354, calendarVerified: false });
      expect(advice.ifInterruptedDueOn).toBeUndefined();
    });

    it('is closed while the agreement is being performed and once it is confirmed', () => {
      expect(route(effective(), '2026-03-05', 'ARBITRATION').open).toBe(false);
      expect(route(confirmed().given('REPORT_DEFAULT'), '2026-03-13', 'ARBITRATION').open).toBe(false);
    });

    it('tells a delegated case that the court files it, and is closed for an entrusted case whose trial resumes', () => {
      const delegated = route(inMediation(DELEGATED).given('MEDIATION_FAILED'), '2026-03-05', 'ARBITRATION');
      expect(delegated.open).toBe(true);
      expect(delegated.notes.join()).toContain('委派法院');

      const entrusted = route(inMediation(ENTRUSTED).given('MEDIATION_FAILED'), '2026-03-05', 'ARBITRATION');
      expect(entrusted).toMatchObject({ open: false, basis: 'Invited Art.21', reason: expect.stringContaining('恢复审理') });
    });
  });

  describe('LITIGATION (Interp-I Art.51; Invited Art.25)', () => {
    it('is open on default of a wage-only agreement, with a limitation note', () => {
      const advice = route(effective().given('REPORT_DEFAULT'), '2026-03-13', 'LITIGATION');

      expect(advice).toMatchObject({ open: true, basis: 'Interp-I Art.51' });
      expect(advice.notes.join()).toContain('仲裁时效截止 2027-03-02');
    });

    it('is closed on default of an agreement that also settles other matters, which goes to arbitration first', () => {
      const mixed: AgreementItem[] = [
        { kind: 'WAGES', description: '拖欠工资', amount: '150000.00' },
        { kind: 'ECONOMIC_COMPENSATION', description: '经济补偿', amount: '36000.00' },
      ];
      const advice = route(effective({}, mixed).given('REPORT_DEFAULT'), '2026-03-13', 'LITIGATION');

      expect(advice).toMatchObject({ open: false, reason: expect.stringContaining('先申请劳动争议仲裁') });
      expect(openRoutes(effective({}, mixed).given('REPORT_DEFAULT'), '2026-03-13')).toEqual(['PAYMENT_ORDER', 'ARBITRATION']);
    });

    it('is open on default of a delegated case whatever its items', () => {
      const mixed: AgreementItem[] = [
        { kind: 'WAGES', description: '拖欠工资', amount: '150000.00' },
        { kind: 'SOCIAL_INSURANCE', description: '补缴社会保险费', amount: '36000.00' },
      ];
      const advice = route(effective(DELEGATED, mixed).given('REPORT_DEFAULT'), '2026-03-13', 'LITIGATION');

      expect(advice).toMatchObject({ open: true, basis: 'Invited Art.25', reason: expect.stringContaining('委派法院') });
    });

    it('is closed before any default and on a confirmed agreement', () => {
      expect(route(effective(), '2026-03-05', 'LITIGATION').open).toBe(false);
      expect(route(confirmed().given('REPORT_DEFAULT'), '2026-03-13', 'LITIGATION').open).toBe(false);
    });
  });

  describe('ENFORCEMENT (CPL Art.250)', () => {
    it('is open on a confirmed agreement with an overdue instalment, until the last instalment + 2 years, rolled', () => {
      // Effective 2026-03-06: the last instalment is due Wednesday 2026-04-15; 2028-04-15 is a Saturday.
      const advice = route(confirmed({ receivedOn: d('2026-03-06') }), '2026-03-17', 'ENFORCEMENT');

      expect(advice).toMatchObject({ open: true, basis: 'CPL Art.250', deadlineOn: '2028-04-17', calendarVerified: false });
      expect(advice.daysLeft).toBe(762);
    });

    it('rolls past a statutory holiday when that year is known', () => {
      // A notice for 2028 as the State Council might publish it; only its shape matters here.
      const calendar = new HolidayCalendar([
        data2025,
        data2026,
        { year: 2027, version: 1, source: 'test', holidays: [], makeUpWorkdays: [] },
        { year: 2028, version: 1, source: 'test', holidays: [{ from: '2028-04-17', to: '2028-04-19', name: '假想假日' }], makeUpWorkdays: [] },
      ]);
      const sample = confirmed({ receivedOn: d('2026-03-06') });

      const advice = adviseRoutes({ state: sample.state, context: sample.context, riskFlags: [] }, d('2026-03-17'), calendar);
      expect(advice.routes.find((candidate) => candidate.route === 'ENFORCEMENT')).toMatchObject({ deadlineOn: '2028-04-20', calendarVerified: true });
    });

    it('is closed while nothing is overdue, and after the two years', () => {
      const sample = confirmed({ receivedOn: d('2026-03-06') });

      expect(route(sample, '2026-03-16', 'ENFORCEMENT')).toMatchObject({ open: false, deadlineOn: '2028-04-17' });
      expect(route(sample, '2028-04-18', 'ENFORCEMENT')).toMatchObject({ open: false, reason: expect.stringContaining('届满') });
    });

    it('is open on an entrusted case whose mediation statement is not performed', () => {
      const sample = effective(ENTRUSTED).given('REQUEST_JUDICIAL_CONFIRMATION').given('CONFIRM_JUDICIALLY');

      expect(openRoutes(sample, '2026-03-13')).toEqual(['ENFORCEMENT']);
    });

    it('is closed without confirmation', () => {
      expect(route(effective().given('REPORT_DEFAULT'), '2026-03-13', 'ENFORCEMENT')).toMatchObject({
        open: false,
        reason: expect.stringContaining('未经司法确认'),
      });
    });
  });

  describe('closed cases', () => {
    it('offers nothing once the agreement has been performed in full', () => {
      const sample = effective().given('RECORD_PERFORMANCE').given('RECORD_PERFORMANCE').given('PERFORMED_IN_FULL');

      expect(sample.state).toBe('closed.resolved');
      expect(openRoutes(sample, '2026-05-01')).toEqual([]);
    });

    it('offers nothing once the case has been referred, naming where it went', () => {
      const sample = effective().given('REPORT_DEFAULT').given('REFER', { payload: { route: 'PAYMENT_ORDER' } });

      const advice = advise(sample, '2026-03-20');
      expect(advice.routes.filter((candidate) => candidate.open)).toEqual([]);
      expect(advice.routes.find((candidate) => candidate.route === 'PAYMENT_ORDER')?.reason).toContain('支付令程序');
    });
  });

  it('never counts negative days: a route with daysLeft is open and its deadline lies ahead', () => {
    const samples = [effective({ receivedOn: d('2026-09-01') }), effective().given('REPORT_DEFAULT'), inMediation().given('MEDIATION_FAILED'), confirmed()];
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.integer({ min: 0, max: 1200 }), (sample, offset) => {
        const asOf: LegalDate = addDays(d('2026-03-02'), offset);
        for (const candidate of advise(sample, asOf).routes) {
          if (candidate.daysLeft === undefined) continue;
          expect(candidate.open).toBe(true);
          expect(candidate.daysLeft).toBeGreaterThanOrEqual(0);
          expect(addDays(asOf, candidate.daysLeft)).toBe(candidate.deadlineOn);
        }
      }),
    );
  });
});
