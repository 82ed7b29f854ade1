/**
 * What a person sees after signing up (issue 10, item 7), in Chromium against the production build:
 * a new account is signed in and lands where it was going; a sign-up with an e-mail that has an
 * account already gets the same answer from the server, is not signed in, and lands on the sign-in
 * page with a note on what to do. A name that imitates an organisation is refused with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { PASSWORD, signUp } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK' });
  contexts.push(context);
  return context.newPage();
}

async function fillSignUp(page: Page, name: string, email: string, password: string): Promise<void> {
  await page.goto(`${server.url}/konto/opret`);
  await page.getByLabel('Dit navn').fill(name);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Opret konto' }).click();
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});
afterAll(() => closeBrowserTest(contexts, browser, server));

describe('signing up in the browser', () => {
  it('signs a new account in; a taken e-mail lands signed out on the sign-in page with what to do', async () => {
    const owner = await newPage();
    await signUp(owner, server.url, 'Olga Ejer', 'olga@eksempel.dk');
    // Through the sign-in page, which sends a signed-in person straight on to where they were going.
    await owner.waitForURL((url) => url.pathname === '/');

    const other = await newPage();
    await fillSignUp(other, 'Olga Ejer', 'olga@eksempel.dk', `${PASSWORD} men en anden`);
    await other.getByText('Du er ikke logget ind. Har e-mailen allerede en konto').waitFor();
    expect(new URL(other.url()).pathname).toBe('/konto/log-ind');
    expect(await other.getByText('Logget ind som').count()).toBe(0);
  });

  it('refuses a name with an organisation in brackets, saying why', async () => {
    const page = await newPage();
    await fillSignUp(page, 'Pia Poser (Foreningen X)', 'pia@eksempel.dk', PASSWORD);
    await page.getByRole('alert').getByText('Skriv kun dit eget navn, uden organisation i parentes.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/konto/opret');
  });
});
