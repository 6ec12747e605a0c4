import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/messages.en';
import { zhCN } from '../../i18n/messages.zh-CN';
import { auditTotalText } from './audit-total';

describe(auditTotalText.name, () => {
  const i18n = i18next.createInstance();
  beforeAll(() => i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } } }));

  it('gives an exact count as the number of rows', () => {
    expect(auditTotalText(i18n.t, 1234, true)).toBe('共 1234 条');
    expect(auditTotalText(i18n.getFixedT('en'), 1234, true)).toBe('1234 in all');
  });

  it('gives a count the service stopped short as a floor', () => {
    expect(auditTotalText(i18n.t, 10000, false)).toBe('超过 10000 条');
    expect(auditTotalText(i18n.getFixedT('en'), 10000, false)).toBe('More than 10000');
  });
});
