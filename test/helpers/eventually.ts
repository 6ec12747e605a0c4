/**
 * Reads until `accept` holds, failing after a deadline instead of sleeping a guessed time. Between reads it runs
 * `between` (e.g. moving a test clock on so workers poll) or else just yields to pending I/O.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  options: { timeoutMs?: number; between?: () => Promise<void> } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last value ${JSON.stringify(value)}`);
    await (options.between ? options.between() : new Promise<void>((resolve) => setImmediate(resolve)));
  }
}
