import { parseLegalDate } from '../calendar/legal-date';

// Amounts in Chinese capital numerals (大写) as banks and courts require them on anything that moves money, following
// the People's Bank of China rules for writing amounts (支付结算办法, annex 正确书写票据和结算凭证的基本规定):
// - an amount that ends at 元 is closed with 整; one that ends at 角 or 分 is not;
// - a run of zeros inside the number is written as a single 零, including across the 万 and 亿 groups;
// - 角 = 0 with 分 ≠ 0 puts 零 after 元 (1001.05 → 壹仟零壹元零伍分);
// - 元 = 0 (or a run of zeros ending at 元) before a non-zero 角 may be written with or without 零: this project writes
//   none (186000.50 → 壹拾捌万陆仟元伍角), one choice applied everywhere;
// - 10–19 keep their 壹 (壹拾元整), as financial writing always does, so that nothing can be written in front of 拾.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const UNITS_IN_GROUP = ['仟', '佰', '拾', ''] as const;
const TEN_THOUSAND = 10_000n;
const HUNDRED_MILLION = 100_000_000n;

// A decimal string in yuan: the exact value a user typed or PostgreSQL's numeric returned, never a float.
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** 亿亿 is not written on any Chinese instrument; 16 integer digits are far beyond any sum of agreed amounts. */
const MAX_INTEGER_DIGITS = 16;

export class InvalidAmountError extends Error {
  override readonly name = 'InvalidAmountError';

  constructor(readonly value: unknown, reason: string) {
    super(`Cannot write ${JSON.stringify(value)} in Chinese capitals: ${reason}`);
  }
}

/** "12800.00" → 壹万贰仟捌佰元整; "0.30" → 叁角; "1001.05" → 壹仟零壹元零伍分. */
export function rmbInCapitals(amount: string): string {
  const { yuan, jiao, fen } = parseAmount(amount);
  if (yuan === 0n && jiao === 0 && fen === 0) return '零元整';
  const integer = yuan === 0n ? '' : `${integerInCapitals(yuan)}元`;
  if (jiao === 0 && fen === 0) return `${integer}整`;
  if (jiao === 0) return `${integer}${integer === '' ? '' : '零'}${DIGITS[fen]}分`;
  return `${integer}${DIGITS[jiao]}角${fen === 0 ? '' : `${DIGITS[fen]}分`}`;
}

/** The amount in figures as documents print it: always two decimals, no grouping ("186000" → "186000.00"). */
export function rmbInFigures(amount: string): string {
  const { yuan, jiao, fen } = parseAmount(amount);
  return `${yuan}.${jiao}${fen}`;
}

/**
 * A legal date as GB/T 9704-2012 §7.3.5.1 writes the date of an official document, in Arabic numerals with no leading
 * zeros: 2026-09-16 → 2026年9月16日. Every date in every generated document uses this one form.
 */
export function chineseDate(date: string): string {
  const [year, month, day] = parseLegalDate(date).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function parseAmount(amount: string): { yuan: bigint; jiao: number; fen: number } {
  const match = typeof amount === 'string' ? AMOUNT.exec(amount) : null;
  if (match === null) throw new InvalidAmountError(amount, 'expected a non-negative decimal string with at most two decimals');
  const [, integer, decimals = ''] = match;
  const yuan = BigInt(integer);
  if (yuan.toString().length > MAX_INTEGER_DIGITS) throw new InvalidAmountError(amount, `more than ${MAX_INTEGER_DIGITS} integer digits`);
  const [jiao, fen] = decimals.padEnd(2, '0').split('').map(Number);
  return { yuan, jiao, fen };
}

/**
 * A positive integer in capitals, by recursion on 亿 and then 万. The lower part needs a leading 零 exactly when its
 * highest place is empty: 1_0001_0000 → 壹亿零壹万, 1_1000_0000 → 壹亿壹仟万.
 */
function integerInCapitals(value: bigint): string {
  if (value >= HUNDRED_MILLION) return joinGroups(value / HUNDRED_MILLION, '亿', value % HUNDRED_MILLION, HUNDRED_MILLION / 10n);
  if (value >= TEN_THOUSAND) return joinGroups(value / TEN_THOUSAND, '万', value % TEN_THOUSAND, TEN_THOUSAND / 10n);
  return groupInCapitals(Number(value));
}

function joinGroups(high: bigint, unit: string, low: bigint, lowestFullLow: bigint): string {
  if (low === 0n) return `${integerInCapitals(high)}${unit}`;
  return `${integerInCapitals(high)}${unit}${low < lowestFullLow ? '零' : ''}${integerInCapitals(low)}`;
}

/** 1–9999: 壹仟零壹, 壹佰壹拾, 壹拾; zeros inside collapse to one 零 and trailing zeros are dropped. */
function groupInCapitals(value: number): string {
  const digits = String(value).padStart(4, '0').split('').map(Number);
  let text = '';
  let pendingZero = false;
  digits.forEach((digit, place) => {
    if (digit === 0) {
      pendingZero = text !== '';
      return;
    }
    text += `${pendingZero ? '零' : ''}${DIGITS[digit]}${UNITS_IN_GROUP[place]}`;
    pendingZero = false;
  });
  return text;
}
