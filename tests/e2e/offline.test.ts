/**
 * The app opens offline (issue 4), in real Chromium against the production build: the service
 * worker keeps the app shell and the pages opened (or fetched ahead), the editor opens from the
 * local copy, a comment written offline waits in the outbox, and what was written while the
 * server was gone reaches it when it is back. "Offline" here is the faithful kind: the server's
 * whole process group is stopped, then started again on the same port with the same data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { documentDbName, outboxDbName } from '../../lib/offline/localNames';
import { launchChromium } from './helpers/launchChromium';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { EDITOR, editorText, moveCaret, signUp, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { textOfXml, waitForLocalWrites, waitForOfflineCopy, waitForServerBody } from './helpers/offlinePage';

const ANNA = { name: 'Anna Offline', email: 'anna.offline@eksempel.dk' };
const BENT = { name: 'Bent Offline', email: 'bent.offline@eksempel.dk' };
const OFFLINE_NOTICE = 'Du er offline. Dokumenter gemt på denne enhed kan åbnes og redigeres.';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let anna: Page;
let bent: Page;
let annaId = '';
let bentId = '';
/** The document both write in. */
let documentId = '';
/** Errors a page reported (CSP violations, failed service worker registration, uncaught errors). */
const pageErrors: string[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/CSP violation|Content Security Policy|service ?worker/i.test(message.text()) && message.type() === 'error') {
      pageErrors.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
    timeout: 30_000,
  });
}

