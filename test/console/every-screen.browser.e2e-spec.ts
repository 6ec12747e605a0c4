import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { CONSOLE_ADMIN, useConsoleApp } from './console-app';
import { CASE_DETAIL_URL, caseLinks, menuLabels, signInWithKeyboard } from './console-pages';

// Issue 7's acceptance, screen by screen: every entry of every role's menu, and a case page, opens in Chinese and in
// English with no browser console error (the browser helper fails the test on any) and no message key left
// untranslated on the page.

const ACCOUNTS = [
  { username: 'wangjh', home: /\/desk$/ },
  { username: 'zhaomin', home: /\/risk$/ },
  { username: 'chenjing', home: /\/court$/ },
  { username: CONSOLE_ADMIN.username, home: /\/admin\/users$/ },
];

/** A message key that i18next could not find shows as itself, e.g. `caseFile.event.ACCEPT`. */
const NAMESPACES = [
  'desk', 'intake', 'court', 'statistics', 'audit', 'admin', 'risk', 'caseFile', 'app', 'common', 'language', 'login',
  'shell', 'menu', 'role', 'notifications', 'errors', 'validation', 'cases', 'caseDetail', 'caseState', 'caseSource', 'claimType', 'riskLevel',
];
const UNTRANSLATED_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-zA-Z]+(?:\\.[a-zA-Z0-9_]+)*\\b`);

const SCREEN_TIMEOUT = 180_000;

describe('every screen of the console, in both languages', () => {
  const browser = useBrowser();
  const app = useConsoleApp();

  /** Waits until the page has nothing left to load: no spinner or skeleton in the main area. */
  async function settled(page: Page): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.locator('main .ant-spin-spinning, main .ant-skeleton').first().waitFor({ state: 'detached' });
  }

  async function expectAllTranslated(page: Page, where: string): Promise<void> {
    const text = await page.locator('body').innerText();
    const key = UNTRANSLATED_KEY.exec(text);
    expect({ where, untranslated: key?.[0] ?? null }).toEqual({ where, untranslated: null });
  }

  async function visitMenu(page: Page, username: string, language: 'zh' | 'en'): Promise<void> {
    const entries = await menuLabels(page);
    for (const [index, label] of entries.entries()) {
      await page.getByRole('navigation').getByRole('menuitem').nth(index).click();
      // The menu marks the entry of the current address: it moves once the router has taken the click.
      await page.getByRole('navigation').locator('.ant-menu-item-selected').filter({ hasText: label }).waitFor();
      await settled(page);
      await expectAllTranslated(page, `${username} ${language} ${label}`);
      await browser.screenshot(page, `every-screen-${username}-${language}-${index + 1}`);
    }
    // And one case of the list, the page every role shares.
    await page.getByRole('navigation').getByRole('menuitem').last().click();
    const links = await caseLinks(page);
    await links.first().click();
    await page.waitForURL(CASE_DETAIL_URL);
    await page.getByTestId('case-title').waitFor();
    await settled(page);
    await expectAllTranslated(page, `${username} ${language} case detail`);
  }

  it.each(ACCOUNTS.map((account) => [account.username, account] as const))(
    '%s: every menu screen and a case, in Chinese and then in English',
    async (username, account) => {
      const page = await browser.newPage();
      await page.goto(`${app.baseUrl}/login`);
      await signInWithKeyboard(page, username, username === CONSOLE_ADMIN.username ? CONSOLE_ADMIN.password : app.demoPassword);
      await page.waitForURL(account.home);
      await visitMenu(page, username, 'zh');

      await page.getByTestId('language-toggle').click();
      await page.locator('html[lang="en"]').waitFor();
      await visitMenu(page, username, 'en');
    },
    SCREEN_TIMEOUT,
  );
});
