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

function maskValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string' && key !== undefined && key in PII_KEYS) {
    return maskPii(PII_KEYS[key], value);
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, key));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, k)]));
  }
  return value;
}
