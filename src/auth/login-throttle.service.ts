import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { AuthError } from './auth.errors';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 60_000;
const RETENTION_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

// Two-key advisory locks (class, hashtext(key)): usernames and addresses never share a lock, and every attempt takes
// the username's lock before the address's, so two attempts can never wait on each other in a cycle.
const USERNAME_LOCK_CLASS = 7150;
const ADDRESS_LOCK_CLASS = 7151;

/**
 * Counts failed sign-ins per username and per client address in PostgreSQL, so that every instance serving the
 * database sees the same count. An attempt is written as a failure *before* the password is checked and removed
 * again on success, and attempts on the same username or address are serialised while they are counted: a burst of
 * parallel guesses cannot slip past the limit while argon2 is busy.
 */
@Injectable()
export class LoginThrottleService {
  private lastPrunedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts an attempt, which counts as failed unless `succeeded` follows. Refuses with 429 and Retry-After once the
   * username or the address already has MAX_FAILURES failures in the window, so the sixth try in a minute is refused;
   * a refused attempt is not counted.
   */
  async begin(username: string, clientIp: string): Promise<void> {
    const now = this.clock.now();
    await this.pruneNowAndThen(now);
    await this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [USERNAME_LOCK_CLASS, username]);
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK_CLASS, clientIp]);
      const blockedUntil = await this.blockedUntil(tx, username, clientIp, now);
      if (blockedUntil !== undefined) {
        throw AuthError.tooManyAttempts(Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000)));
      }
      await tx.query('INSERT INTO login_failures (username, client_ip, at) VALUES ($1, $2, $3)', [username, clientIp, now]);
    });
  }

  /** A correct password clears the username's failures, this attempt's included. */
  async succeeded(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE username = $1', [username]);
  }

  /**
   * A key is blocked while its MAX_FAILURES-th most recent failure is inside the window, i.e. until that failure
   * leaves it; with both keys blocked, the later of the two decides.
   */
  private async blockedUntil(tx: EntityManager, username: string, clientIp: string, now: Date): Promise<Date | undefined> {
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
    const [row] = (await tx.query(
      `SELECT max(at) AS at FROM (
         (SELECT at FROM login_failures WHERE username = $1 AND at > $3 ORDER BY at DESC OFFSET $4 LIMIT 1)
         UNION ALL
         (SELECT at FROM login_failures WHERE client_ip = $2 AND at > $3 ORDER BY at DESC OFFSET $4 LIMIT 1)
       ) AS blocking`,
      [username, clientIp, since, MAX_FAILURES - 1],
    )) as { at: Date | null }[];
    return row.at === null ? undefined : new Date(row.at.getTime() + FAILURE_WINDOW_MS);
  }

  private async pruneNowAndThen(now: Date): Promise<void> {
    if (now.getTime() - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now.getTime();
    await this.dataSource.query('DELETE FROM login_failures WHERE at < $1', [new Date(now.getTime() - RETENTION_MS)]);
  }
}
