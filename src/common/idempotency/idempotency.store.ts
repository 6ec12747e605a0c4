import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import { canonicalJson } from '../json/canonical-json';
import { DomainError, ValidationError } from '../errors/domain-error';

export type IdempotencyClaim =
  | { kind: 'FIRST' }
  | { kind: 'REPLAY'; statusCode: number; response: unknown };

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function assertUsableKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw ValidationError.field('Idempotency-Key', 'INVALID_FORMAT', 'Idempotency-Key must be 1-200 printable ASCII characters');
  }
}

export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

export interface IdempotencyRequest {
  readonly userId: string;
  readonly key: string;
  readonly scope: string;
  readonly hash: string;
}

/**
 * The claim as a CTE named `claim` (one row when this request is the first with its key), for a command that takes
 * its row lock in the same round trip; its four parameters start at `$first`, in the order of `claimParams`.
 */
export function claimCte(first: number): string {
  const [user, key, scope, hash] = [0, 1, 2, 3].map((offset) => `$${first + offset}`);
  return `claim AS (
    INSERT INTO idempotency_keys (user_id, key, scope, request_hash) VALUES (${user}, ${key}, ${scope}, ${hash})
    ON CONFLICT (user_id, key) DO NOTHING RETURNING key)`;
}

export function claimParams(request: IdempotencyRequest): string[] {
  return [request.userId, request.key, request.scope, request.hash];
}

/**
 * Idempotency keys live in the command's own transaction. The claim is an INSERT … ON CONFLICT DO NOTHING: a second
 * request with the same key waits on the first one's uncommitted row, then either replays its committed answer or,
 * if the first rolled back, becomes the first itself. So twenty concurrent retries apply once and answer alike.
 */
@Injectable()
export class IdempotencyStore {
  /** What a claim made through `claimCte` came to: the first request goes on; a retry replays or is refused. */
  async settle(tx: EntityManager, request: IdempotencyRequest, claimed: boolean): Promise<IdempotencyClaim> {
    if (claimed) return { kind: 'FIRST' };
    const [stored] = await preparedQuery<{ request_hash: string; status_code: number | null; response: string | null }[]>(
      tx,
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [request.userId, request.key],
    );
    if (stored.request_hash !== request.hash) {
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
    }
    return { kind: 'REPLAY', statusCode: stored.status_code ?? 200, response: stored.response === null ? null : JSON.parse(stored.response) };
  }

  async complete(tx: EntityManager, request: IdempotencyRequest, statusCode: number, response: unknown): Promise<void> {
    await preparedQuery(tx, 'UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2', [
      request.userId,
      request.key,
      statusCode,
      JSON.stringify(response),
    ]);
  }
}
