import type { PersonProfile } from '../people/AccountStore';

/** A provider as the sign-in page shows it. */
export interface OidcProviderSummary {
  readonly id: string;
  readonly label: { readonly da: string; readonly en: string };
}

/** Single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce). */
export interface OidcSignIn {
  readonly providers: readonly OidcProviderSummary[];
  /**
   * The provider's authorization URL, and the sealed flow (lib/oidc/flowCookie.ts) the browser
   * keeps until the callback. Throws OidcError `oidc_unknown_provider` or `oidc_provider_unavailable`.
   */
  start(
    providerId: string,
    options: { readonly redirectUri: string; readonly returnTo: string },
  ): Promise<{ url: string; flowCookie: string }>;
  /**
   * Checks the provider's answer (`callbackUrl`: the redirect URI with the query the provider sent)
   * against the flow cookie, links or creates the account and starts a session. Throws OidcError.
   */
  finish(
    providerId: string,
    options: {
      readonly redirectUri: string;
      readonly callbackUrl: URL;
      readonly flowCookie: string | undefined;
      /** The session the browser held before, deleted on success (rotation). */
      readonly previousSessionId?: string | null;
    },
  ): Promise<{ sessionId: string; person: PersonProfile; returnTo: string; linked: 'existing' | 'linked' | 'created' }>;
}
