/**
 * Single sign-on over HTTP against the production server and a real OpenID provider (oidc-provider
 * on loopback, tests/helpers/startOidcProvider.ts): a cookie-keeping client follows the redirects a
 * browser follows, through GET /api/auth/oidc/<id>/start, the provider, and
 * /api/auth/oidc/<id>/callback, and then uses the session like any other. Also: forged state and
 * nonce end on the error page without a session, an unverified e-mail links nothing, a verified one
 * links and later sign-ins go by `sub`, and passwords are refused for roles that have them off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { da } from '../../lib/i18n/messages';
import { FLOW_COOKIE, FLOW_COOKIE_PATH, openFlow, sealFlow } from '../../lib/oidc/flowCookie';
import { CookieJar, followRedirects, visit } from '../helpers/redirectBrowser';
import { startOidcProvider, type TestOidcProvider } from '../helpers/startOidcProvider';
import { PASSWORD } from './helpers/editorPage';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let idp: TestOidcProvider;
const http = sessionHttp(() => server);

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: () => [`${server.url}/api/auth/oidc/test/callback`] });
  server = await startAppServer({
    env: {
      OIDC_PROVIDERS: JSON.stringify([
        {
          id: 'test',
          label: { da: 'Test-IdP', en: 'Test IdP' },
          issuer: idp.issuer,
          clientId: idp.clientId,
          clientSecret: idp.clientSecret,
          scopes: 'openid email profile roles',
          claims: { role: { claim: 'roles', values: { 'samskriv-staff': 'staff' } } },
        },
      ]),
      // Citizens may use passwords; staff, moderators and admins sign in through the provider only.
      PASSWORD_SIGN_IN_ROLES: 'citizen',
    },
  });
});
afterAll(async () => {
  await server?.stop();
  expect(idp?.errors ?? []).toEqual([]);
  await idp?.close();
});

const app = () => new URL(server.url);
const startUrl = (returnTo = '/') => new URL(`/api/auth/oidc/test/start?returnTo=${encodeURIComponent(returnTo)}`, server.url);
const isCallback = (url: URL) => url.origin === server.url && url.pathname === '/api/auth/oidc/test/callback';

/** A fresh browser signs in at the provider as `sub` and is sent back to the app's callback (not requested yet). */
async function toCallback(sub: string, returnTo = '/'): Promise<{ jar: CookieJar; callback: URL }> {
  const jar = new CookieJar();
  idp.nextLogin = sub;
  const { url, last } = await followRedirects(jar, startUrl(returnTo), isCallback);
  if (last) throw new Error(`${last.url.href} answered ${last.status}: ${last.body.slice(0, 500)}`);
  return { jar, callback: url };
}

/** The whole trip: where the app's callback sent the browser, and the session cookie it set (or ''). */
async function signInAs(sub: string, returnTo = '/'): Promise<{ location: string; session: string; jar: CookieJar }> {
  const { jar, callback } = await toCallback(sub, returnTo);
  const answer = await visit(jar, callback);
  expect(answer.status).toBe(303);
  // One flow, one answer: the flow cookie is gone whatever the outcome.
  expect(jar.get(app(), FLOW_COOKIE)).toBeUndefined();
  return {
    location: `${answer.location?.pathname ?? ''}${answer.location?.search ?? ''}`,
    session: jar.get(app(), 'samskriv_session') ?? '',
    jar,
  };
}

