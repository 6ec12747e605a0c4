import { formatYuan, placeholdersOf, renderReason } from './risk-reason-text';

describe(formatYuan.name, () => {
  it.each([
    ['186000', '186,000.00'],
    ['100000.01', '100,000.01'],
    ['999.5', '999.50'],
    ['0', '0.00'],
    ['12345678901234.56', '12,345,678,901,234.56'],
  ])('shows %s as ¥%s', (amount, shown) => {
    expect(formatYuan(amount)).toBe(shown);
  });
});

describe(renderReason.name, () => {
  it('fills every placeholder, including repeated ones', () => {
    expect(renderReason('涉及 {n} 名劳动者（≥{min}），{n} 人', { n: 12, min: 10 })).toBe('涉及 12 名劳动者（≥10），12 人');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(renderReason('拖欠 {months} 个月', {})).toBe('拖欠 {months} 个月');
  });
});

describe(placeholdersOf.name, () => {
  it('lists each placeholder once, in order of first use', () => {
    expect(placeholdersOf('{b}{a}{b} {not a placeholder} {}')).toEqual(['b', 'a']);
  });
});
