import type { Metadata } from 'next';
import { getT } from '../../_server/requestLocale';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('accessibility.heading') };
}

/**
 * The app's own accessibility statement, where the footer links when ACCESSIBILITY_STATEMENT_URL
 * is unset: what Samskriv aims for, where it stands, and how to report a barrier.
 */
export default async function AccessibilityPage() {
  const t = await getT();
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
