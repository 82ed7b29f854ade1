import type { Metadata } from 'next';
import Link from 'next/link';
import { getT } from '../../_server/requestLocale';
import { getServices } from '../../../lib/services';
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
  // Once an admin exists the link has done its work: say so at once, rather than a form that fails on submit.
  if (await getServices().setup.isSetupDone()) {
    return (
      <section className="card name-gate">
        <h1>{t('setup.used.heading')}</h1>
        <p>{t('setup.used')}</p>
        <p>
          <Link href="/konto/log-ind">{t('setup.used.signIn')}</Link>
        </p>
      </section>
    );
  }
  return <AccountForm kind="setup" extra={{ token }} next="/" />;
}
