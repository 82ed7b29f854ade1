import type { Metadata } from 'next';
import Link from 'next/link';
import { getT } from '../../../_server/requestLocale';
import { getServices } from '../../../../lib/services';
import { AccountForm } from '../../../_shared/AccountForm';
import { redirect } from 'next/navigation';
import { readPrincipal } from '../../../_server/readPrincipal';
import { safeNextPath } from '../../../_shared/schemas';
import { SsoButtons } from '../../../_components/SsoButtons';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.signIn.heading') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Sign in with e-mail and password; `?next=` (an editor path) is where to go afterwards. After a
 * sign-up (`?efter=opret`) a signed-in person goes straight on; anyone else signed up with an
 * e-mail that has an account already (or was throttled) and is told how to get in. With OpenID
 * providers configured, one button each comes first; the password form is left out when no role
 * may sign in with a password (PASSWORD_SIGN_IN_ROLES=none), and sign-up when citizens may not.
 */
export default async function SignInPage({ searchParams }: Props) {
  const t = await getT();
  const params = await searchParams;
  const next = safeNextPath(params.next) ?? '/';
  const afterSignUp = params.efter === 'opret';
  if (afterSignUp && (await readPrincipal())) redirect(next);
  const { resetMail, oidc, config } = getServices();
  const mail = resetMail !== null;
  const providers = oidc?.providers ?? [];
  const passwords = config.PASSWORD_SIGN_IN_ROLES.length > 0;
  const signUp = config.PASSWORD_SIGN_IN_ROLES.includes('citizen');
  return (
    <>
      {afterSignUp && (
        <p className="notice" role="status">
          {t(mail ? 'account.signUp.notSignedIn.mail' : 'account.signUp.notSignedIn')}
        </p>
      )}
      {providers.length > 0 && (
        <section className="name-gate card sso-sign-in" aria-labelledby="sso-heading">
          <h1 id="sso-heading">{t('account.signIn.heading')}</h1>
          <SsoButtons providers={providers} next={next} />
        </section>
      )}
      {passwords &&
        (providers.length > 0 ? (
          <AccountForm kind="signIn" next={next} headingLevel={2} heading="account.sso.passwordHeading" />
        ) : (
          <AccountForm kind="signIn" next={next} />
        ))}
      {signUp && (
        <p className="account-switch">
          {t('account.signIn.noAccount')} <Link href={`/konto/opret?next=${encodeURIComponent(next)}`}>{t('account.signUp.link')}</Link>
        </p>
      )}
      {passwords && resetMail && (
        <p className="account-switch">
          <Link href="/konto/glemt">{t('account.forgot.link')}</Link>
        </p>
      )}
    </>
  );
}
