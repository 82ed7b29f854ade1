import type { Metadata } from 'next';
import { getT } from '../../_server/requestLocale';
import { AccountForm } from '../../_shared/AccountForm';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('setup.heading'), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** First start: the one-time link printed by `npm start` creates the first admin here. */
export default async function SetupPage({ searchParams }: Props) {
  const t = await getT();
  const token = (await searchParams).token;
  if (typeof token !== 'string' || token === '') {
    return (
      <section className="card name-gate">
        <h1>{t('setup.heading')}</h1>
        <p role="alert">{t('error.invalid_token')}</p>
      </section>
    );
  }
  return <AccountForm kind="setup" extra={{ token }} next="/" />;
}
