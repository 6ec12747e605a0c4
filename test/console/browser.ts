import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium package; .ci/run installs it where it is missing. Playwright's own browser downloads cannot run here. */
export const CHROMIUM = '/usr/bin/chromium';

// Headless by default. Without the networking switches Chromium keeps calling home, which a closed network only slows.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

interface Problem {
  readonly page: string;
  readonly kind: 'console error' | 'page error';
  readonly text: string;
}

export interface BrowserSession {
  /** A fresh browser context (its own storage, as a new tab of a new user) with one page, watched for errors. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /**
   * A console error this test causes on purpose. Chromium logs every 4xx answer to fetch as a console error, so a
   * test of a refused sign-in must name that one; anything else still fails the test.
   */
  expectConsoleError(pattern: RegExp): void;
  /** Saves test-artifacts/screenshots/<name>.png. */
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * One Chromium per suite, a new context per page. Every console error and uncaught page error fails the test it
 * happened in, unless the test expected it. Call at the top of a describe block.
 */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let problems: Problem[] = [];
  let expected: RegExp[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium (.ci/run does this)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });

  afterEach(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    const unexpected = problems.filter((problem) => problem.kind === 'page error' || !expected.some((pattern) => pattern.test(problem.text)));
    contexts = [];
    problems = [];
    expected = [];
    if (unexpected.length > 0) {
      throw new Error(`The browser reported errors:\n${unexpected.map((p) => `  ${p.kind} on ${p.page}: ${p.text}`).join('\n')}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async newPage(options = {}) {
      if (!browser) throw new Error('useBrowser(): the browser starts in beforeAll');
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push({ page: page.url(), kind: 'console error', text: `${message.text()} (${message.location().url})` });
      });
      page.on('pageerror', (error) => problems.push({ page: page.url(), kind: 'page error', text: error.stack ?? error.message }));
      return page;
    },
    expectConsoleError(pattern) {
      expected.push(pattern);
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
  };
}
