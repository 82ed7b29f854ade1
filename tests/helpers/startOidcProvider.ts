/**
 * A real OpenID provider for tests: `oidc-provider` (the maintained, certified implementation) on
 * 127.0.0.1, port 0, with one confidential client whose redirect URI the test names. Its accounts
 * are the test's own (`accounts`, changeable between sign-ins: a new e-mail, say); its login and
 * consent steps are small interaction handlers that sign in `nextLogin` without a form, so a test
 * (HTTP or browser) just follows redirects. Everything else (authorization, PKCE, tokens, ID token
 * signatures, userinfo) is the provider's own. The provider is made at the first request, so the
 * redirect URIs may name an app started after it (`redirectUris` as a function).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  roles?: string[];
}

export interface TestOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** By `sub`; change them freely between sign-ins. */
  readonly accounts: Map<string, TestOidcAccount>;
  /** The `sub` the next login interaction signs in; null: the person cancels (access_denied). */
  nextLogin: string | null;
  /** Server errors the provider reported (a test asserts there were none). */
  readonly errors: unknown[];
  close(): Promise<void>;
}

export async function startOidcProvider(options: {
  redirectUris: readonly string[] | (() => readonly string[]);
}): Promise<TestOidcProvider> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    handler ??= makeHandler();
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'samskriv-test';
  const clientSecret = `test-secret-${Math.random().toString(36).slice(2)}`;
  const accounts = new Map<string, TestOidcAccount>();
  const errors: unknown[] = [];
  const state: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    nextLogin: null,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return state;

  function makeHandler(): (req: IncomingMessage, res: ServerResponse) => void {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: typeof options.redirectUris === 'function' ? options.redirectUris() : options.redirectUris,
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roles: ['roles'] },
      scopes: ['openid', 'email', 'profile', 'roles'],
      findAccount: (_ctx: unknown, sub: string) => {
        if (!accounts.has(sub)) return undefined;
        return { accountId: sub, claims: () => ({ sub, ...accounts.get(sub) }) };
      },
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      features: { devInteractions: { enabled: false } },
      cookies: { keys: [`cookie-key-${Math.random().toString(36).slice(2)}`] },
    });
    provider.on('server_error', (_ctx: unknown, error: unknown) => errors.push(error));
    const providerHandler = provider.callback();

    async function interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        const accountId = state.nextLogin;
        const result =
          accountId === null ? { error: 'access_denied', error_description: 'the person cancelled' } : { login: { accountId } };
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
        return;
      }
      // Consent: grant what the client asked for (a first-party client, as a municipality's own would be).
      const accountId = details.session?.accountId ?? '';
      const grant = details.grantId
        ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }))
        : new provider.Grant({ accountId, clientId });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    }

    return (req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        interact(req, res).catch((error: unknown) => {
          errors.push(error);
          if (!res.headersSent) res.writeHead(500).end(String(error));
        });
        return;
      }
      providerHandler(req, res);
    };
  }
}
