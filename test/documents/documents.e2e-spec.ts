import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import { chineseDate } from '../../src/documents/chinese-numerals';
import { DOCX_MEDIA_TYPE } from '../../src/documents/document-kinds';
import { DocumentsService } from '../../src/documents/documents.service';
import { type Body, type CaseDetail, collectiveCaseBody, createCase, individualCaseBody, INTAKE_NOW } from '../factories/case.factory';
import { createOrganization } from '../factories/organization.factory';
import { createSignedInUser, signIn, type SignedInUser } from '../factories/user.factory';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { readDocx, type DocxContent } from './docx-reader';

const RESIDENT_ID_ANYWHERE = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;
// Said in a session recorded without prejudice: it must never reach paper (Invited Art.22).
const WITHOUT_PREJUDICE_NOTE = '被申请人私下表示可让步至十五万元';
const ON_THE_RECORD_NOTE = '双方对欠薪人数和月份无异议';

const TERMS = {
  facts: '申请人等12人在东丰县城南安置小区二期项目务工，被申请人拖欠2026年6月至7月工资。',
  disputedMatters: '欠薪数额及支付期限',
  items: [
    { kind: 'WAGES', description: '2026年6月至7月拖欠工资', amount: '186000.00' },
    { kind: 'NON_MONETARY', description: '被申请人为申请人出具工资结算清单' },
  ],
  schedule: [
    { no: 1, dueOn: '2026-09-30', amount: '93000.00' },
    { no: 2, dueOn: '2026-10-30', amount: '93000.00' },
  ],
  waiverOfOtherClaims: true,
  collectiveConsentRecorded: true,
};

