import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { runInWorker } from './module-worker';

// Worker modules written for the test, each serving what its name says through the real serveInWorker.
const MODULES: Record<string, string> = {
  doubles: `serveInWorker(async ({ values }: { values: number[] }) => ({ doubled: values.map((value) => value * 2), main: isMainThread }));`,
  'loses-the-database': `serveInWorker(async () => { throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }); });`,
  'exits-silently': `process.exit(3);`,
  'fails-to-load': `throw new Error('cannot start');`,
};

describe(runInWorker.name, () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'module-worker-'));
    const header = `import { isMainThread } from 'node:worker_threads';\nimport { serveInWorker } from ${JSON.stringify(join(__dirname, 'module-worker'))};\nvoid isMainThread;\n`;
    for (const [name, body] of Object.entries(MODULES)) writeFileSync(join(dir, `${name}.ts`), `${header}${body}\n`);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the module in another thread and answers what its handler returned', async () => {
    await expect(runInWorker(dir, 'doubles', { values: [1, 2.5, -3] })).resolves.toEqual({ doubled: [2, 5, -6], main: false });
  });

  it("rejects with the handler's message and code, so that a lost database still reads as one", async () => {
    const failure = await runInWorker(dir, 'loses-the-database', {}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: 'terminating connection due to administrator command', code: '57P01' });
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });

  it('rejects when the worker ends without answering', async () => {
    await expect(runInWorker(dir, 'exits-silently', {})).rejects.toThrow('Worker exits-silently exited with code 3 before answering');
  });

  it('rejects when the module throws as it loads', async () => {
    await expect(runInWorker(dir, 'fails-to-load', {})).rejects.toThrow('cannot start');
  });
});
