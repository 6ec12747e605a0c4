import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, KeyObject, randomBytes } from 'node:crypto';
import type { PiiKind } from './pii-mask';

export class PiiDecryptionError extends Error {
  override readonly name = 'PiiDecryptionError';
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
// 96-bit IVs are GCM's native size (NIST SP 800-38D); random ones stay safe far beyond the number of PII values this
// system will ever encrypt under one key.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_SECRET_LENGTH = 32;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

// Distinct HKDF info strings make the two keys independent, so one configured secret can yield both.
const HKDF_SALT = 'tiaojie/pii';
const ENCRYPTION_INFO = 'tiaojie/pii/aes-256-gcm/v1';
const INDEX_INFO = 'tiaojie/pii/blind-index/hmac-sha256/v1';

/**
 * Encrypts PII at rest (DOMAIN §1) and computes blind indexes for exact search.
 *
 * Ciphertexts are `v1.<iv>.<tag>.<ciphertext>` in base64url: ASCII, so they fit a text column, and versioned, so a
 * later key or algorithm can be introduced while old rows still decrypt.
 */
export class PiiCipher {
  private readonly encryptionKey: KeyObject;
  private readonly indexKey: KeyObject;

  constructor(encryptionKey: Uint8Array, indexKey: Uint8Array) {
    assertKey('encryption key', encryptionKey);
    assertKey('blind-index key', indexKey);
    // With one key for both jobs, an index value would be usable material against the ciphertexts' key.
    if (Buffer.from(encryptionKey).equals(Buffer.from(indexKey))) {
      throw new RangeError('The PII encryption key and blind-index key must differ');
    }
    this.encryptionKey = createSecretKey(Buffer.from(encryptionKey));
    this.indexKey = createSecretKey(Buffer.from(indexKey));
  }

  /** Derives both keys from one configured secret with HKDF-SHA256 (RFC 5869). */
  static fromSecret(secret: string): PiiCipher {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new RangeError(`The PII secret must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    const derive = (info: string): Buffer => Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, info, KEY_BYTES));
    return new PiiCipher(derive(ENCRYPTION_INFO), derive(INDEX_INFO));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map(encodePart).join('.');
  }

  /** Throws PiiDecryptionError for a malformed, foreign or tampered value; the message never repeats the input. */
  decrypt(token: string): string {
    const { iv, tag, ciphertext } = parseToken(token);
    const decipher = createDecipheriv(ALGORITHM, this.encryptionKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiDecryptionError('The PII value failed authentication: wrong key or tampered data');
    }
  }

  /**
   * HMAC-SHA256(indexKey, kind ':' normalized value) in hex, for exact search over encrypted columns. The kind is
   * part of the input, so equal digits in a phone and an ID column do not reveal that they are equal.
   */
  blindIndex(kind: PiiKind, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${normalizeForIndex(kind, value)}`, 'utf8').digest('hex');
  }
}

/**
 * What a person typing a search would consider the same value: surrounding spaces, full-width digits (NFKC), a
 * lowercase x in an ID, and the spaces or hyphens people put into phone and card numbers do not matter.
 */
function normalizeForIndex(kind: PiiKind, value: string): string {
  const text = value.normalize('NFKC').trim();
  switch (kind) {
    case 'RESIDENT_ID':
    case 'OTHER_ID':
      return text.toUpperCase();
    case 'PHONE':
    case 'BANK_ACCOUNT':
      return text.replace(/[\s-]/g, '');
  }
}

function assertKey(name: string, key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`The PII ${name} must be ${KEY_BYTES} bytes, got ${key.length}`);
}

function encodePart(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}

function parseToken(token: string): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const parts = token.split('.');
  if (parts.length !== 4) throw new PiiDecryptionError('Not a PII ciphertext: expected 4 dot-separated parts');
  const [version, ...encoded] = parts;
  if (version !== VERSION) throw new PiiDecryptionError('Unknown PII ciphertext version');
  // Buffer.from(…, 'base64url') silently skips characters it does not know; garbage is refused here instead.
  if (!encoded.every((part) => BASE64URL.test(part))) throw new PiiDecryptionError('Not a PII ciphertext: bad base64url');
  const [iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new PiiDecryptionError('Not a PII ciphertext: bad IV or tag length');
  return { iv, tag, ciphertext };
}
