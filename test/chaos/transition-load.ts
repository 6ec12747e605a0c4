import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { CaseRef } from './chaos-desk';

/** One HTTP try of a command: its answer, or `cut` when the connection broke before one came (it may have applied). */
export interface Attempt {
  readonly requestId: string;
  /** performance.now() when the try was sent. */
  readonly sentAt: number;
  readonly status: number | 'cut';
  readonly body?: unknown;
  /** The version the answer's ETag names. */
  readonly etag?: number;
  readonly replayed: boolean;
}

/** One thing a client meant to do once: the same body, If-Match and Idempotency-Key on every try. */
export interface Command {
  readonly caseId: string;
  readonly key: string;
  readonly ifMatch: number;
  readonly body: Record<string, unknown>;
  readonly attempts: Attempt[];
}

const HOUR_MS = 3_600_000;

/** Self-transitions of `mediation.active` (DOMAIN §3 #6, #7): each applied one raises the version by exactly 1. */
function sessionEvent(serial: number): Record<string, unknown> {
  const now = Date.now();
  return serial % 2 === 0
    ? { type: 'SCHEDULE_SESSION', at: new Date(now + 7 * 24 * HOUR_MS).toISOString(), location: `调解室 ${serial % 9}` }
    : { type: 'RECORD_SESSION', heldAt: new Date(now - HOUR_MS).toISOString(), summary: `第 ${serial} 次调解记录`, withoutPrejudice: false };
}

export function lastAttempt(command: Command): Attempt | undefined {
  return command.attempts.at(-1);
}

/** 2xx or 4xx: what the command came to. A 5xx or a broken connection leaves it open, to be tried again. */
export function isAnswer(attempt: Attempt): boolean {
  return attempt.status !== 'cut' && attempt.status < 500;
}

/**
 * Clients that keep sending transitions the way the console does: If-Match with the version they last saw and an
 * Idempotency-Key per command. A 5xx or a broken connection is retried with the same key, as the key is meant for;
 * a 412 takes the version the answer names and goes on with a new command. Several loops share each case, so
 * version conflicts happen as they do between colleagues.
 */
export class TransitionLoad {
  readonly commands: Command[] = [];
  private stopping = false;
  private loops: Promise<void>[] = [];
  private appliedCount = 0;
  private sending = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly cases: readonly CaseRef[],
    private readonly loopsPerCase: number,
    /** How long a client waits before retrying after a 5xx or a broken connection. */
    private readonly retryPauseMs = 100,
  ) {}

  start(): void {
    this.loops = this.cases.flatMap((c, caseNo) => Array.from({ length: this.loopsPerCase }, (_, n) => this.loop(c, caseNo * this.loopsPerCase + n)));
  }

  /**
   * The loops end after their current try; a try under way when the service dies ends as `cut`. They are told at
   * once, so a crash right after this call is never retried against a dead service.
   */
  stop(): Promise<void> {
    this.stopping = true;
    return Promise.all(this.loops).then(() => undefined);
  }

  /** Tries sent and not yet answered. */
  get inFlight(): number {
    return this.sending;
  }

  /** 2xx answers so far, replays included. */
  get applied(): number {
    return this.appliedCount;
  }

  /**
   * Resolves as soon as `count` commands have been answered 2xx, while the others are still in flight; fails with
   * the latest answers if that takes longer than `timeoutMs` (a service that never recovers).
   */
  async appliedReaches(count: number, timeoutMs = 30_000): Promise<void> {
    if (this.appliedCount >= count) return;
    const reached = new Promise<void>((resolve) => this.waiters.push({ count, resolve }));
    const timer = new AbortController();
    const late = delay(timeoutMs, undefined, { signal: timer.signal }).then(() => {
      const latest = this.commands.flatMap((c) => c.attempts).slice(-5).map((a) => `${a.requestId}: ${a.status} ${JSON.stringify(a.body)}`);
      throw new Error(`only ${this.appliedCount} of ${count} answered 2xx within ${timeoutMs} ms; latest answers:\n${latest.join('\n')}`);
    });
    try {
      await Promise.race([reached, late]);
    } finally {
      timer.abort();
      late.catch(() => undefined);
    }
  }

  private async loop(target: CaseRef, loopNo: number): Promise<void> {
    let version = target.version;
    for (let serial = 0; !this.stopping; serial += 1) {
      const command: Command = { caseId: target.id, key: `chaos-${randomUUID()}`, ifMatch: version, body: sessionEvent(serial), attempts: [] };
      this.commands.push(command);
      for (;;) {
        const attempt = await this.send(command, `chaos-${loopNo}-${serial}-${command.attempts.length}`);
        command.attempts.push(attempt);
        if (isAnswer(attempt) || this.stopping) break;
        await delay(this.retryPauseMs);
      }
      const last = lastAttempt(command)!;
      if (last.status === 200) version = last.etag!;
      if (last.status === 412) version = (last.body as { details: { currentVersion: number } }).details.currentVersion;
    }
  }

  private async send(command: Command, requestId: string): Promise<Attempt> {
    this.sending += 1;
    try {
      const attempt = await sendCommand(this.baseUrl, this.token, command, requestId);
      if (typeof attempt.status === 'number' && attempt.status >= 200 && attempt.status < 300) this.countApplied();
      return attempt;
    } finally {
      this.sending -= 1;
    }
  }

  private countApplied(): void {
    this.appliedCount += 1;
    const due = this.waiters.filter((w) => w.count <= this.appliedCount);
    this.waiters = this.waiters.filter((w) => w.count > this.appliedCount);
    for (const waiter of due) waiter.resolve();
  }
}

/** One try of `command`, as the console sends it. */
export async function sendCommand(baseUrl: string, token: string, command: Command, requestId: string): Promise<Attempt> {
  let res: Response;
  let text: string;
  const sentAt = performance.now();
  try {
    res = await fetch(`${baseUrl}/api/cases/${command.caseId}/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'if-match': `"${command.ifMatch}"`,
        'idempotency-key': command.key,
        'x-request-id': requestId,
      },
      body: JSON.stringify(command.body),
    });
    text = await res.text();
  } catch {
    return { requestId, sentAt, status: 'cut', replayed: false };
  }
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: kept as text, for the envelope check to report.
  }
  const etag = /^"(\d+)"$/.exec(res.headers.get('etag') ?? '')?.[1];
  return { requestId, sentAt, status: res.status, body, etag: etag === undefined ? undefined : Number(etag), replayed: res.headers.get('idempotent-replayed') === 'true' };
}
