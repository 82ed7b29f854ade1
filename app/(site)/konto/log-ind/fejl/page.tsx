import type { Metadata } from 'next';
import Link from 'next/link';
import { errorMessage } from '../../../../../lib/i18n/t';
import { getT } from '../../../../_server/requestLocale';
import { isOidcErrorCode } from '../../../../../lib/oidc/OidcError';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t('account.sso.error.heading') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where a single sign-on that did not end in a session lands (`?kode=` one of OIDC_ERROR_CODES): what
 * happened in plain words and a way back. An unknown code shows the general message.
 */
export default async function SsoErrorPage({ searchParams }: Props) {
  const t = await getT();
  const { kode } = await searchParams;
  const code = isOidcErrorCode(kode) ? kode : 'oidc_failed';
  return (
    <section className="name-gate card" aria-labelledby="sso-error-heading">
      <h1 id="sso-error-heading">{t('account.sso.error.heading')}</h1>
      <p role="alert" data-code={code}>
        {errorMessage(t, code)}
      </p>
      <p>
        <Link href="/konto/log-ind">{t('account.sso.error.retry')}</Link>
      </p>
    </section>
  );
}
