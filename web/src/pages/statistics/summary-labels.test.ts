import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { claimTypeLabel, groupLabel, type CountByKey, type SummaryGroup } from './summary-labels';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

// Only the key and the service's label matter to a label; the counts are left out.
const count = (key: string, label: string) => ({ key, label }) as CountByKey;
const group = (key: string, label: string) => ({ key, label }) as SummaryGroup;

describe('statistics labels of claim types', () => {
  it('use the words the intake form and the case file use, in the console’s language', () => {
    expect(claimTypeLabel(count('WORK_INJURY', '工伤待遇'), zh)).toBe(zh('claimType.WORK_INJURY'));
    expect(claimTypeLabel(count('WORK_INJURY', '工伤待遇'), zh)).toBe('工伤待遇');
    expect(claimTypeLabel(count('CONTRACT_TERMINATION', '解除劳动合同'), en)).toBe('Contract termination');
    expect(groupLabel('claimType', group('WAGE_ARREARS', '拖欠工资'), en)).toBe('Wage arrears');
  });

  it('keep the service’s label for a claim type the console does not know yet', () => {
    expect(claimTypeLabel(count('PENSION', '养老待遇'), en)).toBe('养老待遇');
    expect(groupLabel('claimType', group('PENSION', '养老待遇'), en)).toBe('养老待遇');
  });
});
