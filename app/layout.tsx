import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { DEFAULT_LOCALE } from '../lib/i18n/messages';
import { t } from '../lib/i18n/t';
import './globals.css';

export const metadata: Metadata = {
  title: { default: t('app.name'), template: `%s · ${t('app.name')}` },
  description: t('app.description'),
};

// Every page renders per request: Next.js puts the CSP nonce (proxy.ts) on its inline scripts only then.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#145c36',
};

/** The root: language and stylesheet only. Site chrome lives in (site)/layout; /embed has none. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={DEFAULT_LOCALE}>
      <body>{children}</body>
    </html>
  );
}
