import type { QueryRunner } from 'typeorm';
import type { TestApp } from './test-app';

/** `work` on one connection of the database's owner (a migration's up and down, a setting for a few statements), released after. */
export async function withOwnerRunner<T>(t: TestApp, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = (await t.owner()).createQueryRunner();
  try {
    return await work(runner);
  } finally {
    await runner.release();
  }
}
