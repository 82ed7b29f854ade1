/**
 * The admin page in real Chromium against the production server: an admin signs in, finds a
 * person by search and disables them (their open editor turns read-only),
 * creates a business with a valid CVR number and adds a member, who then acts for it and is
 * shown as "Navn (Organisation)" in another person's presence list. No page of the app (the admin
 * page, the start page, the editor, the account pages, moderation, the høringsnotat, an embed)
 * reports a Content-Security-Policy violation, an eval attempt a library catches included. Each
 * test makes its own people, document and organisation, so any one runs alone; every test's pages
 * must report no CSP violation (afterEach).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { collectCspViolations, settle } from './helpers/cspViolations';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { createDocumentOverHttp, grantOverHttp, signedInProfile, uniqueEmail, type SignedInProfile } from './helpers/signedInProfile';
import { closeBarDialog, openShareDialog } from './helpers/documentBar';
import { EDITOR, WAIT_MS, createBlankDocument, signInHere, signUp, waitForEditable } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const contexts: BrowserContext[] = [];
/** CSP violations the pages of the running test reported. */
const cspViolations: string[] = [];

async function watched(context: BrowserContext): Promise<void> {
  context.setDefaultTimeout(WAIT_MS);
  await collectCspViolations(context, cspViolations);
}

/** A signed-out browser profile. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await watched(context);
  return context.newPage();
}

/** A new person signed in (made over HTTP) in a watched browser profile of their own. */
const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watched });

