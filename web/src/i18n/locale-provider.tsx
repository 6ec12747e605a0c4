import { ConfigProvider } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { i18n, storeLocale, storedLocale, type Locale } from './i18n';
import { LocaleContext } from './locale-context';

const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': zhCNAntd, en: enUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** The chosen language for our words, antd's components and dates alike; remembered on this browser. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  useEffect(() => {
    void i18n.changeLanguage(locale);
    // antd's date pickers format through dayjs, which keeps its own global locale.
    dayjs.locale(DAYJS_LOCALES[locale]);
    // Screen readers pick their voice by it, and the browser its fonts and hyphenation.
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]}>{children}</ConfigProvider>
    </LocaleContext.Provider>
  );
}
