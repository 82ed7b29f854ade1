import type { Metadata } from 'next';
import { getT } from '../../../_server/requestLocale';
import { AccountForm } from '../../../_shared/AccountForm';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.reset.heading'), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A new password through the one-time link an admin issued; then sign in with it. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const t = await getT();
  const token = (await searchParams).token;
  if (typeof token !== 'string' || token === '') {
    return (
      <section className="card name-gate">
        <h1>{t('account.reset.heading')}</h1>
        <p role="alert">{t('error.invalid_token')}</p>
      </section>
    );
  }
  return <AccountForm kind="reset" extra={{ token }} next="/konto/log-ind" />;
}
