import { getT, requestLocale } from '../_server/requestLocale';
import type { OidcProviderSummary } from '../../lib/oidc/OidcSignIn';

/**
 * One "Log ind med <udbyder>" button per OpenID provider. Plain links, not Next.js <Link>: the
 * route answers with a redirect to another site, which only a full page load follows.
 */
export async function SsoButtons({ providers, next }: { providers: readonly OidcProviderSummary[]; next: string }) {
  const t = await getT();
  const locale = await requestLocale();
  if (providers.length === 0) return null;
  return (
    <nav className="sso-buttons" aria-label={t('account.sso.nav')}>
      <ul>
        {providers.map((provider) => (
          <li key={provider.id}>
            <a
              className="button sso-button"
              href={`/api/auth/oidc/${encodeURIComponent(provider.id)}/start?returnTo=${encodeURIComponent(next)}`}
            >
              {t('account.sso.button', { label: provider.label[locale] })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
