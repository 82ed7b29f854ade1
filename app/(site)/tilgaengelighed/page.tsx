import type { Metadata } from 'next';
import { t } from '../../../lib/i18n/t';

export const metadata: Metadata = { title: t('accessibility.heading') };

/**
 * The app's own accessibility statement, where the footer links when ACCESSIBILITY_STATEMENT_URL
 * is unset: what Samskriv aims for, where it stands, and how to report a barrier.
 */
export default function AccessibilityPage() {
  return (
    <section className="card" aria-labelledby="accessibility-heading">
      <h1 id="accessibility-heading">{t('accessibility.heading')}</h1>
      <p>{t('accessibility.aim')}</p>
      <h2>{t('accessibility.status.heading')}</h2>
      <p>{t('accessibility.status')}</p>
      <h2>{t('accessibility.contact.heading')}</h2>
      <p>{t('accessibility.contact')}</p>
    </section>
  );
}
