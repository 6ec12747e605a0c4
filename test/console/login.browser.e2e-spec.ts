import { useBrowser } from './browser';
import { ConsoleApp, startConsoleApp } from './console-app';
import { type InPage, signInWithKeyboard } from './console-pages';

const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;
const STARTUP_TIMEOUT = 60_000;

// No demo cases: these tests are about the session, and an empty case list is a state worth seeing too.
describe('signing in and out of the console', () => {
  const browser = useBrowser();
  let app: ConsoleApp;

  beforeAll(async () => {
    app = await startConsoleApp();
  }, STARTUP_TIMEOUT);

  afterAll(async () => {
    await app?.close();
  });

  it('shows a wrong password as an error with its request id, and stays on the sign-in screen', async () => {
    browser.expectConsoleError(/status of 401 .*\/api\/auth\/login\)$/);
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, 'wangjh', 'not-the-demo-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('用户名或密码错误。');
    expect(await error.getByTestId('request-id').innerText()).toMatch(/请求编号: [0-9a-f-]{36}/);
    expect(await page.getByLabel('密码').inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/login');
    await browser.screenshot(page, 'login-wrong-password');
  });

  it('asks a visitor to sign in first and then opens the page they asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/cases?riskLevel=RED`);
    await page.waitForURL('**/login');
    await signInWithKeyboard(page, 'zhaomin', app.demoPassword);
    await page.waitForURL('**/cases?riskLevel=RED');
    await page.getByText('没有符合条件的案件').waitFor();
    await browser.screenshot(page, 'cases-empty');
  });

  it('sends the user to sign in, with a notice, as soon as the service stops accepting the token', async () => {
    browser.expectConsoleError(/status of 401 /);
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, 'wangjh', app.demoPassword);
    await page.waitForURL(/\/desk$/);
    await page.getByRole('navigation').getByRole('menuitem', { name: '案件' }).click();
    await page.waitForURL(/\/cases$/);
    await page.getByText('没有符合条件的案件').waitFor();

    // The service's clock passes the token's expiry (8 h, JWT_EXPIRES_IN_SECONDS); the browser's does not.
    app.clock.advance(EIGHT_HOURS_MS + 60_000);
    try {
      await page.getByRole('switch', { name: '只看我承办的' }).click();
      await page.waitForURL('**/login');
    } finally {
      app.clock.advance(-(EIGHT_HOURS_MS + 60_000));
    }
    expect(await page.getByTestId('session-notice').innerText()).toContain('登录已过期，请重新登录。');
    expect(await page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.getItem('tiaojie.session'))).toBeNull();
    await browser.screenshot(page, 'login-session-expired');

    // Signing in again returns to the page that needed it.
    await signInWithKeyboard(page, 'wangjh', app.demoPassword);
    await page.waitForURL('**/cases?mine=true');
  });

  it('signs the user out by itself when the session runs out, without waiting for a request', async () => {
    // Jumping eight hours also fires the court queue's refresh, which may go out as the session ends and be refused.
    browser.expectConsoleError(/status of 401 .*\/api\//);
    const page = await browser.newPage();
    await page.clock.install();
    await page.goto(`${app.baseUrl}/login`);
    await signInWithKeyboard(page, 'chenjing', app.demoPassword);
    await page.waitForURL(/\/court$/);
    await page.getByTestId('signed-in-user').waitFor();

    await page.clock.fastForward(EIGHT_HOURS_MS);
    await page.waitForURL('**/login');
    expect(await page.getByTestId('session-notice').innerText()).toContain('登录已过期，请重新登录。');
  });

  it('keeps the English choice for the sign-in screen and its errors', async () => {
    browser.expectConsoleError(/status of 401 .*\/api\/auth\/login\)$/);
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await page.getByTestId('language-toggle').click();
    await page.getByLabel('Username').waitFor();
    await page.reload();
    await signInWithKeyboard(page, 'wangjh', 'still-not-the-password');
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('The username or password is incorrect.');
  });
});
