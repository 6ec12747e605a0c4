import fc from 'fast-check';
import { chineseDate, InvalidAmountError, rmbInCapitals, rmbInFigures } from './chinese-numerals';

const DIGIT_VALUES: Record<string, bigint> = { 零: 0n, 壹: 1n, 贰: 2n, 叁: 3n, 肆: 4n, 伍: 5n, 陆: 6n, 柒: 7n, 捌: 8n, 玖: 9n };
const PLACE_VALUES: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

/** An independent reader of capitals, back to fen: what a bank clerk does when checking the figures against them. */
function readCapitals(text: string): bigint {
  const [integerPart, fractionPart] = text.includes('元') ? text.split('元') : ['', text];
  let completed = 0n;
  let wan = 0n;
  let section = 0n;
  let digit = 0n;
  for (const character of integerPart) {
    if (character in DIGIT_VALUES) digit = DIGIT_VALUES[character];
    else if (character in PLACE_VALUES) [section, digit] = [section + digit * PLACE_VALUES[character], 0n];
    else if (character === '万') [wan, section, digit] = [wan + (section + digit) * 10_000n, 0n, 0n];
    else if (character === '亿') [completed, wan, section, digit] = [(completed + wan + section + digit) * 100_000_000n, 0n, 0n, 0n];
    else throw new Error(`unexpected ${character} in ${text}`);
  }
  const jiao = /(.)角/.exec(fractionPart)?.[1];
  const fen = /(.)分/.exec(fractionPart)?.[1];
  return (completed + wan + section + digit) * 100n + (jiao === undefined ? 0n : DIGIT_VALUES[jiao] * 10n) + (fen === undefined ? 0n : DIGIT_VALUES[fen]);
}

describe(rmbInCapitals.name, () => {
  describe('the examples the brief and DOMAIN §8 give', () => {
    it.each([
      ['12800.00', '壹万贰仟捌佰元整'],
      ['186000.50', '壹拾捌万陆仟元伍角'],
      ['186000.00', '壹拾捌万陆仟元整'],
      ['1001.05', '壹仟零壹元零伍分'],
      ['0.30', '叁角'],
      ['100000000.00', '壹亿元整'],
      ['10010.00', '壹万零壹拾元整'],
      ['1000000.00', '壹佰万元整'],
    ])('writes %s as %s', (amount, capitals) => {
      expect(rmbInCapitals(amount)).toBe(capitals);
    });
  });

  describe("the People's Bank of China examples (正确书写票据和结算凭证的基本规定)", () => {
    it.each([
      // A zero between digits is written 零.
      ['1409.50', '壹仟肆佰零玖元伍角'],
      // 角 zero and 分 not: 零 after 元.
      ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
      ['325.04', '叁佰贰拾伍元零肆分'],
      // 元 place zero before a non-zero 角: written without 零, the project's one choice of the two allowed.
      ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
      // 万 place zero, 仟 not: one of the two allowed forms, again without 零.
      ['107000.53', '壹拾万柒仟元伍角叁分'],
    ])('writes %s as %s', (amount, capitals) => {
      expect(rmbInCapitals(amount)).toBe(capitals);
    });
  });

  describe('zeros and the 万 and 亿 groups', () => {
    it.each([
      ['0', '零元整'],
      ['0.00', '零元整'],
      ['0.01', '壹分'],
      ['0.05', '伍分'],
      ['0.1', '壹角'],
      ['0.99', '玖角玖分'],
      ['1', '壹元整'],
      ['10', '壹拾元整'],
      ['11', '壹拾壹元整'],
      ['20.00', '贰拾元整'],
      ['100', '壹佰元整'],
      ['101', '壹佰零壹元整'],
      ['110', '壹佰壹拾元整'],
      ['1000', '壹仟元整'],
      ['1010', '壹仟零壹拾元整'],
      ['1100', '壹仟壹佰元整'],
      ['10000', '壹万元整'],
      ['10001', '壹万零壹元整'],
      ['10100', '壹万零壹佰元整'],
      ['11000', '壹万壹仟元整'],
      ['100010', '壹拾万零壹拾元整'],
      ['1010000', '壹佰零壹万元整'],
      ['1000010', '壹佰万零壹拾元整'],
      ['10000000', '壹仟万元整'],
      ['100000001', '壹亿零壹元整'],
      ['100001000', '壹亿零壹仟元整'],
      ['101000000', '壹亿零壹佰万元整'],
      ['110000000', '壹亿壹仟万元整'],
      ['100010000', '壹亿零壹万元整'],
      ['1000100000', '壹拾亿零壹拾万元整'],
      ['10000000000', '壹佰亿元整'],
      ['1000000000000', '壹万亿元整'],
      ['1000100000000', '壹万零壹亿元整'],
      ['12.34', '壹拾贰元叁角肆分'],
      ['93000.00', '玖万叁仟元整'],
      ['186000.05', '壹拾捌万陆仟元零伍分'],
      ['999999999999.99', '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
      ['9999999999999999', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整'],
    ])('writes %s as %s', (amount, capitals) => {
      expect(rmbInCapitals(amount)).toBe(capitals);
    });
  });

  it('reads back, by an independent reader, as the amount it was written from, for any amount up to 16 integer digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }), (fen) => {
        const amount = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
        const capitals = rmbInCapitals(amount);
        expect(readCapitals(capitals)).toBe(fen);
        expect(capitals).not.toMatch(/零零|^零.|零[元万亿角分]/);
        expect(capitals.endsWith('整')).toBe(fen % 100n === 0n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads leading zeros as the number they pad', () => {
    expect(rmbInCapitals('0012800.00')).toBe('壹万贰仟捌佰元整');
  });

  it('never writes two 零 in a row, nor one at the start or before 元', () => {
    const amounts = ['100000001', '1000100000', '10010.00', '1001.05', '100100100.10', '500005000.05'];
    for (const amount of amounts) {
      const capitals = rmbInCapitals(amount);
      expect(capitals).not.toMatch(/零零|^零|零元|零[万亿]/);
    }
  });

  it.each([
    ['a float-formatted number', '1e5'],
    ['a negative amount', '-1.00'],
    ['three decimals', '1.005'],
    ['grouping commas', '12,800.00'],
    ['a bare point', '12.'],
    ['an empty string', ''],
    ['seventeen integer digits', '10000000000000000'],
  ])('refuses %s', (_what, amount) => {
    expect(() => rmbInCapitals(amount)).toThrow(InvalidAmountError);
  });

  it('refuses a JS number, which cannot carry an exact amount', () => {
    expect(() => rmbInCapitals(12800 as unknown as string)).toThrow(InvalidAmountError);
  });
});

describe(rmbInFigures.name, () => {
  it.each([
    ['186000', '186000.00'],
    ['186000.5', '186000.50'],
    ['0.3', '0.30'],
    ['007', '7.00'],
    ['12800.00', '12800.00'],
  ])('prints %s as %s', (amount, figures) => {
    expect(rmbInFigures(amount)).toBe(figures);
  });
});

describe(chineseDate.name, () => {
  it.each([
    ['2026-09-16', '2026年9月16日'],
    ['2026-10-08', '2026年10月8日'],
    ['2027-01-01', '2027年1月1日'],
    ['2026-12-31', '2026年12月31日'],
  ])('writes %s as %s', (date, text) => {
    expect(chineseDate(date)).toBe(text);
  });

  it('refuses what is not a legal date', () => {
    expect(() => chineseDate('2026-02-30')).toThrow();
    expect(() => chineseDate('2026-09-16T10:00:00Z')).toThrow();
  });
});