/** A browser profile signed in as the platform's admin (Ada Admin, made in beforeAll), on /admin. */
async function adminOnAdminPage(): Promise<Page> {
  const admin = await newPage();
  await admin.context().addCookies([{ name: 'samskriv_session', value: adminSession, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  await admin.goto(`${server.url}/admin`);
  await admin.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
  return admin;
}

/** Anna's document (over HTTP), shared with the others as editors: its address. */
async function sharedDocument(owner: SignedInProfile, ...others: SignedInProfile[]): Promise<string> {
  const documentId = await createDocumentOverHttp(server, owner.session, 'Tilbud på nyt tag');
  for (const other of others) await grantOverHttp(server, owner.session, documentId, other.email, 'editor');
  return `${server.url}/d/${documentId}`;
}

/** Carl, a member of the business Tømrer Nielsen ApS (made over HTTP): the organisation's id. */
async function memberOfBusiness(carl: SignedInProfile): Promise<string> {
  const { send } = sessionHttp(() => server);
  const created = await send('POST', '/api/admin/organisations', adminSession, {
    name: 'Tømrer Nielsen ApS',
    kind: 'business',
    cvr: '31582717',
  });
  expect(created.status).toBe(201);
  const organisationId = (created.body?.organisation as { id: string }).id;
  const added = await send('POST', `/api/admin/organisations/${organisationId}/members`, adminSession, { email: carl.email });
  expect(added.status).toBeLessThan(300);
  return organisationId;
}

/** Opens a page, waits for what shows it is ready, and checks it reported no CSP violation. */
async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>): Promise<void> {
  const before = cspViolations.length;
  await page.goto(`${server.url}${path}`);
  await ready(page);
  await settle(page);
  expect(cspViolations.slice(before), path).toEqual([]);
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { name, level: 1 }).waitFor();

/** Gives a person editor access from "Del" in the top bar of the document open on `owner`. */
async function share(owner: Page, email: string, shown: string): Promise<void> {
  const dialog = await openShareDialog(owner);
  const panel = owner.getByTestId('share-panel');
  await panel.getByLabel('E-mail på den, du vil give adgang').fill(email);
  await panel.getByLabel('Rolle').selectOption('editor');
  await panel.getByRole('button', { name: 'Giv adgang' }).click();
  await panel.getByText(shown).waitFor();
  await closeBarDialog(owner, dialog);
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('the admin page in the browser', () => {
  it('three people sign up; one shares a document with the other two, who open it', async () => {
    const [anna, bent, carl] = await Promise.all([newPage(), newPage(), newPage()]);
    const [bentEmail, carlEmail] = [uniqueEmail('Bent Hansen'), uniqueEmail('Carl Nielsen')];
    await signUp(anna, server.url, 'Anna Jensen', uniqueEmail('Anna Jensen'));
    await signUp(bent, server.url, 'Bent Hansen', bentEmail);
    await signUp(carl, server.url, 'Carl Nielsen', carlEmail);
    const documentUrl = (await createBlankDocument(anna, 'Tilbud på nyt tag')).url;
    await share(anna, bentEmail, `Bent Hansen (${bentEmail}) – Kan redigere`);
    await share(anna, carlEmail, `Carl Nielsen (${carlEmail}) – Kan redigere`);
    await bent.goto(documentUrl);
    await Promise.all([waitForEditable(anna), waitForEditable(bent)]);
    await anna.getByTestId('presence-list').getByText('Bent Hansen').waitFor();
  });

  it('an admin signs in, finds a person by search and disables them: their editor turns read-only', async () => {
    const [anna, bentProfile] = [await person('Anna Jensen'), await person('Bent Hansen')];
    const documentUrl = await sharedDocument(anna, bentProfile);
    const bent = bentProfile.page;
    await bent.goto(documentUrl);
    await waitForEditable(bent);

    const admin = await newPage();
    await admin.goto(`${server.url}/konto/log-ind`);
    await signInHere(admin, 'admin@eksempel.dk');
    await admin.getByText('Logget ind som Ada Admin').waitFor();
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();

    // Bent's own address: other tests of this file make other Bents.
    const query = bentProfile.email.split('@')[0] + '@';
    const people = admin.getByTestId('admin-people');
    await people.getByLabel('Søg efter navn eller e-mail').fill(query);
    await people.getByRole('button', { name: 'Søg' }).click();
    await admin.waitForURL(/\/admin\?q=bent/);
    await people.getByText('1 person i alt').waitFor();
    const row = people.getByRole('row', { name: /Bent Hansen/ });
    expect(await row.getByRole('cell', { name: bentProfile.email }).count()).toBe(1);
    await row.getByRole('button', { name: 'Spær Bent Hansen' }).click();
    await row.getByRole('cell', { name: 'Spærret' }).waitFor();

    await bent.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    await bent.getByText('Du er ikke længere logget ind').waitFor();
  });

  it('the last admin cannot be demoted, and the page says why', async () => {
    const admin = await adminOnAdminPage();
    const people = admin.getByTestId('admin-people');
    await people.getByLabel('Søg efter navn eller e-mail').fill('admin@');
    await people.getByRole('button', { name: 'Søg' }).click();
    await admin.waitForURL(/\/admin\?q=admin%40/);
    const row = people.getByRole('row', { name: /Ada Admin/ });
    await row.getByLabel('Rolle for Ada Admin', { exact: true }).selectOption('citizen');
    await row.getByRole('button', { name: 'Gem rolle for Ada Admin' }).click();
    await people.getByRole('alert').getByText('Platformen skal have mindst én aktiv administrator').waitFor();
  });

  it('an admin creates a business with a valid CVR number (after a wrong one) and adds a member', async () => {
    const carl = await person('Carl Nielsen');
    const admin = await adminOnAdminPage();
    // A name of its own: other tests of this file make a Tømrer Nielsen ApS too.
    const business = `Tømrer Nielsen ApS ${carl.email.split('@')[0]}`;
    const organisations = admin.getByTestId('admin-organisations');
    await organisations.getByLabel('Navn på organisationen').fill(business);
    await organisations.getByLabel('Slags').selectOption('business');
    await organisations.getByLabel('CVR-nummer').fill('1234 5678');
    await organisations.getByRole('button', { name: 'Opret organisation' }).click();
    await organisations.getByRole('alert').getByText('CVR-nummeret er ikke gyldigt').waitFor();
    await organisations.getByLabel('CVR-nummer').fill('3158 2717');
    await organisations.getByRole('button', { name: 'Opret organisation' }).click();
    await organisations.getByRole('heading', { name: business, exact: true }).waitFor();
    await organisations.getByText('CVR 31582717').first().waitFor();

    await organisations.getByLabel(`E-mail på et nyt medlem af ${business}`).fill(carl.email);
    await organisations.getByRole('button', { name: 'Tilføj medlem' }).click();
    await organisations.getByText(`Carl Nielsen (${carl.email})`).waitFor();
  });

  it('the member acts for the business and is shown as "Navn (Organisation)" in another person’s presence list', async () => {
    const [annaProfile, carlProfile] = [await person('Anna Jensen'), await person('Carl Nielsen')];
    await memberOfBusiness(carlProfile);
    const documentUrl = await sharedDocument(annaProfile, carlProfile);
    const [anna, carl] = [annaProfile.page, carlProfile.page];
    await anna.goto(documentUrl);
    await waitForEditable(anna);

    await carl.goto(`${server.url}/konto`);
    const acting = carl.getByTestId('acting-for');
    await acting.getByLabel('På vegne af Tømrer Nielsen ApS').check();
    await acting.getByRole('button', { name: 'Gem valg' }).click();
    await acting.getByText('Du skriver nu som Carl Nielsen (Tømrer Nielsen ApS).').waitFor();
    await carl.locator('.site-header').getByText('Logget ind som Carl Nielsen (Tømrer Nielsen ApS)').waitFor();

    await carl.goto(documentUrl);
    await waitForEditable(carl);
    await anna.getByTestId('presence-list').getByText('Carl Nielsen (Tømrer Nielsen ApS)').waitFor();
    await carl.getByTestId('presence-list').getByText('Carl Nielsen (Tømrer Nielsen ApS) (dig)').waitFor();
  });

  it('the member switches back to writing as himself from the header menu', async () => {
    const [annaProfile, carlProfile] = [await person('Anna Jensen'), await person('Carl Nielsen')];
    const organisationId = await memberOfBusiness(carlProfile);
    const acting = await sessionHttp(() => server).send('PUT', '/api/account/acting-for', carlProfile.session, { organisationId });
    expect(acting.status).toBeLessThan(300);
    const [anna, carl] = [annaProfile.page, carlProfile.page];
    await Promise.all([anna.goto(`${server.url}/`), carl.goto(`${server.url}/`)]);
    const header = carl.locator('.site-header');
    await header.getByText('Logget ind som Carl Nielsen (Tømrer Nielsen ApS)').waitFor();
    await anna.locator('.site-header').getByText('Logget ind som Anna Jensen').waitFor();

    const choice = header.getByLabel('Skriv som');
    expect(await choice.inputValue()).not.toBe('');
    await choice.selectOption({ label: 'Som mig selv (Carl Nielsen)' });
    await header.getByText('Logget ind som Carl Nielsen', { exact: true }).waitFor();
    expect(await header.getByLabel('Skriv som').inputValue()).toBe('');
    // People in no organisation get no such menu.
    expect(await anna.locator('.site-header').getByLabel('Skriv som').count()).toBe(0);
  });

  it('an admin creates an API key, sees it once, and revokes it after confirming: the key stops working', async () => {
    const admin = await adminOnAdminPage();
    const keys = admin.getByTestId('admin-api-keys');
    await keys.getByLabel('Navn på nøglen (fx platformens navn)').fill('Borgerportalen');
    await keys.getByLabel('Oprette dokumenter (documents:write)').uncheck();
    await keys.getByRole('button', { name: 'Opret API-nøgle' }).click();
    const shown = keys.getByTestId('new-api-key');
    await shown.getByText('Nøglen vises kun denne ene gang').waitFor();
    const rawKey = await shown.getByLabel('API-nøglen Borgerportalen').inputValue();
    expect(rawKey).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const row = keys.getByRole('row', { name: /Borgerportalen/ });
    await row.getByText('documents:read, access:write, tokens:mint').waitFor();
    expect(await row.textContent()).not.toContain(rawKey);

    const list = (key: string) => fetch(`${server.url}/api/v1/documents`, { headers: { Authorization: `Bearer ${key}` } });
    expect((await list(rawKey)).status).toBe(200);

    await shown.getByRole('button', { name: 'Jeg har gemt nøglen' }).click();
    expect(await keys.getByTestId('new-api-key').count()).toBe(0);
    await row.getByRole('button', { name: 'Tilbagekald Borgerportalen' }).click();
    await row.getByText('Platforme, der bruger nøglen, mister adgangen med det samme.', { exact: false }).waitFor();
    await row.getByRole('button', { name: 'Fortryd' }).click();
    expect((await list(rawKey)).status).toBe(200);
    await row.getByRole('button', { name: 'Tilbagekald Borgerportalen' }).click();
    await row.getByRole('button', { name: 'Ja, tilbagekald Borgerportalen' }).click();
    await row.getByRole('cell', { name: 'Tilbagekaldt' }).waitFor();
    expect((await list(rawKey)).status).toBe(401);
  });

  it('no page reports a CSP violation: the admin page, the start page, the editor, account pages, moderation, the høringsnotat, an embed', async () => {
    const annaProfile = await person('Anna Jensen');
    const documentUrl = await sharedDocument(annaProfile);
    const [admin, anna] = [await adminOnAdminPage(), annaProfile.page];
    const anyHeading = (page: Page) => page.locator('h1').first().waitFor();
    const editable = (page: Page) => waitForEditable(page);
    await visit(admin, '/admin', heading('Administration'));
    await admin.getByTestId('admin-people').getByLabel('Søg efter navn eller e-mail').fill(annaProfile.email);
    await admin.getByTestId('admin-people').getByRole('button', { name: 'Søg' }).click();
    await admin.getByTestId('admin-people').getByText('1 person i alt').waitFor();
    await settle(admin);
    await visit(admin, '/', anyHeading);
    await visit(admin, '/konto', heading('Din konto'));
    await visit(admin, '/moderering', heading('Moderering'));
    const documentPath = new URL(documentUrl).pathname;
    await visit(anna, documentPath, editable);
    await visit(anna, `${documentPath}/hoeringsnotat`, heading(/^Høringsnotat: /));

    const documentId = documentPath.split('/').pop() ?? '';
    const token = await mintSyncToken(
      { sub: 'borger.dk:7', name: 'Borger på kommunens side', doc: documentId, access: 'edit' },
      server.secret,
    );
    const guest = await newPage();
    await visit(guest, `/embed/${documentId}?token=${encodeURIComponent(token)}`, editable);
    await visit(guest, '/konto/log-ind', heading('Log ind'));
    await visit(guest, '/konto/opret', heading('Opret en konto'));
    await visit(guest, '/konto/nulstil?token=ikke-en-rigtig-noegle', heading('Vælg en ny adgangskode'));
    await visit(guest, '/invitation/ikke-en-rigtig-invitation', anyHeading);
  });
});
