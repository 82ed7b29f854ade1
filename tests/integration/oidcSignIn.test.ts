/**
 * Single sign-on against a real OpenID provider (oidc-provider on loopback, tests/helpers/
 * startOidcProvider.ts): the sign-in service (server/oidc/createOidcSignIn.ts) starts the flow, a
 * cookie-keeping HTTP client plays the browser at the provider, and the service finishes with the
 * provider's real answer. Proves the checks (state, nonce, provider errors) and the linking rule;
 * tests/e2e/oidcHttp.test.ts proves the routes and the session in the built app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformRole } from '../../lib/access/model';
import { openFlow, sealFlow } from '../../lib/oidc/flowCookie';
import { OidcError, type OidcErrorCode } from '../../lib/oidc/OidcError';
import type { OidcSignIn } from '../../lib/oidc/OidcSignIn';
import { oidcProviderSchema } from '../../lib/oidc/providersSchema';
import { createLogger } from '../../server/logger';
import { createOidcSignIn } from '../../server/oidc/createOidcSignIn';
import { MemoryIdentityLinkStore } from '../../server/oidc/MemoryIdentityLinkStore';
import { createAccessEvents, type AccessRevoked } from '../../server/people/accessEvents';
import { createAccountService } from '../../server/people/createAccountService';
import { createSessionService } from '../../server/people/createSessionService';
import { MemoryAccountStore } from '../../server/people/MemoryAccountStore';
import { cheapHasher } from '../helpers/cheapHasher';
import { CookieJar, followRedirects } from '../helpers/redirectBrowser';
import { startOidcProvider, type TestOidcProvider } from '../helpers/startOidcProvider';

const SECRET = 'oidc-integration-secret-'.padEnd(48, 'x');
const REDIRECT_URI = 'http://127.0.0.1:9/api/auth/oidc/test/callback';
const PASSWORD = 'korrekt hest batteri';

let idp: TestOidcProvider;

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: [REDIRECT_URI] });
});
afterAll(async () => {
  expect(idp.errors).toEqual([]);
  await idp.close();
});

function fixture(providerOverrides: Record<string, unknown> = {}) {
  const store = new MemoryAccountStore();
  const links = new MemoryIdentityLinkStore();
  const events = createAccessEvents();
  const revoked: AccessRevoked[] = [];
  events.onAccessRevoked((event) => revoked.push(event));
  const passwords = cheapHasher();
  const provider = oidcProviderSchema.parse({
    id: 'test',
    label: 'Test-IdP',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    scopes: 'openid email profile roles',
    ...providerOverrides,
  });
  const oidc = createOidcSignIn({ providers: [provider], store, links, secret: SECRET, events, logger: createLogger('silent'), passwords });
  const sessions = createSessionService({ store, events, passwords });
  const accounts = createAccountService({ store, events, passwords });
  async function addPerson(email: string, role: PlatformRole = 'citizen') {
    const at = new Date().toISOString();
    return store.createPerson({
      id: `p_${email.split('@')[0]}`,
      email,
      name: `Person ${email}`,
      passwordHash: await passwords.hash(PASSWORD),
      role,
      disabled: false,
      createdAt: at,
      updatedAt: at,
    });
  }
  return { store, links, revoked, oidc, sessions, accounts, addPerson };
}

/** A browser's trip: start, the provider's login (as `sub`), back to the callback URL (not requested). */
async function throughProvider(oidc: OidcSignIn, sub: string | null, returnTo = '/d/abc') {
  idp.nextLogin = sub;
  const { url, flowCookie } = await oidc.start('test', { redirectUri: REDIRECT_URI, returnTo });
  const jar = new CookieJar();
  const { url: callbackUrl, last } = await followRedirects(jar, new URL(url), (next) => next.href.startsWith(REDIRECT_URI));
  if (last) throw new Error(`the provider answered ${last.status} at ${last.url.pathname}: ${last.body.slice(0, 500)}`);
  return { callbackUrl, flowCookie };
}

async function signIn(oidc: OidcSignIn, sub: string | null) {
  const { callbackUrl, flowCookie } = await throughProvider(oidc, sub);
  return oidc.finish('test', { redirectUri: REDIRECT_URI, callbackUrl, flowCookie });
}

async function refusal(work: Promise<unknown>): Promise<OidcErrorCode> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(OidcError);
    return (error as OidcError).code;
  }
  throw new Error('the sign-in was not refused');
}

