import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/common/clock/clock';
import type { AppConfig } from '../../src/config/app-config';
import { BootstrapAdminService } from '../../src/seed/bootstrap-admin.service';
import { DemoCaseSeederService } from '../../src/seed/demo-case-seeder.service';
import { DemoDirectoryService, newDemoPassword } from '../../src/seed/demo-directory.service';
import { createTestApp, TestApp } from '../helpers/test-app';

export const CONSOLE_BUILD = join(__dirname, '..', '..', 'web', 'dist', 'index.html');

/** Created by start-up from ADMIN_USERNAME/ADMIN_PASSWORD; it joins the demo studio, seeded before it. */
export const CONSOLE_ADMIN = { username: 'director', password: 'director-console-phrase-2026' };

export interface ConsoleApp {
  readonly t: TestApp;
  readonly clock: FixedClock;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** The password the demo directory was seeded with: every demo account signs in with it. */
  readonly demoPassword: string;
  close(): Promise<void>;
}

/** The browser tests drive the built console as the service serves it; without a build there is nothing to test. */
export function requireConsoleBuild(): void {
  if (!existsSync(CONSOLE_BUILD)) {
    throw new Error(`${relative(process.cwd(), CONSOLE_BUILD)} is missing: build the console with "npm run build" first (npm test builds it before jest).`);
  }
}

export interface ConsoleAppOptions {
  readonly clock?: FixedClock;
  readonly env?: Record<string, string>;
  /** Replay the 30 demo cases (~15 s); without them every list is empty. */
  readonly demoCases?: boolean;
}

/**
 * The real application on a loopback port, seeded as a first start seeds a laptop: the demo directory, the
 * administrator, then the demo cases replayed through the workflow (directory first, so the administrator joins its
 * studio). The demo password is whatever the seeding call used.
 */
export async function startConsoleApp(options: ConsoleAppOptions = {}): Promise<ConsoleApp> {
  requireConsoleBuild();
  const clock = options.clock ?? new FixedClock(new Date());
  const t = await createTestApp({ clock, env: options.env });
  try {
    const startup: AppConfig = { ...t.config, demoSeed: true, admin: CONSOLE_ADMIN };
    const db = t.app.get(DataSource);
    const demoPassword = await db.transaction((tx) => t.app.get(DemoDirectoryService).seedIfEmpty(tx, () => newDemoPassword(startup)));
    if (demoPassword === undefined) throw new Error('the demo directory was not seeded: the test database is not empty');
    await db.transaction((tx) => t.app.get(BootstrapAdminService).ensureActiveAdmin(tx, startup));
    if (options.demoCases) await t.app.get(DemoCaseSeederService).seedIfNoCases();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    return { t, clock, baseUrl: `http://127.0.0.1:${port}`, demoPassword, close: () => t.close() };
  } catch (error) {
    await t.close();
    throw error;
  }
}

/** Long enough to seed the 30 demo cases on a busy CI machine. */
export const CONSOLE_SEED_TIMEOUT = 90_000;

/**
 * The suite's console app: started once before its tests (with the demo cases unless told otherwise) and closed after
 * them. The answer reads through to the running app, so a suite writes `app.baseUrl` as if it held the app itself.
 */
export function useConsoleApp(options: ConsoleAppOptions = { demoCases: true }): ConsoleApp {
  let started: ConsoleApp | undefined;
  beforeAll(async () => {
    started = await startConsoleApp(options);
  }, CONSOLE_SEED_TIMEOUT);
  afterAll(async () => {
    await started?.close();
  });
  const current = (): ConsoleApp => {
    if (started === undefined) throw new Error('the console app is not running: use it inside a test or a hook after useConsoleApp()');
    return started;
  };
  return {
    get t() {
      return current().t;
    },
    get clock() {
      return current().clock;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get demoPassword() {
      return current().demoPassword;
    },
    close: () => current().close(),
  };
}
