import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getT } from '../../../_server/requestLocale';
import { getServices } from '../../../../lib/services';
import { AccountForm } from '../../../_shared/AccountForm';
import { safeNextPath } from '../../../_shared/schemas';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.signUp.heading') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Sign up: a name, an e-mail and a password; then signed in. The answer is the same for an e-mail
 * that has an account already (nobody is signed in then), so the form always goes on through the
 * sign-in page, which sends a signed-in person straight on and tells anyone else what to do.
 * Where citizens have no passwords (PASSWORD_SIGN_IN_ROLES), accounts come from single sign-on:
 * the sign-in page's buttons.
 */
export default async function SignUpPage({ searchParams }: Props) {
  const t = await getT();
  const next = safeNextPath((await searchParams).next) ?? '/';
  if (!getServices().config.PASSWORD_SIGN_IN_ROLES.includes('citizen')) redirect(`/konto/log-ind?next=${encodeURIComponent(next)}`);
  return (
    <>
      <AccountForm kind="signUp" next={`/konto/log-ind?next=${encodeURIComponent(next)}&efter=opret`} />
      <p className="account-switch">
        {t('account.signUp.haveAccount')} <Link href={`/konto/log-ind?next=${encodeURIComponent(next)}`}>{t('account.signIn.link')}</Link>
      </p>
    </>
  );
}
