import fc from 'fast-check';
import {
  formatMoney,
  InvalidMoneyError,
  isLandline,
  isMobile,
  isMoney,
  isPhone,
  isResidentIdValid,
  isUsccValid,
  parseMoney,
  residentIdCheckCharacter,
  residentIdProblem,
  usccCheckCharacter,
  usccProblem,
} from './china-ids';

const TODAY = '2026-09-15';

describe('china ids', () => {
  describe(residentIdProblem.name, () => {
    it('accepts the DOMAIN §2 example 220402199003071231', () => {
      expect(residentIdProblem('220402199003071231', TODAY)).toBeUndefined();
      expect(isResidentIdValid('220402199003071231', TODAY)).toBe(true);
    });

    it('reports a wrong check character as CHECKSUM', () => {
      expect(residentIdProblem('220402199003071232', TODAY)).toBe('CHECKSUM');
      expect(residentIdProblem('22040219900307123X', TODAY)).toBe('CHECKSUM');
    });

    it('reports two swapped digits as CHECKSUM, the typo the check character exists to catch', () => {
      expect(residentIdProblem('220402199003071321', TODAY)).toBe('CHECKSUM');
    });

    it('accepts an X check character in either case', () => {
      expect(residentIdProblem('22040219900307108X', TODAY)).toBeUndefined();
      expect(residentIdProblem('22040219900307108x', TODAY)).toBeUndefined();
    });

    it.each([
      ['17 characters', '22040219900307123'],
      ['19 characters', '2204021990030712310'],
      ['an X before the end', '2204021990030X1231'],
      ['a letter other than X', '22040219900307123Y'],
      ['surrounding spaces', ' 220402199003071231'],
      ['full-width digits', '２２０４０２１９９００３０７１２３１'],
      ['a number instead of a string', 220402199003071230],
      ['null', null],
    ])('reports %s as FORMAT', (_label, id) => {
      expect(residentIdProblem(id, TODAY)).toBe('FORMAT');
    });

    it.each([
      ['30 February', '220402199002301234'],
      ['a birth date after today', '220402202609161236'],
      ['a birth date before 1900', '22040218991231123X'],
      ['month 13', `22040219901301123${residentIdCheckCharacter('22040219901301123')}`],
    ])('reports %s as BIRTH_DATE, even with a correct check character', (_label, id) => {
      expect(residentIdProblem(id, TODAY)).toBe('BIRTH_DATE');
    });

    it('accepts someone born today or on 1 January 1900', () => {
      expect(residentIdProblem('220402202609151230', TODAY)).toBeUndefined();
      expect(residentIdProblem('220402190001011234', TODAY)).toBeUndefined();
    });

    it('refuses a malformed today, which is a programming error', () => {
      expect(() => residentIdProblem('220402199003071231', '2026-9-15')).toThrow(RangeError);
    });

    it('accepts every ID completed with its own check character and rejects every other last character', () => {
      const birthDate = fc
        .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-09-15T00:00:00Z'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10).replace(/-/g, ''));
      const first17 = fc
        .tuple(fc.stringMatching(/^[1-8]\d{5}$/), birthDate, fc.stringMatching(/^\d{3}$/))
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(first17, fc.constantFrom(...'0123456789X'), (digits, last) => {
          const valid = residentIdCheckCharacter(digits) === last;
          expect(isResidentIdValid(digits + last, TODAY)).toBe(valid);
        }),
      );
    });
  });

  describe(usccProblem.name, () => {
    it('accepts the DOMAIN §2 example 91220400MA0Y123459', () => {
      expect(usccProblem('91220400MA0Y123459')).toBeUndefined();
      expect(isUsccValid('91220400MA0Y123459')).toBe(true);
    });

    it('reports a wrong check character as CHECKSUM', () => {
      expect(usccProblem('91220400MA0Y123458')).toBe('CHECKSUM');
      expect(usccProblem('91220400MA0Y12345A')).toBe('CHECKSUM');
    });

    it('computes check characters that are letters and 0', () => {
      const base = '91220400MA0Y1234';
      const withLetter = Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY')
        .map((character) => base + character)
        .find((first17) => /[A-Y]/.test(usccCheckCharacter(first17)));
      expect(withLetter).toBeDefined();
      expect(usccProblem(withLetter! + usccCheckCharacter(withLetter!))).toBeUndefined();
    });

    it.each([
      ['17 characters', '91220400MA0Y12345'],
      ['19 characters', '91220400MA0Y1234590'],
      ['lower case', '91220400ma0y123459'],
      ['a forbidden letter I', '91220400MI0Y123459'],
      ['a forbidden letter O', '91220400MO0Y123459'],
      ['a letter in the region code', '912204A0MA0Y123459'],
      ['a number', 91220400],
    ])('reports %s as FORMAT', (_label, code) => {
      expect(usccProblem(code)).toBe('FORMAT');
    });
  });

  describe('phones', () => {
    it.each(['13812345678', '19912345678'])('accepts the mobile %s', (value) => {
      expect([isMobile(value), isLandline(value), isPhone(value)]).toEqual([true, false, true]);
    });

    it.each(['0437-3221234', '04373221234', '010-12345678', '021-1234567'])('accepts the landline %s', (value) => {
      expect([isMobile(value), isLandline(value), isPhone(value)]).toEqual([false, true, true]);
    });

    it.each([
      '12812345678',
      '1381234567',
      '138123456789',
      '+8613812345678',
      '437-3221234',
      '0437--3221234',
      '0437-322123',
      13812345678,
    ])('refuses %j', (value) => {
      expect(isPhone(value)).toBe(false);
    });
  });

  describe('money', () => {
    it.each([
      ['12800.00', 1_280_000n],
      ['12800.5', 1_280_050n],
      ['0.01', 1n],
      ['999999999999.99', 99_999_999_999_999n],
      ['007', 700n],
    ])('parses %s as %s fen', (text, fen) => {
      expect(isMoney(text)).toBe(true);
      expect(parseMoney(text)).toBe(fen);
    });

    it.each([
      ['zero', '0'],
      ['zero with decimals', '0.00'],
      ['a JSON number', 12800],
      ['three decimals', '1.005'],
      ['13 integer digits', '1000000000000'],
      ['a negative amount', '-5'],
      ['a bare point', '5.'],
      ['a leading point', '.5'],
      ['a thousands separator', '12,800'],
      ['an exponent', '1e3'],
      ['spaces', ' 5'],
    ])('refuses %s', (_label, value) => {
      expect(isMoney(value)).toBe(false);
      expect(() => parseMoney(value)).toThrow(InvalidMoneyError);
    });

    it('formats fen back as numeric(14,2) text', () => {
      expect([1_280_050n, 1n, 0n, -5n].map(formatMoney)).toEqual(['12800.50', '0.01', '0.00', '-0.05']);
    });

    it('round-trips every valid amount exactly through fen', () => {
      const amount = fc.tuple(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.integer({ min: 0, max: 99 }));
      fc.assert(
        fc.property(amount, ([yuan, cents]) => {
          fc.pre(yuan > 0n || cents > 0);
          const text = `${yuan}.${String(cents).padStart(2, '0')}`;
          expect(formatMoney(parseMoney(text))).toBe(text);
        }),
      );
    });
  });
});
