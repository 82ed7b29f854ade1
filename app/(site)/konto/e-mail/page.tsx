import type { Metadata } from 'next';
import { t } from '../../../../lib/i18n/t';
import { getServices } from '../../../../lib/services';
import { EmailConfirmForm } from '../../../_account/EmailConfirmForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('account.emailConfirm.heading'), referrer: 'no-referrer' };

/**
 * The link in the confirmation e-mail: shows the new address and a button. Opening the link (a GET,
 * which mail scanners also do) changes nothing; the button's POST does.
 */
export default async function EmailConfirmPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
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
