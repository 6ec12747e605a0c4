// Amounts are decimal strings in yuan ("12800.00") and are added in integer fen as bigint: a JS
// float cannot hold 0.1 exactly, and a payment that is one fen short must not count as paid in
// full (#22).

/** A non-negative decimal amount in yuan with at most two decimals, e.g. "12800.5". */
export type Money = string;

/** What a request may carry (DOMAIN §2): 1–12 integer digits, up to two decimals. */
export const MONEY_INPUT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

// Sums of many items may exceed twelve digits, so the arithmetic accepts any length.
const MONEY_PATTERN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const FEN_PER_YUAN = 100n;

export class InvalidMoneyError extends Error {
  override readonly name = 'InvalidMoneyError';

  constructor(readonly value: unknown) {
    super(`Invalid amount ${JSON.stringify(value)}: expected a decimal string such as "12800.00"`);
  }
}

export function isMoney(value: unknown): value is Money {
  return typeof value === 'string' && MONEY_PATTERN.test(value);
}

/** "12800.5" → 1280050n. */
export function toFen(amount: Money): bigint {
  const match = typeof amount === 'string' ? MONEY_PATTERN.exec(amount) : null;
  if (match === null) throw new InvalidMoneyError(amount);
  const [, sign, yuan, decimals = ''] = match;
  const fen = BigInt(yuan) * FEN_PER_YUAN + BigInt(decimals.padEnd(2, '0'));
  return sign === '-' ? -fen : fen;
}

/** 1280050n → "12800.50". */
export function fromFen(fen: bigint): Money {
  const sign = fen < 0n ? '-' : '';
  const magnitude = fen < 0n ? -fen : fen;
  const yuan = magnitude / FEN_PER_YUAN;
  const cents = (magnitude % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

export function addMoney(a: Money, b: Money): Money {
  return fromFen(toFen(a) + toFen(b));
}

export function subtractMoney(a: Money, b: Money): Money {
  return fromFen(toFen(a) - toFen(b));
}

export function sumMoney(amounts: readonly Money[]): Money {
  return fromFen(amounts.reduce((total, amount) => total + toFen(amount), 0n));
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const difference = toFen(a) - toFen(b);
  if (difference === 0n) return 0;
  return difference < 0n ? -1 : 1;
}

export function isPositiveMoney(amount: Money): boolean {
  return isMoney(amount) && toFen(amount) > 0n;
}

export const ZERO_MONEY: Money = '0.00';
