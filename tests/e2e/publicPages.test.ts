/**
 * The public pages of versions and the Atom feeds (issue 9) against the production server: a
 * public project proposal goes to consultation (its consultation draft is frozen), gets one more
 * paragraph and is published by a moderator with a "Hvad er ændret" summary. A signed-out visitor
 * with JavaScript disabled reads `/p/<id>` (one h1, the body's headings under it, version number,
 * Danish date, publisher, summary, høringsnotat, version list, downloads, canonical and Open Graph)
 * and `/p/<id>/v/<n>` of the consultation draft (labelled, its own content, for good). A document
 * without a published version says so; private documents and bad addresses are the not-found page
 * (real HTML with status 404, also without JavaScript: app/_server/isMissingPage.ts);
 * the print stylesheet hides the site's chrome. The public feed lists public published versions
 * only (a hostile title stays text), and a workspace's feed answers its members only.
 */
import { Window } from 'happy-dom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../lib/i18n/format';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startServerWithAdmin, type Client, type CommentsClient } from './helpers/commentsClient';
import { setRoleOverHttp, writeParagraph } from './helpers/consultationDocument';
import { collectCspViolations } from './helpers/cspViolations';
import { WAIT_MS } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let browser: Browser;
let admin: Client;
let moderator: Client;
let staff: Client;
let citizen: Client;
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];
const dialogs: string[] = [];

const TITLE = 'Fællesspisning i Kulturhuset';
const BEFORE = 'Vi mødes hver torsdag kl. 18.';
const AFTER = 'Efter høringen: også om lørdagen for børnefamilier.';
const SUMMARY = 'Lørdagsspisning tilføjet efter høringssvar fra forældreforeningen.';
const HOSTILE_TITLE = '</title><script>alert("feed")</script> & “Havnen”';

interface VersionJson {
  readonly number: number;
  readonly kind: string;
  readonly title: string;
  readonly publishedAt: string;
}

/** The public proposal: its id, the consultation draft's number and the published version. */
let proposal: { id: string; draft: VersionJson; published: VersionJson };

async function createDocument(as: Client, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await http.ok(
    http.call('POST', '/api/documents', { as, body: { title, template: 'projektforslag', ...extra } }),
    'create',
  );
  return (created.body!.document as { id: string }).id;
}

async function moveTo(as: Client, id: string, ...states: string[]): Promise<void> {
  for (const state of states) await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as, body: { state } }), `phase ${state}`);
}

async function makePublic(as: Client, id: string): Promise<void> {
  await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as, body: { visibility: 'public' } }), 'public');
}

async function publish(as: Client, id: string, summary: string): Promise<VersionJson> {
  const answer = await http.ok(http.call('POST', `/api/documents/${id}/versions`, { as, body: { summary } }), 'publish');
  expect(answer.status).toBe(201);
  return answer.body!.version as VersionJson;
}

async function versionsOf(as: Client, id: string): Promise<VersionJson[]> {
  const answer = await http.ok(http.call('GET', `/api/documents/${id}/versions`, { as }), 'versions');
  return answer.body!.versions as VersionJson[];
}

