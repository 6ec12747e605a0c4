import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { BootstrapAdminService } from '../seed/bootstrap-admin.service';
import { DemoCaseSeederService } from '../seed/demo-case-seeder.service';
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
  const caseLines = config.demoSeed ? await seedDemoCases(app) : [];
  return [...outcome.adminLines, ...demoLines, ...caseLines];
}

/**
 * The demo cases, once the directory they need has committed: the workflow opens a transaction per step, so they
 * cannot share the directory's. A failed story leaves the service running with the cases seeded so far, and says so.
 */
async function seedDemoCases(app: INestApplication): Promise<string[]> {
  try {
    const report = await app.get(DemoCaseSeederService).seedIfNoCases();
    if (report === undefined) return [];
    const seconds = (report.milliseconds / 1000).toFixed(1);
    return [`  Demo cases: ${report.cases} cases of the last 12 months replayed (${report.actions} actions, ${report.timers} timers) in ${seconds} s`];
  } catch (error) {
    return [`  Demo cases: seeding stopped, the service runs without the rest: ${error instanceof Error ? error.message : String(error)}`];
  }
}
