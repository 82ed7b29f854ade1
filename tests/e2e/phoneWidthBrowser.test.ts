/**
 * A 390 px pass (issue 13): the main pages at 390×844, as an admin (who sees every page) and
 * signed out, in Danish and in English, must not scroll sideways: the page is no wider than the
 * window (document.documentElement.scrollWidth <= innerWidth). A failure names the elements that
 * stick out. The document page also gets a consultation with a comment, so its panel is drawn.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { watchedContexts } from './helpers/watchedContexts';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { commentsClient } from './helpers/commentsClient';
import { commentOverHttp, writeParagraph } from './helpers/consultationDocument';
import { waitForEditorText } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
let adminSession = '';
let consulted = '';
let published = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

async function phone(locale: 'da' | 'en', session: string | null): Promise<Page> {
  const context = await browser.newContext({ locale: locale === 'da' ? 'da-DK' : 'en-US', viewport: { width: 390, height: 844 } });
  contexts.push(context);
  await watching.watch(context);
  const cookies: { name: string; value: string; url: string; sameSite: 'Lax' }[] = [
    { name: 'samskriv_lang', value: locale, url: server.url, sameSite: 'Lax' },
  ];
  if (session) cookies.push({ name: 'samskriv_session', value: session, url: server.url, sameSite: 'Lax' as const });
  await context.addCookies(cookies);
  return context.newPage();
}

/** The elements wider than the window or reaching past its right edge (the deepest ones), described. */
function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 0.5) continue;
      // Only the innermost: a parent that sticks out because of a child is not named.
      if (Array.from(element.children).some((child) => child.getBoundingClientRect().right > width + 0.5)) continue;
      const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : ''
      }`;
      culprits.push(`${name} (right ${Math.round(rect.right)}): ${(element.textContent ?? '').trim().slice(0, 40)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits: culprits.slice(0, 12) };
  });
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
  const http = commentsClient(server);
  const as = { session: adminSession };
  const create = async (title: string) =>
    (
      (await http.ok(http.call('POST', '/api/documents', { as, body: { title, template: 'projektforslag' } }), 'create')).body!
        .document as {
        id: string;
      }
    ).id;
  consulted = await create('Lokalplan for havnen med et meget langt navn der skal kunne brydes');
  await http.ok(http.call('PUT', `/api/documents/${consulted}/visibility`, { as, body: { visibility: 'public' } }), 'public');
  const anchor = await writeParagraph(server, adminSession, consulted, 'Der skal være fem bænke langs kajen.');
  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${consulted}/state`, { as, body: { state } }), state);
  await commentOverHttp(server, as, consulted, { anchor: anchor('fem bænke'), text: 'Fem bænke er for lidt.' });

  published = await create('Vedtaget plan');
  await http.ok(http.call('PUT', `/api/documents/${published}/visibility`, { as, body: { visibility: 'public' } }), 'public');
  await http.ok(http.call('PATCH', `/api/documents/${published}/state`, { as, body: { state: 'in_review' } }), 'in_review');
  await http.ok(http.call('POST', `/api/documents/${published}/versions`, { as, body: { summary: 'Første udgave' } }), 'publish');
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('at 390 px', () => {
  const pages = () => [
    { path: '/', signedIn: true },
    { path: '/', signedIn: false },
    { path: `/d/${consulted}`, signedIn: true, text: 'fem bænke' },
    { path: `/d/${consulted}`, signedIn: false, text: 'fem bænke' },
    { path: '/konto', signedIn: true },
    { path: '/admin', signedIn: true },
    { path: '/moderering', signedIn: true },
    { path: '/notifikationer', signedIn: true },
    { path: `/p/${published}`, signedIn: false },
    { path: '/opsaetning', signedIn: false },
    { path: '/tilgaengelighed', signedIn: false },
  ];

  it.each(['da', 'en'] as const)('no main page scrolls sideways (%s)', async (locale) => {
    const signedIn = await phone(locale, adminSession);
    const signedOut = await phone(locale, null);
    const wide: string[] = [];
    for (const { path, signedIn: asAdmin, text } of pages()) {
      const page = asAdmin ? signedIn : signedOut;
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBeLessThan(400);
      if (text) await waitForEditorText(page, text);
      await page.waitForLoadState('load');
      const found = await overflow(page);
      if (found.scrollWidth > found.innerWidth)
        wide.push(
          `${path} (${asAdmin ? 'admin' : 'signed out'}): ${found.scrollWidth} > ${found.innerWidth}: ${found.culprits.join('; ')}`,
        );
    }
    expect(wide).toEqual([]);
  });
});
