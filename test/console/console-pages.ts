import type { Locator, Page } from 'playwright-core';

/**
 * The little of the page's globals these tests read, typed here: the service's TypeScript has no DOM library. Use it
 * inside functions handed to the page (`(globalThis as unknown as InPage).document`); a string to evaluate would need
 * 'unsafe-eval', which the console's CSP rightly refuses.
 */
export interface InPage {
  readonly document: { readonly activeElement: { readonly id: string } | null };
  readonly sessionStorage: { getItem(key: string): string | null };
}

/** Waits (up to Playwright's default timeout) until the element with this id has the keyboard focus. */
export async function waitForFocus(page: Page, id: string): Promise<void> {
  await page.waitForFunction((expected) => (globalThis as unknown as InPage).document.activeElement?.id === expected, id);
}

/** What a person does on the sign-in screen, with the keyboard only: type, Tab, type, Enter. */
export async function signInWithKeyboard(page: Page, username: string, password: string): Promise<void> {
  // The cursor starts in the username field (autofocus), so nothing needs a click.
  await waitForFocus(page, 'username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

export async function menuLabels(page: Page): Promise<string[]> {
  await page.getByRole('navigation').getByRole('menuitem').first().waitFor();
  return (await page.getByRole('navigation').getByRole('menuitem').allInnerTexts()).map((text) => text.trim());
}

/** The case number links of the list, once the first page of cases has arrived. */
export async function caseLinks(page: Page) {
  const links = page.getByTestId('case-table').locator('tbody a[href^="/cases/"]');
  await links.first().waitFor();
  return links;
}

export const CASE_DETAIL_URL = /\/cases\/[0-9a-f-]{36}$/;

/**
 * Picks an option of an antd Select and waits until the field shows it. A re-render while the dropdown opens (a list
 * that arrives late, a form row just added) can close the dropdown or swallow the click; then the pick is made again,
 * each step with a short timeout so that a retry happens well inside the test's own.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const field = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const chosen = field.getByText(option, { exact: true }).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await select.click({ timeout: 5000 });
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click({ timeout: 5000 });
      await chosen.waitFor({ state: 'attached', timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
