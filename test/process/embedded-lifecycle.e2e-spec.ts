import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService, startService, waitForOutput } from '../helpers/service-process';
import { createTestDatabase } from '../helpers/test-database';

function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ready(baseUrl: string): Promise<number> {
  return (await fetch(`${baseUrl}/api/health/ready`)).status;
}

async function login(baseUrl: string, username: string, password: string): Promise<{ status: number; token?: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as { accessToken?: string };
  return { status: res.status, token: body.accessToken };
}

describe('npm start on embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiaojie-start-'));

  afterAll(() => {
    const pid = postmasterPid(dataDir);
    if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  let demoPassword: string;

  it('starts with no environment, prints the URL and the accounts, and the printed admin can sign in', async () => {
    const service = await startService({ DATA_DIR: dataDir });
    expect(service.output()).toContain(`tiaojie 调解 is running at http://127.0.0.1:${service.port}/`);
    expect(service.output()).toContain('/api/docs');
    expect(await ready(service.baseUrl)).toBe(200);

    const adminPassword = /Admin: admin, password (\S+)/.exec(service.output())?.[1];
    demoPassword = /zhaomin\s+SUPERVISOR.*password (\S+)/.exec(service.output())?.[1] ?? '';
    expect(adminPassword).toBeDefined();
    const { status, token } = await login(service.baseUrl, 'admin', adminPassword!);
    expect(status).toBe(200);
    const me = await fetch(`${service.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ username: 'admin', role: 'ADMIN' });
    const docs = (await (await fetch(`${service.baseUrl}/api/docs-json`)).json()) as { openapi: string };
    expect(docs.openapi).toMatch(/^3\./);

    service.child.kill('SIGINT');
    expect(await service.exited()).toBe(0);
  });

  it('shuts PostgreSQL down cleanly on Ctrl-C', () => {
    expect(postmasterPid(dataDir)).toBeUndefined();
  });

  it('starts again on the same data after a clean stop, without a second admin', async () => {
    const service = await startService({ DATA_DIR: dataDir });
    expect(await ready(service.baseUrl)).toBe(200);
    expect(service.output()).not.toContain('Admin: admin, password');
    expect(service.output()).not.toContain('applied');
    expect((await login(service.baseUrl, 'zhaomin', demoPassword)).status).toBe(200);
    service.child.kill('SIGTERM');
    expect(await service.exited()).toBe(0);
  });

  it('recovers after kill -9 left an orphaned postgres behind', async () => {
    const first = await startService({ DATA_DIR: dataDir });
    const orphan = postmasterPid(dataDir)!;
    first.child.kill('SIGKILL');
    await first.exited();
    expect(alive(orphan)).toBe(true);

    const second = await startService({ DATA_DIR: dataDir });
    expect(await ready(second.baseUrl)).toBe(200);
    expect(alive(orphan)).toBe(false);
    second.child.kill('SIGINT');
    expect(await second.exited()).toBe(0);
  });

  it('refuses to share a data directory with a running instance', async () => {
    const first = await startService({ DATA_DIR: dataDir });
    const second = await spawnService({ DATA_DIR: dataDir });
    expect(await second.exited()).toBe(1);
    expect(second.errors()).toMatch(/in use by another tiaojie process/);
    expect(await ready(first.baseUrl)).toBe(200);
    first.child.kill('SIGINT');
    expect(await first.exited()).toBe(0);
  });
});

describe('npm start with a bad environment', () => {
  it('exits 1 with one line naming the variable', async () => {
    const service = await spawnService({ PORT: 'abc' });
    expect(await service.exited()).toBe(1);
    expect(service.errors().trim()).toBe('Invalid environment: PORT must be an integer 1-65535, got "abc"');
  });

  it('requires JWT_SECRET when DATABASE_URL is set and starts nothing embedded', async () => {
    const service = await spawnService({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(await service.exited()).toBe(1);
    expect(service.errors().trim()).toMatch(/^Invalid environment: JWT_SECRET is required when DATABASE_URL is set/);
    await waitForOutput(service, /^$/, 1);
  });
});

describe('npm start with DATABASE_URL', () => {
  it('uses that server, creates no data directory and seeds no demo accounts unless asked', async () => {
    const database = await createTestDatabase({ migrated: false });
    const dataDir = join(tmpdir(), `tiaojie-external-${process.pid}`);
    try {
      const service = await startService({
        DATABASE_URL: database.url,
        DATA_DIR: dataDir,
        JWT_SECRET: 'j'.repeat(40),
        PII_SECRET: 'p'.repeat(40),
        ADMIN_USERNAME: 'root.admin',
        ADMIN_PASSWORD: 'Lu-9TQx!vb2026',
      });
      expect(service.output()).toContain('Database: DATABASE_URL');
      expect(service.output()).not.toContain('Demo accounts');
      expect(existsSync(dataDir)).toBe(false);
      expect((await login(service.baseUrl, 'root.admin', 'Lu-9TQx!vb2026')).status).toBe(200);
      service.child.kill('SIGTERM');
      expect(await service.exited()).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
