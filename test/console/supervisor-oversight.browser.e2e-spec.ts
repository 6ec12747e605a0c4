import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually';
import { useBrowser } from './browser';
import { CONSOLE_ADMIN, useConsoleApp } from './console-app';
import { chooseOption, menuLabels, signInWithKeyboard } from './console-pages';

const JOURNEY_TIMEOUT = 90_000;
const HASH = /^[0-9a-f]{64}$/;

/** A page of the signed-in console, reached through the side menu as a person would. */
async function openFromMenu(page: Page, label: string, path: string): Promise<void> {
  await page.getByRole('navigation').getByRole('menuitem', { name: label }).click();
  await page.waitForURL((url) => url.pathname === path);
}

// The oversight screens on the demo data: the thirty stories lie within the last twelve months of whatever day the
// suite runs (the seeder dates them back from the clock), so the last year's statistics count all of them.
describe('the supervisor’s and the administrator’s oversight screens, against the demo data', () => {
  const browser = useBrowser();
  const app = useConsoleApp();

  it('shows a supervisor the last year’s statistics, downloads them as Excel, and verifies and searches the audit trail', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, 'zhaomin', app.demoPassword);
    await page.getByRole('navigation').getByRole('menuitem', { name: '统计' }).waitFor();
    const menu = await menuLabels(page);
    expect(menu.slice(-4)).toEqual(['统计', '审计', '登记', '案件']);

    await openFromMenu(page, '统计', '/statistics');
    const received = page.getByTestId('stat-received');
    await received.getByText('30').waitFor();
    // The last twelve months are the default period, and its preset shows as chosen.
    expect(await page.getByRole('radio', { name: '近 12 个月' }).isChecked()).toBe(true);
    expect(await page.getByTestId('stat-workersCovered').innerText()).toContain('58');
    expect(await page.getByTestId('stat-claimed').innerText()).toContain('¥919,910.00');
    expect(await page.getByTestId('stat-agreed').innerText()).toContain('¥723,100.00');
    expect(await page.getByTestId('stat-paid').innerText()).toContain('¥594,000.00');
    expect(await page.getByTestId('stat-successRate').innerText()).toContain('58.3%');
    expect(await page.getByTestId('stat-assistanceAmount').innerText()).toContain('¥11,400.00');
    expect(await page.getByTestId('statistics-by-source').innerText()).toContain('来访');
    const period = (await page.getByTestId('statistics-period').innerText()).match(/(\d{4}-\d{2}-\d{2}) 至 (\d{4}-\d{2}-\d{2})/);
    expect(period).not.toBeNull();
    const [, from, to] = period!;
    await browser.screenshot(page, 'statistics');

    // The file is saved under the service's own (Chinese) name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`调解统计报表_${from}至${to}.xlsx`);
    expect(await download.failure()).toBeNull();

    // Grouped by source: a table of groups appears, and the choice is in the address.
    await chooseOption(page, page.getByTestId('statistics-group-by'), '按来源');
    await page.waitForURL(/groupBy=source/);
    expect(await page.getByTestId('statistics-groups').innerText()).toContain('法院委派');

    await page.getByTestId('language-toggle').click();
    await page.getByTestId('stat-received').getByText('Cases received').waitFor();
    expect(await page.getByTestId('statistics-groups').innerText()).toContain('Court-delegated');
    expect(await page.getByTestId('stat-received').innerText()).toMatch(/30\s*cases/);
    expect(await page.getByTestId('stat-collectiveCases').innerText()).toMatch(/1\s*case(?!s)/);
    await browser.screenshot(page, 'statistics-en');
    await page.getByTestId('language-toggle').click();
    await page.getByRole('navigation').getByRole('menuitem', { name: '审计' }).waitFor();

    await openFromMenu(page, '审计', '/audit');
    const verified = page.getByTestId('verify-status');
    await verified.waitFor();
    expect(await verified.innerText()).toBe('校验通过');
    const checked = Number((await page.getByTestId('verify-checked').innerText()).match(/已校验 (\d+) 条记录/)?.[1]);
    expect(checked).toBeGreaterThan(400);
    // A fresh database has no checkpoint until the hourly job runs; the screen says so without asking for one.
    await page.getByTestId('checkpoint-none').waitFor();
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    await browser.screenshot(page, 'audit');

    // Filter by one case, found by its number.
    await page.getByTestId('audit-filter-case').click();
    const option = page.locator('.ant-select-item-option').first();
    await option.waitFor();
    const caseNumber = (await option.innerText()).trim();
    await option.click();
    await page.waitForURL(/caseId=[0-9a-f-]{36}/);
    const caseId = new URL(page.url()).searchParams.get('caseId');
    // The previous page stays on screen until the filtered one arrives: wait until every row is about that case.
    const caseLinks = page.getByTestId('audit-table').locator('tbody a[href^="/cases/"]');
    const hrefs = await eventually(
      () => caseLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      (found) => found.length > 0 && found.every((href) => href === `/cases/${caseId}`),
    );
    expect(new Set(hrefs)).toEqual(new Set([`/cases/${caseId}`]));
    await page.getByTestId('audit-table').getByText(caseNumber).first().waitFor();

    // The oldest entry of that case: its creation, first in its chain.
    await rows.last().getByRole('button').click();
    const drawer = page.getByTestId('audit-entry');
    await drawer.getByTestId('audit-entry-payload').waitFor();
    const hashes = await drawer.locator('code').allInnerTexts();
    expect(hashes.filter((text) => HASH.test(text.trim())).length).toBeGreaterThanOrEqual(2);
    expect(await drawer.innerText()).toContain('CASE_CREATED');
    await browser.screenshot(page, 'audit-entry');
  }, JOURNEY_TIMEOUT);

  it('lets the administrator create a mediator account and deactivate it, and take an audit checkpoint', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, CONSOLE_ADMIN.username, CONSOLE_ADMIN.password);
    // An administrator lands on the user accounts.
    await page.waitForURL(/\/admin\/users$/);
    expect((await menuLabels(page)).slice(0, 3)).toEqual(['用户', '机构', '审计']);
    await page.getByTestId('user-table').getByText('zhaomin').waitFor();

    await page.getByTestId('create-user').click();
    const form = page.getByTestId('user-form');
    await form.getByLabel('用户名').fill('LiNa2026');
    await form.getByLabel('姓名').fill('李娜');
    await form.getByLabel('初始密码').fill('short');
    await form.getByLabel('确认密码').fill('short');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('密码至少 10 个字符').waitFor();
    await form.getByLabel('初始密码').fill('studio-newcomer-phrase-2026');
    await form.getByLabel('确认密码').fill('studio-newcomer-phrase-2026');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached' });

    const row = page.getByTestId('user-table').locator('tr', { hasText: 'lina2026' });
    await row.waitFor();
    expect(await row.innerText()).toContain('调解员');
    expect(await row.innerText()).toContain('在用');
    // A forgotten password is replaced, and the new one works at once.
    await row.getByRole('button', { name: '重设密码 lina2026' }).click();
    const reset = page.getByTestId('password-reset-form');
    await reset.getByLabel('新密码').fill('second-newcomer-phrase-2026');
    await reset.getByLabel('确认密码').fill('second-newcomer-phrase-2026');
    await reset.getByRole('button', { name: /保\s*存/ }).click();
    await reset.waitFor({ state: 'detached' });
    const signIn = (password: string) => app.t.request({ method: 'POST', url: '/api/auth/login', payload: { username: 'lina2026', password } });
    expect((await signIn('second-newcomer-phrase-2026')).statusCode).toBe(200);

    await row.getByRole('button', { name: '停用 lina2026' }).click();
    const confirm = page.getByRole('dialog', { name: /停用 李娜（lina2026）/ });
    await confirm.getByRole('button', { name: /停\s*用/ }).click();
    await row.getByText('已停用').waitFor();
    await browser.screenshot(page, 'admin-users');

    // Deactivated: the account no longer signs in.
    expect((await signIn('second-newcomer-phrase-2026')).statusCode).toBe(401);

    await openFromMenu(page, '机构', '/admin/organizations');
    await page.getByTestId('organization-table').getByText('辽源市西安区人民法院').waitFor();
    await browser.screenshot(page, 'admin-organizations');

    await openFromMenu(page, '审计', '/audit');
    await page.getByTestId('verify-status').getByText('校验通过').waitFor();
    await page.getByTestId('create-checkpoint').click();
    const checkpoint = page.getByTestId('checkpoint-latest');
    await checkpoint.waitFor();
    expect(await checkpoint.innerText()).toMatch(/[0-9a-f]{64}/);
    await browser.screenshot(page, 'audit-admin');
  }, JOURNEY_TIMEOUT);
});
