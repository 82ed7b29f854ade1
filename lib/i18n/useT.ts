'use client';
/**
 * The translator for client components. The locale and its one catalogue come from LocaleProvider
 * (the root layout passes the request's), so the browser never loads the other language.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { DEFAULT_LOCALE, type Locale } from './locales';
import type { Messages } from './messageTypes';
import { translatorFor, type Translate } from './t';

export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);
const MessagesContext = createContext<Messages | null>(null);

export function LocaleProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children?: ReactNode }) {
  return createElement(LocaleContext.Provider, { value: locale }, createElement(MessagesContext.Provider, { value: messages }, children));
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

let withoutProvider: Messages | null = null;

/**
 * Tests only (tests/setup/defaultCatalogue.ts): the catalogue a component rendered without a
 * LocaleProvider reads. The app never sets it, so no catalogue is bundled for the browser here.
 */
export function setCatalogueWithoutProvider(messages: Messages | null): void {
  withoutProvider = messages;
}

export function useT(): Translate {
  const messages = useContext(MessagesContext) ?? withoutProvider;
  if (!messages) throw new Error('useT() needs a LocaleProvider above it (the root layout provides one)');
  return translatorFor(messages);
}
