import { addMoney, compareMoney, fromFen, InvalidMoneyError, isPositiveMoney, MONEY_INPUT_PATTERN, subtractMoney, sumMoney, toFen } from './money';

describe(toFen.name, () => {
  it.each([
    ['12800.5', 1280050n],
    ['12800.00', 1280000n],
    ['0.01', 1n],
    ['7', 700n],
    ['999999999999.99', 99999999999999n],
  ])('reads %s yuan as %s fen', (amount, fen) => {
    expect(toFen(amount)).toBe(fen);
  });

  it.each(['12800.555', '1e3', '12,800.00', '', ' 1.00', '.5', '1.'])('refuses %j, which is not a decimal amount', (amount) => {
    expect(() => toFen(amount)).toThrow(InvalidMoneyError);
  });

  it('refuses a JSON number, so no float ever reaches the arithmetic', () => {
    expect(() => toFen(12800 as unknown as string)).toThrow(InvalidMoneyError);
  });
});

describe(fromFen.name, () => {
  it.each([
    [1280050n, '12800.50'],
    [1n, '0.01'],
    [0n, '0.00'],
    [-150n, '-1.50'],
  ])('writes %s fen as %s', (fen, amount) => {
    expect(fromFen(fen)).toBe(amount);
  });
});

describe(addMoney.name, () => {
  it('adds 0.1 and 0.2 to exactly 0.30, where floats give 0.30000000000000004', () => {
    expect(addMoney('0.1', '0.2')).toBe('0.30');
  });

  it('sums many instalments without losing a fen', () => {
    expect(sumMoney(Array.from({ length: 36 }, () => '5166.67'))).toBe('186000.12');
    expect(subtractMoney('186000.00', '93000.01')).toBe('92999.99');
  });
});

describe(compareMoney.name, () => {
  it('orders by value, not by string', () => {
    expect(compareMoney('9.99', '10.00')).toBe(-1);
    expect(compareMoney('12800.5', '12800.50')).toBe(0);
    expect(compareMoney('100000.01', '100000.00')).toBe(1);
  });

  it('treats zero and malformed amounts as not positive', () => {
    expect(isPositiveMoney('0.00')).toBe(false);
    expect(isPositiveMoney('abc')).toBe(false);
    expect(isPositiveMoney('0.01')).toBe(true);
  });

  it('accepts only DOMAIN §2 amounts at the edge: 1–12 digits and up to 2 decimals', () => {
    expect(MONEY_INPUT_PATTERN.test('123456789012.34')).toBe(true);
    expect(MONEY_INPUT_PATTERN.test('1234567890123')).toBe(false);
  });
});
