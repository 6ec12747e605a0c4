import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { BootstrapAdminService } from '../seed/bootstrap-admin.service';
import { DemoDirectoryService, keptDemoPassword, newDemoPassword } from '../seed/demo-directory.service';

// Any constant works as long as every instance uses the same one (the migration lock uses another).
const STARTUP_LOCK_KEY = 7_150_211_0002;

/** First-start work (the bootstrap administrator, demo data); returns the lines to print to the operator. */
export async function runStartupTasks(app: INestApplication, config: AppConfig): Promise<string[]> {
  const demo = app.get(DemoDirectoryService);
  const admin = app.get(BootstrapAdminService);
  const outcome = await app.get(DataSource).transaction(async (tx) => {
    // Two instances starting on an empty database would otherwise both seed, or both create an administrator.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [STARTUP_LOCK_KEY]);
    // Demo first, so that a generated administrator joins the demo studio instead of an empty placeholder.
    const seededWith = config.demoSeed ? await demo.seedIfEmpty(tx, () => newDemoPassword(config)) : undefined;
    const adminLines = await admin.ensureActiveAdmin(tx, config);
    return { seededWith, adminLines };
  });
  const demoPassword = outcome.seededWith ?? keptDemoPassword(config);
  const demoLines = demoPassword === undefined ? [] : await demo.describeAccounts(demoPassword);
  return [...outcome.adminLines, ...demoLines];
}
