import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { catalogues } from '../lib/i18n/messages';
import { LocaleProvider } from '../lib/i18n/useT';
import { getT, requestLocale } from './_server/requestLocale';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return {
    title: { default: t('app.name'), template: `%s · ${t('app.name')}` },
    description: t('app.description'),
  };
}

// Every page renders per request: Next.js puts the CSP nonce (proxy.ts) on its inline scripts only then.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#145c36',
};

/**
 * The root: language and stylesheet only. Site chrome lives in (site)/layout; /embed has none.
 * The request's language (app/_server/requestLocale.ts) sets `lang` and is handed to client
 * components with its catalogue alone, so the browser receives only the language it shows.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body>
        <LocaleProvider locale={locale} messages={catalogues[locale]}>
          {children}
        </LocaleProvider>
      </body>
    </html>
  );
}
