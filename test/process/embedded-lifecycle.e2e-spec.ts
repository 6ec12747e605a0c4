import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnService, startService, waitForOutput } from '../helpers/service-process';

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

describe('npm start on embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tiaojie-start-'));

  afterAll(() => {
    const pid = postmasterPid(dataDir);
    if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with no environment, prints where it runs, and is ready', async () => {
    const service = await startService({ DATA_DIR: dataDir });
    expect(service.output()).toContain(`tiaojie 调解 is running at http://127.0.0.1:${service.port}/`);
    expect(service.output()).toContain('/api/docs');
    expect(await ready(service.baseUrl)).toBe(200);
    service.child.kill('SIGINT');
    expect(await service.exited()).toBe(0);
  });

  it('shuts PostgreSQL down cleanly on Ctrl-C', () => {
    expect(postmasterPid(dataDir)).toBeUndefined();
  });

  it('starts again on the same data after a clean stop', async () => {
    const service = await startService({ DATA_DIR: dataDir });
    expect(await ready(service.baseUrl)).toBe(200);
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
