import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './messages.en';
import { zhCN, type Messages } from './messages.zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** The desks are in China: Chinese unless the user has chosen English on this browser. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

const STORAGE_KEY = 'tiaojie.locale';

function isLocale(value: string | null): value is Locale {
  return value !== null && (LOCALES as readonly string[]).includes(value);
}

export function storedLocale(): Locale {
  const value = localStorage.getItem(STORAGE_KEY);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function storeLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLocale(),
  // A missing English word shows the Chinese one rather than a key; the parity test keeps that from happening.
  fallbackLng: DEFAULT_LOCALE,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
