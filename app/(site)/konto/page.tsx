import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getT } from '../../_server/requestLocale';
import { getServices } from '../../../lib/services';
import { ActingForForm } from '../../_components/ActingForForm';
import { LanguageSwitch } from '../../_components/LanguageSwitch';
import { AccountForm } from '../../_shared/AccountForm';
import { readPrincipal } from '../../_server/readPrincipal';
import { AccountSections } from '../../_account/AccountSections';
import { NotificationSettingsSection } from '../../_notifications/NotificationSettingsSection';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.heading') };
}

/** The signed-in person's account: who they are, whom they write as, and a new password. */
export default async function AccountPage() {
  const t = await getT();
  const principal = await readPrincipal();
  if (!principal) redirect('/konto/log-ind');
  const { person, session } = principal.resolved;
  const organisations = await getServices().organisations.organisationsOf(person.id);
  return (
    <>
      <section className="card account-summary">
        <h1>{t('account.heading')}</h1>
        <p>{t('account.summary', { name: principal.label, email: person.email })}</p>
      </section>
      {organisations.length > 0 && (
        <ActingForForm
          name={person.name}
          organisations={organisations.map(({ id, name }) => ({ id, name }))}
          current={session.actingForOrganisationId ?? null}
        />
      )}
      <section className="card" aria-labelledby="account-language-heading">
        <h2 id="account-language-heading">{t('account.language.heading')}</h2>
        <p>{t('account.language.intro')}</p>
        <LanguageSwitch className="language-switch language-switch--account" />
      </section>
      <AccountForm kind="password" next={null} headingLevel={2} />
      <AccountSections principal={principal} />
      <NotificationSettingsSection personId={person.id} />
    </>
  );
}
