import { createContext, useContext } from 'react';
import type { Locale } from './i18n';

export interface LocaleChoice {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
}

export const LocaleContext = createContext<LocaleChoice | undefined>(undefined);

export function useLocale(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (!choice) throw new Error('useLocale needs a LocaleProvider above it');
  return choice;
}
