import type { Page } from 'playwright-core';
import { EXAMPLE_RESIDENT_ID, individualCaseBody } from '../factories/case.factory';
import { signIn } from '../factories/user.factory';
import { useBrowser } from './browser';
import { type ConsoleApp, useConsoleApp } from './console-app';
import { chooseOption, signInWithKeyboard } from './console-pages';

const JOURNEY_TIMEOUT = 240_000;
const STEP_TIMEOUT = 60_000;

const DAY_MS = 24 * 60 * 60 * 1000;
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const SHANGHAI_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A legal date (Asia/Shanghai) `days` from the service's today. */
function legalDate(app: ConsoleApp, days = 0): string {
  return SHANGHAI_DATE.format(new Date(app.clock.now().getTime() + days * DAY_MS));
}

/** How a person types an instant into the session form's date-time picker: `YYYY-MM-DD HH:mm`, Shanghai time. */
function pickerInstant(at: Date): string {
  return `${SHANGHAI_DATE.format(at)} ${SHANGHAI_TIME.format(at)}`;
}

describe('a case from registration to judicial confirmation, through the console', () => {
  const browser = useBrowser();
  const app = useConsoleApp();

  async function token(username: string): Promise<string> {
    return signIn(app.t, username, app.demoPassword);
  }

  /** A walk-in case registered through the API by a mediator of the demo studio, received an hour ago. */
  async function registerCase(): Promise<{ id: string; caseNumber: string }> {
    const receivedAt = new Date(app.clock.now().getTime() - 60 * 60 * 1000).toISOString();
    const res = await app.t.request({
      method: 'POST',
      url: '/api/cases',
      headers: { authorization: `Bearer ${await token('wangjh')}` },
      payload: individualCaseBody({ receivedAt }),
    });
    if (res.statusCode !== 201) throw new Error(`registering the case failed: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; caseNumber: string };
  }

  async function sendByApi(username: string, caseId: string, version: number, body: Record<string, unknown>): Promise<void> {
    const res = await app.t.request({
      method: 'POST',
      url: `/api/cases/${caseId}/events`,
      headers: { authorization: `Bearer ${await token(username)}`, 'if-match': `"${version}"` },
      payload: body,
    });
    if (res.statusCode !== 200) throw new Error(`${String(body.type)} failed: ${res.statusCode} ${res.body}`);
  }

  async function signedIn(username: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, username, app.demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  async function openCase(page: Page, caseId: string): Promise<void> {
    await page.goto(`${app.baseUrl}/cases/${caseId}`);
    await page.getByTestId('case-actions').waitFor();
  }

  async function versionOf(page: Page): Promise<string> {
    return (await page.getByTestId('case-version').innerText()).trim();
  }

  /** Opens an event's form from its button, lets `fill` fill it, submits, and waits for the case to move on. */
  async function act(page: Page, type: string, fill: (form: ReturnType<Page['getByTestId']>) => Promise<void> = async () => {}): Promise<void> {
    const before = await versionOf(page);
    await page.getByTestId(`action-${type}`).click();
    const form = page.getByTestId(`event-form-${type}`);
    await form.waitFor();
    await fill(form);
    await page.getByTestId('event-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(
      (previous) => {
        const element = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('[data-testid="case-version"]');
        return element !== null && element.textContent?.trim() !== previous;
      },
      before,
    );
  }

  async function expectState(page: Page, label: string): Promise<void> {
    await page.getByTestId('case-state').getByText(label, { exact: true }).waitFor();
  }

  async function typeDate(page: Page, input: ReturnType<Page['getByTestId']>, value: string): Promise<void> {
    await input.click();
    await input.fill(value);
    await input.press('Enter');
  }

  it(
    'takes a walk-in case from registration to a judicially confirmed agreement: mediator, supervisor, mediator, court liaison',
    async () => {
      const registered = await registerCase();
      const mediator = await signedIn('wangjh');
      await openCase(mediator, registered.id);
      await expectState(mediator, '已登记');

      // From the intake queue: accepting it makes wangjh its mediator.
      await act(mediator, 'ACCEPT');
      await expectState(mediator, '待被申请人同意');
      await act(mediator, 'RESPONDENT_CONSENTS', async (form) => {
        await chooseOption(mediator, form.getByLabel('同意方式'), '电话');
      });
      await expectState(mediator, '调解中');

      await act(mediator, 'SCHEDULE_SESSION', async (form) => {
        await typeDate(mediator, form.getByLabel('时间'), pickerInstant(new Date(app.clock.now().getTime() + DAY_MS)));
        await form.getByRole('radio', { name: '线上' }).check();
      });
      await mediator.getByTestId('sessions-panel').getByText('已安排').waitFor();

      await act(mediator, 'RECORD_SESSION', async (form) => {
        await typeDate(mediator, form.getByLabel('举行时间'), pickerInstant(new Date(app.clock.now().getTime() - 30 * 60 * 1000)));
        await form.getByLabel('会议摘要').fill('双方就加班费数额和支付期限进行协商，申请人同意分两期支付。');
        await form.getByRole('checkbox', { name: '不作为证据的调解陈述（不写入任何文书）' }).check();
      });
      await mediator.getByTestId('history-panel').getByText('记录调解会').waitFor();

      // The agreement terms: two money items, two instalments that must add up, a running total on screen.
      await mediator.getByTestId('action-REACH_AGREEMENT').click();
      const terms = mediator.getByTestId('event-form-REACH_AGREEMENT');
      await terms.waitFor();
      await terms.getByLabel('事实').fill('申请人于2025年10月至2026年8月在被申请人处工作，被申请人未足额支付延时加班费。');
      await terms.getByLabel('争议事项').fill('加班费及经济补偿数额。');
      await terms.getByTestId('terms-item-0').getByLabel('内容').fill('支付延时加班费');
      await terms.getByTestId('terms-item-0').getByLabel('金额（元）').fill('15000.00');
      await terms.getByRole('button', { name: '添加条款' }).click();
      await chooseOption(mediator, terms.getByTestId('terms-item-1').getByLabel('类别', { exact: true }).last(), '经济补偿');
      await terms.getByTestId('terms-item-1').getByLabel('内容').fill('支付解除劳动合同经济补偿');
      await terms.getByTestId('terms-item-1').getByLabel('金额（元）').fill('9000.50');
      await typeDate(mediator, terms.getByTestId('terms-instalment-0').getByPlaceholder('到期日'), legalDate(app, 10));
      await terms.getByTestId('terms-instalment-0').getByLabel('金额（元）').fill('12000');
      await terms.getByRole('button', { name: '添加一期' }).click();
      await typeDate(mediator, terms.getByTestId('terms-instalment-1').getByPlaceholder('到期日'), legalDate(app, 40));
      await terms.getByTestId('terms-instalment-1').getByLabel('金额（元）').fill('12000');
      await terms.getByTestId('terms-unbalanced').waitFor();
      expect(await terms.getByTestId('terms-agreed-total').innerText()).toContain('24,000.50');
      await terms.getByTestId('terms-instalment-1').getByLabel('金额（元）').fill('12000.50');
      await terms.getByTestId('terms-unbalanced').waitFor({ state: 'detached' });
      await terms.getByLabel('违约条款').fill('逾期未付的，申请人可就未付部分申请支付令。');
      await browser.screenshot(mediator, 'case-agreement-form');
      const before = await versionOf(mediator);
      await mediator.getByTestId('event-submit').click();
      await terms.waitFor({ state: 'detached' });
      await expectState(mediator, '协议签署中');
      expect(await versionOf(mediator)).not.toBe(before);

      // The agreement exists now, so its document can be printed, with the bearer token, under the service's name.
      const [agreement] = await Promise.all([mediator.waitForEvent('download'), mediator.getByTestId('document-mediation-agreement').click()]);
      expect(agreement.suggestedFilename()).toBe(`调解协议书-${registered.caseNumber}.docx`);

      for (const party of ['申请人', '被申请人', '调解员']) {
        await act(mediator, 'SIGN', async (form) => {
          await form.getByRole('radio', { name: party, exact: true }).check();
        });
        await mediator.getByTestId('signatures').getByText(new RegExp(`^${party} · 已签署`)).waitFor();
      }
      expect(await mediator.getByTestId('case-actions').getByTestId('action-SIGN').count()).toBe(0);

      // The seal is the supervisor's.
      const supervisor = await signedIn('zhaomin');
      await openCase(supervisor, registered.id);
      await act(supervisor, 'SIGN', async (form) => {
        await form.getByRole('radio', { name: '调解组织（盖章）' }).check();
      });
      await expectState(supervisor, '协议已生效');

      await mediator.reload();
      await expectState(mediator, '协议已生效');
      await mediator.getByTestId('route-JUDICIAL_CONFIRMATION').getByText('可采取').waitFor();
      await act(mediator, 'REQUEST_JUDICIAL_CONFIRMATION', async (form) => {
        await form.getByRole('checkbox', { name: '双方共同申请（民事诉讼法第205条）' }).check();
        await chooseOption(mediator, form.getByLabel('法院'), '辽源市龙山区人民法院');
      });
      await expectState(mediator, '司法确认审查中');

      // The Longshan court's liaison now sees the case and rules on it.
      const liaison = await signedIn('chenjing');
      await openCase(liaison, registered.id);
      await expectState(liaison, '司法确认审查中');
      await act(liaison, 'CONFIRM_JUDICIALLY', async (form) => {
        await form.getByLabel('裁定书（调解书）编号').fill('（2026）吉0402民特88号');
      });
      await expectState(liaison, '已司法确认');
      expect(await liaison.getByTestId('judicial-confirmation').innerText()).toContain('（2026）吉0402民特88号');
      await liaison.getByTestId('deadlines-panel').waitFor();
      await browser.screenshot(liaison, 'case-detail-confirmed-zh');

      // Back at the studio, the first instalment is paid.
      await mediator.reload();
      await expectState(mediator, '已司法确认');
      await act(mediator, 'RECORD_PERFORMANCE', async (form) => {
        await form.getByLabel('本次支付金额（元）').fill('12000.00');
      });
      expect(await mediator.getByTestId('agreement-panel').innerText()).toContain('12000.00');

      await liaison.getByTestId('language-toggle').click();
      await liaison.getByTestId('case-state').getByText('Judicially confirmed', { exact: true }).waitFor();
      await liaison.getByTestId('history-panel').getByText('Confirm judicially').waitFor();
      await browser.screenshot(liaison, 'case-detail-confirmed-en');
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'tells the user that someone else changed the case when a submit meets a newer version, and shows the new one',
    async () => {
      const registered = await registerCase();
      await sendByApi('wangjh', registered.id, 1, { type: 'ACCEPT' });
      const page = await signedIn('wangjh');
      await openCase(page, registered.id);
      await expectState(page, '待被申请人同意');
      await page.getByTestId('action-RESPONDENT_CONSENTS').click();
      await page.getByTestId('event-form-RESPONDENT_CONSENTS').waitFor();

      // Meanwhile, on another desk, the respondent's consent is recorded first.
      await sendByApi('zhaomin', registered.id, 2, { type: 'RESPONDENT_CONSENTS', consentedOn: legalDate(app) });
      browser.expectConsoleError(/status of 412 /);
      await page.getByTestId('event-submit').click();

      const conflict = page.getByTestId('version-conflict');
      await conflict.waitFor();
      expect(await conflict.innerText()).toContain('该案件刚被其他人修改过，已为您重新加载最新内容');
      await page.getByTestId('event-form-RESPONDENT_CONSENTS').waitFor({ state: 'detached' });
      await expectState(page, '调解中');
      expect(await versionOf(page)).toBe('版本 3');
    },
    STEP_TIMEOUT,
  );

  it(
    'reveals a masked ID number to a supervisor who gives a reason, for that view only, and records the reveal',
    async () => {
      const registered = await registerCase();
      const page = await signedIn('zhaomin');
      await openCase(page, registered.id);
      await page.getByTestId('pii-masked').waitFor();
      const applicants = page.getByTestId('case-applicants');
      expect(await applicants.innerText()).not.toContain(EXAMPLE_RESIDENT_ID);

      await applicants.getByTestId('reveal-applicants[0].idNumber').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('查看原因').fill('短');
      await dialog.getByRole('button', { name: '查 看' }).click();
      await dialog.getByText('请填写 4–500 字的原因').waitFor();
      await dialog.getByLabel('查看原因').fill('核对申请人身份以出具调解协议书');
      await dialog.getByRole('button', { name: '查 看' }).click();
      expect(await applicants.getByTestId('revealed-applicants[0].idNumber').innerText()).toBe(EXAMPLE_RESIDENT_ID);
      await page.getByTestId('history-panel').getByText('查看个人信息').waitFor();
      await browser.screenshot(page, 'case-detail-revealed');

      await page.reload();
      await applicants.getByTestId('reveal-applicants[0].idNumber').waitFor();
      expect(await applicants.innerText()).not.toContain(EXAMPLE_RESIDENT_ID);
    },
    STEP_TIMEOUT,
  );
});
