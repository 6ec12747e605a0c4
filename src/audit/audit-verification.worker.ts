import { Client, ClientConfig } from 'pg';
import { serveInWorker } from '../common/threads/module-worker';
import type { ChainVerification } from './audit-chain';
import { ChainRangeTask, verifyChainRange } from './chain-range-verification';

export interface VerificationWorkerTask extends ChainRangeTask {
  connection: ClientConfig;
  /** From pg_export_snapshot() in the transaction that asked: every range is read in that one snapshot. */
  snapshot: string;
}

// What pg_export_snapshot() prints; SET TRANSACTION SNAPSHOT takes no parameter, so the id is checked before it is spliced in.
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/;

/** One range of chains, verified on a connection of its own, in the snapshot of the transaction that asked. */
async function verifyInSnapshot(task: VerificationWorkerTask): Promise<ChainVerification> {
  if (!SNAPSHOT_ID.test(task.snapshot)) throw new Error(`Not a snapshot id: ${task.snapshot}`);
  const client = new Client(task.connection);
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET TRANSACTION SNAPSHOT '${task.snapshot}'`);
    const result = await verifyChainRange(async (sql, params) => (await client.query(sql, params)).rows, task);
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}

serveInWorker(verifyInSnapshot);
