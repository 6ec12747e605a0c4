import { isValidLegalDate } from '../../calendar/legal-date';

/**
 * Format rules for the Chinese identifiers and amounts that intake accepts (DOMAIN §2). Pure: the date that a birth
 * date may not pass is an argument.
 */

export type ResidentIdProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECKSUM';
export type UsccProblem = 'FORMAT' | 'CHECKSUM';

export class InvalidMoneyError extends Error {
  override readonly name = 'InvalidMoneyError';
}

const RESIDENT_ID_SHAPE = /^\d{17}[\dXx]$/;
// GB 11643-1999: weight i is 2^(17 - i) mod 11; the check character makes the weighted sum ≡ 1 (mod 11).
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK_CHARACTERS = '10X98765432';
// Second-generation IDs began in 2004; a holder born before 1900 is not a living party to a labour dispute.
const EARLIEST_BIRTH_DATE = '1900-01-01';

// GB 32100-2015: 31 characters, without I, O, Z, S and V, which read too much like 1, 0, 2, 5 and U.
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Characters 3–8 are the GB/T 2260 region code of the registering authority, always digits.
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const MONEY = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Why an 18-character resident ID is invalid on `today` (YYYY-MM-DD), or undefined when it is valid. */
export function residentIdProblem(id: unknown, today: string): ResidentIdProblem | undefined {
  if (!isValidLegalDate(today)) throw new RangeError(`today must be a date written YYYY-MM-DD, got ${String(today)}`);
  if (typeof id !== 'string' || !RESIDENT_ID_SHAPE.test(id)) return 'FORMAT';
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidLegalDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) return 'BIRTH_DATE';
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17].toUpperCase() ? undefined : 'CHECKSUM';
}

export function isResidentIdValid(id: unknown, today: string): boolean {
  return residentIdProblem(id, today) === undefined;
}

/** The ISO 7064 MOD 11-2 check character (0–9 or X) for the first 17 digits of a resident ID. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('A resident ID check character needs exactly 17 digits');
  const sum = RESIDENT_ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return RESIDENT_ID_CHECK_CHARACTERS[sum % 11];
}

/**
 * Why a unified social credit code is invalid, or undefined when it is valid. Upper case only: GB 32100 writes the
 * code that way, and accepting both spellings would let one employer be registered twice.
 */
export function usccProblem(code: unknown): UsccProblem | undefined {
  if (typeof code !== 'string' || !USCC_SHAPE.test(code)) return 'FORMAT';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'CHECKSUM';
}

export function isUsccValid(code: unknown): boolean {
  return usccProblem(code) === undefined;
}

/** The GB 32100 MOD 31 check character for the first 17 characters of a unified social credit code. */
export function usccCheckCharacter(first17: string): string {
  const values = Array.from(first17, (character) => USCC_CHARACTERS.indexOf(character));
  if (values.length !== 17 || values.includes(-1)) {
    throw new RangeError('A USCC check character needs exactly 17 characters from the GB 32100 set');
  }
  const sum = USCC_WEIGHTS.reduce((total, weight, index) => total + weight * values[index], 0);
  return USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

/** Passports, HK/Macao/Taiwan permits and foreign IDs: letters, digits and hyphens. */
const OTHER_ID_NUMBER = /^[A-Z0-9-]{5,32}$/;

export function isOtherIdNumber(value: unknown): value is string {
  return typeof value === 'string' && OTHER_ID_NUMBER.test(value);
}

export function isMobile(value: unknown): boolean {
  return typeof value === 'string' && MOBILE.test(value);
}

/** Area code with its leading 0, an optional hyphen, then a 7- or 8-digit number: 0437-3221234. */
export function isLandline(value: unknown): boolean {
  return typeof value === 'string' && LANDLINE.test(value);
}

export function isPhone(value: unknown): boolean {
  return isMobile(value) || isLandline(value);
}

/** A string such as "12800" or "12800.5" that fits numeric(14,2), in the right format but possibly 0. */
export function isMoneyFormat(value: unknown): value is string {
  return typeof value === 'string' && MONEY.test(value);
}

/**
 * An amount of money as DOMAIN §2 accepts it: a string (a JSON number would already have lost precision), up to 12
 * integer digits and 2 decimals, greater than 0.
 */
export function isMoney(value: unknown): value is string {
  return isMoneyFormat(value) && toFen(value) > 0n;
}

/** The amount in fen (分), exact, for arithmetic; throws InvalidMoneyError unless isMoney. */
export function parseMoney(value: unknown): bigint {
  if (!isMoney(value)) throw new InvalidMoneyError('An amount must be a string like "12800.00", greater than 0');
  return toFen(value);
}

/** Fen back to the numeric(14,2) text the database stores: 1280050n → "12800.50". */
export function formatMoney(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const digits = (fen < 0n ? -fen : fen).toString().padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function toFen(value: string): bigint {
  const [, yuan, decimals = ''] = MONEY.exec(value) as RegExpExecArray;
  return BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, '0'));
}
