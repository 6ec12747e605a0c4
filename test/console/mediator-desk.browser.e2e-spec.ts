import type { Page } from 'playwright-core';
import { addDays, legalDateOf, type LegalDate } from '../../src/calendar/legal-date';
import { residentIdCheckCharacter } from '../../src/common/validation/china-ids';
import { useBrowser } from './browser';
import { type ConsoleApp, useConsoleApp } from './console-app';
import { CASE_DETAIL_URL, InPage, menuLabels, signInWithKeyboard, waitForFocus } from './console-pages';

const JOURNEY_TIMEOUT = 120_000;
/** As the desk pages its alerts. */
const ALERTS_PER_PAGE = 8;

interface Page1<T> {
  items: T[];
  total: number;
}
interface CaseRow {
  id: string;
  caseNumber: string;
  assignedMediator: { id: string } | null;
}
interface AlertRow {
  caseNumber: string;
  level: string;
}
interface CaseDetail {
  id: string;
  caseNumber: string;
  source: string;
  workerCount: number;
  collective: boolean;
  respondent: { name: string };
  applicants: { name: string; isRepresentative: boolean }[];
}

/** A resident ID with a right check character, born in 1990 in Longshan district; `serial` makes it unique. */
function residentId(serial: number, wrongCheck = false): string {
  const first17 = `22040219900307${String(serial).padStart(3, '0')}`;
  const check = residentIdCheckCharacter(first17);
  return first17 + (wrongCheck ? (check === '1' ? '2' : '1') : check);
}

async function apiGet<T>(app: ConsoleApp, page: Page, path: string): Promise<T> {
  const stored = await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.getItem('tiaojie.session'));
  const { token } = JSON.parse(stored ?? '{}') as { token?: string };
  const response = await page.request.get(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** Types a date (and time) into an antd date picker as a person would, then confirms it with Enter. */
async function typeDate(page: Page, id: string, text: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(text);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

async function sortedTexts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allInnerTexts()).map((text) => text.trim()).sort();
}

