import { DEMO_USERS } from '../../src/seed/demo-directory';
import type { Role } from '../../src/users/role';
import { useBrowser } from './browser';
import { CONSOLE_ADMIN, useConsoleApp } from './console-app';
import { CASE_DETAIL_URL, caseLinks, menuLabels, signInWithKeyboard, waitForFocus } from './console-pages';

interface Account {
  readonly role: Role;
  readonly username: string;
  readonly displayName: string;
  readonly roleLabel: string;
  readonly menu: string[];
  /** Where the role lands after signing in: its first menu entry. */
  readonly home: RegExp;
  /** The case detail masks ID numbers and phones for everyone but the case's own mediator (DOMAIN §1). */
  readonly seesMaskedDetail: boolean;
}

function demoUser(username: string) {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

const ACCOUNTS: Account[] = [
  { ...demoUser('wangjh'), roleLabel: '调解员', menu: ['工作台', '登记', '案件'], home: /\/desk$/, seesMaskedDetail: false },
  {
    ...demoUser('zhaomin'),
    roleLabel: '主管',
    menu: ['风险', '预警', '排查', '敏感期', '统计', '审计', '登记', '案件'],
    home: /\/risk$/,
    seesMaskedDetail: true,
  },
  { ...demoUser('chenjing'), roleLabel: '法院联络员', menu: ['法院队列', '统计', '案件'], home: /\/court$/, seesMaskedDetail: true },
  {
    role: 'ADMIN',
    username: CONSOLE_ADMIN.username,
    displayName: '系统管理员',
    roleLabel: '管理员',
    menu: ['用户', '机构', '审计', '敏感期', '案件'],
    home: /\/admin\/users$/,
    seesMaskedDetail: true,
  },
];

const JOURNEY_TIMEOUT = 60_000;

describe('the console, role by role, against the demo data', () => {
  const browser = useBrowser();
  const app = useConsoleApp();

  const passwordOf = (account: Account) => (account.role === 'ADMIN' ? CONSOLE_ADMIN.password : app.demoPassword);

  it.each(ACCOUNTS.map((account) => [account.role, account] as const))(
    '%s signs in, sees their menu, opens the case list and a case, switches to English and back, and signs out',
    async (role, account) => {
      const page = await browser.newPage();
      await page.goto(`${app.baseUrl}/`);
      await page.waitForURL('**/login');
      await waitForFocus(page, 'username');
      if (role === 'MEDIATOR') await browser.screenshot(page, 'login');

      await signInWithKeyboard(page, account.username, passwordOf(account));
      await page.waitForURL(account.home);
      const header = page.getByTestId('signed-in-user');
      await header.getByTestId('organization-name').waitFor();
      expect(await header.innerText()).toContain(account.displayName);
      expect(await header.getByTestId('signed-in-role').innerText()).toBe(account.roleLabel);
      expect(await menuLabels(page)).toEqual(account.menu);
      await page.getByRole('navigation').getByRole('menuitem', { name: '案件' }).click();
      await page.waitForURL(/\/cases$/);

      const links = await caseLinks(page);
      expect(await links.count()).toBeGreaterThan(0);
      await browser.screenshot(page, `cases-${role.toLowerCase()}`);

      // To the first case with the keyboard: its number is a link.
      const caseNumber = (await links.first().innerText()).trim();
      await links.first().focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(CASE_DETAIL_URL);
      await page.getByTestId('case-title').waitFor();
      expect(await page.getByTestId('case-title').innerText()).toBe(`案件 ${caseNumber}`);
      expect(await page.getByTestId('case-facts').innerText()).toContain(caseNumber);
      const applicants = page.getByTestId('case-applicants');
      await applicants.locator('tbody tr.ant-table-row').first().waitFor();
      if (account.seesMaskedDetail) {
        await page.getByTestId('pii-masked').waitFor();
        expect(await applicants.locator('tbody').innerText()).toContain('*');
      }
      await browser.screenshot(page, `case-detail-${role.toLowerCase()}`);

      await page.getByTestId('language-toggle').click();
      await page.getByRole('navigation').getByRole('menuitem', { name: 'Cases' }).waitFor();
      expect(await page.getByTestId('case-title').innerText()).toBe(`Case ${caseNumber}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      if (role === 'SUPERVISOR') await browser.screenshot(page, 'case-detail-supervisor-en');
      // The choice outlives a reload.
      await page.reload();
      await page.getByTestId('case-title').waitFor();
      expect(await page.getByTestId('case-title').innerText()).toBe(`Case ${caseNumber}`);
      await page.getByTestId('language-toggle').click();
      await page.getByRole('navigation').getByRole('menuitem', { name: '案件' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

      await page.getByTestId('sign-out').click();
      await page.waitForURL('**/login');
      expect(await page.getByTestId('session-notice').innerText()).toContain('您已退出登录。');
      await page.goto(`${app.baseUrl}/cases`);
      await page.waitForURL('**/login');
    },
    JOURNEY_TIMEOUT,
  );

  it('shows a mediator the notifications of their assignments and marks them read', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, 'wangjh', app.demoPassword);
    await page.waitForURL(/\/desk$/);
    const bell = page.getByRole('button', { name: /^通知（\d+ 条未读）$/ });
    await page.getByRole('button', { name: /^通知（[1-9]\d* 条未读）$/ }).waitFor();
    await bell.click();
    const drawer = page.getByRole('dialog', { name: '通知' });
    await drawer.getByTestId('notification-list').waitFor();
    expect(await drawer.getByTestId('notification-list').locator('li').count()).toBeGreaterThan(0);
    await browser.screenshot(page, 'notifications');
    await drawer.getByRole('button', { name: '全部标为已读' }).click();
    await page.getByRole('button', { name: '通知（0 条未读）' }).waitFor();
  }, JOURNEY_TIMEOUT);
});
