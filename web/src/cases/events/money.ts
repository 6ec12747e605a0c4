// Amounts are decimal strings in yuan ("12800.00"), as the API takes and gives them. Sums are done in integer fen as
// bigint: a float cannot hold 0.1 exactly, and a schedule one fen off the agreed total is refused by the service.

/** What the API accepts (DOMAIN §2): 1–12 integer digits, up to two decimals. Zero passes the pattern, not isAmount. */
export const MONEY_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

/** A well-formed amount greater than zero. */
export function isAmount(value: unknown): value is string {
  return typeof value === 'string' && MONEY_PATTERN.test(value) && toFen(value) > 0n;
}

/** "12800.5" → 1280050n; anything that is not a well-formed amount counts as nothing. */
export function toFen(value: string | undefined | null): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value?.trim() ?? '');
  if (!match) return 0n;
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** 1280050n → "12800.50"; negatives keep their sign (a difference may be one). */
export function fromFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const magnitude = fen < 0n ? -fen : fen;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

export function sumAmounts(values: readonly (string | undefined | null)[]): string {
  return fromFen(values.reduce((total, value) => total + toFen(value), 0n));
}
