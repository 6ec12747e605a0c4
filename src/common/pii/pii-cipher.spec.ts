import { PiiCipher, PiiDecryptionError } from './pii-cipher';

const SECRET = 'test-only secret, at least 32 characters long';
const TOKEN = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]*)$/;

function key(fill: number): Buffer {
  return Buffer.alloc(32, fill);
}

/** Flips one bit of one base64url part of a token, keeping it well-formed so that only authentication can catch it. */
function flipBit(token: string, partIndex: 1 | 2 | 3): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[partIndex], 'base64url');
  bytes[0] ^= 0x01;
  parts[partIndex] = bytes.toString('base64url');
  return parts.join('.');
}

describe(PiiCipher.name, () => {
  const cipher = new PiiCipher(key(1), key(2));

  describe('encrypt and decrypt', () => {
    it.each(['220402199003071231', '张三 吉林省辽源市龙山区 13812345678', '😀 emoji', ''])('round-trips %j', (plaintext) => {
      const token = cipher.encrypt(plaintext);
      expect(token).toMatch(TOKEN);
      expect(cipher.decrypt(token)).toBe(plaintext);
    });

    it('never shows the plaintext in the stored value', () => {
      expect(cipher.encrypt('220402199003071231')).not.toContain('220402');
    });

    it('uses a fresh IV every time, so equal values do not look equal at rest', () => {
      const first = cipher.encrypt('13812345678');
      const second = cipher.encrypt('13812345678');
      expect(TOKEN.exec(first)?.[1]).not.toBe(TOKEN.exec(second)?.[1]);
      expect(first).not.toBe(second);
      expect([cipher.decrypt(first), cipher.decrypt(second)]).toEqual(['13812345678', '13812345678']);
    });

    it.each([
      ['the IV', 1],
      ['the tag', 2],
      ['the ciphertext', 3],
    ] as const)('rejects a value whose %s was tampered with', (_label, part) => {
      const tampered = flipBit(cipher.encrypt('张三 220402199003071231'), part);
      expect(() => cipher.decrypt(tampered)).toThrow(PiiDecryptionError);
    });

    it('rejects a value encrypted under another key', () => {
      const other = new PiiCipher(key(3), key(2));
      expect(() => cipher.decrypt(other.encrypt('13812345678'))).toThrow(PiiDecryptionError);
    });

    it('rejects a value whose ciphertext was swapped with another one under the same IV and tag', () => {
      const [version, iv, tag] = cipher.encrypt('13812345678').split('.');
      const [, , , ciphertext] = cipher.encrypt('13987654321').split('.');
      expect(() => cipher.decrypt([version, iv, tag, ciphertext].join('.'))).toThrow(PiiDecryptionError);
    });

    it.each([
      ['plain text', '13812345678'],
      ['another version', `v2${cipher.encrypt('x').slice(2)}`],
      ['a missing part', cipher.encrypt('x').split('.').slice(0, 3).join('.')],
      ['characters outside base64url', cipher.encrypt('x').replace('.', '.+/')],
      ['a short IV', 'v1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
      ['a short tag', 'v1.AAAAAAAAAAAAAAAA.AAAA.AAAA'],
    ])('rejects %s without echoing it', (_label, token) => {
      expect(() => cipher.decrypt(token)).toThrow(PiiDecryptionError);
      expect(() => cipher.decrypt(token)).not.toThrow(token);
    });
  });

  describe('keys', () => {
    it('refuses keys that are not 32 bytes, or one key used for both jobs', () => {
      expect(() => new PiiCipher(Buffer.alloc(16), key(2))).toThrow(RangeError);
      expect(() => new PiiCipher(key(1), Buffer.alloc(31))).toThrow(RangeError);
      expect(() => new PiiCipher(key(1), key(1))).toThrow(/must differ/);
    });

    it('derives both keys from one secret, the same way every time', () => {
      const token = PiiCipher.fromSecret(SECRET).encrypt('张三');
      expect(PiiCipher.fromSecret(SECRET).decrypt(token)).toBe('张三');
      expect(PiiCipher.fromSecret(SECRET).blindIndex('PHONE', '13812345678')).toBe(
        PiiCipher.fromSecret(SECRET).blindIndex('PHONE', '13812345678'),
      );
    });

    it('derives different keys from a different secret', () => {
      const token = PiiCipher.fromSecret(SECRET).encrypt('张三');
      const other = PiiCipher.fromSecret(`${SECRET}!`);
      expect(() => other.decrypt(token)).toThrow(PiiDecryptionError);
      expect(other.blindIndex('PHONE', '13812345678')).not.toBe(PiiCipher.fromSecret(SECRET).blindIndex('PHONE', '13812345678'));
    });

    it('refuses a secret too short to carry 256 bits', () => {
      expect(() => PiiCipher.fromSecret('short')).toThrow(RangeError);
    });
  });

  describe('blindIndex', () => {
    it('is a stable 64-digit hex HMAC that depends on the index key only', () => {
      const index = cipher.blindIndex('RESIDENT_ID', '220402199003071231');
      expect(index).toMatch(/^[0-9a-f]{64}$/);
      expect(new PiiCipher(key(9), key(2)).blindIndex('RESIDENT_ID', '220402199003071231')).toBe(index);
      expect(new PiiCipher(key(1), key(8)).blindIndex('RESIDENT_ID', '220402199003071231')).not.toBe(index);
    });

    it('separates kinds, so equal digits in different columns do not match', () => {
      expect(cipher.blindIndex('PHONE', '13812345678')).not.toBe(cipher.blindIndex('OTHER_ID', '13812345678'));
      expect(cipher.blindIndex('RESIDENT_ID', '220402199003071231')).not.toBe(cipher.blindIndex('OTHER_ID', '220402199003071231'));
    });

    it('tells different values apart', () => {
      expect(cipher.blindIndex('PHONE', '13812345678')).not.toBe(cipher.blindIndex('PHONE', '13812345679'));
    });

    it.each([
      ['RESIDENT_ID', '22040219900307123X', ' 22040219900307123x '],
      ['RESIDENT_ID', '220402199003071231', '２２０４０２１９９００３０７１２３１'],
      ['PHONE', '04373221234', '0437-3221234'],
      ['BANK_ACCOUNT', '6222021234567890123', '6222 0212 3456 7890 123'],
      ['OTHER_ID', 'E12345678', 'e12345678'],
    ] as const)('finds a %s written %j when searched as %j', (kind, stored, searched) => {
      expect(cipher.blindIndex(kind, searched)).toBe(cipher.blindIndex(kind, stored));
    });
  });
});
