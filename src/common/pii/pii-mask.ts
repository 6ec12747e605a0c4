/** The personal data DOMAIN §1 protects: identity numbers, phones and bank accounts. */
export type PiiKind = 'RESIDENT_ID' | 'OTHER_ID' | 'PHONE' | 'BANK_ACCOUNT';

interface Shown {
  head: number;
  tail: number;
}

const MASK = '*';
const RESIDENT_ID = /^\d{17}[\dXx]$/;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * The value with every character replaced by '*' except those DOMAIN §1 lets a reader see, keeping the original
 * length: resident ID `1101**********1234`, mobile `138****5678`, bank account first 4 and last 4, anything else
 * (landlines, other ID types) last 4.
 *
 * Those patterns are for values of the usual shape. A value too short for its pattern to hide at least half of it
 * (a 6-digit passport number, a typo) shows at most half of its characters, taken from the end first, because the
 * last digits are what people compare when they check a record.
 */
export function maskPii(kind: PiiKind, value: string): string {
  const characters = Array.from(value);
  const shown = fitToLength(patternFor(kind, value), characters.length, hasStandardShape(kind, value));
  const hidden = characters.length - shown.head - shown.tail;
  return characters.slice(0, shown.head).join('') + MASK.repeat(hidden) + characters.slice(characters.length - shown.tail).join('');
}

function patternFor(kind: PiiKind, value: string): Shown {
  switch (kind) {
    case 'RESIDENT_ID':
      return { head: 4, tail: 4 };
    case 'BANK_ACCOUNT':
      return { head: 4, tail: 4 };
    case 'PHONE':
      return MOBILE.test(value) ? { head: 3, tail: 4 } : { head: 0, tail: 4 };
    case 'OTHER_ID':
      return { head: 0, tail: 4 };
  }
}

// DOMAIN §1 spells out these two shapes, so they keep their pattern although a mobile number shows 7 of its 11 digits.
function hasStandardShape(kind: PiiKind, value: string): boolean {
  if (kind === 'RESIDENT_ID') return RESIDENT_ID.test(value);
  return kind === 'PHONE' && MOBILE.test(value);
}

function fitToLength(pattern: Shown, length: number, standard: boolean): Shown {
  if (standard || pattern.head + pattern.tail <= length / 2) return pattern;
  const budget = Math.floor(length / 2);
  const tail = Math.min(pattern.tail, budget);
  return { head: Math.min(pattern.head, budget - tail), tail };
}
