/**
 * Single sign-on in Chromium against the production build and a real OpenID provider
 * (oidc-provider on loopback): the "Log ind med …" button takes the person through the provider and
 * back to where they were going, signed in; a sign-in the person cancels at the provider ends on a
 * page that says so in words, with a way back. No CSP violations on the way.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { da } from '../../lib/i18n/messages';
import { startOidcProvider, type TestOidcProvider } from '../helpers/startOidcProvider';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { launchChromium } from './helpers/launchChromium';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { watchedContexts } from './helpers/watchedContexts';

let server: AppServer;
let browser: Browser;
let idp: TestOidcProvider;
const watched = watchedContexts();

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUris: () => [`${server.url}/api/auth/oidc/test/callback`] });
  server = await startAppServer({
    env: {
      OIDC_PROVIDERS: JSON.stringify([
        { id: 'test', label: 'Test-IdP', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
      ]),
    },
  });
  browser = await launchChromium();
});
afterEach(() => {
  expect(watched.cspViolations).toEqual([]);
});
afterAll(async () => {
  await closeBrowserTest(watched.contexts, browser, server);
  expect(idp?.errors ?? []).toEqual([]);
  await idp?.close();
});

describe('single sign-on in the browser', () => {
  it('signs in with the provider’s button and lands where the person was going', async () => {
    idp.accounts.set('sub-browser', { email: 'browser@eksempel.dk', email_verified: true, name: 'Birte Browser' });
    idp.nextLogin = 'sub-browser';
    const page = await watched.newPage(browser);
    await page.goto(`${server.url}/konto/log-ind?next=${encodeURIComponent('/notifikationer')}`);
    await page.getByRole('navigation', { name: da['account.sso.nav'] }).getByRole('link', { name: 'Log ind med Test-IdP' }).click();
    await page.waitForURL((url) => url.origin === server.url && url.pathname === '/notifikationer');
    await page.goto(`${server.url}/konto`);
    await page.getByText('browser@eksempel.dk').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/konto');
    expect(await page.getByText('Birte Browser').count()).toBeGreaterThan(0);
  });

  it('ends a sign-in the person cancels at the provider on a page that says so, with a way back', async () => {
    idp.nextLogin = null;
    const page = await watched.newPage(browser);
    await page.goto(`${server.url}/konto/log-ind`);
    await page.getByRole('link', { name: 'Log ind med Test-IdP' }).click();
    await page.waitForURL((url) => url.origin === server.url && url.pathname === '/konto/log-ind/fejl');
    await page.getByRole('heading', { level: 1, name: da['account.sso.error.heading'] }).waitFor();
    expect(await page.locator('[data-code]').textContent()).toBe(da['error.oidc_provider_error']);
    await page.getByRole('link', { name: da['account.sso.error.retry'] }).click();
    await page.waitForURL((url) => url.pathname === '/konto/log-ind');
  });
});
