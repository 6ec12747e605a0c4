import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../src/database/embedded';

export const MAIN_JS = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly baseUrl: string;
  output(): string;
  errors(): string;
  exited(): Promise<number | null>;
}

function baseEnv(): NodeJS.ProcessEnv {
  // The child decides embedded vs external from its own environment, never from the test runner's.
  const { DATABASE_URL: _url, JWT_SECRET: _secret, PII_SECRET: _pii, ADMIN_USERNAME: _u, ADMIN_PASSWORD: _p, DEMO_SEED: _d, ...rest } = process.env;
  return { ...rest, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
}

/** Starts `node dist/src/main.js` as a newcomer would, on a free port. */
export async function spawnService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, [MAIN_JS], { env: { ...baseEnv(), PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => stdout, errors: () => stderr, exited: () => exit };
}

/** Waits until the process prints a line matching `pattern`, or fails with what it printed. */
export async function waitForOutput(service: ServiceProcess, pattern: RegExp, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited().then((code) => (exitCode = code));
  while (!pattern.test(service.output())) {
    if (exitCode !== undefined) throw new Error(`service exited with ${exitCode}:\n${service.output()}\n${service.errors()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${service.output()}\n${service.errors()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const service = await spawnService(env);
  await waitForOutput(service, /Press Ctrl-C to stop/);
  return service;
}
