/**
 * WCAG 2.1 AA checked in the browser (issue 13): every page passes axe-core with no serious or
 * critical violation, in Danish and in English (the browser's language), signed out and signed in.
 * The pages carry real content: a public proposal that went through consultation and was published,
 * with a comment on it, so the document page, the høringsnotat and the version pages are full, and
 * its author has an unread notification (the header's count and the notification list are checked).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './helpers/axeCheck';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startServerWithAdmin, type Client, type CommentsClient } from './helpers/commentsClient';
import { commentOverHttp, setRoleOverHttp, writeParagraph } from './helpers/consultationDocument';
import { WAIT_MS } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import type { AppServer } from './helpers/startAppServer';

let server: AppServer;
let http: CommentsClient;
let browser: Browser;
let admin: Client;
/** The proposal's author: a citizen's comment on it leaves her an unread notification (the real flow). */
let author: Client;
const contexts: BrowserContext[] = [];
let documentId = '';
let versionNumber = 0;
let postId = '';

const LOCALES = [
  ['Danish', 'da-DK'],
  ['English', 'en-GB'],
] as const;

/** A page in a fresh profile with the browser's language `locale`, signed in as `session` if given. */
async function open(path: string, locale: string, session?: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  if (session) await context.addCookies([{ name: 'samskriv_session', value: session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  // Pages that say what is wrong (a missing page, an unsubscribe link without its token) may answer 4xx.
  expect(response?.status(), `${path} answered`).toBeLessThan(500);
  await page.locator('h1').first().waitFor();
  return page;
}

beforeAll(async () => {
  ({ server, http, admin } = await startServerWithAdmin());
  browser = await launchChromium();
  const moderator = await http.signUp('Mona Moderator');
  await setRoleOverHttp(server, admin.session!, moderator.id!, 'moderator');
  const staff = await http.signUp('Sara Stab');
  author = staff;
  await setRoleOverHttp(server, admin.session!, staff.id!, 'staff');
  const citizen = await http.signUp('Carsten Borger');

  const created = await http.ok(
    http.call('POST', '/api/documents', { as: staff, body: { title: 'Grønne gårde i Vestbyen', template: 'projektforslag' } }),
    'create',
  );
  documentId = (created.body!.document as { id: string }).id;
  await http.ok(http.call('PUT', `/api/documents/${documentId}/visibility`, { as: staff, body: { visibility: 'public' } }), 'public');
  const anchor = await writeParagraph(server, staff.session!, documentId, 'Vi vil plante frugttræer i tre gårde.');
  for (const state of ['in_review', 'consultation'])
    await http.ok(http.call('PATCH', `/api/documents/${documentId}/state`, { as: staff, body: { state } }), state);
  await commentOverHttp(server, citizen, documentId, { anchor: anchor('frugttræer'), text: 'Husk bænke til de ældre.' });
  const published = await http.ok(
    http.call('POST', `/api/documents/${documentId}/versions`, { as: moderator, body: { summary: 'Bænke tilføjet.' } }),
    'publish',
  );
  versionNumber = (published.body!.version as { number: number }).number;
  // The knowledge forum (issue 14): a forum with a tagged post, a reply and a support.
  await http.ok(http.call('POST', '/api/admin/workspaces', { as: admin, body: { name: 'Fælles-skabet', kind: 'forum' } }), 'forum');
  const post = await http.ok(
    http.call('POST', '/api/forum/posts', {
      as: citizen,
      body: { title: 'Erfaring fra fællesspisningen', type: 'erfaring', tags: ['fællesskab'] },
    }),
    'post',
  );
  postId = (post.body!.post as { id: string }).id;
  await writeParagraph(server, citizen.session!, postId, 'Vi spiste sammen hver torsdag.');
  await http.ok(
    http.call('POST', `/api/documents/${postId}/comments`, { as: staff, body: { kind: 'forum_reply', text: 'Godt gået!' } }),
    'reply',
  );
  await http.ok(http.call('PUT', `/api/forum/posts/${postId}/support`, { as: staff }), 'support');
}, 240_000);

afterAll(async () => {
  await closeBrowserTest(contexts, browser, server);
});

describe.each(LOCALES)('axe-core, no serious or critical violations (%s)', (_language, locale) => {
  it.each([
    ['the start page', '/'],
    ['sign-in', '/konto/log-ind'],
    ['sign-up', '/konto/opret'],
    ['unsubscribing without a link', '/abonnement/afmeld'],
    ['a published version', () => `/p/${documentId}`],
    ['a version by number', () => `/p/${documentId}/v/${versionNumber}`],
    ['a page that does not exist', '/findes-ikke'],
    ['the knowledge forum', '/forum'],
  ])('signed out: %s', async (_what, path) => {
    const page = await open(typeof path === 'function' ? path() : path, locale);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it.each([
    ['the start page', '/'],
    ['the document page (editor and comments)', () => `/d/${documentId}`],
    ['the høringsnotat', () => `/d/${documentId}/hoeringsnotat`],
    ['the account page', '/konto'],
    ['notifications', '/notifikationer'],
    ['moderation', '/moderering'],
    ['administration', '/admin'],
    ['the knowledge forum', '/forum'],
    ['the knowledge forum filtered by a tag', '/forum?tag=f%C3%A6llesskab'],
    ['a forum post (editor, tags, replies)', () => `/d/${postId}`],
  ])('signed in as an admin: %s', async (_what, path) => {
    const resolved = typeof path === 'function' ? path() : path;
    const page = await open(resolved, locale, admin.session!);
    if (resolved === `/d/${documentId}` || resolved === `/d/${postId}`) await page.locator('.ProseMirror').waitFor();
    if (resolved === `/d/${postId}`) await page.getByTestId('forum-replies').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('signed in with unread notifications: the header with its count, and the open notification list', async () => {
    const page = await open('/', locale, author.session!);
    const unread = locale === 'da-DK' ? /^Notifikationer \d+ ulæste?$/ : /^Notifications \d+ unread$/;
    const bell = page.getByRole('link', { name: unread });
    await bell.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await bell.click();
    await page.getByRole('heading', { level: 1, name: locale === 'da-DK' ? 'Notifikationer' : 'Notifications' }).waitFor();
    const first = page.getByTestId('notification').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(locale === 'da-DK' ? /^Ulæst/ : /^Unread/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
