import { describe, expect, it } from 'vitest';
import { formatYuan } from './money-format';

describe(formatYuan.name, () => {
  it.each([
    ['919910.00', '¥919,910.00'],
    ['0.10', '¥0.10'],
    ['0.00', '¥0.00'],
    ['999.99', '¥999.99'],
    ['1000.00', '¥1,000.00'],
    ['11400.00', '¥11,400.00'],
  ])('shows %s as %s', (amount, shown) => {
    expect(formatYuan(amount)).toBe(shown);
  });

  it('keeps every digit of amounts far beyond what a float holds exactly', () => {
    // 2^53 + 1 fen: a float would round the last digit away.
    expect(formatYuan('90071992547409.93')).toBe('¥90,071,992,547,409.93');
    expect(formatYuan('123456789012345678901234.56')).toBe('¥123,456,789,012,345,678,901,234.56');
  });

  it('never rounds: a sum whose float arithmetic would drift is shown as the service computed it', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004.
    expect(formatYuan('0.30')).toBe('¥0.30');
    expect(formatYuan('1.005')).toBe('¥1.005');
  });

  it('pads a short fraction to fen and drops leading zeros of the yuan', () => {
    expect(formatYuan('12')).toBe('¥12.00');
    expect(formatYuan('12.5')).toBe('¥12.50');
    expect(formatYuan('007.10')).toBe('¥7.10');
  });

  it('puts the sign before the symbol, and shows no sign on zero', () => {
    expect(formatYuan('-1234.50')).toBe('-¥1,234.50');
    expect(formatYuan('-0.00')).toBe('¥0.00');
  });

  it('returns anything that is not a plain decimal unchanged rather than show a wrong amount', () => {
    expect(formatYuan('1e6')).toBe('1e6');
    expect(formatYuan('12,000.00')).toBe('12,000.00');
    expect(formatYuan('')).toBe('');
  });
});
