import { setImmediate as nextTurn } from 'node:timers/promises';
import { FixedClock, SystemClock } from './clock';

describe(SystemClock.name, () => {
  const clock = new SystemClock();

  it('tells the wall-clock time when nothing is pinned', () => {
    const before = Date.now();
    const now = clock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('answers the pinned instant inside runAt, also after awaits and in work the pinned code starts', async () => {
    const seen = await clock.runAt('2025-06-03T01:30:00Z', async () => {
      const first = clock.now().toISOString();
      await nextTurn();
      const started = await Promise.all([1, 2].map(async () => {
        await nextTurn();
        return clock.now().toISOString();
      }));
      return [first, ...started];
    });
    expect(seen).toEqual(['2025-06-03T01:30:00.000Z', '2025-06-03T01:30:00.000Z', '2025-06-03T01:30:00.000Z']);
  });

  it('leaves work running beside the pinned work on the present', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const pinned = clock.runAt('2025-06-03T01:30:00Z', async () => {
      await gate;
      return clock.now().toISOString();
    });
    const outside = clock.now().getTime();
    release();
    expect(await pinned).toBe('2025-06-03T01:30:00.000Z');
    expect(Math.abs(outside - Date.now())).toBeLessThan(1000);
  });

  it('lets an inner runAt pin another instant for its own work only', () => {
    const seen = clock.runAt('2025-06-03T01:30:00Z', () => {
      const inner = clock.runAt(new Date('2025-06-04T02:00:00Z'), () => clock.now().toISOString());
      return [inner, clock.now().toISOString()];
    });
    expect(seen).toEqual(['2025-06-04T02:00:00.000Z', '2025-06-03T01:30:00.000Z']);
  });

  it('does not pin another clock instance', () => {
    const other = new FixedClock(new Date('2026-01-01T00:00:00Z'));
    expect(clock.runAt('2025-06-03T01:30:00Z', () => other.now().toISOString())).toBe('2026-01-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move the pinned time', () => {
    clock.runAt('2025-06-03T01:30:00Z', () => {
      clock.now().setFullYear(1999);
      expect(clock.now().toISOString()).toBe('2025-06-03T01:30:00.000Z');
    });
  });

  it('refuses an instant that is not one', () => {
    expect(() => clock.runAt('next Tuesday', () => undefined)).toThrow(RangeError);
  });
});

describe(FixedClock.name, () => {
  it('stays where it is set and moves only when told', () => {
    const clock = new FixedClock(new Date('2026-09-16T02:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-09-16T02:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-09-16T02:01:00.000Z');
    clock.set('2026-10-08T16:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-10-08T16:00:00.000Z');
  });

  it('honours runAt like the system clock, and returns to its own time afterwards', () => {
    const clock = new FixedClock(new Date('2026-09-16T02:00:00Z'));
    expect(clock.runAt('2025-12-01T01:00:00Z', () => clock.now().toISOString())).toBe('2025-12-01T01:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-09-16T02:00:00.000Z');
  });
});
