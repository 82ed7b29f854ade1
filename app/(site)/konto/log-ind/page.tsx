import type { Metadata } from 'next';
import Link from 'next/link';
import { t } from '../../../../lib/i18n/t';
import { getServices } from '../../../../lib/services';
import { AccountForm } from '../../../_shared/AccountForm';
import { redirect } from 'next/navigation';
import { readPrincipal } from '../../../_server/readPrincipal';
import { safeNextPath } from '../../../_shared/schemas';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: t('account.signIn.heading') };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Sign in with e-mail and password; `?next=` (an editor path) is where to go afterwards. After a
 * sign-up (`?efter=opret`) a signed-in person goes straight on; anyone else signed up with an
 * e-mail that has an account already (or was throttled) and is told how to get in.
 */
export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(params.next) ?? '/';
  const afterSignUp = params.efter === 'opret';
  if (afterSignUp && (await readPrincipal())) redirect(next);
  const mail = getServices().resetMail !== null;
  return (
    <>
      {afterSignUp && (
        <p className="notice" role="status">
          {t(mail ? 'account.signUp.notSignedIn.mail' : 'account.signUp.notSignedIn')}
        </p>
      )}
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
