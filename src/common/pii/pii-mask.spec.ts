import fc from 'fast-check';
import { maskPii, type PiiKind } from './pii-mask';

describe(maskPii.name, () => {
  it.each([
    ['RESIDENT_ID', '110101199003071234', '1101**********1234'],
    ['RESIDENT_ID', '22040219900307123X', '2204**********123X'],
    ['PHONE', '13812345678', '138****5678'],
    ['PHONE', '0437-3221234', '********1234'],
    ['PHONE', '043733221234', '********1234'],
    ['BANK_ACCOUNT', '6222021234567890123', '6222***********0123'],
    ['BANK_ACCOUNT', '6222021234565678', '6222********5678'],
    ['OTHER_ID', 'E12345678', '*****5678'],
  ] as const)('masks a %s %s as %s (DOMAIN §1)', (kind, value, masked) => {
    expect(maskPii(kind, value)).toBe(masked);
  });

  it('treats a number that only looks like a mobile after a prefix as a landline: last 4 only', () => {
    expect(maskPii('PHONE', '01012345678')).toBe('*******5678');
  });

  it.each([
    ['OTHER_ID', '', ''],
    ['OTHER_ID', '7', '*'],
    ['OTHER_ID', '1234', '**34'],
    ['OTHER_ID', 'A12345', '***345'],
    ['BANK_ACCOUNT', '123456789012', '12******9012'],
    ['RESIDENT_ID', '110101900307123', '110********7123'],
    ['PHONE', '8123456', '****456'],
  ] as const)('never shows more than half of a short %s %j', (kind, value, masked) => {
    expect(maskPii(kind, value)).toBe(masked);
  });

  it('applies the resident-ID pattern only to the 18-character shape, not to 18 UTF-16 units of anything', () => {
    const nineEmoji = '😀'.repeat(9);
    expect(nineEmoji).toHaveLength(18);
    expect(maskPii('RESIDENT_ID', nineEmoji)).toBe(`*****${'😀'.repeat(4)}`);
  });

  it('counts characters, not UTF-16 units, so a Chinese or emoji character is masked whole', () => {
    expect(maskPii('OTHER_ID', '港澳通行证C12345678')).toBe('**********5678');
    expect(maskPii('OTHER_ID', '😀😀😀😀1234')).toBe('****1234');
  });

  it('keeps the length and shows at most what its pattern allows, for any value', () => {
    const kinds = fc.constantFrom<PiiKind>('RESIDENT_ID', 'OTHER_ID', 'PHONE', 'BANK_ACCOUNT');
    fc.assert(
      fc.property(kinds, fc.string({ unit: 'grapheme', maxLength: 30 }), (kind, value) => {
        const masked = Array.from(maskPii(kind, value));
        const original = Array.from(value);
        expect(masked).toHaveLength(original.length);
        const revealed = masked.filter((character) => character !== '*').length;
        expect(revealed).toBeLessThanOrEqual(Math.max(8, Math.floor(original.length / 2)));
        if (original.length < 16 && !/^1[3-9]\d{9}$/.test(value)) {
          expect(revealed).toBeLessThanOrEqual(Math.floor(original.length / 2));
        }
      }),
    );
  });
});