describe('the mediator desk and the intake form, as wangjh', () => {
  const browser = useBrowser();
  const app = useConsoleApp();
  let today: LegalDate;

  beforeAll(() => {
    today = legalDateOf(app.clock.now());
  });

  async function signIn(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL('**/login');
    await signInWithKeyboard(page, 'wangjh', app.demoPassword);
    await page.waitForURL(/\/desk$/);
    return page;
  }

  it(
    'lands on the desk with their cases by stage, the intake queue, deadlines of the next 7 days and their open alerts',
    async () => {
      const page = await signIn();
      const menu = await menuLabels(page);
      expect(menu.slice(0, 2)).toEqual(['工作台', '登记']);
      expect(menu).toContain('案件');

      const dueBefore = addDays(today, 7);
      const deadlines = await apiGet<Page1<{ caseNumber: string }>>(app, page, `/api/deadlines?mine=true&dueBefore=${dueBefore}`);
      const open = await apiGet<Page1<AlertRow>>(app, page, '/api/alerts?mine=true&status=OPEN&pageSize=100');
      const acknowledged = await apiGet<Page1<AlertRow>>(app, page, '/api/alerts?mine=true&status=ACKNOWLEDGED&pageSize=100');
      const intake = await apiGet<Page1<CaseRow>>(app, page, '/api/cases?state=intake&pageSize=100');
      const queue = intake.items.filter((item) => item.assignedMediator === null);
      // The demo gives wangjh work in every column; a desk of empty tables would prove nothing.
      expect(deadlines.total).toBeGreaterThan(0);
      expect(open.total + acknowledged.total).toBeGreaterThan(0);
      expect(queue.length).toBeGreaterThan(0);

      const deadlineLinks = 'data-testid=desk-deadlines >> tbody a[href^="/cases/"]';
      await page.locator(deadlineLinks).first().waitFor();
      expect(await sortedTexts(page, deadlineLinks)).toEqual(deadlines.items.map((item) => item.caseNumber).sort());
      expect(await page.getByTestId('desk-deadlines').getByTestId('countdown').count()).toBe(deadlines.items.length);

      const alertLinks = 'data-testid=desk-alerts >> tbody a[href^="/cases/"]';
      await page.locator(alertLinks).first().waitFor();
      // Highest level first, eight to a page: the first page is the most urgent of them.
      const unresolved = [...open.items, ...acknowledged.items];
      const levels = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];
      const ranked = [...unresolved].sort((a, b) => levels.indexOf(b.level) - levels.indexOf(a.level));
      const firstPage = ranked.slice(0, ALERTS_PER_PAGE);
      const cutoff = levels.indexOf(firstPage.at(-1)?.level ?? 'BLUE');
      const shownAlerts = await sortedTexts(page, alertLinks);
      expect(shownAlerts).toHaveLength(firstPage.length);
      const surelyShown = firstPage.filter((alert) => levels.indexOf(alert.level) > cutoff).map((alert) => alert.caseNumber);
      for (const caseNumber of surelyShown) expect(shownAlerts).toContain(caseNumber);
      for (const caseNumber of shownAlerts) expect(unresolved.map((alert) => alert.caseNumber)).toContain(caseNumber);
      if (unresolved.length > ALERTS_PER_PAGE) await page.getByTestId('desk-alerts').locator('.ant-pagination').waitFor();

      const queueLinks = 'data-testid=desk-queue >> tbody a[href^="/cases/"]';
      await page.locator(queueLinks).first().waitFor();
      expect(await sortedTexts(page, queueLinks)).toEqual(queue.map((item) => item.caseNumber).sort());

      for (const [group, label] of [['intake', '登记阶段'], ['mediation', '调解阶段'], ['agreement', '协议阶段'], ['closed', '已结案']] as const) {
        const { total } = await apiGet<Page1<CaseRow>>(app, page, `/api/cases?mine=true&state=${group}&pageSize=1`);
        await page.getByTestId(`desk-stage-${group}`).getByText(`${label} (${total})`).waitFor();
      }
      await browser.screenshot(page, 'desk');
      const myCaseLinks = page.getByTestId('desk-my-cases').locator('tbody a[href^="/cases/"]:visible');
      await myCaseLinks.first().waitFor();

      // One click from a row to its case.
      const caseNumber = (await myCaseLinks.first().innerText()).trim();
      await myCaseLinks.first().click();
      await page.waitForURL(CASE_DETAIL_URL);
      await page.getByText(caseNumber).first().waitFor();
      await page.goBack();
      await page.waitForURL(/\/desk$/);

      await page.getByTestId('language-toggle').click();
      await page.getByRole('navigation').getByRole('menuitem', { name: 'Desk' }).waitFor();
      await page.getByText('Deadlines in the next 7 days').waitFor();
      await page.locator(deadlineLinks).first().waitFor();
      await browser.screenshot(page, 'desk-en');
      await page.getByTestId('language-toggle').click();
      await page.getByRole('navigation').getByRole('menuitem', { name: '工作台' }).waitFor();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'registers a walk-in worker: a refusal of the service shows on its field, is corrected, and the new case opens',
    async () => {
      const page = await signIn();
      await page.getByRole('navigation').getByRole('menuitem', { name: '登记' }).click();
      await page.waitForURL(/\/intake$/);
      await page.getByTestId('intake-form').waitFor();

      // Received yesterday; the worker says they learned of the unpaid wages today, after the receipt: only the
      // service compares the two dates.
      const yesterday = addDays(today, -1);
      await typeDate(page, 'intake_receivedAt', `${yesterday} 09:30`);
      await page.getByLabel('姓名 第 1 行').fill('张伟');
      await page.getByLabel('证件号码 第 1 行').fill(residentId(901));
      await page.getByLabel('手机或电话 第 1 行').fill('13843712345');
      await page.locator('#intake_respondent_name').fill('辽源市某建筑劳务有限公司');
      await page.locator('#intake_respondent_unifiedSocialCreditCode').fill('91220400MA0Y123459');
      await page.locator('#intake_respondent_contactPhone').fill('0437-3221234');
      await page.locator('#intake_claims_0_amount').fill('18600.50');
      await page.locator('#intake_claims_0_description').fill('拖欠 2026 年 9 月至 10 月工资');
      await page.locator('#intake_arrearsMonths').fill('2');
      await typeDate(page, 'intake_knewOrShouldHaveKnownAt', today);
      // Enter in a field does not send a half-checked form.
      await page.getByLabel('姓名 第 1 行').press('Enter');
      expect(page.url()).toMatch(/\/intake$/);

      // Chromium logs the refused request as a console error; that one is the point of the test.
      browser.expectConsoleError(/status of 400 \(Bad Request\) \(http:\/\/127\.0\.0\.1:\d+\/api\/cases\)$/);
      await page.getByRole('button', { name: /^登\s*记$/ }).click();
      const help = page.locator('#intake_knewOrShouldHaveKnownAt_help');
      await help.getByText('不能晚于受理日期').waitFor();
      await waitForFocus(page, 'intake_knewOrShouldHaveKnownAt');
      expect(page.url()).toMatch(/\/intake$/);
      await browser.screenshot(page, 'intake-server-error');

      await typeDate(page, 'intake_knewOrShouldHaveKnownAt', addDays(today, -20));
      await page.getByRole('button', { name: /^登\s*记$/ }).click();
      await page.waitForURL(CASE_DETAIL_URL);
      const id = page.url().split('/').at(-1) as string;
      const created = await apiGet<CaseDetail>(app, page, `/api/cases/${id}`);
      expect(created).toMatchObject({ source: 'WALK_IN', workerCount: 1, collective: false, respondent: { name: '辽源市某建筑劳务有限公司' } });
      expect(created.applicants.map((applicant) => applicant.name)).toEqual(['张伟']);
      await page.getByText(created.caseNumber).first().waitFor();
    },
    JOURNEY_TIMEOUT,
  );

  it(
    'registers a collective case from a worker list pasted out of a spreadsheet, with its bad row flagged and corrected',
    async () => {
      const page = await signIn();
      await page.goto(`${app.baseUrl}/intake`);
      await page.getByTestId('intake-form').waitFor();
      await page.getByText('集体争议（10 人以上）').click();

      const rows = Array.from({ length: 12 }, (_, index) =>
        [`工人${index + 1}`, residentId(100 + index, index === 4), `138437${String(20000 + index)}`, '已离职', '是', index < 3 ? '是' : '否'].join('\t'),
      );
      await page.getByLabel('从表格粘贴').fill(['姓名\t身份证号\t电话\t劳动关系\t农民工\t代表人', ...rows].join('\n'));
      await page.getByRole('button', { name: /导入名单/ }).click();
      const summary = page.getByTestId('paste-result');
      await summary.getByText('已导入 12 人').waitFor();
      expect(await summary.innerText()).toContain('第 5 行：身份证号码校验位不正确');
      await page.getByTestId('applicant-row-4').getByText('身份证号码校验位不正确，请核对是否输错').waitFor();
      expect(await page.locator('#intake_workerCount').inputValue()).toBe('12');
      expect(await page.getByTestId('representative-count').innerText()).toBe('已选代表人 3 名（需 3–5 名）');
      await browser.screenshot(page, 'intake-collective-pasted');

      await page.getByLabel('证件号码 第 5 行').fill(residentId(104));
      await page.locator('#intake_workerCount').fill('15');
      await page.locator('#intake_migrantWorkers').fill('14');
      await typeDate(page, 'intake_receivedAt', `${addDays(today, -1)} 10:00`);
      await page.locator('#intake_respondent_name').fill('辽源市某建筑工程有限公司');
      await page.locator('#intake_respondent_projectName').fill('龙山区某安置小区二期');
      await page.locator('#intake_respondent_generalContractor').fill('吉林省某建工集团有限公司');
      await page.locator('#intake_claims_0_amount').fill('186000');
      await page.locator('#intake_claims_0_description').fill('拖欠 15 名农民工 2026 年 8 月至 10 月工资');
      await page.locator('#intake_arrearsMonths').fill('3');
      await typeDate(page, 'intake_knewOrShouldHaveKnownAt', addDays(today, -30));
      await page.getByRole('checkbox', { name: '用人单位负责人逃匿' }).check();
      await page.getByRole('button', { name: /^登\s*记$/ }).click();

      await page.waitForURL(CASE_DETAIL_URL);
      const id = page.url().split('/').at(-1) as string;
      const created = await apiGet<CaseDetail>(app, page, `/api/cases/${id}`);
      expect(created).toMatchObject({ workerCount: 15, collective: true });
      expect(created.applicants).toHaveLength(12);
      expect(created.applicants.filter((applicant) => applicant.isRepresentative).map((applicant) => applicant.name)).toEqual(['工人1', '工人2', '工人3']);
    },
    JOURNEY_TIMEOUT,
  );
});
