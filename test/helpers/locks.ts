import type { TestApp } from './test-app';

/** Backends of the test database waiting on a lock; counted as the owner, since the app's role cannot see them. */
export async function backendsWaitingOnLocks(t: TestApp): Promise<number> {
  const [row] = (await (await t.owner()).query(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
  )) as { n: number }[];
  return row.n;
}
