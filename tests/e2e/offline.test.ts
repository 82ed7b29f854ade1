/**
 * The app opens offline (issue 4), in real Chromium against the production build: the service
 * worker keeps the app shell and the pages opened (or fetched ahead), the editor opens from the
 * local copy, a comment written offline waits in the outbox, and what was written while the
 * server was gone reaches it when it is back. "Offline" here is the faithful kind: the server's
 * whole process group is stopped, then started again on the same port with the same data. Each
 * test makes its own people and documents, and a test that stops the server has it started again
 * after it whatever happened, so any one runs alone; every test's pages must report no CSP
 * violation, page error or service worker failure (afterEach).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { documentDbName, outboxDbName } from '../../lib/offline/localNames';
import { launchChromium } from './helpers/launchChromium';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { createDocumentOverHttp, grantOverHttp, signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { closeBarDialog, openShareDialog } from './helpers/documentBar';
import { EDITOR, WAIT_MS, createBlankDocument, editorText, moveCaret, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { textOfXml, waitForLocalWrites, waitForOfflineCopy, waitForServerBody } from './helpers/offlinePage';

const ANNA = 'Anna Offline';
const BENT = 'Bent Offline';
const OFFLINE_NOTICE = 'Du er offline. Dokumenter gemt på denne enhed kan åbnes og redigeres.';
const TITLE = 'Madpakker til toget';

let server: AppServer;
let browser: Browser;
/** The running test's browser profiles (closed after it, so a late error is blamed on it). */
const contexts: BrowserContext[] = [];
/** Whether the running test left the server stopped. */
let halted = false;
/** Errors the running test's pages reported (CSP violations, failed service worker registration, uncaught errors). */
const pageErrors: string[] = [];

function watch(page: Page): void {
  page.on('console', (message) => {
    if (/CSP violation|Content Security Policy|service ?worker/i.test(message.text()) && message.type() === 'error') {
      pageErrors.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
}

async function watched(context: BrowserContext): Promise<void> {
  context.setDefaultTimeout(WAIT_MS);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  context.on('page', watch);
}

/** A new person signed in (made over HTTP) in a watched browser profile of their own. */
const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watched });

async function halt(): Promise<void> {
  halted = true;
  await server.halt();
}

async function resume(): Promise<void> {
  await server.resume();
  halted = false;
}

async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
    timeout: WAIT_MS,
  });
}

async function personId(page: Page, documentId: string): Promise<string> {
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

/** Anna creates TITLE from the start page (an in-app navigation) and has it open, editable and kept by the service worker. */
async function annaWithKeptDocument() {
  const anna = await person(ANNA);
  await anna.page.goto(`${server.url}/`);
  const { id: documentId } = await createBlankDocument(anna.page, TITLE);
  const annaId = await personId(anna.page, documentId);
  await waitForEditable(anna.page);
  await waitForOfflineCopy(anna.page, `/d/${documentId}`, WAIT_MS);
  return { anna, annaId, documentId };
}

/** Types at the end of the editor's text. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR).click();
  await moveCaret(page, 'Control+End');
  await page.keyboard.type(text);
}

/**
 * Anna's document (made over HTTP) shared with Bent as editor, open and kept for offline use in
 * both browsers, with `text` typed by Anna and saved.
 */
async function coWritersOffline(text?: string) {
  const [anna, bent] = [await person(ANNA), await person(BENT)];
  const documentId = await createDocumentOverHttp(server, anna.session, TITLE);
  await grantOverHttp(server, anna.session, documentId, bent.email, 'editor');
  const path = `/d/${documentId}`;
  for (const profile of [anna, bent]) {
    // The start page installs the service worker; once it controls the page, it keeps the document's page as it is opened.
    await profile.page.goto(`${server.url}/`);
    await profile.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: WAIT_MS });
    await profile.page.goto(`${server.url}${path}`);
    await waitForEditable(profile.page);
  }
  if (text) {
    await typeAtEnd(anna.page, text);
    await waitForEditorText(bent.page, text);
  }
  await Promise.all([waitForOfflineCopy(anna.page, path, WAIT_MS), waitForOfflineCopy(bent.page, path, WAIT_MS)]);
  const [annaId, bentId] = await Promise.all([personId(anna.page, documentId), personId(bent.page, documentId)]);
  return { anna, bent, annaId, bentId, documentId };
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});

/** Whether the server answers; a test that found it gone fails, and the next one gets it back. */
async function serverAnswers(): Promise<boolean> {
  return fetch(`${server.url}/healthz`).then(
    (response) => response.ok,
    () => false,
  );
}

