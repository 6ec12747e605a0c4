import { describe, expect, it } from 'vitest';
import { isMoney, isPhone, residentIdCheckCharacter, residentIdProblem, sumMoney, usccCheckCharacter, usccProblem } from './china-ids';

const TODAY = '2026-12-01';

describe(residentIdProblem.name, () => {
  it.each(['220402199003071231', '11010519491231002X', '11010519491231002x'])('accepts %s', (id) => {
    expect(residentIdProblem(id, TODAY)).toBeUndefined();
  });

  it('finds a mistyped digit by its check character', () => {
    expect(residentIdProblem('220402199003071232', TODAY)).toBe('CHECKSUM');
    // Two neighbouring digits swapped: the weights differ, so the check character catches it.
    expect(residentIdProblem('220402199003071321', TODAY)).toBe('CHECKSUM');
  });

  it.each([
    ['17 digits', '22040219900307123', 'FORMAT'],
    ['a letter inside', '2204021990030712A1', 'FORMAT'],
    ['Excel’s rounding', '2.20402E+17', 'FORMAT'],
    ['30 February', '220402199002301231', 'BIRTH_DATE'],
    ['born before 1900', '220402189912311231', 'BIRTH_DATE'],
    ['born tomorrow', '220402202612021231', 'BIRTH_DATE'],
  ])('refuses %s', (_, id, problem) => {
    expect(residentIdProblem(id, TODAY)).toBe(problem);
  });

  it('computes the check character of GB 11643', () => {
    expect(residentIdCheckCharacter('22040219900307123')).toBe('1');
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(() => residentIdCheckCharacter('1234')).toThrow(RangeError);
  });
});

describe(usccProblem.name, () => {
  it('accepts a code with the right GB 32100 check character and refuses a wrong one', () => {
    expect(usccCheckCharacter('91220400MA0Y12345')).toBe('9');
    expect(usccProblem('91220400MA0Y123459')).toBeUndefined();
    expect(usccProblem('91220400MA0Y123458')).toBe('CHECKSUM');
  });

  it('refuses the letters the standard leaves out, and lower case', () => {
    expect(usccProblem('91220400MA0Y12345O')).toBe('FORMAT');
    expect(usccProblem('91220400ma0y123459')).toBe('FORMAT');
  });
});

describe(isPhone.name, () => {
  it.each(['13843712345', '0437-3221234', '04373221234', '010-12345678'])('accepts %s', (phone) => expect(isPhone(phone)).toBe(true));
  it.each(['12843712345', '1384371234', '138437123456', '437-3221234', '138 4371 2345'])('refuses %s', (phone) => expect(isPhone(phone)).toBe(false));
});

describe('money', () => {
  it('takes decimal strings greater than 0 with at most 2 decimals', () => {
    expect(isMoney('12800')).toBe(true);
    expect(isMoney('12800.5')).toBe(true);
    expect(isMoney('0.01')).toBe(true);
    expect(isMoney('0')).toBe(false);
    expect(isMoney('0.00')).toBe(false);
    expect(isMoney('1.234')).toBe(false);
    expect(isMoney('-5')).toBe(false);
    expect(isMoney('1e3')).toBe(false);
    expect(isMoney('1234567890123')).toBe(false);
  });

  it('adds exactly, where floats would not', () => {
    expect(sumMoney(['0.1', '0.2'])).toBe('0.30');
    expect(sumMoney(['999999999999.99', '0.01'])).toBe('1000000000000.00');
    expect(sumMoney(['18600', undefined, 'abc', '300.5'])).toBe('18900.50');
    expect(sumMoney([])).toBe('0.00');
  });
});
