/**
 * The knowledge forum (issue 14) in real Chromium against the production server: Karen finds
 * "Fælles-skabet" in the main navigation, writes a post with a type and tags from "Nyt indlæg" and
 * its body in the normal editor; Ole, on a 390 px phone, finds it under recent posts, supports it and
 * replies; Karen sees the reply arrive; the front page then shows the post under popular with its
 * counts; a tag link filters the list; and search with kind=post finds it by an inflected Danish
 * word of its body. Search is current within about a second: the test asks until it is (no sleeps).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousAxeViolations } from './helpers/axeCheck';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { commentsClient } from './helpers/commentsClient';
import { EDITOR, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { watchedContexts } from './helpers/watchedContexts';
import { waitUntil } from '../helpers/waitUntil';

let server: AppServer;
let browser: Browser;
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

const TITLE = 'Samarbejde ved stranden';
const BODY = 'Frivillige bygger badebroerne sammen med kommunen.';
const REPLY = 'Det vil vi også prøve i Stubbekøbing!';

const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watching.watch });

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const adminSession = await createFirstAdmin(server);
  const http = commentsClient(server);
  await http.ok(
    http.call('POST', '/api/admin/workspaces', { as: { session: adminSession }, body: { name: 'Fælles-skabet', kind: 'forum' } }),
    'forum',
  );
}, 120_000);

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('the knowledge forum in the browser', () => {
  it('one person posts with tags, another supports and replies; recent, popular, the tag filter and search show it', async () => {
    const karen = await person('Karen Frivillig');
    const ole = await person('Ole Medarbejder');
    const k = karen.page;

    // From the main navigation to the front page, which says there is nothing yet.
    await k.goto(server.url);
    await k.getByRole('navigation').getByRole('link', { name: 'Fælles-skabet' }).click();
    await k.waitForURL(/\/forum$/);
    await k.getByRole('heading', { level: 1, name: 'Fælles-skabet' }).waitFor();
    await k.getByTestId('forum-recent-empty').waitFor();

    // "Nyt indlæg": a missing title is said next to the field; then title, type and tags.
    const form = k.getByTestId('forum-new-post');
    await form.getByRole('button', { name: 'Opret indlæg' }).click();
    await form.getByRole('alert').waitFor();
    await form.getByLabel('Titel').fill(TITLE);
    await form.getByLabel('Type').selectOption({ label: 'Case' });
    await form.getByLabel('Emner (adskilt med komma)').fill('Frivillige, Badebro');
    await form.getByRole('button', { name: 'Opret indlæg' }).click();
    await k.waitForURL(/\/d\/[^/]+$/);
    const postId = new URL(k.url()).pathname.split('/').pop()!;

    // The normal editor: Karen writes the body; the panel shows the type and the normalised tags.
    await waitForEditable(k);
    await k.locator(EDITOR).click();
    await k.keyboard.type(BODY);
    const panel = k.getByTestId('forum-post-panel');
    expect(await panel.getByTestId('forum-post-type').textContent()).toBe('Case');
    expect(await panel.getByTestId('forum-post-tags').getByRole('link').allTextContents()).toEqual(['frivillige', 'badebro']);
    await panel.getByTestId('forum-replies-empty').waitFor();
    // A post is not a workshop: no workshop mode or good questions beside it.
    expect(await k.getByRole('heading', { name: 'Workshop og gode spørgsmål' }).count()).toBe(0);

    // Ole, on a phone, finds it under recent posts (nothing is popular yet) and opens it.
    const o = ole.page;
    await o.setViewportSize({ width: 390, height: 844 });
    await o.goto(`${server.url}/forum`);
    const recent = o.getByTestId('forum-recent');
    await recent.getByRole('link', { name: TITLE }).waitFor();
    await o.getByTestId('forum-popular-empty').waitFor();
    expect(await o.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await recent.getByRole('link', { name: TITLE }).click();
    await o.waitForURL(`${server.url}/d/${postId}`);
    await waitForEditorText(o, BODY);

    // He supports it ("Synes godt om") and replies.
    const hisPanel = o.getByTestId('forum-post-panel');
    const like = hisPanel.getByRole('button', { name: 'Synes godt om' });
    await like.click();
    await hisPanel.getByTestId('forum-post-supports').getByText('1 synes godt om').waitFor();
    expect(await like.getAttribute('aria-pressed')).toBe('true');
    await hisPanel.getByLabel('Dit svar').fill(REPLY);
    await hisPanel.getByRole('button', { name: 'Send svar' }).click();
    await hisPanel.getByTestId('forum-reply-status').getByText('Tak. Dit svar er sendt.').waitFor();
    await hisPanel.getByTestId('forum-replies').getByText(REPLY).waitFor();
    expect(await seriousAxeViolations(o)).toEqual([]);

    // Karen sees the reply arrive without reloading (the editor's "comments changed" notice).
    await panel.getByTestId('forum-replies').getByText(REPLY).waitFor();

    // The front page: under popular now, with its counts; the tag link filters.
    await o.goto(`${server.url}/forum`);
    const popular = o.getByTestId('forum-popular');
    await popular.getByRole('link', { name: TITLE }).waitFor();
    expect(await popular.getByTestId('forum-post-counts').first().textContent()).toBe('Svar: 1 · Synes godt om: 1');
    await recent.getByRole('link', { name: 'badebro' }).first().click();
    await o.waitForURL(/\/forum\?tag=badebro$/);
    await o.getByTestId('forum-filter').getByText('Viser indlæg med emnet “badebro”.').waitFor();
    expect(await o.getByTestId('forum-recent').getByRole('link', { name: TITLE }).count()).toBe(1);
    await o.goto(`${server.url}/forum?tag=ukendt`);
    await o.getByTestId('forum-recent-empty').waitFor();
    expect(await seriousAxeViolations(o)).toEqual([]);

    // Search, kind "Indlæg": found by an inflected word of the body Karen typed.
    await waitUntil(
      async () => {
        const response = await fetch(`${server.url}/api/search?q=badebroen&kind=post`, {
          headers: { Cookie: `samskriv_session=${ole.session}` },
        });
        const found = (await response.json()) as { results: { documentId: string }[] };
        return found.results.some((hit) => hit.documentId === postId);
      },
      'the post to be searchable',
      30_000,
    );
    await o.goto(`${server.url}/soeg?q=badebroen&kind=post&tag=frivillige`);
    const result = o.getByTestId('search-result');
    await result.getByRole('link', { name: TITLE }).waitFor();
    expect(await result.locator('.badge').first().textContent()).toBe('Indlæg');
    expect(await o.locator('mark').allTextContents()).toContain('badebroerne');
  });
});
