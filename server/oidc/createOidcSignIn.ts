/**
 * Single sign-on with OpenID Connect through `openid-client`: the authorization code flow with PKCE
 * (S256), `state` and `nonce`, which openid-client checks together with the ID token's signature,
 * issuer, audience and lifetime. The flow's secrets travel in an encrypted cookie
 * (lib/oidc/flowCookie.ts); the account is found by the provider's `sub` through a stored link, or
 * linked or created by e-mail under lib/oidc/decideLink.ts; the session is the same as after a
 * password sign-in (startSession), so nothing after it knows how the person signed in.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { PlatformRole } from '../../lib/access/model';
import type { PasswordHasher } from '../../lib/auth/PasswordHasher';
import { scryptHasher } from '../../lib/auth/scryptHasher';
import { hashSessionId, isSessionIdShaped } from '../../lib/auth/sessionId';
import type { AccountStore, Person } from '../../lib/people/AccountStore';
import { AccountStoreError } from '../../lib/people/AccountStore';
import { decideLink } from '../../lib/oidc/decideLink';
import { FLOW_LIFETIME_MS, openFlow, sealFlow } from '../../lib/oidc/flowCookie';
import type { IdentityLinkStore } from '../../lib/oidc/IdentityLinkStore';
import { mapClaims, type MappedClaims } from '../../lib/oidc/mapClaims';
import { OidcError } from '../../lib/oidc/OidcError';
import type { OidcSignIn } from '../../lib/oidc/OidcSignIn';
import { isLoopbackHost, type OidcProvider } from '../../lib/oidc/providersSchema';
import type { Logger } from '../logger';
import type { AccessEvents } from '../people/accessEvents';
import { newId } from '../people/newId';
import { revokeSessions } from '../people/revokeSessions';
import { startSession } from '../people/startSession';
import { toProfile } from '../people/toProfile';

export interface OidcSignInOptions {
  readonly providers: readonly OidcProvider[];
  readonly store: AccountStore;
  readonly links: IdentityLinkStore;
  /** AUTH_SECRET: the flow cookie's key is derived from it. */
  readonly secret: string;
  readonly events: AccessEvents;
  readonly logger: Logger;
  readonly clock?: () => number;
  /** Makes the unusable password of accounts created here; production cost by default. */
  readonly passwords?: PasswordHasher;
  /** Seconds a request to a provider may take (discovery, token, userinfo). */
  readonly timeoutSeconds?: number;
}

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export function createOidcSignIn(options: OidcSignInOptions): OidcSignIn {
  const { providers, store, links, secret, events, logger, clock = Date.now, passwords = scryptHasher(), timeoutSeconds = 15 } = options;
  const byId = new Map(providers.map((provider) => [provider.id, provider]));
  const configurations = new Map<string, Promise<client.Configuration>>();

  function providerOf(providerId: string): OidcProvider {
    const provider = byId.get(providerId);
    if (!provider) throw new OidcError('oidc_unknown_provider', `no provider "${providerId.slice(0, 40)}"`);
    return provider;
  }

  /** Discovery once per provider; a failure is not kept, so the next sign-in tries again. */
  function configurationOf(provider: OidcProvider): Promise<client.Configuration> {
    let configuration = configurations.get(provider.id);
    if (!configuration) {
      const issuer = new URL(provider.issuer);
      // http:// is accepted for an issuer on loopback only (tests, a local broker); lib/oidc/providersSchema refuses it elsewhere.
      const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
      configuration = client.discovery(
        issuer,
        provider.clientId,
        provider.clientSecret,
        provider.clientSecret === undefined ? client.None() : undefined,
        { timeout: timeoutSeconds, ...(insecure && { execute: [client.allowInsecureRequests] }) },
      );
      configurations.set(provider.id, configuration);
      const pending = configuration;
      pending.catch((error: unknown) => {
        if (configurations.get(provider.id) === pending) configurations.delete(provider.id);
        logger.warn(
          { err: error, event: 'oidc_discovery_failed', provider: provider.id },
          'could not read the OpenID provider’s configuration',
        );
      });
    }
    return configuration.catch((error: unknown) => {
      throw new OidcError('oidc_provider_unavailable', `discovery of ${provider.issuer} failed`, { cause: error });
    });
  }

  async function start(providerId: string, { redirectUri, returnTo }: { redirectUri: string; returnTo: string }) {
    const provider = providerOf(providerId);
    const configuration = await configurationOf(provider);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: provider.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const flowCookie = sealFlow({ providerId, state, nonce, codeVerifier, returnTo, expiresAt: clock() + FLOW_LIFETIME_MS }, secret);
    return { url: url.href, flowCookie };
  }

  /** The provider's answer checked and exchanged; the claims of the ID token with the userinfo response's. */
  async function claimsFrom(provider: OidcProvider, callbackUrl: URL, flow: { state: string; nonce: string; codeVerifier: string }) {
    const configuration = await configurationOf(provider);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        pkceCodeVerifier: flow.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      throw grantError(error, provider);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcError('oidc_response_invalid', 'the provider sent no ID token');
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint) {
      try {
        // Checks that the answer is about the same `sub` as the ID token.
        userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      } catch (error) {
        throw new OidcError('oidc_provider_unavailable', `userinfo from ${provider.issuer} failed`, { cause: error });
      }
    }
    // The ID token's own claims (signed) win over userinfo's where both say something.
    return { ...userinfo, ...idClaims } as Record<string, unknown>;
  }

  function grantError(error: unknown, provider: OidcProvider): OidcError {
    if (error instanceof client.AuthorizationResponseError) {
      return new OidcError('oidc_provider_error', `${provider.id} answered ${error.error}`, { cause: error });
    }
    const cause = (error as { cause?: { cause?: { claim?: unknown } } }).cause;
    if (error instanceof client.ClientError && error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && cause?.cause?.claim === 'nonce') {
      return new OidcError('oidc_nonce_invalid', 'the ID token carries another nonce', { cause: error });
    }
    if (error instanceof client.ClientError || error instanceof client.ResponseBodyError) {
      return new OidcError('oidc_response_invalid', `the answer of ${provider.id} was refused: ${error.message}`, { cause: error });
    }
    return new OidcError('oidc_provider_unavailable', `the token request to ${provider.id} failed`, { cause: error });
  }

  /** The person the claims sign in as: linked before, linked now by a verified e-mail, or created. */
  async function personFor(
    provider: OidcProvider,
    mapped: MappedClaims,
  ): Promise<{ person: Person; linked: 'existing' | 'linked' | 'created' }> {
    const at = new Date(clock()).toISOString();
    // Twice at most: a second sign-in racing this one may link or create first; then its result is used.
    for (let attempt = 0; ; attempt += 1) {
      const link = await links.get(provider.id, mapped.subject);
      const personWithEmail = link || mapped.email === null ? null : await store.getPersonByEmail(mapped.email);
      const decision = decideLink({
        linkedPersonId: link?.personId ?? null,
        email: mapped.email,
        emailVerified: mapped.emailVerified,
        personWithEmail,
      });
      switch (decision.kind) {
        case 'refuse':
          throw new OidcError(decision.code, `no account for ${provider.id} sub (${decision.code})`);
        case 'signed_in': {
          const person = await store.getPerson(decision.personId);
          if (!person) throw new OidcError('oidc_failed', 'the linked person is gone');
          await links.touch(provider.id, mapped.subject, at);
          return { person, linked: 'existing' };
        }
        case 'link': {
          const owner = await store.getPerson(decision.personId);
          if (!owner) throw new OidcError('oidc_failed', 'the person with that e-mail is gone');
          // Before anything changes: a refused sign-in must not cost the account its password.
          assertMaySignIn(provider, owner.role, owner.disabled);
          const added = await links.add({
            providerId: provider.id,
            subject: mapped.subject,
            personId: decision.personId,
            email: mapped.email!,
            createdAt: at,
            lastUsedAt: at,
          });
          if (!added) {
            if (attempt === 0) continue;
            throw new OidcError('oidc_failed', 'the sub was linked by another sign-in meanwhile');
          }
          const person = owner;
          // The account may have been made by someone who never owned the address (sign-up checks
          // no e-mail): from now on only the address's owner holds it, so its password and sessions end.
          await store.updatePerson(person.id, { passwordHash: await unusablePassword(), updatedAt: at });
          await revokeSessions(store, events, person.id, 'password_reset');
          logger.info({ event: 'oidc_linked', provider: provider.id, personId: person.id }, 'an account was linked to an OpenID provider');
          return { person, linked: 'linked' };
        }
        case 'create': {
          assertMaySignIn(provider, mapped.role, false);
          let person: Person;
          try {
            person = await store.createPerson({
              id: newId('p'),
              email: decision.email,
              name: mapped.name,
              passwordHash: await unusablePassword(),
              role: mapped.role,
              disabled: false,
              createdAt: at,
              updatedAt: at,
            });
          } catch (error) {
            if (error instanceof AccountStoreError && error.code === 'email_taken' && attempt === 0) continue;
            throw error;
          }
          if (
            !(await links.add({
              providerId: provider.id,
              subject: mapped.subject,
              personId: person.id,
              email: decision.email,
              createdAt: at,
              lastUsedAt: at,
            }))
          ) {
            throw new OidcError('oidc_failed', 'the sub was linked by another sign-in meanwhile');
          }
          logger.info(
            { event: 'oidc_created', provider: provider.id, personId: person.id, role: person.role },
            'a person signed up through an OpenID provider',
          );
          return { person, linked: 'created' };
        }
      }
    }
  }

  function assertMaySignIn(provider: OidcProvider, role: PlatformRole, disabled: boolean): void {
    if (disabled) throw new OidcError('oidc_account_disabled', 'the person is disabled');
    if (provider.allowedRoles && !provider.allowedRoles.includes(role)) {
      throw new OidcError('oidc_role_not_allowed', `role ${role} may not sign in through ${provider.id}`);
    }
  }

  /** A password nobody knows: the person signs in through the provider (or sets one with a reset link). */
  function unusablePassword(): Promise<string> {
    return passwords.hash(randomBytes(32).toString('base64url'));
  }

  async function finish(
    providerId: string,
    options: { redirectUri: string; callbackUrl: URL; flowCookie: string | undefined; previousSessionId?: string | null },
  ) {
    const provider = providerOf(providerId);
    const flow = openFlow(options.flowCookie, secret, clock());
    if (!flow || flow.providerId !== provider.id) throw new OidcError('oidc_state_missing', 'no valid flow cookie for this provider');
    // Checked here as well as by openid-client, so a forged answer never reaches the token endpoint.
    const state = options.callbackUrl.searchParams.get('state');
    if (state === null || !sameText(state, flow.state)) throw new OidcError('oidc_state_invalid', 'the answer carries another state');
    // The URL the provider redirected to, rebuilt from the configured redirect URI (not from the
    // request's Host, which a proxy may have rewritten), so redirect_uri matches the one sent.
    const current = new URL(options.redirectUri);
    current.search = options.callbackUrl.search;
    const claims = await claimsFrom(provider, current, flow);
    const mapped = mapClaims(claims, provider);
    if (!mapped) throw new OidcError('oidc_response_invalid', 'the ID token has no usable sub');
    const { person, linked } = await personFor(provider, mapped);
    assertMaySignIn(provider, person.role, person.disabled);
    if (options.previousSessionId && isSessionIdShaped(options.previousSessionId)) {
      await store.deleteSession(hashSessionId(options.previousSessionId));
    }
    const { sessionId } = await startSession(store, person.id, clock());
    logger.info({ event: 'signed_in', personId: person.id, provider: provider.id }, 'a person signed in through an OpenID provider');
    return { sessionId, person: toProfile(person), returnTo: flow.returnTo, linked };
  }

  return {
    providers: providers.map(({ id, label }) => ({ id, label })),
    start,
    finish,
  };
}