async function personId(page: Page): Promise<string> {
  // The session's person, as the app names local data (the sync token's subject).
  const response = await page.request.get(`${server.url}/api/documents/${documentId}/sync-token`);
  const { token } = (await response.json()) as { token: string };
  return (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
}

async function createDocument(page: Page, title: string, template: 'blank' | 'projektforslag'): Promise<string> {
  const response = await page.request.post(`${server.url}/api/documents`, {
    data: { title, template, workspaceId: null },
    headers: { origin: server.url },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { document: { id: string } }).document.id;
}

/** Reloads while the server is stopped: the service worker answers (a failed load would throw here). */
async function reloadOffline(page: Page): Promise<void> {
  const response = await page.reload();
  expect(response?.ok()).toBe(true);
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the app opens offline', () => {
  it('registers the service worker, which keeps the page of a document once it is opened', async () => {
    anna = await newPage();
    bent = await newPage();
    await signUp(anna, server.url, ANNA.name, ANNA.email);
    await signUp(bent, server.url, BENT.name, BENT.email);

    await anna.getByLabel('Titel', { exact: true }).fill('Madpakker til toget');
    await anna.getByLabel('Tomt dokument').check();
    await anna.getByRole('button', { name: 'Opret dokument' }).click();
    await anna.waitForURL(/\/d\/[A-Za-z0-9_-]+$/);
    documentId = new URL(anna.url()).pathname.split('/').pop()!;
    annaId = await personId(anna);
    await waitForEditable(anna);

    // Reached by an in-app navigation (an RSC request): the worker fetched the page's HTML as well.
    await waitForOfflineCopy(anna, `/d/${documentId}`);
    const registration = await anna.evaluate(async () => {
      const found = await navigator.serviceWorker.getRegistration('/');
      return { script: found?.active?.scriptURL ?? null, scope: found?.scope ?? null };
    });
    expect(registration.script).toBe(`${server.url}/sw.js`);
    expect(registration.scope).toBe(`${server.url}/`);
    // Only the person's caches carry the samskriv- prefix (sign-out deletes them); the app shell does not.
    const cacheNames = await anna.evaluate(() => caches.keys());
    expect(cacheNames).toContain('samskriv-pages');
    expect(cacheNames).toContain('shell-precache');
    // Pages the app must not keep: account pages, RSC payloads.
    const kept = await anna.evaluate(async () => (await (await caches.open('samskriv-pages')).keys()).map((request) => request.url));
    expect(kept.every((url) => /\/(d\/[^/?]+)?(\?arbejdsrum=[^&]+)?$/.test(new URL(url).pathname + new URL(url).search))).toBe(true);
    expect(kept.some((url) => url.includes('_rsc'))).toBe(false);
    expect(kept.some((url) => url.includes('/konto'))).toBe(false);
  });

  it('(a) with the server stopped, the document opens after a reload, editable, and keeps what is typed offline', async () => {
    await anna.locator(EDITOR).click();
    await anna.keyboard.type('Skrevet online.');
    await waitForSaved(anna);

    await server.halt();
    await reloadOffline(anna);
    await anna.getByText(OFFLINE_NOTICE).waitFor();
    await expect(anna.getByTestId('document-title').textContent()).resolves.toBe('Madpakker til toget');
    await waitForEditorText(anna, 'Skrevet online.');
    await waitForEditable(anna);

    await anna.locator(EDITOR).click();
    await moveCaret(anna, 'Control+End');
    await anna.keyboard.type(' Skrevet offline.');
    await waitForLocalWrites(anna, documentDbName(annaId, documentId));

    await reloadOffline(anna);
    await waitForEditorText(anna, 'Skrevet online. Skrevet offline.');
    await waitForEditable(anna);
  });

  it('(a) when the server is back, the offline text reaches it and another person', async () => {
    await server.resume();
    await waitForSaved(anna);
    await anna.getByText(OFFLINE_NOTICE).waitFor({ state: 'detached' });
    const body = await waitForServerBody(server.url, server.secret, documentId, (xml) => xml.includes('Skrevet online. Skrevet offline.'));
    expect(textOfXml(body)).toContain('Skrevet offline.');

    // Bent gets access and sees it (a second browser profile, fresh from the server).
    const share = anna.getByTestId('share-panel');
    await share.getByLabel('E-mail på den, du vil give adgang').fill(BENT.email);
    await share.getByLabel('Rolle').selectOption('editor');
    await share.getByRole('button', { name: 'Giv adgang' }).click();
    await share.getByText(`${BENT.name} (${BENT.email}) – Kan redigere`).waitFor();
    await bent.goto(`${server.url}/d/${documentId}`);
    bentId = await personId(bent);
    await waitForEditorText(bent, 'Skrevet online. Skrevet offline.');
    await waitForEditable(bent);
    await waitForOfflineCopy(bent, `/d/${documentId}`);
  });

  it('(b) two people edit the same paragraph while the server is down; afterwards both and the server hold the same text', async () => {
    await Promise.all([waitForSaved(anna), waitForSaved(bent)]);
    await server.halt();
    for (const [page, words] of [
      [anna, ' Anna: ost og rugbrød.'],
      [bent, ' Bent: frugt til alle.'],
    ] as const) {
      await page.locator(`${EDITOR} p`).first().click();
      await moveCaret(page, 'End');
      await page.keyboard.type(words);
    }
    // Bent even reloads while offline: his words come back from his local copy.
    await waitForLocalWrites(bent, documentDbName(bentId, documentId));
    await reloadOffline(bent);
    await waitForEditorText(bent, 'Bent: frugt til alle.');
    expect(await editorText(anna)).not.toContain('Bent:');

    await server.resume();
    await Promise.all([waitForEditorText(anna, 'Bent: frugt til alle.', 30_000), waitForEditorText(bent, 'Anna: ost og rugbrød.', 30_000)]);
    await Promise.all([waitForSaved(anna), waitForSaved(bent)]);
    const annaText = await editorText(anna);
    expect(await editorText(bent)).toBe(annaText);
    expect(annaText).toContain('Skrevet online. Skrevet offline.');
    // One paragraph holds both contributions.
    const paragraphs = await anna.locator(`${EDITOR} p`).allTextContents();
    expect(paragraphs.filter((text) => text.includes('Anna: ost og rugbrød.') && text.includes('Bent: frugt til alle.'))).toHaveLength(1);
    const body = await waitForServerBody(
      server.url,
      server.secret,
      documentId,
      (xml) => xml.includes('Anna: ost og rugbrød.') && xml.includes('Bent: frugt til alle.'),
    );
    expect(textOfXml(body)).toBe(annaText);
  });

  it('(c) a document marked "Gem til offline brug" on the list opens offline without having been opened', async () => {
    const title = 'Køreplan for workshoppen';
    const otherId = await createDocument(anna, title, 'projektforslag');
    await anna.goto(`${server.url}/`);
    const item = anna.getByRole('listitem').filter({ has: anna.getByRole('link', { name: title }) });
    const keep = item.getByRole('checkbox', { name: `Gem til offline brug: ${title}` });
    expect(await keep.isChecked()).toBe(false);
    await keep.check();
    await item.getByText('Tilgængelig offline').waitFor({ timeout: 30_000 });
    expect(await keep.isChecked()).toBe(true);
    // The document opened earlier is available too (its local copy and page exist).
    await anna
      .getByRole('listitem')
      .filter({ has: anna.getByRole('link', { name: 'Madpakker til toget' }) })
      .getByText('Tilgængelig offline')
      .waitFor();

    await server.halt();
    const response = await anna.goto(`${server.url}/d/${otherId}`);
    expect(response?.ok()).toBe(true);
    await anna.getByText(OFFLINE_NOTICE).waitFor();
    await expect(anna.getByTestId('document-title').textContent()).resolves.toBe(title);
    // The project proposal template's headings, from the local copy.
    await waitForEditorText(anna, title);
    await waitForEditable(anna);

    // The list itself opens offline too, and says what is on this device.
    await anna.goto(`${server.url}/`);
    await anna.getByText(OFFLINE_NOTICE).waitFor();
    const marked = anna.getByRole('listitem').filter({ has: anna.getByRole('link', { name: title }) });
    await marked.getByText('Tilgængelig offline').waitFor();

    // A page that is not kept (an account page) says so instead of the browser's error, and links back.
    const account = await anna.goto(`${server.url}/konto`);
    expect(account?.status()).toBe(503);
    await anna.getByRole('heading', { name: 'Du er offline' }).waitFor();
    await anna.getByRole('link', { name: 'Gå til dokumentlisten' }).click();
    await anna.waitForURL(`${server.url}/`);
    await marked.getByText('Tilgængelig offline').waitFor();
    await server.resume();
  });

  it('(c) removing it from the device deletes its local copy and page', async () => {
    await anna.goto(`${server.url}/`);
    const title = 'Køreplan for workshoppen';
    const item = anna.getByRole('listitem').filter({ has: anna.getByRole('link', { name: title }) });
    const keep = item.getByRole('checkbox', { name: `Gem til offline brug: ${title}` });
    await item.getByText('Tilgængelig offline').waitFor();
    expect(await keep.isChecked()).toBe(true);
    await keep.uncheck();
    await item.getByText(`${title} er fjernet fra enheden.`).waitFor({ timeout: 30_000 });
    expect(await item.getByText('Tilgængelig offline').count()).toBe(0);
    const otherId = new URL(await item.getByRole('link', { name: title }).evaluate((link) => (link as HTMLAnchorElement).href)).pathname
      .split('/')
      .pop()!;
    const left = await anna.evaluate(
      async ([db, path]) => ({
        database: (await indexedDB.databases()).some((info) => info.name === db),
        page: (await (await caches.open('samskriv-pages')).match(path, { ignoreVary: true })) !== undefined,
      }),
      [documentDbName(annaId, otherId), `/d/${otherId}`] as const,
    );
    expect(left).toEqual({ database: false, page: false });
  });

  it('(d) types and comments while the server is down, reloads: both are still there; when it is back both reach the server and the other person', async () => {
    await anna.goto(`${server.url}/d/${documentId}`);
    await waitForEditable(anna);
    await Promise.all([waitForSaved(anna), waitForSaved(bent)]);
    await server.halt();
    await anna.locator(EDITOR).click();
    await moveCaret(anna, 'Control+End');
    await anna.keyboard.press('Enter');
    await anna.keyboard.type('Husk servietterne.');
    for (let i = 0; i < 'servietterne.'.length; i++) await moveCaret(anna, 'Shift+ArrowLeft');
    expect(await anna.evaluate(() => window.getSelection()?.toString())).toBe('servietterne.');
    // The keyboard way to comment on the selection (the button by a selection is for the mouse).
    await anna.keyboard.press('Control+Alt+KeyM');
    const form = anna.getByTestId('new-comment-form');
    await form.getByLabel('Din kommentar').fill('Hvem tager dem med?');
    await form.getByRole('button', { name: 'Send kommentar' }).click();
    const pending = anna.locator('.comment--pending', { hasText: 'Hvem tager dem med?' });
    await pending.getByText('venter på at blive sendt').waitFor();
    await anna.getByText('1 handling venter på at blive sendt').waitFor();

    await waitForLocalWrites(anna, documentDbName(annaId, documentId));
    await waitForLocalWrites(anna, outboxDbName(annaId));
    await reloadOffline(anna);
    await waitForEditorText(anna, 'Husk servietterne.');
    await waitForEditable(anna);
    await pending.getByText('venter på at blive sendt').waitFor();
    await anna.getByText('1 handling venter på at blive sendt').waitFor();

    await server.resume();
    await waitForSaved(anna);
    await pending.waitFor({ state: 'detached', timeout: 30_000 });
    // Bent's open page gets both: the text by sync, the comment by the server's "comments changed".
    await waitForEditorText(bent, 'Husk servietterne.', 30_000);
    // Accepted, not refused: a refusal stays in the outbox panel with the server's reason.
    const refused = anna.getByTestId('outbox').locator('.outbox__refused');
    expect(await refused.count(), await refused.innerText().catch(() => '')).toBe(0);
    await bent.getByTestId('comments-panel').getByTestId('thread').filter({ hasText: 'Hvem tager dem med?' }).waitFor({ timeout: 30_000 });
    const comments = (await (await bent.request.get(`${server.url}/api/documents/${documentId}/comments`)).json()) as {
      comments: { text: string; anchor: { quote: { exact: string } } | null; author: { name: string } | null }[];
    };
    expect(
      comments.comments.map(({ text, anchor, author }) => ({ text, quote: anchor?.quote.exact, author: author?.name })),
    ).toContainEqual({
      text: 'Hvem tager dem med?',
      quote: 'servietterne.',
      author: ANNA.name,
    });
    await waitForServerBody(server.url, server.secret, documentId, (xml) => xml.includes('Husk servietterne.'));
  });

  it('(e) signing out deletes the person’s kept pages; the app shell stays, and offline the document no longer opens', async () => {
    await bent.goto(`${server.url}/`);
    await bent.getByRole('button', { name: 'Log ud' }).click();
    await bent.getByRole('link', { name: 'Log ind' }).first().waitFor();
    const left = await bent.evaluate(
      async (path) => ({ names: await caches.keys(), page: (await caches.match(path, { ignoreVary: true })) !== undefined }),
      `/d/${documentId}`,
    );
    expect(left.page).toBe(false);
    expect(left.names).toContain('shell-precache');

    await server.halt();
    const response = await bent.goto(`${server.url}/d/${documentId}`);
    expect(response?.status()).toBe(503);
    await bent.getByRole('heading', { name: 'Du er offline' }).waitFor();
    await server.resume();
  });

  it('reported no CSP violations, page errors or service worker failures', () => {
    expect(pageErrors).toEqual([]);
  });
});
