import type { Metadata } from 'next';
import { getT } from '../../../_server/requestLocale';
import { getServices } from '../../../../lib/services';
import { EmailConfirmForm } from '../../../_account/EmailConfirmForm';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.emailConfirm.heading'), referrer: 'no-referrer' };
}

/**
 * The link in the confirmation e-mail: shows the new address and a button. Opening the link (a GET,
 * which mail scanners also do) changes nothing; the button's POST does.
 */
export default async function EmailConfirmPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getT();
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const change = token === '' ? null : await getServices().selfService.inspectEmailChange(token);
  return (
    <section className="card">
      <h1>{t('account.emailConfirm.heading')}</h1>
      {change ? <EmailConfirmForm token={token} email={change.email} /> : <p role="alert">{t('account.emailConfirm.invalid')}</p>}
    </section>
  );
}
