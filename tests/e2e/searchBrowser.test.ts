/**
 * Search (issue 14) in real Chromium against the production server: the header's search field leads
 * to /soeg, which finds a document by an inflected word of its body (written over the sync endpoint)
 * and marks the matched words; someone who may not read a private document finds nothing of it; a
 * comment hit links to the comment; the empty state; the page is axe-clean and does not scroll
 * sideways on a 390 px phone; GET /api/search answers JSON and refuses bad parameters with codes.
 * Search is current within about a second: the test asks again until the words appear (no sleeps).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from './helpers/axeCheck';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { commentOverHttp, consultationDocument, writeParagraph, type ConsultationDocument } from './helpers/consultationDocument';
import { WAIT_MS } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { createDocumentOverHttp } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { waitUntil } from '../helpers/waitUntil';

let server: AppServer;
let browser: Browser;
let consultation: ConsultationDocument;
let privateId = '';
let commentId = '';
const contexts: BrowserContext[] = [];

interface ApiHit {
  kind: string;
  documentId: string;
  commentId?: string;
  title: string;
  snippet: string;
  highlights: [number, number][];
  path: string;
}

const http = () => sessionHttp(() => server);
async function apiSearch(session: string, query: string): Promise<ApiHit[]> {
  const answer = await http().send('GET', `/api/search?${query}`, session);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body as { results: ApiHit[] }).results;
}

async function newPage(session: string | null, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  if (session) await context.addCookies([{ name: 'samskriv_session', value: session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const adminSession = await createFirstAdmin(server);
  consultation = await consultationDocument(browser, server, {
    adminSession,
    title: 'Lokalplan for Havnen',
    body: 'Området udlægges til boliger og grønne arealer med frugttræer.',
    contexts,
  });
  privateId = await createDocumentOverHttp(server, consultation.staff.session, 'Fortroligt udkast');
  await writeParagraph(server, consultation.staff.session, privateId, 'Kommunernes arealer skal sælges.');
  commentId = await commentOverHttp(server, { session: consultation.citizen.session }, consultation.documentId, {
    anchor: consultation.anchor('frugttræer'),
    text: 'Husk bænkene ved vandet.',
  });
  // Indexed within about a second of each write: ask until both bodies and the comment are found.
  await waitUntil(
    async () =>
      (await apiSearch(consultation.staff.session, 'q=arealerne')).length === 2 &&
      (await apiSearch(consultation.staff.session, 'q=bænken')).length === 1,
    'the documents and the comment to be searchable',
    30_000,
  );
}, 240_000);

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('the search page', () => {
  it('is reached from the header, finds an inflected word of a body, marks it, and is axe-clean', async () => {
    // The citizen's comment left the owner an unread notification; the header's bell then names the
    // count beyond its visible text (axe label-content-name-mismatch, the bell's own matter, not search's).
    expect((await http().send('POST', '/api/notifications/read', consultation.staff.session, { all: true })).status).toBe(200);
    const page = await newPage(consultation.staff.session);
    await page.goto(server.url);
    const field = page.getByRole('search', { name: 'Søg i Samskriv' }).getByRole('searchbox', { name: 'Søg i dokumenter og kommentarer' });
    await field.fill('arealerne');
    await field.press('Enter');
    await page.waitForURL(/\/soeg\?q=arealerne/);
    await expect.poll(() => page.getByTestId('search-summary').textContent()).toBe('2 resultater for “arealerne”.');
    const results = page.getByTestId('search-result');
    const titles = await results.getByRole('heading').allTextContents();
    expect(titles.sort()).toEqual(['Fortroligt udkast', 'Lokalplan for Havnen']);
    expect(await page.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['arealer', 'arealer']));
    expect(await page.getByRole('link', { name: 'Lokalplan for Havnen' }).getAttribute('href')).toBe(`/d/${consultation.documentId}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows someone without access nothing of a private document, not even its title', async () => {
    const page = await newPage(consultation.citizen.session);
    await page.goto(`${server.url}/soeg?q=arealerne`);
    await expect.poll(() => page.getByTestId('search-summary').textContent()).toBe('1 resultat for “arealerne”.');
    expect(await page.getByTestId('search-results').textContent()).not.toContain('Fortroligt');
    await page.goto(`${server.url}/soeg?q=kommunerne`);
    expect(await page.getByTestId('search-summary').textContent()).toBe('Ingen resultater for “kommunerne”.');
    expect(await page.getByTestId('search-empty').textContent()).toContain('du finder kun det, du må læse');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('links a comment hit to the comment, filters by kind, and stays on the phone’s width', async () => {
    const page = await newPage(null, { width: 390, height: 844 });
    await page.goto(`${server.url}/soeg?q=b%C3%A6nken&kind=comment`);
    const link = page.getByRole('link', { name: 'Kommentar til “Lokalplan for Havnen”' });
    expect(await link.getAttribute('href')).toBe(`/d/${consultation.documentId}#kommentar-${commentId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('GET /api/search', () => {
  it('answers the hits with snippets and ranges, and refuses bad parameters with their codes', async () => {
    const [hit] = await apiSearch(consultation.citizen.session, 'q=boligerne&limit=5');
    expect(hit).toMatchObject({ kind: 'document', documentId: consultation.documentId, title: 'Lokalplan for Havnen' });
    expect(hit!.highlights.map(([start, end]) => hit!.snippet.slice(start, end))).toEqual(['boliger']);
    const refused = async (query: string) => {
      const answer = await http().send('GET', `/api/search?${query}`, consultation.citizen.session);
      return [answer.status, answer.body?.error?.code];
    };
    expect(await refused('q=a&sort=new')).toEqual([400, 'search_param_unknown']);
    expect(await refused('limit=5')).toEqual([400, 'search_query_missing']);
    expect(await refused(`q=${'a'.repeat(201)}`)).toEqual([400, 'query_too_long']);
    expect(await refused('q=a&limit=51')).toEqual([400, 'search_limit_invalid']);
  });
});
