import { maskPii, PiiKind } from './pii-mask';

const PII_KEYS: Record<string, PiiKind> = {
  idNumber: 'RESIDENT_ID',
  phone: 'PHONE',
  contactPhone: 'PHONE',
  mobile: 'PHONE',
  bankAccount: 'BANK_ACCOUNT',
};

/**
 * A deep copy with every value under a personal-data key masked. Callers mask what they know to be PII already; this
 * is the last line before anything is written where raw values must never appear (audit payloads, notifications).
 */
export function maskPayload<T>(value: T): T {
  return maskValue(value, undefined) as T;
}

// Free text (a desk note, a reason) may quote a resident ID or a mobile number; those are masked where they stand.
// Letters and digits around them mean a longer token, such as a UUID segment, which is left alone.
const RESIDENT_ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/** `text` with every resident ID and mobile number in it masked. */
export function maskPiiInText(text: string): string {
  return text
    .replace(RESIDENT_ID_IN_TEXT, (id) => maskPii('RESIDENT_ID', id))
    .replace(MOBILE_IN_TEXT, (mobile) => maskPii('PHONE', mobile));
}

function maskValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string' && key !== undefined && key in PII_KEYS) {
    return maskPii(PII_KEYS[key], value);
  }
  if (typeof value === 'string') return maskPiiInText(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, key));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, k)]));
  }
  return value;
}
