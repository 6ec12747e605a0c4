import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import type { AppConfig } from '../../src/config/app-config';
import { DEMO_ORGANIZATIONS } from '../../src/seed/demo-directory';
import { runStartupTasks } from '../../src/startup/startup-tasks';
import { readDocx } from '../documents/docx-reader';
import { signIn } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

// Issue 6's acceptance on the demo data: a fresh database started the way `npm start` starts it, on Wednesday
// 2026-11-25 at 10:00 in Liaoyuan, read back by the people the demo accounts belong to. Every expected number below was
// counted by hand from the stories in src/seed/demo-cases.ts and the 2025/2026 holiday notices, not by a second query.

const NOW = '2026-11-25T02:00:00Z';
const LAST_YEAR = 'from=2025-11-26&to=2026-11-25';
/** The same year as instants: the audit trail is filtered by when entries were written. */
const LAST_YEAR_INSTANTS = `from=${encodeURIComponent('2025-11-26T00:00:00+08:00')}&to=${encodeURIComponent(NOW)}`;
const ADMIN = { username: 'director', password: 'director-desk-phrase-2026' };
const SEED_TIMEOUT = 90_000;
const STUDIO = DEMO_ORGANIZATIONS.find((organization) => organization.key === 'studio')!.name;

interface QueueCase {
  caseId: string;
  caseNumber: string;
}

interface Queue {
  referred: QueueCase[];
  awaitingConfirmation: QueueCase[];
  feedbackDue: QueueCase[];
}

