'use client';
/** The translator for client components. The locale comes from LocaleContext (Danish unless a provider says otherwise). */
import { createContext, useContext, useMemo } from 'react';
import { DEFAULT_LOCALE, type Locale } from './messages';
import { translator, type Translate } from './t';

export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