/** A browser profile, signed out unless a session is given; JavaScript off unless asked. */
async function newPage(options: { javaScript?: boolean; session?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'da-DK',
    viewport: { width: 1200, height: 900 },
    javaScriptEnabled: options.javaScript ?? false,
  });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  if (options.javaScript) {
    await collectCspViolations(context, cspViolations);
    context.on('page', (page) =>
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      }),
    );
  }
  if (options.session) {
    await context.addCookies([{ name: 'samskriv_session', value: options.session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context.newPage();
}

/** Parses an Atom feed (a parse error fails the test): its entries' titles and links. */
function parseFeed(xml: string) {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(xml, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  const root = document.documentElement;
  expect(root.localName).toBe('feed');
  expect(root.namespaceURI).toBe('http://www.w3.org/2005/Atom');
  const entries = Array.from(root.children).filter((child) => child.localName === 'entry');
  return {
    root,
    entries: entries.map((entry) => ({
      title: Array.from(entry.children).find((child) => child.localName === 'title')?.textContent ?? '',
      link: Array.from(entry.children)
        .find((child) => child.localName === 'link')
        ?.getAttribute('href'),
      id: Array.from(entry.children).find((child) => child.localName === 'id')?.textContent ?? '',
    })),
  };
}

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
  browser = await launchChromium();
  moderator = await http.signUp('Mona Moderator');
  await setRoleOverHttp(server, admin.session!, moderator.id!, 'moderator');
  staff = await http.signUp('Sara Stab');
  await setRoleOverHttp(server, admin.session!, staff.id!, 'staff');
  citizen = await http.signUp('Carsten Borger');

  const id = await createDocument(staff, TITLE);
  await makePublic(staff, id);
  await writeParagraph(server, staff.session!, id, BEFORE);
  await moveTo(staff, id, 'in_review', 'consultation');
  await writeParagraph(server, staff.session!, id, AFTER);
  const published = await publish(moderator, id, SUMMARY);
  const draft = (await versionsOf(citizen, id)).find((version) => version.kind === 'consultation_draft');
  if (!draft) throw new Error('opening the consultation froze no consultation draft');
  proposal = { id, draft, published };
}, 240_000);

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(async () => {
  await closeBrowserTest(contexts, browser, server);
});

describe('the public page of the latest published version', () => {
  it('is readable signed out with JavaScript disabled: one h1, the body’s headings under it, the facts and the summary', async () => {
    const page = await newPage();
    const response = await page.goto(`${server.url}/p/${proposal.id}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').allTextContents()).toEqual([TITLE]);
    const body = page.getByTestId('version-body');
    // The template's sections are h2 under the page's h1; the body's own title heading is not repeated.
    expect(await body.locator('h2').first().textContent()).toBe('Formål');
    expect(await body.locator('h1').count()).toBe(0);
    expect(await body.locator('h2', { hasText: TITLE }).count()).toBe(0);
    expect(await body.textContent()).toContain(BEFORE);
    expect(await body.textContent()).toContain(AFTER);
    expect(await page.getByTestId('version-number').textContent()).toBe(String(proposal.published.number));
    expect(await page.getByTestId('version-kind').textContent()).toBe('Udgivet version');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(formatDateTime(proposal.published.publishedAt, 'da'));
    expect(main).toContain('Mona Moderator');
    expect(main).toContain('Hvad er ændret');
    expect(main).toContain(SUMMARY);
    expect(main).toContain('Offentlig høring');
    // It says which version it shows and links that version's stable address.
    const stable = `/p/${proposal.id}/v/${proposal.published.number}`;
    expect(await page.getByTestId('version-permalink').textContent()).toContain(`version ${proposal.published.number}`);
    expect(await page.getByTestId('version-permalink').locator('a').getAttribute('href')).toBe(stable);
    // No editor link for a reader.
    expect(await page.locator(`a[href="/d/${proposal.id}"]`).count()).toBe(0);
  });

  it('links the høringsnotat, the downloads and every version (newest first, the shown one marked)', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/p/${proposal.id}`);
    // The notat of the consultation the version came out of.
    expect(await page.locator(`a[href="/api/documents/${proposal.id}/report?format=html&version=${proposal.draft.number}"]`).count()).toBe(
      1,
    );
    for (const format of ['html', 'md', 'docx', 'pdf']) {
      expect(await page.locator(`a[href="/p/${proposal.id}/v/${proposal.published.number}/export?format=${format}"]`).count()).toBe(1);
    }
    const links = page.getByTestId('version-list').locator('a');
    const hrefs: (string | null)[] = [];
    for (const link of await links.all()) hrefs.push(await link.getAttribute('href'));
    expect(hrefs).toEqual([proposal.published.number, proposal.draft.number].sort((a, b) => b - a).map((n) => `/p/${proposal.id}/v/${n}`));
    const current = page.getByTestId('version-list').locator('a[aria-current="page"]');
    expect(await current.getAttribute('href')).toBe(`/p/${proposal.id}/v/${proposal.published.number}`);
  });

  it('is canonical to the stable address and carries Open Graph, Twitter and feed metadata', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/p/${proposal.id}`);
    const stableUrl = `${server.url}/p/${proposal.id}/v/${proposal.published.number}`;
    const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(stableUrl);
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="og:url"]')).toBe(stableUrl);
    expect(await meta('meta[property="og:title"]')).toBe(`${TITLE} – version ${proposal.published.number}`);
    expect(await meta('meta[property="og:description"]')).toBe(SUMMARY);
    expect(await meta('meta[property="article:published_time"]')).toBe(proposal.published.publishedAt);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary');
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').first().getAttribute('href')).toBe(
      `${server.url}/p/feed.xml`,
    );
  });

  it('puts the sharing metadata in the head for link-preview bots (which read no streamed metadata)', async () => {
    const response = await fetch(`${server.url}/p/${proposal.id}`, { headers: { 'User-Agent': 'facebookexternalhit/1.1' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const head = html.slice(0, html.indexOf('</head>'));
    const stableUrl = `${server.url}/p/${proposal.id}/v/${proposal.published.number}`;
    expect(head).toContain('<meta property="og:type" content="article"/>');
    expect(head).toContain(`<meta property="og:url" content="${stableUrl}"/>`);
    expect(head).toContain(`<link rel="canonical" href="${stableUrl}"/>`);
  });

  it('prints without the site’s chrome or navigation', async () => {
    const page = await newPage({ javaScript: true });
    await page.goto(`${server.url}/p/${proposal.id}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByTestId('version-list').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.getByTestId('version-body').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.site-header').isVisible()).toBe(true);
  });

  it('links the editor for someone who may edit, and not for readers', async () => {
    const id = await createDocument(staff, 'Plan med link til editoren');
    await makePublic(staff, id);
    await moveTo(staff, id, 'in_review', 'consultation');
    const draft = (await versionsOf(staff, id)).find((version) => version.kind === 'consultation_draft');
    expect(draft).toBeDefined();
    const owner = await newPage({ session: staff.session });
    await owner.goto(`${server.url}/p/${id}/v/${draft!.number}`);
    expect(await owner.locator(`a[href="/d/${id}"]`).count()).toBe(1);
    const reader = await newPage({ session: citizen.session });
    await reader.goto(`${server.url}/p/${id}/v/${draft!.number}`);
    expect(await reader.locator('h1').allTextContents()).toEqual(['Plan med link til editoren']);
    expect(await reader.locator(`a[href="/d/${id}"]`).count()).toBe(0);
  });
});

describe('stable version addresses', () => {
  it('shows the consultation draft as a labelled “Høringsudkast” with its own content, linking the newer version', async () => {
    const page = await newPage();
    const response = await page.goto(`${server.url}/p/${proposal.id}/v/${proposal.draft.number}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').allTextContents()).toEqual([TITLE]);
    expect(await page.getByTestId('version-kind').textContent()).toBe('Høringsudkast');
    const body = (await page.getByTestId('version-body').textContent()) ?? '';
    expect(body).toContain(BEFORE);
    expect(body).not.toContain(AFTER);
    expect(await page.getByTestId('newer-version').locator('a').getAttribute('href')).toBe(
      `/p/${proposal.id}/v/${proposal.published.number}`,
    );
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      `${server.url}/p/${proposal.id}/v/${proposal.draft.number}`,
    );
    const current = page.getByTestId('version-list').locator('a[aria-current="page"]');
    expect(await current.getAttribute('href')).toBe(`/p/${proposal.id}/v/${proposal.draft.number}`);
  });

  it('shows the published version at its own address too', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/p/${proposal.id}/v/${proposal.published.number}`);
    expect(await page.getByTestId('version-kind').textContent()).toBe('Udgivet version');
    expect(await page.getByTestId('version-body').textContent()).toContain(AFTER);
    expect(await page.getByTestId('newer-version').count()).toBe(0);
  });

  it('answers the not-found page (or 400) for bad ids and numbers, never 500', async () => {
    const paths = [
      '/p/%ff',
      '/p/%E0%A4%A',
      '/p/x/v/abc',
      '/p/x/v/0',
      `/p/${proposal.id}/v/0`,
      `/p/${proposal.id}/v/-1`,
      `/p/${proposal.id}/v/01`,
      `/p/${proposal.id}/v/1.5`,
      `/p/${proposal.id}/v/99999999999999999999999`,
      `/p/${proposal.id}/v/${proposal.published.number + 1}`,
      `/p/${'x'.repeat(65)}`,
      '/p/findes-ikke',
      '/p/findes-ikke/v/1',
    ];
    const seen: string[] = [];
    for (const path of paths) seen.push(`${path} → ${(await http.call('GET', path)).status}`);
    expect(seen.filter((line) => !/→ (400|404)$/.test(line))).toEqual([]);
    const page = await http.call('GET', '/p/x/v/abc');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Siden findes ikke');
  });
});

/** The elements of an HTML answer as the server sent it (no script runs in a parsed document). */
function parseHtml(html: string) {
  return new new Window().DOMParser().parseFromString(html, 'text/html');
}

describe('the not-found page without JavaScript', () => {
  it('shows its heading, text and link home with status 404 for an unknown document and an unknown version', async () => {
    for (const path of ['/p/findes-ikke', `/p/${proposal.id}/v/999`]) {
      const page = await newPage();
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(404);
      const heading = page.getByRole('heading', { level: 1 });
      expect(await heading.allTextContents(), path).toEqual(['Siden findes ikke']);
      expect(await heading.isVisible(), path).toBe(true);
      expect(await page.locator('main').textContent(), path).toContain('Dokumentet eller siden findes ikke.');
      expect(await page.getByRole('link', { name: 'Til forsiden' }).getAttribute('href'), path).toBe('/');
      // A rewrite, not a redirect: the address the visitor asked for stays.
      expect(page.url()).toBe(`${server.url}${path}`);
    }
  });

  it('is in the HTML itself, in the site’s page (not the empty error shell whose content only a script draws)', async () => {
    for (const path of ['/p/findes-ikke', `/p/${proposal.id}/v/999`, '/d/findes-ikke']) {
      const answer = await http.call('GET', path);
      expect(answer.status, path).toBe(404);
      const document = parseHtml(answer.text);
      expect(document.documentElement.id, path).not.toBe('__next_error__');
      expect(document.documentElement.getAttribute('lang'), path).toBe('da');
      expect(document.querySelector('main h1')?.textContent, path).toBe('Siden findes ikke');
      expect(document.querySelector('title')?.textContent, path).toContain('Siden findes ikke');
    }
  });

  it('names the signed-in person in the header of a private document’s not-found page', async () => {
    const id = await createDocument(staff, 'Notat kun for forfatteren');
    const answer = await http.call('GET', `/p/${id}`, { as: citizen });
    expect(answer.status).toBe(404);
    const header = parseHtml(answer.text).querySelector('header')?.textContent ?? '';
    expect(header).toContain('Carsten Borger');
    expect(parseHtml(answer.text).querySelector('main h1')?.textContent).toBe('Siden findes ikke');
  });

  it('still draws the not-found page with JavaScript on, without CSP violations', async () => {
    const page = await newPage({ javaScript: true });
    const response = await page.goto(`${server.url}/p/findes-ikke`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    expect(await page.getByRole('link', { name: 'Til forsiden' }).getAttribute('href')).toBe('/');
  });
});

describe('documents that are not (yet) public', () => {
  it('says plainly that a document is not published yet, linking its consultation draft', async () => {
    const id = await createDocument(staff, 'Trafikplan for bymidten');
    await makePublic(staff, id);
    const none = await newPage();
    expect((await none.goto(`${server.url}/p/${id}`))?.status()).toBe(200);
    expect(await none.getByTestId('not-published').textContent()).toBe('Dokumentet er ikke udgivet endnu.');
    expect(await none.locator('h1').allTextContents()).toEqual(['Trafikplan for bymidten']);
    await moveTo(staff, id, 'in_review', 'consultation');
    const draft = (await versionsOf(staff, id)).find((version) => version.kind === 'consultation_draft');
    expect(draft).toBeDefined();
    await none.goto(`${server.url}/p/${id}`);
    expect(await none.getByTestId('not-published').count()).toBe(1);
    expect(await none.locator(`a[href="/p/${id}/v/${draft!.number}"]`).first().textContent()).toContain('høringsudkastet');
  });

  it('is the not-found page for a private document, signed out or without access, and readable by its owner', async () => {
    const id = await createDocument(staff, 'Internt notat');
    await moveTo(staff, id, 'in_review');
    await publish(admin, id, 'Første udgave.');
    expect((await http.call('GET', `/p/${id}`)).status).toBe(404);
    expect((await http.call('GET', `/p/${id}/v/1`)).status).toBe(404);
    expect((await http.call('GET', `/p/${id}`, { as: citizen })).status).toBe(404);
    const owner = await http.call('GET', `/p/${id}`, { as: staff });
    expect(owner.status).toBe(200);
    expect(owner.text).toContain('Første udgave.');
    // Not in the public feed either.
    const feed = parseFeed((await http.call('GET', '/p/feed.xml')).text);
    expect(feed.entries.some((entry) => entry.link?.includes(`/p/${id}/`))).toBe(false);
  });
});

describe('Atom feeds', () => {
  it('lists published versions of public documents (not consultation drafts) as valid Atom', async () => {
    const answer = await http.call('GET', '/p/feed.xml');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(answer.text);
    const self = Array.from(feed.root.children).find((child) => child.localName === 'link' && child.getAttribute('rel') === 'self');
    expect(self?.getAttribute('href')).toBe(`${server.url}/p/feed.xml`);
    const stable = `${server.url}/p/${proposal.id}/v/${proposal.published.number}`;
    expect(feed.entries).toContainEqual({ title: `${TITLE} – version ${proposal.published.number}`, link: stable, id: stable });
    expect(feed.entries.some((entry) => entry.link === `${server.url}/p/${proposal.id}/v/${proposal.draft.number}`)).toBe(false);
  });

  it('keeps a hostile title as text in the feed and on the page', async () => {
    const id = await createDocument(staff, HOSTILE_TITLE);
    await makePublic(staff, id);
    await moveTo(staff, id, 'in_review');
    const version = await publish(moderator, id, '<b>ikke fed</b> & </summary>');
    const feed = parseFeed((await http.call('GET', '/p/feed.xml')).text);
    const entry = feed.entries.find((candidate) => candidate.link === `${server.url}/p/${id}/v/${version.number}`);
    expect(entry?.title).toBe(`${HOSTILE_TITLE} – version ${version.number}`);
    const page = await newPage({ javaScript: true });
    await page.goto(`${server.url}/p/${id}`);
    expect(await page.locator('h1').allTextContents()).toEqual([HOSTILE_TITLE]);
    expect(await page.locator('main').textContent()).toContain('<b>ikke fed</b> & </summary>');
    expect(await page.title()).toContain(HOSTILE_TITLE);
  });

  it('gives a workspace’s feed to its members only', async () => {
    const created = await http.ok(
      http.call('POST', '/api/admin/workspaces', { as: admin, body: { name: 'Kultur og fritid' } }),
      'workspace',
    );
    const workspaceId = (created.body!.workspace as { id: string }).id;
    const member = await http.signUp('Mette Medlem');
    await setRoleOverHttp(server, admin.session!, member.id!, 'staff');
    await http.ok(
      http.call('POST', `/api/admin/workspaces/${workspaceId}/members`, { as: admin, body: { email: member.email } }),
      'member',
    );
    const id = await createDocument(member, 'Budget for fritidsklubben', { workspaceId });
    await moveTo(member, id, 'in_review');
    const version = await publish(admin, id, 'Vedtaget af udvalget.');
    const path = `/api/workspaces/${workspaceId}/feed.xml`;

    const ok = await http.call('GET', path, { as: member });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(ok.text);
    expect(feed.entries.map((entry) => entry.link)).toEqual([`${server.url}/p/${id}/v/${version.number}`]);
    expect(feed.entries[0]!.title).toBe(`Budget for fritidsklubben – version ${version.number}`);

    expect((await http.call('GET', path)).status).toBe(401);
    expect((await http.call('GET', path, { as: citizen })).status).toBe(404);
    expect((await http.call('GET', '/api/workspaces/w_findes-ikke/feed.xml', { as: member })).status).toBe(404);
    expect((await http.call('GET', '/api/workspaces/%ff/feed.xml', { as: member })).status).toBe(400);
    // A workspace document is no public document.
    const publicFeed = parseFeed((await http.call('GET', '/p/feed.xml')).text);
    expect(publicFeed.entries.some((entry) => entry.link?.includes(`/p/${id}/`))).toBe(false);
  });
});
