import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { useConsoleApp } from './console-app';
import { chooseOption, menuLabels, signInWithKeyboard } from './console-pages';

const JOURNEY_TIMEOUT = 90_000;

/** Antd's date pickers take a typed date; Tab leaves the field as a person would (Enter would also submit the form). */
async function typeDate(page: Page, selector: string, date: string): Promise<void> {
  await page.locator(selector).click();
  await page.locator(selector).fill(date);
  await page.keyboard.press('Tab');
}

async function openMenu(page: Page, label: string, url: RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('menuitem', { name: label }).click();
  await page.waitForURL(url);
}

describe("the supervisor's risk screens, against the demo data", () => {
  const browser = useBrowser();
  const app = useConsoleApp();

  async function signInAsSupervisor(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, 'zhaomin', app.demoPassword);
    await page.waitForURL(/\/risk$/);
    return page;
  }

  it('lands on the risk dashboard: open cases by level, the screening chart, sensitive periods and urgent alerts; in English too', async () => {
    const page = await signInAsSupervisor();
    expect((await menuLabels(page)).slice(0, 4)).toEqual(['风险', '预警', '排查', '敏感期']);
    const dashboard = page.getByTestId('risk-dashboard');
    await dashboard.getByRole('heading', { name: '风险态势' }).waitFor();
    // Every level's count has arrived, and together they are the open cases the demo has.
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
      return Array.from(doc.querySelectorAll('[data-testid^="open-"] .ant-statistic-content-value')).filter((el) => /\d/.test(el.textContent ?? '')).length === 4;
    });
    const counts = await Promise.all(['BLUE', 'YELLOW', 'ORANGE', 'RED'].map(async (level) => Number((await page.getByTestId(`open-${level}`).locator('.ant-statistic-content-value').innerText()).trim())));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    await page.getByTestId('dashboard-alerts').locator('.ant-list-items, .ant-empty').first().waitFor();
    await page.getByTestId('dashboard-periods').locator('.ant-list-items, .ant-empty').first().waitFor();
    await browser.screenshot(page, 'risk-dashboard');

    await page.getByTestId('language-toggle').click();
    await dashboard.getByRole('heading', { name: 'Risk overview' }).waitFor();
    await page.getByRole('navigation').getByRole('menuitem', { name: 'Alerts' }).waitFor();
    await browser.screenshot(page, 'risk-dashboard-en');
    await page.getByTestId('language-toggle').click();
    await dashboard.getByRole('heading', { name: '风险态势' }).waitFor();
  }, JOURNEY_TIMEOUT);

  it('runs a screening as of a chosen date and opens its printable ledger', async () => {
    const page = await signInAsSupervisor();
    await openMenu(page, '排查', /\/screenings$/);
    await typeDate(page, '#screening-as-of', '2026-09-24');
    await page.getByTestId('run-screening').getByRole('button', { name: /开始排查/ }).click();
    await page.waitForURL(/\/screenings\/[0-9a-f-]{36}$/);
    const ledger = page.getByTestId('screening-ledger');
    await ledger.getByTestId('ledger-title').waitFor();
    expect(await ledger.getByTestId('ledger-facts').innerText()).toContain('2026-09-24');
    // National Day 2026's lead time opens on 09-24 (DOMAIN §5, K3): the ledger names the window.
    expect(await ledger.getByTestId('ledger-facts').innerText()).toContain('国庆');
    const rows = ledger.getByTestId('ledger-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await browser.screenshot(page, 'screening-ledger');
    // One level at a time, most serious first: the filter goes into the address, and every row shown is of it.
    const topLevel = (await rows.first().locator('td').nth(4).locator('.ant-tag').first().innerText()).trim();
    const option = ledger.getByTestId('ledger-level').getByText(new RegExp(`^${topLevel} \\d+$`));
    const count = Number((await option.innerText()).split(' ')[1]);
    const filtered = page.waitForResponse((res) => /\/cases\?.*level=/.test(res.url()));
    await option.click();
    await page.waitForURL(/[?&]level=[A-Z]+/);
    await filtered;
    // The page before stays on screen until the filtered one arrives (keepPreviousData): wait for the rows to go.
    await rows.nth(Math.min(count, 100)).waitFor({ state: 'detached' });
    const levels = await rows.evaluateAll((cells) => cells.map((row) => row.querySelectorAll('td')[4].querySelector('.ant-tag')?.textContent?.trim()));
    expect(new Set(levels)).toEqual(new Set([topLevel]));
    // The export holds every row of the level, not the page, under the service's (Chinese) name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ledger-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`风险排查台账_2026-09-24_${topLevel}.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const exported = workbook.getWorksheet('台账')!;
    expect(exported.rowCount - 3).toBe(count);
    expect(exported.getCell('E4').value).toBe(topLevel);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-ledger').isVisible()).toBe(false);
    expect(await page.getByTestId('download-ledger-xlsx').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    // What is printed says which rows it is.
    expect(await ledger.getByTestId('ledger-print-scope').innerText()).toContain(`${topLevel}：第 1–${levels.length} 条，共 ${count} 条`);
    await browser.screenshot(page, 'screening-ledger-print');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: '返回排查记录' }).click();
    await page.waitForURL(/\/screenings$/);
    await page.getByTestId('screening-history').getByRole('link', { name: '2026-09-24' }).first().waitFor();
    await browser.screenshot(page, 'screenings');

    // The rules the ledger's levels come from, read-only.
    await page.getByTestId('open-risk-rules').click();
    await page.getByTestId('risk-rules').getByText('COLLECTIVE_10', { exact: true }).waitFor();
    expect(await page.getByTestId('risk-rules').locator('tbody tr.ant-table-row').count()).toBe(12);
    await browser.screenshot(page, 'risk-rules');
  }, JOURNEY_TIMEOUT);

  it('acknowledges an open alert, then resolves it with a note', async () => {
    const page = await signInAsSupervisor();
    await openMenu(page, '预警', /\/alerts$/);
    const table = page.getByTestId('alert-table');
    const row = table.locator('tr.ant-table-row', { has: page.getByTestId('acknowledge') }).first();
    await row.waitFor();
    const alertId = await row.getAttribute('data-row-key');
    const sameRow = table.locator(`tr[data-row-key="${alertId}"]`);
    await browser.screenshot(page, 'alerts-board');

    await sameRow.getByTestId('acknowledge').click();
    await sameRow.getByText('已签收', { exact: true }).waitFor();
    expect(await sameRow.getByTestId('acknowledge').count()).toBe(0);

    await sameRow.getByTestId('resolve').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('处置情况').waitFor();
    // The note is required: the dialog refuses to close without one.
    await dialog.getByRole('button', { name: /办\s*结/ }).click();
    await dialog.getByText('请填写处置情况').waitFor();
    await dialog.getByLabel('处置情况').fill('已电话联系用人单位负责人，承诺本周五前支付拖欠工资');
    await browser.screenshot(page, 'alert-resolve');
    await dialog.getByRole('button', { name: /办\s*结/ }).click();
    await sameRow.getByText('已办结', { exact: true }).waitFor();
    expect(await sameRow.innerText()).toContain('已电话联系用人单位负责人');
    expect(await sameRow.getByTestId('resolve').count()).toBe(0);
  }, JOURNEY_TIMEOUT);

  it('adds a CUSTOM sensitive period and sees it on the list and the timeline', async () => {
    const page = await signInAsSupervisor();
    await openMenu(page, '敏感期', /\/sensitive-periods$/);
    await page.getByTestId('period-table').locator('tbody tr.ant-table-row').first().waitFor();
    const year = Number(await page.locator('#periods-year').inputValue());

    await page.getByTestId('add-period').click();
    const form = page.getByTestId('period-form');
    await form.getByLabel('名称').fill('全市劳动争议专项排查周');
    await chooseOption(page, form.getByLabel('类型'), '其他');
    await typeDate(page, '#sensitive-period_startsOn', `${year}-12-21`);
    await typeDate(page, '#sensitive-period_endsOn', `${year}-12-18`);
    await form.getByText('结束日期不能早于开始日期').waitFor();
    await typeDate(page, '#sensitive-period_endsOn', `${year}-12-25`);
    await form.getByRole('button', { name: /添加节点/ }).click();
    await typeDate(page, '#sensitive-period_milestones_0_on', `${year}-12-24`);
    await form.getByLabel('事项').fill('各调解室报送排查台账');
    await browser.screenshot(page, 'sensitive-period-form');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });

    const row = page.getByTestId('period-table').locator('tr.ant-table-row', { hasText: '全市劳动争议专项排查周' });
    await row.waitFor();
    expect(await row.innerText()).toContain(`${year}-12-21 – ${year}-12-25`);
    expect(await row.innerText()).toContain(`${year}-12-14`);
    expect(await row.innerText()).toContain('各调解室报送排查台账');
    await page.getByTestId('period-timeline').getByText('全市劳动争议专项排查周').waitFor();
    await browser.screenshot(page, 'sensitive-periods');
  }, JOURNEY_TIMEOUT);
});