describe('OpenID Connect sign-in against a real provider', () => {
  it('creates the account on the first sign-in with the mapped name, e-mail and role, and starts a working session', async () => {
    const people = fixture({ claims: { role: { claim: 'roles', values: { 'samskriv-staff': 'staff' } } } });
    idp.accounts.set('sub-ny', { email: 'Ny.Ansat@Kommune.dk', email_verified: true, name: 'Ny Ansat', roles: ['samskriv-staff'] });
    const signedIn = await signIn(people.oidc, 'sub-ny');
    expect(signedIn).toMatchObject({
      returnTo: '/d/abc',
      linked: 'created',
      person: { email: 'ny.ansat@kommune.dk', name: 'Ny Ansat', role: 'staff' },
    });
    const resolved = await people.sessions.resolve(signedIn.sessionId);
    expect(resolved?.person.id).toBe(signedIn.person.id);
    expect(await people.links.get('test', 'sub-ny')).toMatchObject({ personId: signedIn.person.id, email: 'ny.ansat@kommune.dk' });
    // The next sign-in goes by the link.
    expect(await signIn(people.oidc, 'sub-ny')).toMatchObject({ linked: 'existing', person: { id: signedIn.person.id } });
  });

  it('refuses a forged state without asking the provider for tokens, and a missing or foreign flow cookie', async () => {
    const people = fixture();
    idp.accounts.set('sub-state', { email: 'state@example.dk', email_verified: true });
    const { callbackUrl, flowCookie } = await throughProvider(people.oidc, 'sub-state');
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'forged-state');
    expect(await refusal(people.oidc.finish('test', { redirectUri: REDIRECT_URI, callbackUrl: forged, flowCookie }))).toBe(
      'oidc_state_invalid',
    );
    expect(await refusal(people.oidc.finish('test', { redirectUri: REDIRECT_URI, callbackUrl, flowCookie: undefined }))).toBe(
      'oidc_state_missing',
    );
    const other = sealFlow({ ...openFlow(flowCookie, SECRET, Date.now())!, providerId: 'other' }, SECRET);
    expect(await refusal(people.oidc.finish('test', { redirectUri: REDIRECT_URI, callbackUrl, flowCookie: other }))).toBe(
      'oidc_state_missing',
    );
    // The code was never spent: the untouched answer still signs in.
    expect(await people.oidc.finish('test', { redirectUri: REDIRECT_URI, callbackUrl, flowCookie })).toMatchObject({
      person: { email: 'state@example.dk' },
    });
  });

  it('refuses an ID token whose nonce is not the one this flow sent', async () => {
    const people = fixture();
    idp.accounts.set('sub-nonce', { email: 'nonce@example.dk', email_verified: true });
    const { callbackUrl, flowCookie } = await throughProvider(people.oidc, 'sub-nonce');
    const tampered = sealFlow({ ...openFlow(flowCookie, SECRET, Date.now())!, nonce: 'another-nonce' }, SECRET);
    expect(await refusal(people.oidc.finish('test', { redirectUri: REDIRECT_URI, callbackUrl, flowCookie: tampered }))).toBe(
      'oidc_nonce_invalid',
    );
    expect(await people.store.getPersonByEmail('nonce@example.dk')).toBeNull();
  });

  it('refuses a PKCE verifier that is not the one the challenge was made from', async () => {
    const people = fixture();
    idp.accounts.set('sub-pkce', { email: 'pkce@example.dk', email_verified: true });
    const { callbackUrl, flowCookie } = await throughProvider(people.oidc, 'sub-pkce');
    const tampered = sealFlow({ ...openFlow(flowCookie, SECRET, Date.now())!, codeVerifier: 'x'.repeat(43) }, SECRET);
    expect(await refusal(people.oidc.finish('test', { redirectUri: REDIRECT_URI, callbackUrl, flowCookie: tampered }))).toBe(
      'oidc_response_invalid',
    );
    expect(await people.store.getPersonByEmail('pkce@example.dk')).toBeNull();
  });

  it('ends on the provider’s own refusal (the person cancels)', async () => {
    const people = fixture();
    expect(await refusal(signIn(people.oidc, null))).toBe('oidc_provider_error');
  });

  it('never links an existing account by an unverified e-mail, nor creates one from it', async () => {
    const people = fixture();
    const karen = await people.addPerson('karen@example.dk');
    idp.accounts.set('sub-fake-karen', { email: 'karen@example.dk', email_verified: false, name: 'Ikke Karen' });
    expect(await refusal(signIn(people.oidc, 'sub-fake-karen'))).toBe('oidc_email_unverified_taken');
    expect(await people.links.get('test', 'sub-fake-karen')).toBeNull();
    expect(await people.accounts.signIn({ email: karen.email, password: PASSWORD, ip: '192.0.2.1' })).toMatchObject({ ok: true });
    idp.accounts.set('sub-unverified', { email: 'ny@example.dk', email_verified: false });
    expect(await refusal(signIn(people.oidc, 'sub-unverified'))).toBe('oidc_email_unverified');
    expect(await people.store.getPersonByEmail('ny@example.dk')).toBeNull();
  });

  it('links an existing account by a verified e-mail (ending its password and sessions), then goes by sub even when the e-mail changes', async () => {
    const people = fixture();
    const ole = await people.addPerson('ole@example.dk');
    const other = await people.addPerson('andre@example.dk');
    const before = await people.accounts.signIn({ email: ole.email, password: PASSWORD, ip: '192.0.2.1' });
    if (!before.ok) throw new Error('Ole could not sign in');
    idp.accounts.set('sub-ole', { email: 'OLE@example.dk', email_verified: true, name: 'Ole fra IdP' });
    const first = await signIn(people.oidc, 'sub-ole');
    expect(first).toMatchObject({ linked: 'linked', person: { id: ole.id, name: ole.name } });
    // Whoever made the account may not have owned the address: their password and sessions end.
    expect(await people.sessions.resolve(before.sessionId)).toBeNull();
    expect(people.revoked).toContainEqual(expect.objectContaining({ personId: ole.id }));
    expect(await people.accounts.signIn({ email: ole.email, password: PASSWORD, ip: '192.0.2.2' })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
    expect((await people.sessions.resolve(first.sessionId))?.person.id).toBe(ole.id);

    // The provider now sends another person's address (verified, even): the link decides, not the e-mail.
    idp.accounts.set('sub-ole', { email: other.email, email_verified: true, name: 'Ole fra IdP' });
    expect(await signIn(people.oidc, 'sub-ole')).toMatchObject({ linked: 'existing', person: { id: ole.id, email: 'ole@example.dk' } });
    idp.accounts.set('sub-ole', { email: 'ole.ny@example.dk', email_verified: false });
    expect(await signIn(people.oidc, 'sub-ole')).toMatchObject({ linked: 'existing', person: { id: ole.id } });
  });

  it('refuses a disabled account and a role the provider may not sign in', async () => {
    const people = fixture({ allowedRoles: ['citizen'] });
    const disabled = await people.addPerson('spaerret@example.dk');
    await people.store.updatePerson(disabled.id, { disabled: true });
    idp.accounts.set('sub-disabled', { email: disabled.email, email_verified: true });
    expect(await refusal(signIn(people.oidc, 'sub-disabled'))).toBe('oidc_account_disabled');
    const staff = await people.addPerson('medarbejder@example.dk', 'staff');
    idp.accounts.set('sub-staff', { email: staff.email, email_verified: true });
    expect(await refusal(signIn(people.oidc, 'sub-staff'))).toBe('oidc_role_not_allowed');
    // Refused before anything changed: no link, and the password still works.
    expect(await people.links.get('test', 'sub-disabled')).toBeNull();
    expect(await people.links.get('test', 'sub-staff')).toBeNull();
    expect(await people.accounts.signIn({ email: staff.email, password: PASSWORD, ip: '192.0.2.1' })).toMatchObject({ ok: true });
    // Nor is an account created with a role the provider may not sign in.
    const staffOnly = fixture({ allowedRoles: ['staff'] });
    idp.accounts.set('sub-new-citizen', { email: 'ny.borger@example.dk', email_verified: true });
    expect(await refusal(signIn(staffOnly.oidc, 'sub-new-citizen'))).toBe('oidc_role_not_allowed');
    expect(await staffOnly.store.getPersonByEmail('ny.borger@example.dk')).toBeNull();
  });

  it('trusts the e-mail of a provider configured to (trustEmail), and refuses an unknown provider', async () => {
    const people = fixture({ trustEmail: true });
    idp.accounts.set('sub-entra', { email: 'entra@kommune.dk', name: 'Entra Person' });
    expect(await signIn(people.oidc, 'sub-entra')).toMatchObject({ linked: 'created', person: { email: 'entra@kommune.dk' } });
    expect(await refusal(people.oidc.start('nope', { redirectUri: REDIRECT_URI, returnTo: '/' }))).toBe('oidc_unknown_provider');
  });
});
