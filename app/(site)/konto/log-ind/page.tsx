import type { Metadata } from 'next';
import Link from 'next/link';
import { t } from '../../../../lib/i18n/t';
import { getServices } from '../../../../lib/services';
import { AccountForm } from '../../../_shared/AccountForm';
import { safeNextPath } from '../../../_shared/schemas';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('account.signIn.heading') };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Sign in with e-mail and password; `?next=` (an editor path) is where to go afterwards. */
export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next) ?? '/';
  return (
    <>
      <AccountForm kind="signIn" next={next} />
      <p className="account-switch">
        {t('account.signIn.noAccount')} <Link href={`/konto/opret?next=${encodeURIComponent(next)}`}>{t('account.signUp.link')}</Link>
      </p>
      {getServices().resetMail && (
        <p className="account-switch">
          <Link href="/konto/glemt">{t('account.forgot.link')}</Link>
        </p>
      )}
    </>
  );
}