describe(DocumentsService.name, () => {
  let t: TestApp;
  const clock = new FixedClock(new Date(INTAKE_NOW));
  const users = {} as Record<'supervisor' | 'mediator' | 'otherMediator' | 'admin' | 'liaison' | 'otherLiaison' | 'outsider', SignedInUser>;
  let court: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const studio = await createOrganization(t, { kind: 'UNION', name: '辽源市总工会劳动争议调解工作室' });
    court = await createOrganization(t, { kind: 'COURT', name: '吉林省辽源市龙山区人民法院' });
    const otherCourt = await createOrganization(t, { kind: 'COURT' });
    users.supervisor = await createSignedInUser(t, { role: 'SUPERVISOR', organizationId: studio.id });
    users.mediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id, displayName: '王丽华' });
    users.otherMediator = await createSignedInUser(t, { role: 'MEDIATOR', organizationId: studio.id });
    users.admin = await createSignedInUser(t, { role: 'ADMIN', organizationId: studio.id });
    users.liaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: court.id });
    users.otherLiaison = await createSignedInUser(t, { role: 'COURT_LIAISON', organizationId: otherCourt.id });
    users.outsider = await createSignedInUser(t, { role: 'SUPERVISOR' });
  });

  afterAll(async () => {
    await t.close();
  });

  // Tokens last one working day: after moving the clock everybody signs in again, as at a real desk.
  async function advanceDays(days: number): Promise<void> {
    clock.advance(days * 86_400_000);
    for (const user of Object.values(users)) {
      user.token = await signIn(t, user.user.username, user.password);
      user.auth = { authorization: `Bearer ${user.token}` };
    }
  }

  async function restartClock(): Promise<void> {
    clock.set(INTAKE_NOW);
    await advanceDays(0);
  }

  async function ok(user: SignedInUser, caseId: string, body: Body): Promise<CaseDetail> {
    const res = await t.request({ method: 'POST', url: `/api/cases/${caseId}/events`, payload: body, headers: user.auth });
    if (res.statusCode !== 200) throw new Error(`${String(body.type)} answered ${res.statusCode}: ${res.body}`);
    return res.json() as CaseDetail;
  }

  function download(user: SignedInUser, caseId: string, kind: string): Promise<LightMyRequestResponse> {
    return t.request({ method: 'GET', url: `/api/cases/${caseId}/documents/${kind}`, headers: user.auth });
  }

  async function open(user: SignedInUser, caseId: string, kind: string): Promise<DocxContent> {
    const res = await download(user, caseId, kind);
    if (res.statusCode !== 200) throw new Error(`${kind} answered ${res.statusCode}: ${res.body}`);
    return readDocx(res.rawPayload);
  }

  async function documentAuditRows(caseId: string): Promise<{ kind: string; sha256: string; actorUserId: string; caseVersion: number }[]> {
    return (await t.app.get(DataSource).query(
      `SELECT payload->>'kind' AS kind, payload->>'sha256' AS sha256, actor_user_id AS "actorUserId", case_version AS "caseVersion"
       FROM audit_entries WHERE case_id = $1 AND action = 'DOCUMENT_GENERATED' ORDER BY seq`,
      [caseId],
    )) as { kind: string; sha256: string; actorUserId: string; caseVersion: number }[];
  }

  describe('a collective wage case whose agreement took effect', () => {
    let id: string;
    let caseNumber: string;
    let rawIds: string[];
    let names: string[];

    beforeAll(async () => {
      await restartClock();
      const body = collectiveCaseBody();
      const applicants = body.applicants as { name: string; idNumber: string }[];
      rawIds = applicants.map((applicant) => applicant.idNumber);
      names = applicants.map((applicant) => applicant.name);
      const created = await createCase(t, users.mediator, body);
      [id, caseNumber] = [created.id, created.caseNumber];
      await ok(users.mediator, id, { type: 'ACCEPT', note: '材料齐全，予以受理' });
      await ok(users.mediator, id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'IN_PERSON' });
      await ok(users.supervisor, id, { type: 'SCHEDULE_SESSION', at: '2026-09-18T09:30:00+08:00', location: '市总工会调解室' });
      await advanceDays(2);
      await ok(users.mediator, id, { type: 'RECORD_SESSION', heldAt: '2026-09-18T09:50:00+08:00', summary: ON_THE_RECORD_NOTE, withoutPrejudice: false });
      await ok(users.mediator, id, { type: 'RECORD_SESSION', heldAt: '2026-09-18T09:55:00+08:00', summary: WITHOUT_PREJUDICE_NOTE, withoutPrejudice: true });
    });

    it('has no agreement to print while mediation is still running, and writes no audit row for the refusal', async () => {
      const res = await download(users.mediator, id, 'mediation-agreement');
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'DOCUMENT_NOT_AVAILABLE', details: { kind: 'mediation-agreement', state: 'mediation.active' } });
      expect(await documentAuditRows(id)).toEqual([]);
    });

    it('prints the acceptance notice with the receipt, acceptance and the mediation period’s due date', async () => {
      const detail = (await t.request({ method: 'GET', url: `/api/cases/${id}`, headers: users.mediator.auth })).json() as CaseDetail;
      const period = detail.deadlines.filter((d) => d.kind === 'MEDIATION_PERIOD').at(-1)!;
      expect(period.dueOn).toBe('2026-10-08');
      const notice = await open(users.mediator, id, 'acceptance-notice');
      expect(notice.paragraphs[0]).toBe('受理通知书');
      expect(notice.text).toContain(`调解案号：${caseNumber}`);
      expect(notice.text).toContain('刘强等12人：');
      expect(notice.text).toContain('已于2026年9月16日收到');
      expect(notice.text).toContain('决定于2026年9月16日予以受理');
      expect(notice.text).toContain(`至${chineseDate(period.dueOn)}届满`);
      expect(notice.text).toContain('承办调解员：王丽华');
      expect(notice.text).not.toMatch(RESIDENT_ID_ANYWHERE);
    });

    describe('once all four have signed', () => {
      beforeAll(async () => {
        expect((await ok(users.mediator, id, { type: 'REACH_AGREEMENT', terms: TERMS })).state).toBe('agreement.signing');
        for (const party of ['APPLICANT', 'RESPONDENT', 'MEDIATOR']) await ok(users.mediator, id, { type: 'SIGN', party });
        expect((await ok(users.supervisor, id, { type: 'SIGN', party: 'ORGANIZATION' })).state).toBe('agreement.effective');
      });

      it('answers the agreement as a .docx attachment named in Chinese with an ASCII fallback', async () => {
        const res = await download(users.mediator, id, 'mediation-agreement');
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(DOCX_MEDIA_TYPE);
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="mediation-agreement-${caseNumber}.docx"; filename*=UTF-8''${encodeURIComponent(`调解协议书-${caseNumber}.docx`)}`,
        );
        expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      });

      it('prints the agreement with full identities, every obligation in figures and capitals, the schedule and the 30-day note', async () => {
        const agreement = await open(users.mediator, id, 'mediation-agreement');
        const { text } = agreement;
        expect(agreement.paragraphs[0]).toBe('调解协议书');
        for (const name of names) expect(text).toContain(name);
        for (const rawId of rawIds) expect(text).toContain(rawId);
        expect(text).toContain(`申请人代表：刘强，男，1990年3月7日出生，公民身份号码${rawIds[0]}。`);
        expect(text).toContain('依法推举刘强、陈刚、赵磊为代表参加调解');
        expect(text).toContain('本协议内容已经被代表的劳动者同意');
        expect(text).toContain('被申请人：东丰县某建筑劳务有限公司，统一社会信用代码91220400MA0Y123459。');
        expect(text).toContain(TERMS.facts);
        expect(text).toContain(TERMS.disputedMatters);
        expect(text).toContain('1. 被申请人向申请人支付劳动报酬人民币186000.00元（大写：壹拾捌万陆仟元整）。');
        expect(text).toContain('2. 被申请人为申请人出具工资结算清单。');
        expect(text).toContain('第1期：2026年9月30日前支付人民币93000.00元（大写：玖万叁仟元整）');
        expect(text).toContain('第2期：2026年10月30日前支付人民币93000.00元（大写：玖万叁仟元整）');
        expect(text).toContain('违约责任');
        expect(text).toContain('再无其他争议');
        expect(text).toContain('已于2026年9月18日生效');
        // The window runs 30 days from 2026-09-18; day 30 is Sunday 2026-10-18, so it ends on Monday (DOMAIN §4 roll).
        expect(text).toContain('自本协议生效之日起三十日内（即2026年10月19日前），共同向人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）');
        for (const block of ['申请人代表（签名或者按指印）', '被申请人（盖章）：东丰县某建筑劳务有限公司', '调解员（签名）', '调解组织（盖章）：辽源市总工会劳动争议调解工作室']) {
          expect(text).toContain(block);
        }
        expect(text).toContain('附：申请人名单');
        expect(text).not.toContain(WITHOUT_PREJUDICE_NOTE);
      });

      it('lays the agreement out on A4 with the GB/T 9704 margins and declared Chinese fonts', async () => {
        const { documentXml, stylesXml, fontTableXml, footerXml } = await open(users.supervisor, id, 'mediation-agreement');
        expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
        expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
        expect(stylesXml).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
        expect(documentXml).toMatch(/<w:jc w:val="center"\/>[\s\S]*?<w:rFonts [^>]*w:eastAsia="方正小标宋简体"[^>]*\/>[\s\S]*?<w:t[^>]*>调解协议书<\/w:t>/);
        expect(fontTableXml).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
        expect(fontTableXml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
        expect(footerXml).toContain('PAGE');
      });

      it('prints the application for judicial confirmation by name only, with the agreement’s terms and CPL Art.205', async () => {
        const { text } = await open(users.mediator, id, 'judicial-confirmation-application');
        expect(text).toContain('司法确认申请书');
        expect(text).toContain('申请人（劳动者一方）：刘强等12人，劳动者代表刘强、陈刚、赵磊。');
        expect(text).toContain('申请人（用人单位一方）：东丰县某建筑劳务有限公司');
        expect(text).toContain(`调解案号${caseNumber}`);
        expect(text).toContain('人民币186000.00元（大写：壹拾捌万陆仟元整）');
        expect(text).toContain('2026年9月30日前支付人民币93000.00元（大写：玖万叁仟元整）');
        expect(text).toContain('第二百零五条');
        expect(text).toContain('申请期限至2026年10月19日');
        expect(text).not.toMatch(RESIDENT_ID_ANYWHERE);
        expect(text).not.toContain(WITHOUT_PREJUDICE_NOTE);
      });

      it('has no feedback letter: the case did not come from a court', async () => {
        const res = await download(users.supervisor, id, 'court-feedback-letter');
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('DOCUMENT_NOT_AVAILABLE');
      });

      it('refuses the agreement to those who may not see identities and hides the case from those outside it', async () => {
        const before = (await documentAuditRows(id)).length;
        expect((await download(users.admin, id, 'mediation-agreement')).statusCode).toBe(403);
        expect((await download(users.admin, id, 'acceptance-notice')).statusCode).toBe(403);
        for (const user of [users.otherMediator, users.outsider, users.liaison, users.otherLiaison]) {
          const res = await download(user, id, 'mediation-agreement');
          expect(res.statusCode).toBe(404);
          expect(res.json().code).toBe('NOT_FOUND');
        }
        expect(await documentAuditRows(id)).toHaveLength(before);
      });

      describe('after the joint application to the court', () => {
        beforeAll(async () => {
          expect((await ok(users.mediator, id, { type: 'REQUEST_JUDICIAL_CONFIRMATION', jointApplication: true, courtId: court.id })).state).toBe('agreement.judicialReview');
        });

        it('lets the reviewing court’s liaison print the application, dated and addressed to that court, but not the agreement', async () => {
          const { text } = await open(users.liaison, id, 'judicial-confirmation-application');
          expect(text).toContain(`此致\n${court.name}`);
          expect(text.split('\n').at(-1)).toBe('2026年9月18日');
          const agreement = await download(users.liaison, id, 'mediation-agreement');
          expect(agreement.statusCode).toBe(403);
          expect(agreement.json().code).toBe('FORBIDDEN');
          expect((await download(users.liaison, id, 'acceptance-notice')).statusCode).toBe(403);
          expect((await download(users.otherLiaison, id, 'judicial-confirmation-application')).statusCode).toBe(404);
        });
      });

      it('writes one DOCUMENT_GENERATED row per download, with the hash of the bytes handed out, and the chain still verifies', async () => {
        const before = await documentAuditRows(id);
        const res = await download(users.supervisor, id, 'acceptance-notice');
        const after = await documentAuditRows(id);
        expect(after).toHaveLength(before.length + 1);
        expect(after.at(-1)).toEqual({
          kind: 'acceptance-notice',
          sha256: createHash('sha256').update(res.rawPayload).digest('hex'),
          actorUserId: users.supervisor.user.id,
          caseVersion: expect.any(Number),
        });
        expect(after.map((row) => row.kind)).toEqual(
          expect.arrayContaining(['acceptance-notice', 'mediation-agreement', 'judicial-confirmation-application']),
        );
        const payloads = (await t.app.get(DataSource).query("SELECT payload::text AS p FROM audit_entries WHERE case_id = $1 AND action = 'DOCUMENT_GENERATED'", [id])) as { p: string }[];
        for (const rawId of rawIds) expect(payloads.map((row) => row.p).join('\n')).not.toContain(rawId);
        expect((await t.request({ method: 'GET', url: '/api/audit/verify', headers: users.supervisor.auth })).json()).toMatchObject({ ok: true });
      });
    });
  });

  describe('a delegated case that failed', () => {
    let id: string;
    let caseNumber: string;
    let lastPeriodDueOn: string;
    const courtCaseNumber = '（2026）吉0402民诉前调1234号';

    beforeAll(async () => {
      await restartClock();
      const created = await createCase(
        t,
        users.mediator,
        individualCaseBody({ source: 'COURT_DELEGATED', courtOrgId: court.id, courtCaseNumber, riskFlags: ['EMPLOYER_CLOSING'] }),
      );
      [id, caseNumber] = [created.id, created.caseNumber];
      await ok(users.mediator, id, { type: 'ACCEPT' });
      await ok(users.mediator, id, { type: 'RESPONDENT_CONSENTS', consentedOn: '2026-09-16', channel: 'PHONE' });
      const scheduled = await ok(users.mediator, id, { type: 'SCHEDULE_SESSION', at: '2026-09-17T09:00:00+08:00', location: '龙山区法院诉调对接室' });
      const sessionId = (scheduled.sessions as { scheduled: { id: string }[] }).scheduled[0].id;
      await advanceDays(1);
      await ok(users.mediator, id, { type: 'RECORD_SESSION', heldAt: '2026-09-17T09:30:00+08:00', summary: ON_THE_RECORD_NOTE, withoutPrejudice: false, sessionId });
      await ok(users.mediator, id, { type: 'RECORD_SESSION', heldAt: '2026-09-17T09:45:00+08:00', summary: WITHOUT_PREJUDICE_NOTE, withoutPrejudice: true });
      await ok(users.mediator, id, { type: 'EXTEND', days: 10, applicantConsents: true, respondentConsents: true });
      await ok(users.mediator, id, { type: 'SUSPEND', reason: 'APPRAISAL', note: '加班时长司法鉴定' });
    });

    it('has no feedback letter before the case closes', async () => {
      const res = await download(users.liaison, id, 'court-feedback-letter');
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'DOCUMENT_NOT_AVAILABLE', details: { state: 'mediation.suspended' } });
    });

    describe('once mediation failed', () => {
      let letter: DocxContent;

      beforeAll(async () => {
        await advanceDays(3);
        await ok(users.mediator, id, { type: 'RESUME' });
        const closed = await ok(users.mediator, id, { type: 'MEDIATION_FAILED', reason: 'IRRECONCILABLE', note: '双方对加班费计算基数分歧较大' });
        expect(closed.state).toBe('closed.failed');
        lastPeriodDueOn = closed.deadlines.filter((d) => d.kind === 'MEDIATION_PERIOD').at(-1)!.dueOn;
        const res = await download(users.liaison, id, 'court-feedback-letter');
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`委派调解反馈函-${caseNumber}.docx`)}`);
        letter = await readDocx(res.rawPayload);
      });

      it('addresses the delegating court with its case number, the parties and the sign-for date', () => {
        expect(letter.paragraphs[0]).toBe('委派调解反馈函');
        expect(letter.text).toContain(`${court.name}：`);
        expect(letter.text).toContain(`贵院案号${courtCaseNumber}`);
        expect(letter.text).toContain('于2026年9月16日签收案件材料');
        expect(letter.text).toContain('申请人：张伟。');
        expect(letter.text).toContain('被申请人：辽源市西安区某袜业有限公司，统一社会信用代码91220400MA0Y123459');
      });

      it('gives the mediation period with its extension and the appraisal pause, and the session dates', () => {
        expect(letter.text).toContain('本案调解期限为30日，自2026年9月16日起算，原定于2026年10月16日届满。');
        expect(letter.text).toContain(`经双方当事人同意，调解期限延长10日，中止期间3日不计入，至${chineseDate(lastPeriodDueOn)}届满。`);
        expect(letter.text).toContain('2026年9月17日至2026年9月20日因鉴定中止调解，中止期间不计入调解期限。');
        expect(letter.text).toContain('调解员先后于2026年9月17日、2026年9月17日组织双方当事人进行调解，共2次。');
      });

      it('reports what was said on the record and never the without-prejudice session summary', () => {
        expect(letter.text).toContain(`2026年9月17日调解情况（龙山区法院诉调对接室）：${ON_THE_RECORD_NOTE}`);
        expect(letter.text).not.toContain(WITHOUT_PREJUDICE_NOTE);
      });

      it('states the points in dispute with amounts in figures and capitals, why it failed, the suggestions and the next step', () => {
        expect(letter.text).toContain('1. 支付加班费人民币18600.00元（大写：壹万捌仟陆佰元整），请求内容：2025年10月至2026年8月延时加班费；');
        expect(letter.text).toContain('2. 支付经济补偿人民币12000.00元（大写：壹万贰仟元整），请求内容：解除劳动合同经济补偿；');
        expect(letter.text).toContain('三、调解结果\n调解不成。\n');
        expect(letter.text).toContain('调解过程中，双方当事人未形成均无异议的事实。');
        expect(letter.text).toContain('双方分歧较大，无法达成一致意见');
        expect(letter.text).toContain('具体情况：双方对加班费计算基数分歧较大');
        expect(letter.text).toContain('建议贵院依申请人申请及时采取财产保全措施');
        expect(letter.text).toContain('请贵院依法登记立案');
        expect(letter.text.split('\n').at(-1)).toBe('2026年9月20日');
        expect(letter.text).not.toMatch(RESIDENT_ID_ANYWHERE);
      });

      it('lets the mediator print it too, and nobody outside the case', async () => {
        expect((await download(users.mediator, id, 'court-feedback-letter')).statusCode).toBe(200);
        expect((await download(users.otherLiaison, id, 'court-feedback-letter')).statusCode).toBe(404);
        expect((await download(users.outsider, id, 'court-feedback-letter')).statusCode).toBe(404);
      });

      it('has neither an agreement nor an application for judicial confirmation', async () => {
        for (const kind of ['mediation-agreement', 'judicial-confirmation-application']) {
          const res = await download(users.supervisor, id, kind);
          expect(res.statusCode).toBe(409);
          expect(res.json().code).toBe('DOCUMENT_NOT_AVAILABLE');
        }
      });

      it('audited each letter handed out, by whom', async () => {
        const rows = await documentAuditRows(id);
        expect(rows.map((row) => [row.kind, row.actorUserId])).toEqual([
          ['court-feedback-letter', users.liaison.user.id],
          ['court-feedback-letter', users.mediator.user.id],
        ]);
      });
    });
  });

  it('answers 400 for an unknown kind or a malformed id', async () => {
    const { id } = await createCase(t, users.mediator, individualCaseBody());
    const unknown = await download(users.supervisor, id, 'receipt');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'kind' })] });
    expect((await download(users.supervisor, 'not-a-uuid', 'acceptance-notice')).statusCode).toBe(400);
  });

  it('has no acceptance notice for a case not yet accepted', async () => {
    const { id } = await createCase(t, users.mediator, individualCaseBody());
    const res = await download(users.supervisor, id, 'acceptance-notice');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_NOT_AVAILABLE', details: { state: 'intake.registered' } });
  });

  it('is in the OpenAPI document as a .docx download', async () => {
    const spec = (await t.request({ method: 'GET', url: '/api/docs-json' })).json() as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    const operation = spec.paths['/api/cases/{id}/documents/{kind}']?.get;
    expect(operation?.responses['200'].content).toHaveProperty([DOCX_MEDIA_TYPE]);
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['200', '403', '404', '409']));
  });
});
