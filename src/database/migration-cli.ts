import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseEnv } from '../config/env.schema';
import { prepareDatabase } from './database-runtime';
import { pendingMigrations, revertLastMigration, runMigrations } from './migrate';

const USAGE = 'usage: migration-cli run | revert | show | generate migrations/<Name>';

/** Runs a TypeORM CLI command against the same database the app uses (embedded under DATA_DIR unless DATABASE_URL). */
function typeormCli(args: string[], databaseUrl: string): number {
  const cli = join(__dirname, '..', '..', '..', 'node_modules', 'typeorm', 'cli.js');
  const dataSource = join(__dirname, 'data-source.js');
  const result = spawnSync(process.execPath, [cli, ...args, '-d', dataSource], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return result.status ?? 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  const runtime = await prepareDatabase(parseEnv(process.env));
  try {
    switch (command) {
      case 'run': {
        const applied = await runMigrations(runtime.databaseUrl);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations.\n');
        return 0;
      }
      case 'revert':
        await revertLastMigration(runtime.databaseUrl);
        process.stdout.write('Reverted the last migration.\n');
        return 0;
      case 'show':
        process.stdout.write((await pendingMigrations(runtime.databaseUrl)) ? 'There are pending migrations.\n' : 'The schema is up to date.\n');
        return 0;
      case 'generate':
        if (!name) throw new Error(USAGE);
        await runMigrations(runtime.databaseUrl);
        return typeormCli(['migration:generate', '--pretty', name], runtime.databaseUrl);
      default:
        throw new Error(USAGE);
    }
  } finally {
    await runtime.embeddedDatabase?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
