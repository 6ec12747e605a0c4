import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The only source of "now" outside tests' control; the pure core receives dates as arguments instead.
 *
 * `runAt` pins the instant for one piece of work and everything it awaits, while other work on the same clock keeps
 * its own time: the demo seed replays a year of cases through the real services at the instants of their stories,
 * and a request served meanwhile still sees the present. It is the same clock everywhere, so no service needs to
 * know whether its "now" is pinned.
 */
export abstract class Clock {
  private readonly pinned = new AsyncLocalStorage<number>();

  now(): Date {
    const pinned = this.pinned.getStore();
    return pinned === undefined ? this.current() : new Date(pinned);
  }

  /** Runs `work` with now() answering `instant` inside it, including in everything it starts or awaits. */
  runAt<T>(instant: Date | string, work: () => T): T {
    const pinned = new Date(instant).getTime();
    if (Number.isNaN(pinned)) throw new RangeError(`runAt needs a valid instant, got ${String(instant)}`);
    return this.pinned.run(pinned, work);
  }

  /** The clock's own time, where nothing is pinned. */
  protected abstract current(): Date;
}

export class SystemClock extends Clock {
  protected current(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  protected current(): Date {
    return new Date(this.instant.getTime());
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.instant = new Date(this.instant.getTime() + milliseconds);
  }
}