afterEach(async () => {
  if (halted) await resume();
  else if (!(await serverAnswers())) {
    console.error(`the server stopped answering during the test; its last output:\n${server.output().slice(-4000)}`);
    await server.halt();
    await resume();
  }
  for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('the app opens offline', () => {
  it('registers the service worker, which keeps the page of a document once it is opened', async () => {
    const anna = (await person(ANNA)).page;
    await anna.goto(`${server.url}/`);
    await anna.getByLabel('Titel', { exact: true }).fill(TITLE);
    await anna.getByLabel('Tomt dokument').check();
    await anna.getByRole('button', { name: 'Opret dokument' }).click();
    await anna.waitForURL(/\/d\/[A-Za-z0-9_-]+$/);
    const documentId = new URL(anna.url()).pathname.split('/').pop()!;
    await waitForEditable(anna);

    // Reached by an in-app navigation (an RSC request): the worker fetched the page's HTML as well.
    await waitForOfflineCopy(anna, `/d/${documentId}`, WAIT_MS);
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
    const { anna: annaProfile, annaId, documentId } = await annaWithKeptDocument();
    const anna = annaProfile.page;
    await anna.locator(EDITOR).click();
    await anna.keyboard.type('Skrevet online.');
    await waitForSaved(anna);

    await halt();
    await reloadOffline(anna);
    await anna.getByText(OFFLINE_NOTICE).waitFor();
    await expect(anna.getByTestId('document-title').textContent()).resolves.toBe(TITLE);
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
    // Anna wrote online, then offline (with the server stopped) and reloaded: her text is only on her device.
    const { anna: annaProfile, annaId, documentId } = await annaWithKeptDocument();
    const anna = annaProfile.page;
    const bentProfile = await person(BENT);
    await anna.locator(EDITOR).click();
    await anna.keyboard.type('Skrevet online.');
    await waitForSaved(anna);
    await halt();
    await reloadOffline(anna);
    await waitForEditable(anna);
    await anna.locator(EDITOR).click();
    await moveCaret(anna, 'Control+End');
    await anna.keyboard.type(' Skrevet offline.');
    await waitForLocalWrites(anna, documentDbName(annaId, documentId));

    await resume();
    await waitForSaved(anna);
    await anna.getByText(OFFLINE_NOTICE).waitFor({ state: 'detached' });
    const body = await waitForServerBody(
      server.url,
      server.secret,
      documentId,
      (xml) => xml.includes('Skrevet online. Skrevet offline.'),
      WAIT_MS,
    );
    expect(textOfXml(body)).toContain('Skrevet offline.');

    // Bent gets access and sees it (a second browser profile, fresh from the server).
    const dialog = await openShareDialog(anna);
    const share = anna.getByTestId('share-panel');
    await share.getByLabel('E-mail på den, du vil give adgang').fill(bentProfile.email);
    await share.getByLabel('Rolle').selectOption('editor');
    await share.getByRole('button', { name: 'Giv adgang' }).click();
    await share.getByText(`${BENT} (${bentProfile.email}) – Kan redigere`).waitFor();
    await closeBarDialog(anna, dialog);
    const bent = bentProfile.page;
    await bent.goto(`${server.url}/d/${documentId}`);
    await waitForEditorText(bent, 'Skrevet online. Skrevet offline.');
    await waitForEditable(bent);
    await waitForOfflineCopy(bent, `/d/${documentId}`, WAIT_MS);
  });

  it('(b) two people edit the same paragraph while the server is down; afterwards both and the server hold the same text', async () => {
    const { anna: annaProfile, bent: bentProfile, bentId, documentId } = await coWritersOffline('Skrevet online. Skrevet offline.');
    const [anna, bent] = [annaProfile.page, bentProfile.page];
    await Promise.all([waitForSaved(anna), waitForSaved(bent)]);
    await halt();
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

    await resume();
    await Promise.all([waitForEditorText(anna, 'Bent: frugt til alle.'), waitForEditorText(bent, 'Anna: ost og rugbrød.')]);
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
      WAIT_MS,
    );
    expect(textOfXml(body)).toBe(annaText);
  });

  it('(c) a document marked "Gem til offline brug" on the list opens offline without having been opened', async () => {
    const { anna: annaProfile } = await annaWithKeptDocument();
    const anna = annaProfile.page;
    const title = 'Køreplan for workshoppen';
    const otherId = await createDocument(anna, title, 'projektforslag');
    await anna.goto(`${server.url}/`);
    const item = anna.getByRole('listitem').filter({ has: anna.getByRole('link', { name: title }) });
    const keep = item.getByRole('checkbox', { name: `Gem til offline brug: ${title}` });
    expect(await keep.isChecked()).toBe(false);
    await keep.check();
    await item.getByText('Tilgængelig offline').waitFor();
    expect(await keep.isChecked()).toBe(true);
    // The document opened earlier is available too (its local copy and page exist).
    await anna
      .getByRole('listitem')
      .filter({ has: anna.getByRole('link', { name: TITLE }) })
      .getByText('Tilgængelig offline')
      .waitFor();

    await halt();
    const response = await anna.goto(`${server.url}/d/${otherId}`);
    expect(response?.ok()).toBe(true);
    await anna.getByText(OFFLINE_NOTICE).waitFor();
    await expect(anna.getByTestId('document-title').textContent()).resolves.toBe(title);
    // The project proposal template's headings, from the local copy.
    await waitForEditorText(anna, 'Formål');
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
    await resume();
  });

  it('(c) removing it from the device deletes its local copy and page', async () => {
    const annaProfile = await person(ANNA);
    const anna = annaProfile.page;
    const title = 'Køreplan for workshoppen';
    const otherId = await createDocumentOverHttp(server, annaProfile.session, title);
    const annaId = await personId(anna, otherId);
    await anna.goto(`${server.url}/`);
    const item = anna.getByRole('listitem').filter({ has: anna.getByRole('link', { name: title }) });
    const keep = item.getByRole('checkbox', { name: `Gem til offline brug: ${title}` });
    await keep.check();
    await item.getByText('Tilgængelig offline').waitFor();

    // Kept, as the list says when it is opened again.
    await anna.goto(`${server.url}/`);
    await item.getByText('Tilgængelig offline').waitFor();
    expect(await keep.isChecked()).toBe(true);
    await keep.uncheck();
    await item.getByText(`${title} er fjernet fra enheden.`).waitFor();
    expect(await item.getByText('Tilgængelig offline').count()).toBe(0);
    const linked = new URL(await item.getByRole('link', { name: title }).evaluate((link) => (link as HTMLAnchorElement).href)).pathname
      .split('/')
      .pop()!;
    expect(linked).toBe(otherId);
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
    const { anna: annaProfile, bent: bentProfile, annaId, documentId } = await coWritersOffline();
    const [anna, bent] = [annaProfile.page, bentProfile.page];
    await Promise.all([waitForSaved(anna), waitForSaved(bent)]);
    await halt();
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

    await resume();
    await waitForSaved(anna);
    await pending.waitFor({ state: 'detached' });
    // Bent's open page gets both: the text by sync, the comment by the server's "comments changed".
    await waitForEditorText(bent, 'Husk servietterne.');
    // Accepted, not refused: a refusal stays in the outbox panel with the server's reason.
    const refused = anna.getByTestId('outbox').locator('.outbox__refused');
    expect(await refused.count(), await refused.innerText().catch(() => '')).toBe(0);
    await bent.getByTestId('comments-panel').getByTestId('thread').filter({ hasText: 'Hvem tager dem med?' }).waitFor();
    const comments = (await (await bent.request.get(`${server.url}/api/documents/${documentId}/comments`)).json()) as {
      comments: { text: string; anchor: { quote: { exact: string } } | null; author: { name: string } | null }[];
    };
    expect(
      comments.comments.map(({ text, anchor, author }) => ({ text, quote: anchor?.quote.exact, author: author?.name })),
    ).toContainEqual({
      text: 'Hvem tager dem med?',
      quote: 'servietterne.',
      author: ANNA,
    });
    await waitForServerBody(server.url, server.secret, documentId, (xml) => xml.includes('Husk servietterne.'), WAIT_MS);
  });

  it('(e) signing out deletes the person’s kept pages; the app shell stays, and offline the document no longer opens', async () => {
    const { bent: bentProfile, documentId } = await coWritersOffline();
    const bent = bentProfile.page;
    await bent.goto(`${server.url}/`);
    await bent.getByRole('button', { name: 'Log ud' }).click();
    await bent.getByRole('link', { name: 'Log ind' }).first().waitFor();
    const left = await bent.evaluate(
      async (path) => ({ names: await caches.keys(), page: (await caches.match(path, { ignoreVary: true })) !== undefined }),
      `/d/${documentId}`,
    );
    expect(left.page).toBe(false);
    expect(left.names).toContain('shell-precache');

    await halt();
    const response = await bent.goto(`${server.url}/d/${documentId}`);
    expect(response?.status()).toBe(503);
    await bent.getByRole('heading', { name: 'Du er offline' }).waitFor();
    await resume();
  });
});
