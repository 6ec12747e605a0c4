// The intake formats of DOMAIN §2, checked in the browser before the service checks them again; ported from the
// service's src/common/validation/china-ids.ts, which stays the authority. Pure: the date a birth date may not pass
// is an argument.

export type ResidentIdProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECKSUM';
export type UsccProblem = 'FORMAT' | 'CHECKSUM';

const RESIDENT_ID_SHAPE = /^\d{17}[\dXx]$/;
// GB 11643-1999: weight i is 2^(17 - i) mod 11; the check character makes the weighted sum ≡ 1 (mod 11).
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

// GB 32100-2015: 31 characters, without I, O, Z, S and V, which read too much like 1, 0, 2, 5 and U.
const USCC_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const MONEY = /^(\d{1,12})(?:\.(\d{1,2}))?$/;
/** Passports, HK/Macao/Taiwan permits and foreign IDs: letters, digits and hyphens. */
const OTHER_ID_NUMBER = /^[A-Z0-9-]{5,32}$/;

/** YYYY-MM-DD that names a real day. */
function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
}

/** The ISO 7064 MOD 11-2 check character (0–9 or X) for the first 17 digits of a resident ID. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('A resident ID check character needs exactly 17 digits');
  const sum = RESIDENT_ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17[index]), 0);
  return RESIDENT_ID_CHECK_CHARACTERS[sum % 11];
}

/** Why an 18-character resident ID is invalid on `today` (YYYY-MM-DD), or undefined when it is valid. */
export function residentIdProblem(id: string, today: string): ResidentIdProblem | undefined {
  if (!RESIDENT_ID_SHAPE.test(id)) return 'FORMAT';
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) return 'BIRTH_DATE';
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17].toUpperCase() ? undefined : 'CHECKSUM';
}

export function isOtherIdNumber(value: string): boolean {
  return OTHER_ID_NUMBER.test(value);
}

/** The GB 32100 MOD 31 check character for the first 17 characters of a unified social credit code. */
export function usccCheckCharacter(first17: string): string {
  const values = Array.from(first17, (character) => USCC_CHARACTERS.indexOf(character));
  if (values.length !== 17 || values.includes(-1)) throw new RangeError('A USCC check character needs exactly 17 characters from the GB 32100 set');
  const sum = USCC_WEIGHTS.reduce((total, weight, index) => total + weight * values[index], 0);
  return USCC_CHARACTERS[(31 - (sum % 31)) % 31];
}

/** Upper case only, as GB 32100 writes it; the form upper-cases what is typed. */
export function usccProblem(code: string): UsccProblem | undefined {
  if (!USCC_SHAPE.test(code)) return 'FORMAT';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'CHECKSUM';
}

/** A mainland mobile (1[3-9] and 9 digits) or a landline with its area code (0437-3221234). */
export function isPhone(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}

function toFen(value: string): bigint {
  const [, yuan, decimals = ''] = MONEY.exec(value) as RegExpExecArray;
  return BigInt(yuan) * 100n + BigInt(decimals.padEnd(2, '0'));
}

/** Yuan as the API takes it: a string of up to 12 digits and 2 decimals, greater than 0. Never a float. */
export function isMoney(value: string): boolean {
  return MONEY.test(value) && toFen(value) > 0n;
}

/** The exact sum of the well-formed amounts, as "12800.50"; the others are left out. */
export function sumMoney(amounts: readonly (string | undefined)[]): string {
  const fen = amounts.reduce<bigint>((total, amount) => (amount !== undefined && MONEY.test(amount) ? total + toFen(amount) : total), 0n);
  const digits = fen.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
