import { FAILURE_WINDOW_MS, LoginThrottleService, MAX_FAILURES } from '../../src/auth/login-throttle.service';
import { FixedClock } from '../../src/common/clock/clock';
import { createUser } from '../factories/user.factory';
import { createTestApp, TestApp } from '../helpers/test-app';

describe(LoginThrottleService.name, () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-03-02T01:00:00Z'));
  let address = 0;

  beforeAll(async () => {
    t = await createTestApp({ clock });
  });

  afterAll(async () => {
    await t.close();
  });

  /** Each test signs in from its own address so that per-address counting never leaks between tests. */
  function newAddress(): string {
    address += 1;
    return `203.0.113.${address}`;
  }

  function login(username: string, password: string, remoteAddress: string) {
    return t.request({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
  }

  async function failTimes(times: number, username: string, remoteAddress: string): Promise<void> {
    for (let i = 0; i < times; i++) {
      const res = await login(username, `wrong-password-${i}-xyz`, remoteAddress);
      expect(res.statusCode).toBe(401);
    }
  }

  it('refuses the sixth failed sign-in for a username within 60 s with 429 and Retry-After, even with the right password', async () => {
    const { user, password } = await createUser(t);
    await failTimes(MAX_FAILURES, user.username, newAddress());

    const res = await login(user.username, password, newAddress());
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 60 } });
  });

  it('counts failures per client address across usernames', async () => {
    const from = newAddress();
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login(`guess${i}`, 'wrong-password-xyz', from)).statusCode).toBe(401);
    const { user, password } = await createUser(t);

    const blocked = await login(user.username, password, from);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect((await login(user.username, password, newAddress())).statusCode).toBe(200);
  });

  it('answers Retry-After as the seconds until the oldest counted failure leaves the window, then lets the user in', async () => {
    const { user, password } = await createUser(t);
    const from = newAddress();
    await failTimes(1, user.username, from);
    clock.advance(10_000);
    await failTimes(MAX_FAILURES - 1, user.username, from);
    clock.advance(35_000);

    const early = await login(user.username, password, from);
    expect(early.statusCode).toBe(429);
    expect(early.headers['retry-after']).toBe('15');

    clock.advance(15_000);
    expect((await login(user.username, password, from)).statusCode).toBe(200);
  });

  it('does not count refused (429) attempts, so waiting out the window is enough', async () => {
    const { user, password } = await createUser(t);
    const from = newAddress();
    await failTimes(MAX_FAILURES, user.username, from);
    clock.advance(FAILURE_WINDOW_MS / 2);
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login(user.username, 'still-guessing-xyz', from)).statusCode).toBe(429);

    clock.advance(FAILURE_WINDOW_MS / 2);
    expect((await login(user.username, password, from)).statusCode).toBe(200);
  });

  it('clears the username’s failures on a successful sign-in', async () => {
    const { user, password } = await createUser(t);
    await failTimes(MAX_FAILURES - 1, user.username, newAddress());
    expect((await login(user.username, password, newAddress())).statusCode).toBe(200);

    await failTimes(MAX_FAILURES - 1, user.username, newAddress());
    expect((await login(user.username, password, newAddress())).statusCode).toBe(200);
  });

  it('lets exactly five of a burst of parallel guesses reach the password check', async () => {
    const { user } = await createUser(t);
    const from = newAddress();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login(user.username, `parallel-guess-${i}-xyz`, from)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - MAX_FAILURES);
  });
});