describe('the oversight on the demo data (issue 6 acceptance)', () => {
  let t: TestApp;
  let db: DataSource;
  /** Each story's case id, by story key: the seed registers every case with request id demo-seed:<key>:0. */
  let caseOf: Map<string, string>;
  const tokens = new Map<string, string>();

  async function get(username: string, url: string) {
    return t.request({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(username)}` } });
  }

  async function json<T>(username: string, url: string): Promise<T> {
    const res = await get(username, url);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
    return res.json() as T;
  }

  const storiesOf = (entries: QueueCase[]) => entries.map((entry) => [...caseOf].find(([, id]) => id === entry.caseId)?.[0]).sort();

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date(NOW)) });
    db = t.app.get(DataSource);
    const config: AppConfig = { ...t.config, demoSeed: true, embedded: false, admin: ADMIN };
    const lines = await runStartupTasks(t.app, config);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}Demo cases: 30 cases/));
    // Sign in with the password the start-up printed, as a newcomer would.
    const printed = lines.find((line) => line.trimStart().startsWith('zhaomin'))?.match(/password (\S+)$/)?.[1];
    if (printed === undefined) throw new Error(`no demo password among the start-up lines:\n${lines.join('\n')}`);
    for (const username of ['zhaomin', 'wangjh', 'chenjing', 'zhouqiang']) tokens.set(username, await signIn(t, username, printed));
    const created = (await db.query(
      `SELECT case_id, split_part(request_id, ':', 2) AS story FROM audit_entries WHERE action = 'CASE_CREATED' AND request_id LIKE 'demo-seed:%'`,
    )) as { case_id: string; story: string }[];
    caseOf = new Map(created.map((row) => [row.story, row.case_id]));
    expect(caseOf.size).toBe(30);
  }, SEED_TIMEOUT);

  afterAll(async () => {
    await t?.close();
  });

  describe('the statistics summary of the last year', () => {
    it('matches the hand count of the thirty stories, every amount to the cent', async () => {
      const report = await json<Record<string, unknown>>('zhaomin', `/api/reports/summary?${LAST_YEAR}`);
      expect(report.totals).toEqual({
        received: 30,
        // Applicants of every story: one each, except 2 + 3 + 4 + 2 + 16 + 6 + 2 (the two knitters, the packers, the
        // plasterers, the couple, the collective case, the renovation labourers and the two who withdrew).
        workersCovered: 58,
        collectiveCases: 1,
        open: 17,
        outcomes: { resolved: 7, failed: 3, withdrawn: 1, referred: 1, rejected: 1, total: 13 },
        // 7 / (13 − 1 rejected).
        successRate: 0.5833,
        // Agreements in effect: 2 effective, 2 under review, 1 confirmed, 2 defaulted, 7 resolved, 1 referred.
        agreements: 15,
        // Calendar days from receipt to the studio's seal, the last signature (working days rolled over weekends,
        // New Year, Spring Festival, Qingming, Labour Day and National Day):
        //   walk-in-effective 11-05→11-12 7, entrusted-xian-simple 11-17→11-19 2, delegated-longshan-review 11-09→11-16 7,
        //   online-xian-review 11-11→11-18 7, delegated-xian-confirmed 10-14→10-22 8, hotline-defaulted 11-05→11-10 5,
        //   walk-in-confirmed-then-defaulted 10-20→10-26 6, collective 01-30→02-04 5, delegated-extended 2025-12-12→01-07 26,
        //   entrusted-statement 01-07→01-14 7, lump-sum 02-06→02-09 3, written-injury 03-12→04-20 39 (suspended),
        //   labour-inspection 04-20→04-23 3, confirmation-refused 05-22→06-05 14 (its second agreement),
        //   written-default 09-28→10-09 11 (National Day).
        // Sum 150 over 15 agreements; sorted, the 14th of 15 is the first at or above 90 %.
        averageDaysToAgreement: 10,
        p90DaysToAgreement: 26,
        amounts: {
          claimed: '919910.00',
          // The agreed totals, the re-mediated case's second agreement only.
          agreed: '723100.00',
          // 10000 + 10800 + 15600 + 412800 + 20600 + 12000 + 3900 + 51000 + 46800 + 10500.
          paid: '594000.00',
        },
      });
      const counted = (entries: unknown) => Object.fromEntries((entries as { key: string; count: number }[]).filter((e) => e.count > 0).map((e) => [e.key, e.count]));
      expect(counted(report.receivedBySource)).toEqual({
        WALK_IN: 9, HOTLINE: 5, ONLINE: 3, WRITTEN: 2, COURT_DELEGATED: 6, COURT_ENTRUSTED: 3, LABOR_INSPECTION: 2,
      });
      expect(report.receivedByClaimType).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'WAGE_ARREARS', count: 15, claimed: '654600.00' }),
          expect.objectContaining({ key: 'ECONOMIC_COMPENSATION', count: 13, claimed: '185000.00' }),
          expect.objectContaining({ key: 'OVERTIME', count: 8, claimed: '59110.00' }),
          expect.objectContaining({ key: 'OTHER', count: 3, claimed: '21200.00' }),
          expect.objectContaining({ key: 'SOCIAL_INSURANCE', count: 2, claimed: '0.00' }),
          expect.objectContaining({ key: 'LABOR_RELATIONSHIP', count: 2, claimed: '0.00' }),
          expect.objectContaining({ key: 'WORK_INJURY', count: 2, claimed: '0.00' }),
        ]),
      );
      expect(counted(report.openByState)).toEqual({
        'intake.registered': 2, 'intake.awaitingConsent': 2, 'mediation.active': 4, 'mediation.suspended': 1,
        'agreement.signing': 1, 'agreement.effective': 2, 'agreement.judicialReview': 2, 'agreement.confirmed': 1, 'agreement.defaulted': 2,
      });
      // 2026-11-25 lies inside the winter wage campaign (from 11-15): every level one step up, and two months of arrears
      // are RED by themselves (ARREARS_WINTER). RED: the vanished gang boss, the threat, and the six cases with two or
      // three months owed. ORANGE: walk-in-effective's one month (YELLOW) raised. Every other open case has no rule: BLUE,
      // raised to YELLOW.
      expect(counted(report.openByRiskLevel)).toEqual({ YELLOW: 8, ORANGE: 1, RED: 8 });
      // The three instalments the defaulted stories are about, and the mediation period the system closed a case on.
      expect(report.deadlinesMissed).toEqual({
        total: 4,
        byKind: expect.arrayContaining([
          expect.objectContaining({ key: 'PAYMENT_DUE', count: 3 }),
          expect.objectContaining({ key: 'MEDIATION_PERIOD', count: 1 }),
        ]),
      });
      expect(counted((report.deadlinesMissed as { byKind: unknown }).byKind)).toEqual({ PAYMENT_DUE: 3, MEDIATION_PERIOD: 1 });
      // Applications: both under review, the confirmed one, the confirmed-then-defaulted one, the extended one, the
      // mediation statement and the refused one; granted four, refused one.
      expect(report.judicialConfirmations).toEqual({ requested: 7, granted: 4, refused: 1 });
      // Approved: the festival condolence for all sixteen (6400) and one worker's relief (2000) in the collective case,
      // legal aid and medical mutual aid (3000) for the injured form-worker. The suspended case's relief is only proposed.
      expect(report.assistance).toEqual({ count: 4, people: 17, amount: '11400.00' });
    });

    it('gives a court liaison the numbers of their own court’s referrals only', async () => {
      const report = await json<{ totals: { received: number; amounts: { claimed: string } }; assistance: unknown }>('chenjing', `/api/reports/summary?${LAST_YEAR}`);
      // Longshan referred five (27800 + 11250 + 31200 + 23200 + 13700) and reviews one walk-in case (48800).
      expect(report.totals.received).toBe(6);
      expect(report.totals.amounts.claimed).toBe('155950.00');
      expect(report.assistance).toBeNull();
    });
  });

  describe('the audit export', () => {
    interface Trailer {
      rows: number;
      verify: { ok: boolean; checked: number };
    }

    it('exports the whole year as JSON Lines that verify, and records the export', async () => {
      const res = await get('zhaomin', `/api/audit/export?format=jsonl&${LAST_YEAR_INSTANTS}`);
      expect(res.statusCode).toBe(200);
      const lines = res.body.trimEnd().split('\n');
      const { trailer } = JSON.parse(lines.at(-1)!) as { trailer: Trailer };
      expect(trailer.rows).toBe(lines.length - 1);
      expect(trailer.rows).toBeGreaterThan(400);
      expect(trailer.verify.ok).toBe(true);
      // No resident ID outside a hash or id (hex on either side).
      expect(res.body.match(/(?<![\da-f-])\d{17}[\dX](?![\da-f-])/g)).toBeNull();
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'AUDIT_EXPORTED'`)) as { n: number }[];
      expect(n).toBe(1);
    });

    it('exports one resolved case as CSV whose trailer says it verifies', async () => {
      const res = await get('zhaomin', `/api/audit/export?format=csv&caseId=${caseOf.get('collective-spring-festival-wages')}`);
      expect(res.statusCode).toBe(200);
      const trailer = res.body.split('\r\n').filter((line) => line.startsWith('#'));
      expect(trailer).toContainEqual(expect.stringMatching(/^#VERIFY,true,\d+$/));
      expect(trailer.at(-1)).toBe('#END');
    });
  });

  describe('the mediation agreement of a resolved demo case', () => {
    it('opens, and holds the parties, the terms, each amount in figures and in capitals, and the four signature lines', async () => {
      const res = await get('zhaomin', `/api/cases/${caseOf.get('written-injury-appraisal-resolved')}/documents/mediation-agreement`);
      expect(res.statusCode).toBe(200);
      const { paragraphs, text } = await readDocx(res.rawPayload);
      expect(paragraphs[0]).toBe('调解协议书');
      expect(text).toContain('鲁德胜');
      expect(text).toContain('被申请人：东辽县安居建筑工程有限公司');
      expect(text).toContain('申请人在被申请人承建的辽河源镇中心小学教学楼工程受伤，经认定为工伤、鉴定为十级伤残，被申请人未为其参加工伤保险。');
      expect(text).toContain('工伤待遇数额。');
      expect(text).toContain('人民币12600.00元（大写：壹万贰仟陆佰元整）');
      expect(text).toContain('人民币38400.00元（大写：叁万捌仟肆佰元整）');
      expect(text.match(/人民币25500\.00元（大写：贰万伍仟伍佰元整）/g)).toHaveLength(2);
      expect(text).toContain('已于2026年4月20日生效');
      const signatureLines = paragraphs.filter((line) => /^(申请人|被申请人|调解员|调解组织)（(签名|盖章)/.test(line));
      expect(signatureLines).toEqual([
        expect.stringMatching(/^申请人（签名或者按指印）：.*（鲁德胜）$/),
        '被申请人（盖章）：东辽县安居建筑工程有限公司',
        expect.stringMatching(/^调解员（签名）：.*（刘艳）$/),
        `调解组织（盖章）：${STUDIO}`,
      ]);
    });

    it('prints the collective agreement’s sum in capitals too', async () => {
      const res = await get('zhaomin', `/api/cases/${caseOf.get('collective-spring-festival-wages')}/documents/mediation-agreement`);
      const { text } = await readDocx(res.rawPayload);
      expect(text).toContain('人民币412800.00元（大写：肆拾壹万贰仟捌佰元整）');
      expect(text).toContain('人民币206400.00元（大写：贰拾万陆仟肆佰元整）');
    });
  });

  describe('the court liaison queue', () => {
    it('shows Longshan’s liaison Longshan’s referrals, its review and the letters it has not acknowledged, nothing of Xi’an', async () => {
      const queue = await json<Queue>('chenjing', '/api/court/queue');
      expect(storiesOf(queue.referred)).toEqual([
        'delegated-longshan-awaiting-consent',
        'delegated-longshan-extended-resolved',
        'delegated-longshan-judicial-review',
        'entrusted-longshan-active',
        'entrusted-longshan-mediation-statement',
      ]);
      expect(storiesOf(queue.awaitingConfirmation)).toEqual(['delegated-longshan-judicial-review']);
      expect(storiesOf(queue.feedbackDue)).toEqual(['delegated-longshan-extended-resolved', 'entrusted-longshan-mediation-statement']);
    });

    it('shows Xi’an’s liaison only Xi’an’s', async () => {
      const queue = await json<Queue>('zhouqiang', '/api/court/queue');
      expect(storiesOf(queue.referred)).toEqual([
        'delegated-xian-active',
        'delegated-xian-confirmed',
        'delegated-xian-mediation-failed',
        'entrusted-xian-simple-effective',
      ]);
      // The online case the parties took to Xi'an is under its review; the entrusted one may come to it at any time.
      expect(storiesOf(queue.awaitingConfirmation)).toEqual(['entrusted-xian-simple-effective', 'online-xian-judicial-review']);
      expect(storiesOf(queue.feedbackDue)).toEqual(['delegated-xian-mediation-failed']);
      const other = await get('zhouqiang', `/api/cases/${caseOf.get('delegated-longshan-judicial-review')}`);
      expect(other.statusCode).toBe(404);
    });

    it('answers a mediator 403', async () => {
      expect((await get('wangjh', '/api/court/queue')).statusCode).toBe(403);
    });
  });
});
