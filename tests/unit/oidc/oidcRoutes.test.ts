/**
 * The two single sign-on routes called as Next calls them, over a stand-in sign-in service: they
 * answer with redirects only, pass a safe `returnTo`, set and clear the flow cookie, set the session
 * cookie, and turn every refusal (also an OidcError from the server bundle's own copy of the class)
 * into the error page. Only Next's cookie store is stood in for; tests/integration/oidcSignIn.test.ts
 * and tests/e2e/oidcHttp.test.ts run the real service and the built app.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OidcError } from '../../../lib/oidc/OidcError';
import type { OidcSignIn } from '../../../lib/oidc/OidcSignIn';
import { setServices, type Services } from '../../../lib/services';

type CookieSet = { name: string; value: string; options: Record<string, unknown> };
let jar: Map<string, string>;
let sets: CookieSet[];
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { value: jar.get(name) } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => {
      sets.push({ name, value, options });
      jar.set(name, value);
    },
  }),
}));

const { GET: start } = await import('../../../app/api/auth/oidc/[provider]/start/route');
const { GET: callback } = await import('../../../app/api/auth/oidc/[provider]/callback/route');

const ORIGIN = 'http://samskriv.test';
const params = (provider: string) => ({ params: Promise.resolve({ provider }) });
const get = (path: string) => new Request(`${ORIGIN}${path}`, { headers: { host: 'samskriv.test' } });
let logged: unknown[];
let oidc: { start: ReturnType<typeof vi.fn>; finish: ReturnType<typeof vi.fn> } | null;

beforeEach(() => {
  jar = new Map();
  sets = [];
  logged = [];
  oidc = { start: vi.fn(), finish: vi.fn() };
  setServices({
    get oidc() {
      return oidc && ({ providers: [], ...oidc } as unknown as OidcSignIn);
    },
    config: { PUBLIC_URL: undefined },
    logger: { info: (entry: unknown) => logged.push(entry), warn: () => undefined, error: (entry: unknown) => logged.push(entry) },
  } as unknown as Services);
});
afterEach(() => setServices(undefined));

describe('GET /api/auth/oidc/<provider>/start', () => {
  it('sets the flow cookie for the callback only and redirects to the provider, with a safe returnTo and this site’s redirect URI', async () => {
    oidc!.start.mockResolvedValue({ url: 'https://idp.example.dk/auth?x=1', flowCookie: 'sealed' });
    const response = await start(get('/api/auth/oidc/mitid/start?returnTo=%2F%2Fevil.dk'), params('mitid'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://idp.example.dk/auth?x=1');
    expect(oidc!.start).toHaveBeenCalledWith('mitid', { redirectUri: `${ORIGIN}/api/auth/oidc/mitid/callback`, returnTo: '/' });
    expect(sets).toEqual([
      {
        name: 'samskriv_oidc',
        value: 'sealed',
        options: expect.objectContaining({ httpOnly: true, sameSite: 'lax', path: '/api/auth/oidc/', maxAge: 600 }),
      },
    ]);
  });

  it('ends on the error page for an unknown provider, or when none are configured', async () => {
    oidc!.start.mockRejectedValue(new OidcError('oidc_unknown_provider', 'no provider'));
    expect((await start(get('/api/auth/oidc/x/start'), params('x'))).headers.get('location')).toBe(
      '/konto/log-ind/fejl?kode=oidc_unknown_provider',
    );
    oidc = null;
    const response = await start(get('/api/auth/oidc/x/start'), params('x'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/konto/log-ind/fejl?kode=oidc_unknown_provider');
    expect(sets).toEqual([]);
  });
});

describe('GET /api/auth/oidc/<provider>/callback', () => {
  it('finishes with the flow cookie and the previous session, sets the session cookie, clears the flow cookie and goes on', async () => {
    jar.set('samskriv_oidc', 'sealed');
    jar.set('samskriv_session', 'old-session');
    oidc!.finish.mockResolvedValue({ sessionId: 'new-session', person: { id: 'p_1' }, returnTo: '/d/abc', linked: 'created' });
    const response = await callback(get('/api/auth/oidc/mitid/callback?code=c&state=s'), params('mitid'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/d/abc');
    const [providerId, options] = oidc!.finish.mock.calls[0] as [string, { callbackUrl: URL } & Record<string, unknown>];
    expect(providerId).toBe('mitid');
    expect(options).toMatchObject({
      redirectUri: `${ORIGIN}/api/auth/oidc/mitid/callback`,
      flowCookie: 'sealed',
      previousSessionId: 'old-session',
    });
    expect(options.callbackUrl.search).toBe('?code=c&state=s');
    expect(sets.map((set) => [set.name, set.value, set.options.maxAge])).toEqual([
      ['samskriv_oidc', '', 0],
      ['samskriv_session', 'new-session', 30 * 24 * 60 * 60],
    ]);
  });

  it('turns a refusal into the error page, also an OidcError of another bundle’s class, and anything else into oidc_failed', async () => {
    class ForeignOidcError extends Error {
      override readonly name = 'OidcError';
      constructor(readonly code: string) {
        super('refused elsewhere');
      }
    }
    oidc!.finish.mockRejectedValueOnce(new ForeignOidcError('oidc_nonce_invalid'));
    expect((await callback(get('/api/auth/oidc/mitid/callback?state=s'), params('mitid'))).headers.get('location')).toBe(
      '/konto/log-ind/fejl?kode=oidc_nonce_invalid',
    );
    oidc!.finish.mockRejectedValueOnce(new ForeignOidcError('not_a_code'));
    expect((await callback(get('/api/auth/oidc/mitid/callback'), params('mitid'))).headers.get('location')).toBe(
      '/konto/log-ind/fejl?kode=oidc_failed',
    );
    oidc!.finish.mockRejectedValueOnce(new Error('database down'));
    const response = await callback(get('/api/auth/oidc/mitid/callback'), params('mitid'));
    expect(response.headers.get('location')).toBe('/konto/log-ind/fejl?kode=oidc_failed');
    expect(await response.text()).toBe('');
    expect(sets.filter((set) => set.name === 'samskriv_session')).toEqual([]);
  });
});
