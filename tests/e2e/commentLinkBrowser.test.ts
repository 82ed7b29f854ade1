/**
 * Mentions added by editing a comment, and links to one comment, in Chromium against the production
 * build: the author edits their comment with the keyboard and mentions a reader with "@" (as in a new
 * comment); the reader is told once, also when the comment is edited again; the notification (the
 * notifications page, and the API's `path`) leads to `/d/<id>#kommentar-<comment id>`, where the page
 * scrolls to the comment and focuses it, with its thread active (also when a filter hid it); a link
 * to a comment that is not there says so. No CSP violation, no dialog.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { commentsClient, writeBody, type Client } from './helpers/commentsClient';
import { waitForEditorText } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { createDocumentOverHttp, signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { watchedContexts } from './helpers/watchedContexts';

let server: AppServer;
let browser: Browser;
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watching.watch });

interface Listed {
  readonly kind: string;
  readonly text: string;
  readonly path: string;
}

/** What a person was told of mentions, newest first. */
async function mentionsOf(who: Client): Promise<Listed[]> {
  const http = commentsClient(server);
  const listed = await http.ok(http.call('GET', '/api/notifications', { as: who }), 'notifications');
  return (listed.body!.items as Listed[]).filter((item) => item.kind === 'mentioned');
}

/** Waits until the focused element is the one with this id (says what has the focus if it never comes). */
async function focusOn(page: Page, id: string): Promise<void> {
  try {
    await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id, { polling: 'raf', timeout: 30_000 });
  } catch (error) {
    const state = await page.evaluate(
      (wanted) => ({
        active: `${document.activeElement?.tagName}#${document.activeElement?.id}.${document.activeElement?.className}`,
        present: document.getElementById(wanted) !== null,
        hash: window.location.hash,
      }),
      id,
    );
    throw new Error(`${id} never had the focus: ${JSON.stringify(state)}`, { cause: error });
  }
}

describe('editing a comment and links to one comment', () => {
  it('an edit mentions a reader, who is told once and led straight to the comment, focused', async () => {
    const http = commentsClient(server);
    const owner = await person('Olga Ejer');
    const reader = await person('Rasmus Læser');
    const commenter = await person('Carl Kommentator');
    const id = await createDocumentOverHttp(server, owner.session, 'Havneplanen');
    const anchor = await writeBody(server, owner.session, id);
    await http.share(owner, id, [
      [reader, 'viewer'],
      [commenter, 'commenter'],
    ]);
    const posted = await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: commenter,
        body: { kind: 'comment', anchor: anchor('Kulturhuset'), text: 'Hvorfor Kulturhuset?' },
      }),
      'comment',
    );
    const commentId = (posted.body!.comment as { id: string }).id;

    // Carl edits his comment with the keyboard and mentions Rasmus.
    const page = commenter.page;
    await page.goto(`${server.url}/d/${id}`);
    await waitForEditorText(page, 'Kulturhuset');
    const thread = page.getByTestId('comments-panel').getByTestId('thread').filter({ hasText: 'Hvorfor Kulturhuset?' });
    await thread.getByRole('button', { name: 'Redigér' }).focus();
    await page.keyboard.press('Enter');
    const field = thread.getByLabel('Ret din kommentar');
    await field.waitFor();
    await field.press('End');
    await page.keyboard.type(' @ra');
    const list = thread.getByRole('listbox', { name: 'Personer du kan nævne' });
    await list.getByRole('option', { name: 'Rasmus Læser' }).waitFor();
    await page.keyboard.press('Enter');
    expect(await field.inputValue()).toBe('Hvorfor Kulturhuset? @Rasmus Læser ');
    await thread.getByRole('button', { name: 'Gem ændringen' }).focus();
    await page.keyboard.press('Enter');
    await thread.locator('.comment__text', { hasText: 'Hvorfor Kulturhuset? @Rasmus Læser' }).waitFor();
    await expect
      .poll(async () => (await mentionsOf(reader)).map((item) => item.text))
      .toEqual(['Carl Kommentator nævnte dig i en kommentar til “Havneplanen”.']);
    const [told] = await mentionsOf(reader);
    expect(told!.path).toBe(`/d/${id}#kommentar-${commentId}`);

    // Edited again, Rasmus still mentioned: he is not told again.
    const again = await http.ok(
      http.call('PATCH', `/api/documents/${id}/comments/${commentId}`, {
        as: commenter,
        body: { text: 'Hvorfor Kulturhuset, @Rasmus Læser?', mentions: [reader.id] },
      }),
      'edit again',
    );
    expect(again.body!.refusedMentions).toEqual([]);
    expect((await mentionsOf(reader)).map((item) => item.text)).toHaveLength(1);

    // Rasmus follows the notification from the notifications page: the comment is scrolled to and focused.
    const readerPage = reader.page;
    await readerPage.goto(`${server.url}/notifikationer`);
    await readerPage.getByRole('link', { name: 'Carl Kommentator nævnte dig i en kommentar til “Havneplanen”.' }).click();
    await readerPage.waitForURL(`${server.url}/d/${id}#kommentar-${commentId}`);
    await focusOn(readerPage, `kommentar-${commentId}`);
    const focused = readerPage.locator(`#kommentar-${commentId}`);
    expect(await focused.textContent()).toContain('Hvorfor Kulturhuset, @Rasmus Læser?');
    expect(await focused.evaluate((element) => element.closest('[data-testid="thread"]')!.classList.contains('thread--active'))).toBe(true);
    expect(await focused.isVisible()).toBe(true);
  });

  it('a link to a reply in a thread the filter hides shows it; a link to a comment that is not there says so', async () => {
    const http = commentsClient(server);
    const owner = await person('Olga Ejer');
    const id = await createDocumentOverHttp(server, owner.session, 'Budget');
    const anchor = await writeBody(server, owner.session, id);
    const root = await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: owner,
        body: { kind: 'comment', anchor: anchor('Kulturhuset'), text: 'Husk prisen' },
      }),
      'comment',
    );
    const rootId = (root.body!.comment as { id: string }).id;
    const reply = await http.ok(
      http.call('POST', `/api/documents/${id}/comments/${rootId}/replies`, { as: owner, body: { text: 'Den er med nu' } }),
      'reply',
    );
    const replyId = (reply.body!.comment as { id: string }).id;
    await http.ok(
      http.call('PUT', `/api/documents/${id}/comments/${rootId}/resolution`, { as: owner, body: { resolved: true } }),
      'resolve',
    );

    const page = owner.page;
    await page.goto(`${server.url}/d/${id}`);
    await waitForEditorText(page, 'Kulturhuset');
    const panel = page.getByTestId('comments-panel');
    await panel.getByLabel('Vis', { exact: true }).selectOption('open');
    await panel.getByText('Ingen kommentarer passer til filteret.').waitFor();
    // A second link followed on the same page (the hash changes).
    await page.evaluate((hash) => (window.location.hash = hash), `kommentar-${replyId}`);
    await focusOn(page, `kommentar-${replyId}`);
    expect(await panel.getByLabel('Vis', { exact: true }).inputValue()).toBe('all');

    await page.goto(`${server.url}/d/${id}#kommentar-c_findes_ikke`);
    await waitForEditorText(page, 'Kulturhuset');
    await panel.getByRole('status').filter({ hasText: 'Kommentaren, linket peger på, findes ikke her (længere).' }).waitFor();
  });
});
