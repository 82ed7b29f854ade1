/**
 * "Everyone can use it" (session 9) in real Chromium against the production server: every main
 * page (start, a document, /konto, /admin, a public page, the accessibility statement, sign-in) has
 * exactly one h1, a nav landmark and a footer (contentinfo) linking the accessibility statement;
 * a used setup link says so at once; the start page shows a consultation's closing date beside
 * its phase; an API key's date reads like every other date; at 1280 px the header keeps the
 * "Skriv som" control whole; and on a 390 px phone no main page scrolls sideways and the header
 * stays small.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { formatShortDay } from '../../app/_consultation/consultationDeadlineText';
import { formatDate } from '../../lib/i18n/formatDate';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { consultationDocument, type ConsultationDocument } from './helpers/consultationDocument';
import { signedInProfile } from './helpers/signedInProfile';
import { EDITOR, WAIT_MS } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
let adminSession = '';
let consultation: ConsultationDocument;
const contexts: BrowserContext[] = [];

/** A browser profile at the given size, signed in as the admin unless `signedOut`. */
async function newPage(viewport: { width: number; height: number }, signedOut = false): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  if (!signedOut) {
    await context.addCookies([{ name: 'samskriv_session', value: adminSession, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context.newPage();
}

/** The main pages, each with what shows it is drawn (the editor's body on a document page). */
function mainPages(): { path: string; ready: (page: Page) => Promise<unknown> }[] {
  const h1 = (page: Page) => page.locator('h1').first().waitFor();
  return [
    { path: '/', ready: h1 },
    { path: `/d/${consultation.documentId}`, ready: (page) => page.locator(EDITOR).waitFor() },
    { path: '/konto', ready: h1 },
    { path: '/admin', ready: h1 },
    { path: `/p/${consultation.documentId}`, ready: h1 },
    { path: '/tilgaengelighed', ready: h1 },
  ];
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
  consultation = await consultationDocument(browser, server, {
    adminSession,
    title: 'Lokalplan for Havnen',
    body: 'Området udlægges til boliger og grønne arealer.',
    contexts,
  });
}, 240_000);

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('page structure', () => {
  it('every main page has one h1, a nav and a footer linking the accessibility statement', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    const signedOut = await newPage({ width: 1280, height: 900 }, true);
    const visits = [
      ...mainPages().map((entry) => ({ ...entry, page })),
      { path: '/konto/log-ind', ready: () => Promise.resolve(), page: signedOut },
    ];
    for (const { path, ready, page: tab } of visits) {
      await tab.goto(`${server.url}${path}`);
      await ready(tab);
      const footerLink = tab.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' });
      await footerLink.waitFor();
      expect(await tab.locator('h1').count(), path).toBe(1);
      expect(await tab.getByRole('navigation').count(), path).toBeGreaterThanOrEqual(1);
      expect(await tab.getByRole('main').count(), path).toBe(1);
      expect(await footerLink.getAttribute('href'), path).toBe('/tilgaengelighed');
    }
    await page.goto(`${server.url}/`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
    await page.getByRole('heading', { name: 'Tilgængelighedserklæring', level: 1 }).waitFor();
    await page.getByText('WCAG 2.1').first().waitFor();
  });

  it('a used setup link says so at once and links to sign-in, without the setup form', async () => {
    const page = await newPage({ width: 1280, height: 900 }, true);
    await page.goto(`${server.url}/opsaetning?token=${server.setupToken() ?? ''}`);
    await page.getByRole('heading', { name: 'Opsætningslinket er brugt', level: 1 }).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Log ind' }).getAttribute('href')).toBe('/konto/log-ind');
    expect(await page.getByText('Samskriv har ingen administrator endnu').count()).toBe(0);
    expect(await page.getByLabel('Adgangskode').count()).toBe(0);
  });

  it('the start page shows a document’s phase and its consultation’s closing date', async () => {
    const page = consultation.citizen.page;
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Lokalplan for Havnen' }) });
    const status = item.getByTestId('doc-status');
    const closesAt = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString();
    const set = await sessionHttp(() => server).send(
      'PATCH',
      `/api/documents/${consultation.documentId}/consultation`,
      consultation.staff.session,
      {
        closesAt,
      },
    );
    expect(set.status).toBeLessThan(300);
    await page.goto(`${server.url}/`);
    await status.getByText('Offentlig høring').waitFor();
    expect(await status.getByTestId('doc-consultation').textContent()).toBe(`Høring til ${formatShortDay(closesAt, 'da', new Date())}`);
  });
});

describe('dates and words', () => {
  it('the admin page shows an API key’s date in the date format of the rest of the app, not ISO', async () => {
    const created = await sessionHttp(() => server).send('POST', '/api/admin/api-keys', adminSession, {
      name: 'Borgerportalen',
      scopes: ['documents:read'],
    });
    expect(created.status).toBe(201);
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/admin`);
    const row = page.getByRole('row', { name: /Borgerportalen/ });
    const shown = await row.locator('time').textContent();
    expect(shown).toBe(formatDate(new Date(), 'da'));
    expect(shown).not.toMatch(/^\d{4}-\d\d-\d\d$/);
  });
});

describe('the header at 1280 px', () => {
  it('keeps the "Skriv som" control whole, on the row with the name, for a person acting for an organisation', async () => {
    const { send } = sessionHttp(() => server);
    const organisation = await send('POST', '/api/admin/organisations', adminSession, {
      name: 'Foreningen for Bedre Cykelstier i Havnekvarteret',
      kind: 'association',
    });
    expect(organisation.status).toBe(201);
    const organisationId = (organisation.body?.organisation as { id: string }).id;
    const carl = await signedInProfile(browser, server, 'Carl Christoffersen-Nielsen', { contexts });
    expect(
      (await send('POST', `/api/admin/organisations/${organisationId}/members`, adminSession, { email: carl.email })).status,
    ).toBeLessThan(300);
    expect((await send('PUT', '/api/account/acting-for', carl.session, { organisationId })).status).toBeLessThan(300);
    await carl.page.setViewportSize({ width: 1280, height: 900 });
    await carl.page.goto(`${server.url}/`);
    const select = carl.page.getByLabel('Skriv som');
    await select.waitFor();
    const label = carl.page.getByTestId('header-acting-for').locator('label');
    const [selectBox, labelBox, brandBox] = await Promise.all([
      select.boundingBox(),
      label.boundingBox(),
      carl.page.locator('.brand').boundingBox(),
    ]);
    if (!selectBox || !labelBox || !brandBox) throw new Error('the header’s parts are not shown');
    expect(selectBox.x + selectBox.width).toBeLessThanOrEqual(1280);
    // The label and its select on one line, and the person's links on the brand's row.
    expect(Math.abs(selectBox.y + selectBox.height / 2 - (labelBox.y + labelBox.height / 2))).toBeLessThan(selectBox.height / 2);
    expect(selectBox.y).toBeLessThan(brandBox.y + brandBox.height);
    expect(await carl.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

describe('layout on a 390 px phone', () => {
  it('no main page scrolls sideways, and the header takes well under a third of the screen', async () => {
    const page = await newPage({ width: 390, height: 844 });
    for (const { path, ready } of mainPages()) {
      await page.goto(`${server.url}${path}`);
      await ready(page);
      const sizes = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        header: document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0,
      }));
      expect(sizes.scrollWidth, path).toBeLessThanOrEqual(sizes.innerWidth);
      expect(sizes.header, path).toBeLessThan(844 / 4);
    }
  });
});