/** The account page as that session sees it. */
async function accountPage(session: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${server.url}/konto`, { redirect: 'manual', headers: { Cookie: `samskriv_session=${session}` } });
  return { status: response.status, html: await response.text() };
}

async function errorPage(location: string): Promise<string> {
  expect(location).toMatch(/^\/konto\/log-ind\/fejl\?kode=oidc_[a-z_]+$/);
  const response = await fetch(`${server.url}${location}`);
  expect(response.status).toBe(200);
  return response.text();
}

const htmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;');

describe('single sign-on with OpenID Connect (production server, real provider)', () => {
  it('shows one "Log ind med …" button above the password form on the sign-in page', async () => {
    const html = await (await fetch(`${server.url}/konto/log-ind`)).text();
    const button = html.indexOf('Log ind med Test-IdP');
    expect(button).toBeGreaterThan(-1);
    expect(html).toContain('href="/api/auth/oidc/test/start?returnTo=%2F"');
    expect(html.indexOf(da['account.sso.passwordHeading'])).toBeGreaterThan(button);
  });

  it('signs a new person in through the provider, back to where they were going, with a session that works', async () => {
    idp.accounts.set('sub-borger', { email: 'Borger@Eksempel.dk', email_verified: true, name: 'Bo Borger' });
    const { location, session } = await signInAs('sub-borger', '/notifikationer');
    expect(location).toBe('/notifikationer');
    expect(session).not.toBe('');
    const page = await accountPage(session);
    expect(page.status).toBe(200);
    expect(page.html).toContain('borger@eksempel.dk');
    expect(page.html).toContain('Bo Borger');
    // Like any session: it reads the person's notifications, and signing out ends it.
    expect((await http.send('GET', '/api/notifications', session)).status).toBe(200);
    expect((await http.send('POST', '/api/account/sign-out', session, {})).status).toBeLessThan(300);
    expect((await accountPage(session)).status).toBe(307);
  });

  it('gives staff from the provider the mapped role; passwords are refused for roles that have them off, but setup signs the first admin in', async () => {
    idp.accounts.set('sub-ansat', { email: 'ansat@kommune.dk', email_verified: true, name: 'Anne Ansat', roles: ['samskriv-staff'] });
    const { session } = await signInAs('sub-ansat');
    expect((await accountPage(session)).html).toContain('ansat@kommune.dk');

    // The setup link still creates and signs in the first admin with a password, although admins have them off…
    const admin = await createFirstAdmin(server);
    expect((await accountPage(admin)).status).toBe(200);
    const people = await http.send('GET', '/api/admin/people?q=ansat%40kommune.dk', admin);
    expect(people.body).toMatchObject({ people: [{ email: 'ansat@kommune.dk', role: 'staff' }] });
    // …but afterwards the admin's password (right as it is) is refused, with a pointer to the button.
    const adminSignIn = await http.send('POST', '/api/account/sign-in', undefined, { email: 'admin@eksempel.dk', password: PASSWORD });
    expect(adminSignIn).toMatchObject({
      status: 403,
      body: { error: { code: 'password_sign_in_off', message: da['error.password_sign_in_off'] } },
    });

    // A citizen signs in with a password until an admin makes them staff.
    const citizen = await http.signUp('snart.ansat@kommune.dk', 'Snart Ansat');
    const credentials = { email: 'snart.ansat@kommune.dk', password: PASSWORD };
    expect((await http.send('POST', '/api/account/sign-in', undefined, credentials)).status).toBe(200);
    expect((await http.send('PATCH', `/api/admin/people/${citizen.id}`, admin, { role: 'staff' })).status).toBe(200);
    expect(await http.send('POST', '/api/account/sign-in', undefined, credentials)).toMatchObject({
      status: 403,
      body: { error: { code: 'password_sign_in_off' } },
    });
    expect((await http.send('POST', '/api/account/sign-in', undefined, { ...credentials, password: 'forkert adgangskode' })).status).toBe(
      401,
    );
  });

  it('refuses a forged state: the error page, no session', async () => {
    idp.accounts.set('sub-state', { email: 'state@eksempel.dk', email_verified: true });
    const { jar, callback } = await toCallback('sub-state');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged');
    const answer = await visit(jar, forged);
    expect(answer.status).toBe(303);
    expect(jar.get(app(), 'samskriv_session')).toBeUndefined();
    const html = await errorPage(`${answer.location?.pathname}${answer.location?.search}`);
    expect(answer.location?.search).toBe('?kode=oidc_state_invalid');
    expect(html).toContain(htmlText(da['error.oidc_state_invalid']));
    expect(html).not.toContain('OidcError');
  });

  it('refuses an answer whose nonce is not the flow’s (the flow cookie tampered with under the server’s key)', async () => {
    idp.accounts.set('sub-nonce', { email: 'nonce@eksempel.dk', email_verified: true });
    const { jar, callback } = await toCallback('sub-nonce');
    const flow = openFlow(jar.get(app(), FLOW_COOKIE), server.secret, Date.now());
    expect(flow).not.toBeNull();
    jar.set(app(), FLOW_COOKIE, sealFlow({ ...flow!, nonce: 'another-nonce' }, server.secret), FLOW_COOKIE_PATH);
    const answer = await visit(jar, callback);
    expect(answer.location?.search).toBe('?kode=oidc_nonce_invalid');
    expect(jar.get(app(), 'samskriv_session')).toBeUndefined();
    expect(await errorPage(`${answer.location?.pathname}${answer.location?.search}`)).toContain(htmlText(da['error.oidc_nonce_invalid']));
  });

  it('refuses a callback without the flow cookie (another browser) and a provider that is not configured', async () => {
    idp.accounts.set('sub-cookie', { email: 'cookie@eksempel.dk', email_verified: true });
    const { callback } = await toCallback('sub-cookie');
    const elsewhere = await visit(new CookieJar(), callback);
    expect(elsewhere.location?.search).toBe('?kode=oidc_state_missing');
    const unknown = await visit(new CookieJar(), new URL('/api/auth/oidc/ukendt/start', server.url));
    expect(unknown.location?.search).toBe('?kode=oidc_unknown_provider');
  });

  it('links no account by an unverified e-mail; links by a verified one, and later goes by sub when the e-mail changes', async () => {
    const karen = await http.signUp('karen@eksempel.dk', 'Karen Blixen');
    idp.accounts.set('sub-falsk', { email: 'karen@eksempel.dk', email_verified: false, name: 'Ikke Karen' });
    const refused = await signInAs('sub-falsk');
    expect(refused.session).toBe('');
    expect(refused.location).toBe('/konto/log-ind/fejl?kode=oidc_email_unverified_taken');
    expect(await errorPage(refused.location)).toContain(htmlText(da['error.oidc_email_unverified_taken']));

    idp.accounts.set('sub-karen', { email: 'karen@eksempel.dk', email_verified: true, name: 'K. Blixen' });
    const linked = await signInAs('sub-karen');
    const page = await accountPage(linked.session);
    expect(page.html).toContain('karen@eksempel.dk');
    expect(page.html).toContain('Karen Blixen');
    // Her sign-up session ended with the link (whoever signed up may not have owned the address).
    expect((await accountPage(karen.session)).status).toBe(307);

    idp.accounts.set('sub-karen', { email: 'karen.ny@eksempel.dk', email_verified: true });
    const again = await signInAs('sub-karen');
    expect((await accountPage(again.session)).html).toContain('karen@eksempel.dk');
  });
});
