/**
 * The language as a person's choice, in Chromium against the production build: a signed-out
 * browser that prefers English gets English pages with `<html lang="en">`; the header's
 * "Dansk / English" switch changes the language and the choice outlives a reload (a cookie); a
 * signed-in person's choice on /konto is kept on the account, so signing in on a fresh browser
 * (Danish by its Accept-Language, no cookie) shows English. No CSP violations.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { PASSWORD, WAIT_MS } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { signedInProfile } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { watchedContexts } from './helpers/watchedContexts';

let server: AppServer;
let browser: Browser;
const watched = watchedContexts();

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  await createFirstAdmin(server);
});
afterEach(() => {
  expect(watched.cspViolations).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});
afterAll(() => closeBrowserTest(watched.contexts, browser, server));

async function freshPage(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  watched.contexts.push(context);
  await watched.watch(context);
  return context.newPage();
}

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const waitForLang = (page: Page, wanted: string) =>
  page.waitForFunction((value) => document.documentElement.lang === value, wanted, { timeout: WAIT_MS });

describe('choosing the language', () => {
  it('follows an English browser when signed out, and the header switch changes and keeps the choice', async () => {
    const page = await freshPage('en-GB');
    await page.goto(`${server.url}/`);
    expect(await lang(page)).toBe('en');
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    const switcher = page.getByRole('banner').getByRole('form', { name: 'Language' });
    const english = switcher.getByRole('button', { name: 'English' });
    const danish = switcher.getByRole('button', { name: 'Dansk' });
    expect(await english.getAttribute('aria-current')).toBe('true');
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await danish.getAttribute('lang')).toBe('da');
    expect(await danish.getAttribute('aria-current')).toBeNull();

    await danish.click();
    await waitForLang(page, 'da');
    await page.getByRole('banner').getByRole('link', { name: 'Log ind' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('banner').getByRole('button', { name: 'Dansk' }).getAttribute('aria-current')).toBe('true');

    await page.reload();
    expect(await lang(page)).toBe('da');
    await page.getByRole('banner').getByRole('link', { name: 'Log ind' }).waitFor();
  });

  it('keeps a signed-in person’s choice on the account, so a fresh browser shows it after signing in', async () => {
    const karen = await signedInProfile(browser, server, 'Karen Sprog', { contexts: watched.contexts, setUp: watched.watch });
    const page = karen.page;
    await page.goto(`${server.url}/konto`);
    expect(await lang(page)).toBe('da');
    const section = page.getByRole('region', { name: 'Sprog' });
    await section.getByRole('button', { name: 'English' }).click();
    await waitForLang(page, 'en');
    expect(new URL(page.url()).pathname).toBe('/konto');
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    expect(await page.getByRole('region', { name: 'Language' }).getByRole('button', { name: 'English' }).getAttribute('aria-current')).toBe(
      'true',
    );

    // Another browser, Danish by its Accept-Language and without the cookie: the account decides.
    const fresh = await freshPage('da-DK');
    await fresh.goto(`${server.url}/konto/log-ind`);
    expect(await lang(fresh)).toBe('da');
    const form = fresh.getByRole('main');
    await form.getByLabel('E-mail', { exact: true }).fill(karen.email);
    await form.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Log ind' }).click();
    await fresh.getByRole('banner').getByText(`Signed in as ${karen.name}`).waitFor();
    await fresh.reload();
    expect(await lang(fresh)).toBe('en');
    await fresh.getByRole('banner').getByRole('link', { name: 'Your account' }).waitFor();
  });
});
