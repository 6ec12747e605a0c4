import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRecord } from './audit-chain';
import type { AuditCheckpointService } from './audit-checkpoint.service';
import type { AuditQueryService } from './audit-query.service';
import { AuditVerificationService } from './audit-verification.service';
import type { AuditService } from './audit.service';

const BATCH = 1000;

function row(chainId: string, chainSeq: number): AuditRecord {
  return {
    seq: String(chainSeq),
    chainId,
    chainSeq,
    at: '2026-11-25T08:00:00.000Z',
    actorUserId: null,
    actorRole: 'SYSTEM',
    orgId: null,
    caseId: null,
    category: 'SYSTEM',
    action: 'DEMO_DATA_LOADED',
    fromState: null,
    toState: null,
    caseVersion: null,
    requestId: null,
    payload: null,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

/**
 * A transaction whose first FETCH gives a full batch that the verifier refuses (a chain comes back after another),
 * and whose second FETCH, asked for ahead, fails only after that: the connection dropping while the first batch was
 * being hashed.
 */
function transactionFailingAfterTheFirstBatch(): EntityManager {
  const firstBatch = [row('a', 1), row('b', 1), ...Array.from({ length: BATCH - 2 }, (_, index) => row('a', index + 2))];
  let fetches = 0;
  const query = (sql: string): Promise<unknown> => {
    if (!sql.startsWith('FETCH')) return Promise.resolve([]);
    fetches += 1;
    if (fetches === 1) return Promise.resolve(firstBatch);
    return new Promise((_, reject) => setImmediate(() => reject(new Error('Connection terminated unexpectedly'))));
  };
  return { query } as unknown as EntityManager;
}

describe(AuditVerificationService.name, () => {
  it('leaves no unhandled rejection behind when the batch asked for ahead fails after the verifier gave up', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const checkpoints = { all: () => Promise.resolve([]) } as unknown as AuditCheckpointService;
      const service = new AuditVerificationService({} as DataSource, {} as AuditService, {} as AuditQueryService, checkpoints);
      await expect(service.verifyChainsIn(transactionFailingAfterTheFirstBatch(), undefined)).rejects.toThrow(/must arrive grouped by chain; a came back/);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
