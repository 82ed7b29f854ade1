import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { t } from '../../../lib/i18n/t';
import { AccountForm } from '../../_shared/AccountForm';
import { readPrincipal } from '../../_server/readPrincipal';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('account.heading') };

/** The signed-in person's account: who they are, and a new password. */
export default async function AccountPage() {
  const principal = await readPrincipal();
  if (!principal) redirect('/konto/log-ind');
  const { person } = principal.resolved;
  return (
    <>
      <section className="card account-summary">
        <h1>{t('account.heading')}</h1>
        <p>{t('account.summary', { name: person.name, email: person.email })}</p>
      </section>
      <AccountForm kind="password" next={null} />
    </>
  );
}
