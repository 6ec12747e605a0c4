import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { useConsoleApp } from './console-app';
import { CASE_DETAIL_URL, menuLabels, signInWithKeyboard } from './console-pages';

const JOURNEY_TIMEOUT = 120_000;

interface QueueItem {
  caseId: string;
  caseNumber: string;
}
interface Queue {
  referred: (QueueItem & { handoffAcknowledgedAt: string | null })[];
  awaitingConfirmation: (QueueItem & { confirmationWindow: { daysLeft: number } | null; courtDecision: { daysLeft: number } | null })[];
  feedbackDue: QueueItem[];
}

async function sortedTexts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allInnerTexts()).map((text) => text.trim()).sort();
}

const numbers = (items: QueueItem[]) => items.map((item) => item.caseNumber).sort();

describe('the court liaison queue, as chenjing of the Longshan court', () => {
  const browser = useBrowser();
  const app = useConsoleApp();

  /** A court's queue as the API answers its liaison. */
  async function queueOf(page: Page, username: string): Promise<Queue> {
    const login = await page.request.post(`${app.baseUrl}/api/auth/login`, { data: { username, password: app.demoPassword } });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await page.request.get(`${app.baseUrl}/api/court/queue`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(response.status()).toBe(200);
    return (await response.json()) as Queue;
  }

  it(
    "sees only Longshan's referrals, the agreements awaiting confirmation with their countdown, downloads and acknowledges a feedback letter",
    async () => {
      const page = await browser.newPage();
      const longshan = await queueOf(page, 'chenjing');
      const xian = await queueOf(page, 'zhouqiang');
      expect(longshan.referred.length).toBeGreaterThan(0);
      expect(longshan.feedbackDue.length).toBeGreaterThan(0);

      await page.goto(`${app.baseUrl}/`);
      await page.waitForURL('**/login');
      await signInWithKeyboard(page, 'chenjing', app.demoPassword);
      await page.waitForURL(/\/court$/);
      // The queue is the liaison's first entry and where they land; other screens' entries may follow it.
      const menu = await menuLabels(page);
      expect(menu[0]).toBe('法院队列');
      expect(menu).toContain('案件');

      const referredLinks = 'data-testid=court-referred >> tbody a[href^="/cases/"]';
      await page.locator(referredLinks).first().waitFor();
      const shown = await sortedTexts(page, referredLinks);
      expect(shown).toEqual(numbers(longshan.referred));
      for (const other of numbers(xian.referred)) expect(shown).not.toContain(other);

      const awaiting = page.getByTestId('court-awaiting');
      expect(await sortedTexts(page, 'data-testid=court-awaiting >> tbody a[href^="/cases/"]')).toEqual(numbers(longshan.awaitingConfirmation));
      const countdowns = longshan.awaitingConfirmation.flatMap((item) => {
        const countdown = item.courtDecision ?? item.confirmationWindow;
        return countdown ? [countdown.daysLeft] : [];
      });
      const tags = awaiting.getByTestId('countdown');
      expect(await tags.count()).toBe(countdowns.length);
      for (let index = 0; index < countdowns.length; index += 1) {
        expect(Number(await tags.nth(index).getAttribute('data-days-left'))).toBe(countdowns[index]);
      }

      const feedback = page.getByTestId('court-feedback');
      expect(await sortedTexts(page, 'data-testid=court-feedback >> tbody a[href^="/cases/"]')).toEqual(numbers(longshan.feedbackDue));
      await browser.screenshot(page, 'court-queue');

      // The letter, fetched with the liaison's token and saved under the service's name.
      const [first] = longshan.feedbackDue;
      const row = feedback.locator('tbody tr', { hasText: first.caseNumber });
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /下载反馈函/ }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`反馈函.*${first.caseNumber}\\.docx$`));
      expect((await download.createReadStream()).readable).toBe(true);

      await row.getByRole('button', { name: /签\s*收/ }).click();
      const dialog = page.getByRole('dialog', { name: `签收案件 ${first.caseNumber} 的反馈函` });
      await dialog.getByLabel('备注（可选）').fill('反馈函已收悉，已转立案庭登记');
      await dialog.getByRole('button', { name: /确认签收/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await feedback.locator('tbody tr', { hasText: first.caseNumber }).waitFor({ state: 'detached' });
      await page.getByTestId('court-referred').locator('tbody tr', { hasText: first.caseNumber }).getByText('已签收').waitFor();
      expect((await queueOf(page, 'chenjing')).feedbackDue.map((item) => item.caseId)).not.toContain(first.caseId);
      await browser.screenshot(page, 'court-queue-acknowledged');

      // Each case number is a link to the case, where the liaison rules on confirmation.
      await page.locator(referredLinks).first().click();
      await page.waitForURL(CASE_DETAIL_URL);
    },
    JOURNEY_TIMEOUT,
  );
});
