import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory';
import { buildAppConfig } from './config/app-config';
import { InvalidEnvironmentError, parseEnv } from './config/env.schema';
import { prepareDatabase } from './database/database-runtime';
import { EmbeddedDatabase } from './database/embedded';
import { applicationRole, runMigrations } from './database/migrate';
import { runStartupTasks } from './startup/startup-tasks';

function installShutdown(app: NestFastifyApplication, embedded: EmbeddedDatabase | undefined): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`Received ${signal} again: exiting without waiting.\n`);
      process.exit(1);
    }
    stopping = true;
    process.stdout.write(`\nReceived ${signal}: finishing open requests, then stopping the database.\n`);
    // Order matters: drain HTTP and close the pool before the embedded server goes away underneath it.
    await app.close().catch((error: unknown) => process.stderr.write(`Error while closing the app: ${String(error)}\n`));
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const runtime = await prepareDatabase(env);
  try {
    const applied = await runMigrations(runtime.databaseUrl);
    const config = buildAppConfig(env, { ...runtime, databaseRole: await applicationRole(runtime.databaseUrl) });
    const app = await createApp(config);
    installShutdown(app, runtime.embeddedDatabase);
    const report = await runStartupTasks(app, config);
    await app.listen({ port: config.port, host: config.host });
    const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
    const lines = [
      '',
      `tiaojie 调解 is running at http://${shownHost}:${config.port}/`,
      `  API docs: http://${shownHost}:${config.port}/api/docs`,
      `  Database: ${config.embedded ? `embedded PostgreSQL, data in ${env.DATA_DIR}/pg` : 'DATABASE_URL'}${applied.length ? ` (applied ${applied.length} migration${applied.length === 1 ? '' : 's'})` : ''}`,
      ...report,
      '',
      'Press Ctrl-C to stop.',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } catch (error) {
    await runtime.embeddedDatabase?.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof InvalidEnvironmentError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`tiaojie failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
