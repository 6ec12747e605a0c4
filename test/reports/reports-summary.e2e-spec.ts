import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { DeadlineTimerWorker } from '../../src/deadlines/deadline-timer.worker';
import { applicant, Body, CaseDetail, collectiveCaseBody, createCase, individualCaseBody } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, signIn, SignedInUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';
import { parseCsv, sectionsOf } from './csv-reader';

/** A Liaoyuan wall-clock time, e.g. shanghai('2026-07-01', '10:00') or shanghai('2026-09-05', '00:00:01'). */
const shanghai = (date: string, time = '10:00') => `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;

const RANGE = 'from=2026-07-01&to=2026-09-30';

interface Counts {
  received: number;
  workersCovered: number;
  collectiveCases: number;
  open: number;
  outcomes: { resolved: number; failed: number; withdrawn: number; referred: number; rejected: number; total: number };
  successRate: number | null;
  agreements: number;
  averageDaysToAgreement: number | null;
  p90DaysToAgreement: number | null;
  amounts: { claimed: string; agreed: string; paid: string };
}

type Outcomes = Partial<Omit<Counts['outcomes'], 'total'>>;

/** The main counts, zero unless given; the outcome total is the sum of the five. */
function counts(given: Partial<Omit<Counts, 'outcomes' | 'amounts'>> & { outcomes?: Outcomes; amounts?: Partial<Counts['amounts']> } = {}): Counts {
  const o = { resolved: 0, failed: 0, withdrawn: 0, referred: 0, rejected: 0, ...given.outcomes };
  return {
    received: 0,
    workersCovered: 0,
    collectiveCases: 0,
    open: 0,
    successRate: null,
    agreements: 0,
    averageDaysToAgreement: null,
    p90DaysToAgreement: null,
    ...given,
    outcomes: { ...o, total: o.resolved + o.failed + o.withdrawn + o.referred + o.rejected },
    amounts: { claimed: '0.00', agreed: '0.00', paid: '0.00', ...given.amounts },
  };
}

interface Summary {
  from: string;
  to: string;
  groupBy: string | null;
  totals: Counts;
  receivedBySource: { key: string; label: string; count: number }[];
  receivedByClaimType: { key: string; label: string; count: number; claimed: string }[];
  openByState: { key: string; count: number }[];
  openByRiskLevel: { key: string; count: number }[];
  deadlinesMissed: { total: number; byKind: { key: string; count: number }[] };
  judicialConfirmations: { requested: number; granted: number; refused: number };
  groups: (Counts & { key: string | null; label: string })[];
  [key: string]: unknown;
}

const nonZero = (entries: { key: string; count: number }[]) => Object.fromEntries(entries.filter((e) => e.count > 0).map((e) => [e.key, e.count]));

/**
 * A known quarter (2026-07-01 to 2026-09-30) of one union studio, built through the API on a fixed clock that only
 * moves forward. Eleven cases of the studio, one of another studio:
 *
 *   case  source            received            mediator  what happens                                          open now
 *   C9    WALK_IN           06-10               -         acceptance missed 06-15, rejected 06-16               no
 *   C0    WALK_IN           06-20               M2        agreed 10000.10 effective 07-02 (12 d), paid 07-20,   no
 *                                                         resolved 07-20
 *   C1    WALK_IN           07-01 00:30 (UTC    M1        agreed 20000.20 effective 07-15 (14 d), confirmation  no
 *                           06-30 16:30)                  asked of court K 07-15 (no ruling by 07-30), paid
 *                                                         10000.10 on 07-25 and 08-25, resolved 08-25
 *   C2    WALK_IN, 12 wkrs  07-15               M1        agreed 186000.00 effective 07-24 (9 d), paid 0.20,     no
 *                                                         confirmation window (to 08-24) let pass, instalment
 *                                                         of 08-25 missed, default, referred 08-26
 *   C3    DELEGATED by K    08-03               M2        agreed 1000.10 effective 08-31 (28 d), confirmation   yes
 *                                                         asked 08-31, granted 09-07; paid 500.00 09-15, 500.10 10-01
 *   C4    HOTLINE           08-20               M1        mediation period (due 09-04) expired: failed 09-05    no
 *   C5    ONLINE            09-01               -         rejected 09-01                                        no
 *   C6    WALK_IN           09-10               M1        withdrawn 09-10                                       no
 *   C7    LABOR_INSPECTION  09-20               -         acceptance missed (due 09-23)                         yes
 *   C10   ENTRUSTED by K2   09-22               M1        in mediation                                          yes
 *   C8    WALK_IN           10-01 00:30 (UTC    -         rejected 10-01                                        no
 *                           09-30 16:30)
 *   CB1   (other studio)    07-20               MB        agreed 5000.05 effective 07-22, paid, resolved 07-22  no
 *
 * Claims: C0, C1, C6, C10 the factory's OVERTIME 18600.00 + ECONOMIC_COMPENSATION 12000 (30600.00); C2 WAGE_ARREARS
 * 186000.00; C3 WAGE_ARREARS 1000.10; C4 OVERTIME 2000.20; C5 SOCIAL_INSURANCE without amount; C7 WAGE_ARREARS 3000.20.
 * The reports are read on 2026-10-02.
 */
describe('GET /api/reports/summary', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(shanghai('2026-06-10')));
  let supervisor: SignedInUser;
  let admin: SignedInUser;
  let m1: SignedInUser;
  let m2: SignedInUser;
  let liaison: SignedInUser;
  let otherLiaison: SignedInUser;
  let otherSupervisor: SignedInUser;
  let otherMediator: SignedInUser;
  let courtK: string;
  let courtK2: string;
  const ids: Record<string, string> = {};
  const signedInAt = new Map<SignedInUser, number>();

  // Tokens last one working day and the clock jumps by weeks: whoever acts after a jump signs in again, as at a desk.
  async function auth(user: SignedInUser): Promise<{ authorization: string }> {
    const now = clock.now().getTime();
    if (signedInAt.get(user) !== now) {
      user.token = await signIn(t, user.user.username, user.password);
      user.auth = { authorization: `Bearer ${user.token}` };
      signedInAt.set(user, now);
    }
    return user.auth;
  }

  async function at(date: string, time = '10:00'): Promise<void> {
    const next = new Date(shanghai(date, time));
    if (Number.isNaN(next.getTime()) || next.getTime() < clock.now().getTime()) throw new Error(`the clock only moves forward: ${date} ${time}`);
    clock.set(next);
  }

  async function send(user: SignedInUser, name: string, body: Body): Promise<CaseDetail> {
    const res = await t.request({ method: 'POST', url: `/api/cases/${ids[name]}/events`, payload: body, headers: await auth(user) });
    if (res.statusCode !== 200) throw new Error(`${name} ${String(body.type)} answered ${res.statusCode}: ${res.body}`);
    return res.json() as CaseDetail;
  }

  async function register(user: SignedInUser, name: string, body: Body): Promise<CaseDetail> {
    const created = await createCase(t, { ...user, auth: await auth(user) }, body);
    ids[name] = created.id;
    return created;
  }

  /** One worker who left in May and claims the factory's overtime and compensation. */
  function individual(receivedAt: string, overrides: Body = {}): Body {
    return individualCaseBody({
      receivedAt,
      applicants: [applicant({ employmentEndedOn: '2026-05-31' })],
      knewOrShouldHaveKnownAt: '2026-05-31',
      ...overrides,
    });
  }

  async function takeOn(mediator: SignedInUser, name: string, on: string): Promise<void> {
    await send(mediator, name, { type: 'ACCEPT' });
    await send(mediator, name, { type: 'RESPONDENT_CONSENTS', consentedOn: on, channel: 'PHONE' });
  }

  /** Agreement on wages paid by `schedule`, signed by all four; effective today. */
  async function agree(mediator: SignedInUser, name: string, total: string, schedule: [string, string][], extra: Body = {}): Promise<void> {
    const terms = {
      facts: '被申请人拖欠申请人工资。',
      disputedMatters: '欠薪数额及支付期限',
      items: [{ kind: 'WAGES', description: '支付拖欠工资', amount: total }],
      schedule: schedule.map(([dueOn, amount], index) => ({ no: index + 1, dueOn, amount })),
      waiverOfOtherClaims: true,
      ...extra,
    };
    await send(mediator, name, { type: 'REACH_AGREEMENT', terms });
    for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR']) await send(mediator, name, { type: 'SIGN', party });
    const effective = await send(sealFor(mediator), name, { type: 'SIGN', party: 'ORGANIZATION' });
    if (effective.state !== 'agreement.effective') throw new Error(`${name} is ${effective.state} after the last signature`);
  }

  const sealFor = (mediator: SignedInUser) => (mediator === otherMediator ? otherSupervisor : supervisor);

  const pay = (mediator: SignedInUser, name: string, amountPaid: string, paidOn: string) =>
    send(mediator, name, { type: 'RECORD_PERFORMANCE', amountPaid, paidOn });

  /** Hardship assistance proposed by the case's mediator and, unless `decision` is null, decided by the supervisor. */
  async function assist(mediator: SignedInUser, name: string, body: Body, decision: 'approve' | 'reject' | null = 'approve'): Promise<void> {
    const proposed = await t.request({ method: 'POST', url: `/api/cases/${ids[name]}/assistance`, payload: body, headers: await auth(mediator) });
    if (proposed.statusCode !== 201) throw new Error(`${name} assistance answered ${proposed.statusCode}: ${proposed.body}`);
    if (decision === null) return;
    const decided = await t.request({
      method: 'POST',
      url: `/api/cases/${ids[name]}/assistance/${(proposed.json() as { id: string }).id}/${decision}`,
      payload: decision === 'approve' ? {} : { note: '已享受同类帮扶，不重复发放' },
      headers: await auth(supervisor),
    });
    if (decided.statusCode !== 200) throw new Error(`${name} assistance ${decision} answered ${decided.statusCode}: ${decided.body}`);
  }

  /** Runs a deadline's expiry the way its durable timer does, once the clock is past 00:00 after the due date. */
  async function expire(name: string, kind: string, dueOn: string): Promise<string> {
    const detail = (await t.request({ method: 'GET', url: `/api/cases/${ids[name]}`, headers: await auth(supervisor) })).json() as CaseDetail;
    const deadline = detail.deadlines.find((d) => d.kind === kind && d.status === 'PENDING');
    if (deadline?.dueOn !== dueOn) throw new Error(`${name} ${kind} is due ${deadline?.dueOn}, not ${dueOn}`);
    return t.app.get(DeadlineTimerWorker).fire({ deadlineId: deadline.id, caseId: ids[name], action: 'EXPIRE', dueOn }, `test-expiry-${name}`);
  }

  async function summary(user: SignedInUser, query = RANGE): Promise<Summary> {
    const res = await t.request({ method: 'GET', url: `/api/reports/summary?${query}`, headers: await auth(user) });
    if (res.statusCode !== 200) throw new Error(`summary answered ${res.statusCode}: ${res.body}`);
    return res.json() as Summary;
  }

  beforeAll(async () => {
    t = await createTestApp({ clock });
    supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', displayName: '赵主任' });
    const org = supervisor.user.organizationId;
    admin = await createSignedInUser(t, { role: 'ADMIN', organizationId: org });
    m1 = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: org, displayName: '李明' });
    m2 = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: org, displayName: '王芳' });
    courtK = (await createOrganization(t, { kind: 'COURT', name: '辽源市龙山区人民法院' })).id;
    courtK2 = (await createOrganization(t, { kind: 'COURT', name: '辽源市西安区人民法院' })).id;
    liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: courtK });
    otherLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: courtK2 });
    otherSupervisor = await createSignedInUser(t, { role: 'SUPERVISOR' });
    otherMediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: otherSupervisor.user.organizationId });

    await register(supervisor, 'C9', individual(shanghai('2026-06-10', '09:30')));
    await at('2026-06-16', '00:00:01');
    await expire('C9', 'ACCEPTANCE_DECISION', '2026-06-15');
    await at('2026-06-16');
    await send(supervisor, 'C9', { type: 'REJECT', reason: 'DUPLICATE', note: '与在办案件重复' });

    await at('2026-06-20');
    await register(m2, 'C0', individual(shanghai('2026-06-20', '09:30')));
    await takeOn(m2, 'C0', '2026-06-20');

    await at('2026-07-01');
    const c1 = await register(m1, 'C1', individual('2026-06-30T16:30:00Z'));
    expect(c1.receivedOn).toBe('2026-07-01');
    await takeOn(m1, 'C1', '2026-07-01');

    await at('2026-07-02');
    await agree(m2, 'C0', '10000.10', [['2026-07-20', '10000.10']]);

    await at('2026-07-15');
    await agree(m1, 'C1', '20000.20', [['2026-07-25', '10000.10'], ['2026-08-25', '10000.10']]);
    await send(m1, 'C1', { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true, courtId: courtK });
    const collective = collectiveCaseBody({ receivedAt: shanghai('2026-07-15', '09:30'), knewOrShouldHaveKnownAt: '2026-07-01' });
    collective.applicants = (collective.applicants as Body[]).map((a) => ({ ...a, employmentEndedOn: '2026-06-30' }));
    await register(m1, 'C2', collective);
    await takeOn(m1, 'C2', '2026-07-15');

    await at('2026-07-20');
    await pay(m2, 'C0', '10000.10', '2026-07-20');
    await send(m2, 'C0', { type: 'PERFORMED_IN_FULL' });
    await register(otherMediator, 'CB1', individual(shanghai('2026-07-20', '09:30')));
    await takeOn(otherMediator, 'CB1', '2026-07-20');

    await at('2026-07-22');
    await agree(otherMediator, 'CB1', '5000.05', [['2026-07-22', '5000.05']]);
    await pay(otherMediator, 'CB1', '5000.05', '2026-07-22');
    await send(otherMediator, 'CB1', { type: 'PERFORMED_IN_FULL' });

    await at('2026-07-24');
    await agree(m1, 'C2', '186000.00', [['2026-08-25', '93000.00'], ['2026-09-25', '93000.00']], { collectiveConsentRecorded: true });
    await assist(m1, 'C2', { kind: 'RELIEF_FUNDS', amount: '2400.00', givenOn: '2026-07-24', note: '十二名职工欠薪期间生活困难，每人200元' });
    await assist(m1, 'C2', { applicantPosition: 0, kind: 'LEGAL_AID', givenOn: '2026-07-24', note: '为代表人联系法律援助' });
    await assist(m1, 'C1', { applicantPosition: 0, kind: 'JOB_REFERRAL', givenOn: '2026-07-24', note: '推荐到园区企业面试' });
    await assist(m1, 'C1', { applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '800.00', givenOn: '2026-07-24', note: '重复申请' }, 'reject');

    await at('2026-07-25');
    await pay(m1, 'C1', '10000.10', '2026-07-25');

    await at('2026-08-03');
    await register(supervisor, 'C3', individual(shanghai('2026-08-03', '09:30'), {
      source: 'COURT_DELEGATED',
      courtOrgId: courtK,
      claims: [{ type: 'WAGE_ARREARS', amount: '1000.10', description: '2026年5月工资' }],
      arrearsMonths: 1,
    }));
    await takeOn(m2, 'C3', '2026-08-03');

    await at('2026-08-20');
    await register(m1, 'C4', individual(shanghai('2026-08-20', '09:30'), {
      source: 'HOTLINE',
      claims: [{ type: 'OVERTIME', amount: '2000.20', description: '2026年4月至5月加班费' }],
    }));
    await takeOn(m1, 'C4', '2026-08-20');

    await at('2026-08-25');
    await pay(m1, 'C1', '10000.10', '2026-08-25');
    await send(m1, 'C1', { type: 'PERFORMED_IN_FULL' });
    await pay(m1, 'C2', '0.20', '2026-08-25');

    await at('2026-08-26');
    await send(m1, 'C2', { type: 'REPORT_DEFAULT' });
    await send(m1, 'C2', { type: 'REFER', route: 'PAYMENT_ORDER' });

    await at('2026-08-31');
    await agree(m2, 'C3', '1000.10', [['2026-09-15', '500.00'], ['2026-10-15', '500.10']]);
    await send(m2, 'C3', { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true });

    await at('2026-09-01');
    await register(supervisor, 'C5', individual(shanghai('2026-09-01', '09:30'), {
      source: 'ONLINE',
      claims: [{ type: 'SOCIAL_INSURANCE', description: '补缴社会保险' }],
    }));
    await send(supervisor, 'C5', { type: 'REJECT', reason: 'OUT_OF_SCOPE', note: '不属于调解受理范围' });

    await at('2026-09-05', '00:00:01');
    expect(await expire('C4', 'MEDIATION_PERIOD', '2026-09-04')).toBe('EVENT_APPLIED');

    await at('2026-09-07');
    await send(liaison, 'C3', { type: 'CONFIRM_JUDICIALLY', rulingNumber: '（2026）吉0402民特88号', ruledOn: '2026-09-07' });

    await at('2026-09-10');
    await register(m1, 'C6', individual(shanghai('2026-09-10', '09:30')));
    await send(m1, 'C6', { type: 'ACCEPT' });
    await send(m1, 'C6', { type: 'WITHDRAW', by: 'APPLICANT' });

    await at('2026-09-15');
    await pay(m2, 'C3', '500.00', '2026-09-15');

    await at('2026-09-20');
    await register(supervisor, 'C7', individual(shanghai('2026-09-20', '09:30'), {
      source: 'LABOR_INSPECTION',
      claims: [{ type: 'WAGE_ARREARS', amount: '3000.20', description: '2026年8月工资' }],
      arrearsMonths: 1,
    }));

    await at('2026-09-22');
    await register(supervisor, 'C10', individual(shanghai('2026-09-22', '09:30'), {
      source: 'COURT_ENTRUSTED',
      courtOrgId: courtK2,
      courtCaseNumber: '（2026）吉0403民初1234号',
      courtProcedure: 'ORDINARY',
    }));
    await takeOn(m1, 'C10', '2026-09-22');

    await at('2026-09-24', '00:00:01');
    await expire('C7', 'ACCEPTANCE_DECISION', '2026-09-23');

    await at('2026-10-01', '00:40');
    const c8 = await register(supervisor, 'C8', individual('2026-09-30T16:30:00Z'));
    expect(c8.receivedOn).toBe('2026-10-01');
    await at('2026-10-01');
    await send(supervisor, 'C8', { type: 'REJECT', reason: 'DUPLICATE', note: '与C1重复' });
    await pay(m2, 'C3', '500.10', '2026-10-01');
    await assist(m2, 'C3', { applicantPosition: 0, kind: 'FESTIVAL_CONDOLENCE', amount: '300.00', givenOn: '2026-10-01', note: '国庆节慰问' });
    await assist(m2, 'C3', { applicantPosition: 0, kind: 'RELIEF_FUNDS', amount: '500.50', givenOn: '2026-09-30', note: '待批准' }, null);

    await at('2026-10-02');
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('counts the quarter of the supervisor’s organization exactly, every amount to the cent', async () => {
    const report = await summary(supervisor);
    expect(report).toMatchObject({ from: '2026-07-01', to: '2026-09-30', timeZone: 'Asia/Shanghai', currency: 'CNY', groupBy: null, groups: [] });
    expect(report.generatedAt).toBe('2026-10-02T02:00:00.000Z');
    expect(report.totals).toEqual(
      counts({
        // C1 (received 00:30 on 07-01 in Liaoyuan, 16:30 UTC the day before) is in; C8 (00:30 on 10-01) and C0, C9 are out.
        received: 8,
        workersCovered: 19,
        collectiveCases: 1,
        open: 3,
        // C0 was received before the range but closed inside it; C9 and C8 closed outside it.
        outcomes: { resolved: 2, failed: 1, withdrawn: 1, referred: 1, rejected: 1 },
        // resolved / (closed − rejected) = 2 / 5.
        successRate: 0.4,
        agreements: 4,
        // 12, 14, 9 and 28 days: mean 15.75; percentile_disc(0.9) is the observed 28 (percentile_cont would say 23.8).
        averageDaysToAgreement: 15.8,
        p90DaysToAgreement: 28,
        amounts: {
          claimed: '283800.50',
          agreed: '217000.40',
          // 10000.10 + 10000.10 + 10000.10 + 0.20 + 500.00; C3's 500.10 was paid on 10-01, CB1's in another studio.
          paid: '30500.50',
        },
      }),
    );
    expect(nonZero(report.receivedBySource)).toEqual({ WALK_IN: 3, HOTLINE: 1, ONLINE: 1, COURT_DELEGATED: 1, COURT_ENTRUSTED: 1, LABOR_INSPECTION: 1 });
    expect(report.receivedBySource.map((s) => s.key)).toEqual(['WALK_IN', 'HOTLINE', 'ONLINE', 'WRITTEN', 'COURT_DELEGATED', 'COURT_ENTRUSTED', 'LABOR_INSPECTION']);
    expect(report.receivedBySource[0].label).toBe('来访申请');
    expect(report.receivedByClaimType.filter((c) => c.count > 0)).toEqual([
      { key: 'WAGE_ARREARS', label: '拖欠工资', count: 3, claimed: '190000.30' },
      { key: 'OVERTIME', label: '加班费', count: 4, claimed: '57800.20' },
      { key: 'SOCIAL_INSURANCE', label: '社会保险', count: 1, claimed: '0.00' },
      { key: 'ECONOMIC_COMPENSATION', label: '经济补偿', count: 3, claimed: '36000.00' },
    ]);
    expect(nonZero(report.openByState)).toEqual({ 'intake.registered': 1, 'mediation.active': 1, 'agreement.confirmed': 1 });
    expect(report.openByState.map((s) => s.key)).not.toContain('closed.resolved');
    // C7's acceptance, C4's mediation period and C2's first instalment expired; closing C1 found the court's decision
    // (due 07-30) overdue and closing C2 its confirmation window (due 08-24): both were recorded MISSED. C9's acceptance
    // (due 06-15) was missed before the range; C2's second instalment (due 09-25) was cancelled when it closed.
    expect(report.deadlinesMissed.total).toBe(5);
    expect(nonZero(report.deadlinesMissed.byKind)).toEqual({
      ACCEPTANCE_DECISION: 1, MEDIATION_PERIOD: 1, PAYMENT_DUE: 1, COURT_DECISION: 1, JUDICIAL_CONFIRMATION_WINDOW: 1,
    });
    expect(report.judicialConfirmations).toEqual({ requested: 2, granted: 1, refused: 0 });
    // Approved and given in the quarter: C2's relief for the whole case (its 12 workers) and its legal aid to one of them,
    // C1's job referral. Not counted: C1's rejected relief, C3's condolence given on 10-01 and its relief still proposed.
    expect(report.assistance).toEqual({ count: 3, people: 13, amount: '2400.00' });
  });

  it('counts open cases by the risk level each one holds now', async () => {
    const report = await summary(supervisor);
    // C10: no rule matched on 09-22, before National Day's lead time (BLUE). C3: one month of arrears (YELLOW), raised a
    // step inside National Day by its payment on 10-01 (ORANGE). C7: its missed acceptance (ORANGE) recomputed on 09-24,
    // inside the lead time (RED).
    expect(report.openByRiskLevel).toEqual([
      { key: 'BLUE', label: '蓝色', count: 1 },
      { key: 'YELLOW', label: '黄色', count: 0 },
      { key: 'ORANGE', label: '橙色', count: 1 },
      { key: 'RED', label: '红色', count: 1 },
    ]);
  });

  it('gives an administrator of the organization the same numbers', async () => {
    expect(await summary(admin, `${RANGE}&groupBy=mediator`)).toEqual(await summary(supervisor, `${RANGE}&groupBy=mediator`));
  });

  it('breaks the counts down by source, each number still bucketed by its own date', async () => {
    const report = await summary(supervisor, `${RANGE}&groupBy=source`);
    expect(report.groups).toEqual([
      {
        key: 'WALK_IN',
        label: '来访申请',
        ...counts({
          received: 3, workersCovered: 14, collectiveCases: 1,
          outcomes: { resolved: 2, withdrawn: 1, referred: 1 }, successRate: 0.5,
          // 12, 14 and 9 days.
          agreements: 3, averageDaysToAgreement: 11.7, p90DaysToAgreement: 14,
          amounts: { claimed: '247200.00', agreed: '216000.30', paid: '30000.50' },
        }),
      },
      { key: 'HOTLINE', label: '热线（12351）', ...counts({ received: 1, workersCovered: 1, outcomes: { failed: 1 }, successRate: 0, amounts: { claimed: '2000.20' } }) },
      { key: 'ONLINE', label: '网上申请', ...counts({ received: 1, workersCovered: 1, outcomes: { rejected: 1 } }) },
      {
        key: 'COURT_DELEGATED',
        label: '法院委派',
        ...counts({
          received: 1, workersCovered: 1, open: 1, agreements: 1, averageDaysToAgreement: 28, p90DaysToAgreement: 28,
          amounts: { claimed: '1000.10', agreed: '1000.10', paid: '500.00' },
        }),
      },
      { key: 'COURT_ENTRUSTED', label: '法院委托', ...counts({ received: 1, workersCovered: 1, open: 1, amounts: { claimed: '30600.00' } }) },
      { key: 'LABOR_INSPECTION', label: '劳动监察移送', ...counts({ received: 1, workersCovered: 1, open: 1, amounts: { claimed: '3000.20' } }) },
    ]);
  });

  it('breaks the counts down by receipt month, including the June case that closed inside the range', async () => {
    const report = await summary(supervisor, `${RANGE}&groupBy=month`);
    expect(report.groups).toEqual([
      {
        key: '2026-06', label: '2026-06',
        ...counts({ outcomes: { resolved: 1 }, successRate: 1, agreements: 1, averageDaysToAgreement: 12, p90DaysToAgreement: 12, amounts: { agreed: '10000.10', paid: '10000.10' } }),
      },
      {
        key: '2026-07', label: '2026-07',
        ...counts({
          received: 2, workersCovered: 13, collectiveCases: 1, outcomes: { resolved: 1, referred: 1 }, successRate: 0.5,
          agreements: 2, averageDaysToAgreement: 11.5, p90DaysToAgreement: 14,
          amounts: { claimed: '216600.00', agreed: '206000.20', paid: '20000.40' },
        }),
      },
      {
        key: '2026-08', label: '2026-08',
        ...counts({
          received: 2, workersCovered: 2, open: 1, outcomes: { failed: 1 }, successRate: 0,
          agreements: 1, averageDaysToAgreement: 28, p90DaysToAgreement: 28,
          amounts: { claimed: '3000.30', agreed: '1000.10', paid: '500.00' },
        }),
      },
      {
        key: '2026-09', label: '2026-09',
        ...counts({ received: 4, workersCovered: 4, open: 2, outcomes: { withdrawn: 1, rejected: 1 }, successRate: 0, amounts: { claimed: '64200.20' } }),
      },
    ]);
  });

  it('breaks the counts down by mediator, by name, with the unassigned cases last', async () => {
    const report = await summary(supervisor, `${RANGE}&groupBy=mediator`);
    expect(report.groups).toEqual([
      {
        key: m1.user.id, label: '李明',
        ...counts({
          received: 5, workersCovered: 16, collectiveCases: 1, open: 1,
          outcomes: { resolved: 1, failed: 1, withdrawn: 1, referred: 1 }, successRate: 0.25,
          agreements: 2, averageDaysToAgreement: 11.5, p90DaysToAgreement: 14,
          amounts: { claimed: '279800.20', agreed: '206000.20', paid: '20000.40' },
        }),
      },
      {
        key: m2.user.id, label: '王芳',
        ...counts({
          received: 1, workersCovered: 1, open: 1, outcomes: { resolved: 1 }, successRate: 1,
          agreements: 2, averageDaysToAgreement: 20, p90DaysToAgreement: 28,
          amounts: { claimed: '1000.10', agreed: '11000.20', paid: '10500.10' },
        }),
      },
      { key: null, label: '未分配调解员', ...counts({ received: 2, workersCovered: 2, open: 1, outcomes: { rejected: 1 }, amounts: { claimed: '3000.20' } }) },
    ]);
  });

  it('breaks the counts down by outcome, open cases last', async () => {
    const report = await summary(supervisor, `${RANGE}&groupBy=outcome`);
    expect(report.groups.map((g) => [g.key, g.label, g.received, g.outcomes.total, g.open])).toEqual([
      ['RESOLVED', '调解成功（履行完毕）', 1, 2, 0],
      ['FAILED', '调解不成', 1, 1, 0],
      ['WITHDRAWN', '申请人撤回', 1, 1, 0],
      ['REFERRED', '转入其他程序', 1, 1, 0],
      ['REJECTED', '不予受理', 1, 1, 0],
      ['OPEN', '未结案', 3, 0, 3],
    ]);
  });

  it("breaks the counts down by claim type, a case under each of its types with that type's amounts", async () => {
    const report = await summary(supervisor, `${RANGE}&groupBy=claimType`);
    expect(report.groups.map((g) => g.key)).toEqual(['WAGE_ARREARS', 'OVERTIME', 'SOCIAL_INSURANCE', 'ECONOMIC_COMPENSATION']);
    // C0 and C1 are both OVERTIME cases: 10000.10 + 20000.20 is 30000.300000000003 in floating point.
    expect(report.groups[1]).toEqual({
      key: 'OVERTIME', label: '加班费',
      ...counts({
        received: 4, workersCovered: 4, open: 1, outcomes: { resolved: 2, failed: 1, withdrawn: 1 }, successRate: 0.5,
        agreements: 2, averageDaysToAgreement: 13, p90DaysToAgreement: 14,
        amounts: { claimed: '57800.20', agreed: '30000.30', paid: '30000.30' },
      }),
    });
  });

  it('adds up the groups of every partition to the totals', async () => {
    const { totals } = await summary(supervisor);
    for (const groupBy of ['month', 'source', 'mediator', 'outcome']) {
      const { groups } = await summary(supervisor, `${RANGE}&groupBy=${groupBy}`);
      const sum = (read: (c: Counts) => number) => groups.reduce((total, g) => total + read(g), 0);
      expect([sum((c) => c.received), sum((c) => c.open), sum((c) => c.outcomes.total), sum((c) => c.agreements)])
        .toEqual([totals.received, totals.open, totals.outcomes.total, totals.agreements]);
    }
  });

  describe('scope', () => {
    it("shows a court liaison only the cases their court referred (C3) or reviews (C1)", async () => {
      const report = await summary(liaison);
      expect(report.totals).toEqual(
        counts({
          received: 2, workersCovered: 2, open: 1, outcomes: { resolved: 1 }, successRate: 1,
          agreements: 2, averageDaysToAgreement: 21, p90DaysToAgreement: 28,
          amounts: { claimed: '31600.10', agreed: '21000.30', paid: '20500.20' },
        }),
      );
      expect(nonZero(report.receivedBySource)).toEqual({ WALK_IN: 1, COURT_DELEGATED: 1 });
      expect(report.judicialConfirmations).toEqual({ requested: 2, granted: 1, refused: 0 });
      // The court never ruled on C1's application (due 07-30); the case was paid in full first.
      expect(nonZero(report.deadlinesMissed.byKind)).toEqual({ COURT_DECISION: 1 });
      // Hardship assistance is the union's own business.
      expect(report.assistance).toBeNull();
    });

    it('shows another court’s liaison only the case that court entrusted', async () => {
      const report = await summary(otherLiaison, `${RANGE}&groupBy=mediator`);
      expect(report.totals).toEqual(counts({ received: 1, workersCovered: 1, open: 1, amounts: { claimed: '30600.00' } }));
      expect(report.groups.map((g) => g.label)).toEqual(['李明']);
      expect(report.judicialConfirmations).toEqual({ requested: 0, granted: 0, refused: 0 });
    });

    it("never counts another organization's cases, nor theirs ours", async () => {
      const report = await summary(otherSupervisor);
      expect(report.assistance).toEqual({ count: 0, people: 0, amount: '0.00' });
      expect(report.totals).toEqual(
        counts({
          received: 1, workersCovered: 1, outcomes: { resolved: 1 }, successRate: 1,
          agreements: 1, averageDaysToAgreement: 2, p90DaysToAgreement: 2,
          amounts: { claimed: '30600.00', agreed: '5000.05', paid: '5000.05' },
        }),
      );
    });

    it('answers a mediator 403 on every format', async () => {
      for (const path of ['summary', 'summary.csv', 'summary.xlsx']) {
        const res = await t.request({ method: 'GET', url: `/api/reports/${path}?${RANGE}`, headers: await auth(m1) });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    });

    it('answers 401 without a token', async () => {
      expect((await t.request({ method: 'GET', url: `/api/reports/summary?${RANGE}` })).statusCode).toBe(401);
    });
  });

  describe('CSV', () => {
    it('is UTF-8 with a BOM, one section per table, Chinese headers, amounts as exact strings, and audited', async () => {
      const before = await exportsAudited();
      const res = await t.request({ method: 'GET', url: `/api/reports/summary.csv?${RANGE}&groupBy=source`, headers: await auth(supervisor) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="tiaojie-summary_2026-07-01_2026-09-30.csv"; filename*=UTF-8''${encodeURIComponent('调解统计报表_2026-07-01至2026-09-30.csv')}`,
      );
      expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

      const sections = sectionsOf(parseCsv(res.rawPayload.toString('utf8').slice(1)));
      expect(sections.map((s) => s.title)).toEqual(['报表说明', '总体指标', '受理来源', '请求类型', '在办案件状态', '在办案件风险等级', '逾期期限', '按案件来源分组']);
      const totals = sections[1];
      expect(totals.header).toEqual(['指标', '数值']);
      const value = (name: string) => totals.rows.find((row) => row[0] === name)?.[1];
      expect([value('受理案件数'), value('调解成功率'), value('请求金额（元）'), value('协议金额（元）'), value('履行金额（元）')]).toEqual(['8', '40.00%', '283800.50', '217000.40', '30500.50']);
      expect([value('收件至协议生效平均天数'), value('收件至协议生效P90天数'), value('司法确认申请数'), value('逾期期限数')]).toEqual(['15.8', '28', '2', '5']);
      expect([value('困难帮扶次数（已批准）'), value('困难帮扶人数'), value('困难帮扶金额（元）')]).toEqual(['3', '13', '2400.00']);
      expect(sections[3].rows).toContainEqual(['拖欠工资', '3', '190000.30']);
      const groups = sections[7];
      expect(groups.header.slice(0, 3)).toEqual(['案件来源', '受理案件数', '覆盖劳动者人数']);
      expect(groups.rows[0]).toEqual(['来访申请', '3', '14', '1', '0', '4', '2', '0', '1', '1', '0', '50.00%', '3', '11.7', '14', '247200.00', '216000.30', '30000.50']);
      // No rate without a mediated closure, no days without an agreement: empty cells, not zeros.
      expect(groups.rows.find((row) => row[0] === '网上申请')?.slice(11, 15)).toEqual(['', '0', '', '']);

      expect(await exportsAudited()).toEqual([...before, { format: 'CSV', from: '2026-07-01', to: '2026-09-30', groupBy: 'source', report: 'SUMMARY' }]);
    });
  });

  describe('XLSX', () => {
    it('has one sheet per table, a bold header row, and amounts as number cells formatted #,##0.00', async () => {
      const res = await t.request({ method: 'GET', url: `/api/reports/summary.xlsx?${RANGE}`, headers: await auth(liaison) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toContain('filename="tiaojie-summary_2026-07-01_2026-09-30.xlsx"');

      const workbook = new Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['报表说明', '总体指标', '受理来源', '请求类型', '在办案件状态', '在办案件风险等级', '逾期期限']);
      const sheet = workbook.getWorksheet('总体指标')!;
      expect(sheet.getRow(1).values).toEqual([undefined, '指标', '数值']);
      expect(sheet.getCell('A1').font?.bold).toBe(true);
      const rowOf = (name: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(1).value === name)!;
      const agreed = rowOf('协议金额（元）').getCell(2);
      expect(agreed.value).toBe(21000.3);
      expect(agreed.numFmt).toBe('#,##0.00');
      expect(rowOf('调解成功率').getCell(2).value).toBe(1);
      expect(rowOf('调解成功率').getCell(2).numFmt).toBe('0.00%');
      expect(rowOf('受理案件数').getCell(2).value).toBe(2);
      // The liaison's workbook has no hardship rows: assistance is the union's own business.
      expect(rowOf('困难帮扶人数')).toBeUndefined();
      expect(workbook.getWorksheet('请求类型')!.getRow(2).values).toEqual([undefined, '拖欠工资', 1, 1000.1]);
    });
  });

  describe('query validation', () => {
    async function problems(query: string): Promise<string[]> {
      const res = await t.request({ method: 'GET', url: `/api/reports/summary?${query}`, headers: await auth(supervisor) });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      return (res.json().details as { field: string; code: string }[]).map((d) => `${d.field}:${d.code}`).sort();
    }

    it('requires from and to', async () => {
      expect(await problems('')).toEqual(['from:REQUIRED', 'to:REQUIRED']);
    });

    it('names every malformed field', async () => {
      expect(await problems('from=2026-02-30&to=2026/03/01&groupBy=day&extra=1')).toEqual(['extra:FORBIDDEN', 'from:INVALID_FORMAT', 'groupBy:INVALID_FORMAT', 'to:INVALID_FORMAT']);
    });

    it('refuses a range that ends before it starts', async () => {
      expect(await problems('from=2026-09-30&to=2026-07-01')).toEqual(['to:INCONSISTENT']);
    });

    it('refuses a range of five years or more, and accepts one a day shorter', async () => {
      expect(await problems('from=2021-10-02&to=2026-10-02')).toEqual(['to:OUT_OF_RANGE']);
      expect((await summary(supervisor, 'from=2021-10-02&to=2026-10-01')).totals.received).toBe(11);
    });

    it('validates the file routes the same way', async () => {
      for (const path of ['summary.csv', 'summary.xlsx']) {
        const res = await t.request({ method: 'GET', url: `/api/reports/${path}?from=2026-07-01`, headers: await auth(supervisor) });
        expect(res.statusCode).toBe(400);
        expect(res.json().details).toEqual([{ field: 'to', code: 'REQUIRED', message: 'to is required' }]);
      }
    });
  });

  it('documents the three routes in the OpenAPI document', async () => {
    const paths = Object.keys((await t.request({ method: 'GET', url: '/api/docs-json' })).json().paths as object);
    expect(paths).toEqual(expect.arrayContaining(['/api/reports/summary', '/api/reports/summary.csv', '/api/reports/summary.xlsx']));
  });

  async function exportsAudited(): Promise<unknown[]> {
    const rows = (await t.app.get(DataSource).query(
      `SELECT payload FROM audit_entries WHERE action = 'REPORT_EXPORTED' AND category = 'REPORT' AND org_id = $1 ORDER BY seq`,
      [supervisor.user.organizationId],
    )) as { payload: unknown }[];
    return rows.map((row) => row.payload);
  }
});
