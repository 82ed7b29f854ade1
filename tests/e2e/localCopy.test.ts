/**
 * The local copy of every opened document, in real Chromium against the production server:
 * - a reload opens the document from the person's local copy, editable and with its text, while
 *   the sync socket gets no answer from the server (routeWebSocket holds it); edits made then are
 *   counted as waiting, also after another reload, and reach the server once the socket is let through;
 * - resetting the history (share panel) closes open editors with 4409; a browser whose local copy
 *   holds text written in the old history does not merge it, and offers it to copy;
 * - the local data names are per person, and signing out deletes them (after asking, when
 *   something is not on the server yet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './helpers/launchChromium';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { sessionHttp } from './helpers/sessionHttp';
import { waitInPage } from './helpers/waitInPage';
import { createDocumentOverHttp, grantOverHttp, uniqueEmail } from './helpers/signedInProfile';
import { waitForLocalWrites } from './helpers/offlinePage';
import {
  EDITOR,
  WAIT_MS,
  createBlankDocument,
  editorText,
  signInHere,
  signUp,
  syncStatus,
  waitForEditable,
  waitForEditorText,
} from './helpers/editorPage';
import { closeBarDialog, openShareDialog } from './helpers/documentBar';

const ANNA = 'anna.lokal@eksempel.dk';
const FIRST_LINE = 'Vi mødes lørdag kl. 10.';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const { signUp: signUpOverHttp } = sessionHttp(() => server);

/** A browser profile whose sync sockets reach the server only while `open` is true. */
interface Profile {
  readonly context: BrowserContext;
  readonly page: Page;
  /** While false, /sync/ sockets open but the server never hears of them (nor answers). */
  open: boolean;
}

/** A new browser profile; signed in when given a session. */
async function newProfile(session?: string): Promise<Profile> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  if (session) await context.addCookies([{ name: 'samskriv_session', value: session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  const profile: Profile = { context, page, open: true };
  await context.routeWebSocket(/\/sync\//, (ws) => {
    if (profile.open) ws.connectToServer();
    // Held: the page's socket is open, the server is never reached, nothing comes back.
  });
  return profile;
}

const databaseNames = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((info) => info.name ?? ''));

const waitForSaved = (page: Page) =>
  page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
    timeout: WAIT_MS,
  });

/**
 * Waits until the local copy has stored as many unconfirmed changes as the status shows, none once
 * it says "Gemt" (the copy writes them as they happen and as the server confirms them; a reload
 * before that would test the race, not the feature). One
 * transaction over both stores runs after every write issued before it.
 */
async function waitForStoredPending(page: Page, documentId: string): Promise<void> {
  await waitInPage(
    page,
    async (id) => {
      const element = document.querySelector('[data-testid="sync-status"]');
      const status = element?.textContent ?? '';
      // "Gemt …": nothing waits, and the copy must have stored that too (the server's confirmation).
      // The words say only that changes wait; the tracker's count is on the element.
      if (!status.startsWith('Gemt') && !status.includes('ændringer venter')) return false;
      const shown = ['', element?.getAttribute('data-pending') ?? ''];
      const name = (await indexedDB.databases()).map((info) => info.name ?? '').find((n) => n.endsWith(`:doc:${id}`));
      if (!name) return false;
      const stored = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(['updates', 'custom'], 'readonly').objectStore('custom').get('sync-state');
          read.onsuccess = () => {
            db.close();
            resolve((read.result as { pending?: unknown[] } | undefined)?.pending?.length ?? 0);
          };
          read.onerror = () => reject(read.error);
        };
      });
      return stored === Number(shown[1]);
    },
    documentId,
    { what: 'the local copy to store as many unconfirmed changes as the status shows', timeout: WAIT_MS },
  );
}

/** Waits until the local copy no longer keeps rescued text (closing the notice deletes it, asynchronously). */
async function waitForRescuedTextGone(page: Page, documentId: string): Promise<void> {
  await waitInPage(
    page,
    async (id) => {
      const name = (await indexedDB.databases()).map((info) => info.name ?? '').find((n) => n.endsWith(`:doc:${id}`));
      if (!name) return false;
      return new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(['custom'], 'readonly').objectStore('custom').get('stale-text');
          read.onsuccess = () => {
            db.close();
            resolve(read.result === undefined);
          };
          read.onerror = () => reject(read.error);
        };
      });
    },
    documentId,
    { what: 'the rescued text to leave the local copy', timeout: WAIT_MS },
  );
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

interface Scenario {
  /** Anna's own browser, on the document, which it holds in its local copy. */
  readonly anna: Profile;
  readonly email: string;
  readonly session: string;
  readonly documentId: string;
  readonly documentUrl: string;
}

/**
 * A new person (Anna Lokal) with a new document holding FIRST_LINE, open in her browser, saved on
 * the server and stored in the local copy: where every test but the first starts, made afresh for
 * each, so any one of them can run alone.
 */
async function annaWithDocument(): Promise<Scenario> {
  const email = uniqueEmail('Anna Lokal');
  const { session } = await signUpOverHttp(email, 'Anna Lokal');
  const documentId = await createDocumentOverHttp(server, session, 'Arbejdsdag i haven');
  const documentUrl = `${server.url}/d/${documentId}`;
  const anna = await newProfile(session);
  await anna.page.goto(documentUrl);
  await waitForEditable(anna.page);
  await typeAtEnd(anna.page, FIRST_LINE);
  await waitForSaved(anna.page);
  await waitForStoredPending(anna.page, documentId);
  return { anna, email, session, documentId, documentUrl };
}

/** Another browser of the same person: signs in on the sign-in page and lands on the document. */
async function anotherBrowser({ email, documentId, documentUrl }: Scenario): Promise<Profile> {
  const profile = await newProfile();
  await profile.page.goto(`${server.url}/konto/log-ind?next=${encodeURIComponent(`/d/${documentId}`)}`);
  await signInHere(profile.page, email);
  await profile.page.waitForURL(documentUrl);
  return profile;
}

/** Cuts the profile off the server and reloads: the document opens from the local copy alone. */
async function reloadWithoutServer(profile: Profile): Promise<void> {
  profile.open = false;
  await profile.page.reload();
  await waitForEditable(profile.page);
}

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('the local copy of a document', () => {
  it('keeps a copy per person and document once the document is opened', async () => {
    const anna = await newProfile();
    await signUp(anna.page, server.url, 'Anna Lokal', ANNA);
    const { id: documentId } = await createBlankDocument(anna.page, 'Arbejdsdag i haven');
    await waitForEditable(anna.page);
    await typeAtEnd(anna.page, FIRST_LINE);
    await waitForSaved(anna.page);
    await waitForStoredPending(anna.page, documentId);
    const names = await databaseNames(anna.page);
    expect(names.some((name) => /^samskriv:[^:]+:doc:/.test(name) && name.endsWith(`:doc:${documentId}`))).toBe(true);
  });

  it('opens from the local copy after a reload, editable, while the server does not answer', async () => {
    const { anna } = await annaWithDocument();
    anna.open = false;
    const started = Date.now();
    await anna.page.reload();
    await waitForEditable(anna.page);
    const editableAfterMs = Date.now() - started;
    expect(await editorText(anna.page)).toContain(FIRST_LINE);
    expect(await syncStatus(anna.page)).toBe('Forbinder…');
    // Only the local copy could have given it: the server never heard of this page's socket.
    console.info(`local copy: navigation to an editable document in ${editableAfterMs} ms`);
  });

  it('counts what is typed meanwhile as waiting, also after another reload', async () => {
    const { anna, documentId } = await annaWithDocument();
    await reloadWithoutServer(anna);
    await typeAtEnd(anna.page, ' Tag handsker med.');
    await anna.page.waitForFunction(() =>
      /^Forbinder… \(ændringer venter\)$/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''),
    );
    await waitForStoredPending(anna.page, documentId);
    await anna.page.reload();
    await waitForEditable(anna.page);
    expect(await editorText(anna.page)).toContain(`${FIRST_LINE} Tag handsker med.`);
    expect(await syncStatus(anna.page)).toMatch(/^Forbinder… \(ændringer venter\)$/);
  });

  it('sends it all once the server can be reached, and says "Gemt" only then', async () => {
    const scenario = await annaWithDocument();
    const { anna, documentId } = scenario;
    await reloadWithoutServer(anna);
    await typeAtEnd(anna.page, ' Tag handsker med.');
    await anna.page.waitForFunction(() =>
      /^Forbinder… \(ændringer venter\)$/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''),
    );
    await waitForStoredPending(anna.page, documentId);

    anna.open = true;
    await anna.page.reload();
    await waitForSaved(anna.page);
    expect(await editorText(anna.page)).toContain(`${FIRST_LINE} Tag handsker med.`);
    // A second browser of Anna's, with no local copy: the text is on the server.
    const other = await anotherBrowser(scenario);
    await waitForEditorText(other.page, `${FIRST_LINE} Tag handsker med.`);
    await other.context.close();
  });
});

describe('what waits, as a person counts it (issue 13)', () => {
  const statusIs = (page: Page, wanted: string) =>
    page.waitForFunction((text) => document.querySelector('[data-testid="sync-status"]')?.textContent === text, wanted, {
      timeout: WAIT_MS,
    });
  const copyName = (page: Page, documentId: string) =>
    page.evaluate(
      async (id) => (await indexedDB.databases()).map((info) => info.name ?? '').find((n) => n.endsWith(`:doc:${id}`)) ?? '',
      documentId,
    );

  it('a phrase typed without the server is "changes waiting", not a count of keystrokes, also after a reload', async () => {
    const { anna, documentId } = await annaWithDocument();
    await reloadWithoutServer(anna);
    await typeAtEnd(anna.page, ' Husk termokanden og kopperne.');
    await statusIs(anna.page, 'Forbinder… (ændringer venter)');
    await waitForStoredPending(anna.page, documentId);
    await anna.page.reload();
    await waitForEditable(anna.page);
    expect(await syncStatus(anna.page)).toBe('Forbinder… (ændringer venter)');
  });

  it('a reload without edits has nothing waiting, also when someone else wrote in the document', async () => {
    const scenario = await annaWithDocument();
    const { anna, documentId, documentUrl } = scenario;
    const bentEmail = uniqueEmail('Bent Lokal');
    const { session: bentSession } = await signUpOverHttp(bentEmail, 'Bent Lokal');
    await grantOverHttp(server, scenario.session, documentId, bentEmail, 'editor');
    const bent = await newProfile(bentSession);
    await bent.page.goto(documentUrl);
    await waitForEditable(bent.page);
    await typeAtEnd(bent.page, ' Bent tager kaffe med.');
    await typeAtEnd(bent.page, ' Og kage.');
    await waitForSaved(bent.page);
    await waitForEditorText(anna.page, 'Bent tager kaffe med. Og kage.');
    await waitForSaved(anna.page);
    await waitForLocalWrites(anna.page, await copyName(anna.page, documentId));
    await waitForStoredPending(anna.page, documentId);

    await reloadWithoutServer(anna);
    expect(await editorText(anna.page)).toContain('Bent tager kaffe med. Og kage.');
    expect(await syncStatus(anna.page)).toBe('Forbinder…');
    await bent.context.close();
  });
});

describe('resetting the history', () => {
  it('closes open editors, and a copy with text from the old history offers it to copy instead of merging it', async () => {
    const scenario = await annaWithDocument();
    const { anna: owner, documentId } = scenario;

    // Another browser of Anna's writes a paragraph the server never gets.
    const writer = await anotherBrowser(scenario);
    await waitForSaved(writer.page);
    // The copy must hold the document before the reload (its writes are asynchronous), or the
    // reload finds no copy and rightly waits for the server, which this socket never reaches.
    await waitForStoredPending(writer.page, documentId);
    await reloadWithoutServer(writer);
    await typeAtEnd(writer.page, ' Skrevet offline i den gamle historik.');
    await waitForStoredPending(writer.page, documentId);

    // The owner resets the history; their own open editor is closed and reopens from the fresh body.
    const share = await openShareDialog(owner.page);
    const panel = owner.page.getByTestId('reset-history');
    await panel.getByRole('button', { name: 'Nulstil historik …' }).click();
    await panel.getByRole('button', { name: 'Ja, nulstil historikken' }).click();
    await owner.page.getByText('Historikken er nulstillet (udgave 2).').waitFor({ state: 'attached' });
    await closeBarDialog(owner.page, share);
    await waitForSaved(owner.page);
    await waitForEditable(owner.page);
    expect(await editorText(owner.page)).toContain(FIRST_LINE);
    // The owner had nothing unsent: no notice for them.
    expect(await owner.page.getByTestId('rescued-text').count()).toBe(0);

    // The writer comes back online: the copy of epoch 1 is set aside, its text offered to copy.
    writer.open = true;
    await writer.page.reload();
    const notice = writer.page.getByTestId('rescued-text');
    await notice.getByText('Din lokale tekst er ikke flettet ind.').waitFor();
    await waitForSaved(writer.page);
    const textarea = notice.getByLabel('Din lokale tekst');
    await writer.page.waitForFunction(
      () => !document.querySelector('[data-testid="rescued-text"]')?.textContent?.includes('Indtil serverens udgave'),
    );
    expect(await textarea.inputValue()).toBe(`${FIRST_LINE} Skrevet offline i den gamle historik.`);
    expect(await textarea.getAttribute('readonly')).not.toBeNull();
    await notice.getByRole('button', { name: 'Kopiér teksten' }).click();
    await notice.getByText('Teksten er kopieret.').waitFor({ state: 'attached' });
    expect(await writer.page.evaluate(() => navigator.clipboard.readText())).toContain('Skrevet offline i den gamle historik.');

    // Not merged: neither this editor, nor the owner's, nor the server has it.
    expect(await editorText(writer.page)).not.toContain('Skrevet offline');
    expect(await editorText(owner.page)).not.toContain('Skrevet offline');
    await owner.page.reload();
    await waitForSaved(owner.page);
    expect(await editorText(owner.page)).not.toContain('Skrevet offline');

    // The text stays offered across a reload until it is dismissed.
    await writer.page.reload();
    await notice.getByLabel('Din lokale tekst').waitFor();
    await notice.getByRole('button', { name: 'Luk' }).click();
    expect(await writer.page.getByTestId('rescued-text').count()).toBe(0);
    await waitForRescuedTextGone(writer.page, documentId);
    await writer.page.reload();
    await waitForEditable(writer.page);
    expect(await writer.page.getByTestId('rescued-text').count()).toBe(0);
  });
});

describe('signing out', () => {
  const personDatabases = async (page: Page) =>
    (await databaseNames(page)).filter((name) => name.startsWith('samskriv:') && !name.startsWith('samskriv:anonymous:'));

  it('asks first when changes are not on the server, and then deletes the person’s local data', async () => {
    // annaWithDocument() waits until the copy holds the document: a reload before that finds no
    // copy and waits for the server, which this socket never reaches (the flake this test had).
    const { anna: profile, documentId } = await annaWithDocument();
    await reloadWithoutServer(profile);
    await typeAtEnd(profile.page, ' Ikke sendt endnu.');
    await waitForStoredPending(profile.page, documentId);
    const before = await personDatabases(profile.page);
    expect(before.some((name) => name.endsWith(`:doc:${documentId}`))).toBe(true);
    expect(before.some((name) => name.endsWith(':cache'))).toBe(true);

    // What the dialog says at the moment it opens (what a screen reader announces), not after.
    await profile.page.evaluate(() => {
      const dialog = document.querySelector('[data-testid="sign-out-dialog"]');
      if (!dialog) throw new Error('no sign-out dialog on the page');
      new MutationObserver(() => {
        if (dialog.hasAttribute('open')) (window as { dialogTextAtOpen?: string }).dialogTextAtOpen ??= dialog.textContent ?? '';
      }).observe(dialog, { attributes: true, attributeFilter: ['open'] });
    });

    // Asked first; "Bliv logget ind" keeps everything as it was.
    await profile.page.getByRole('button', { name: 'Log ud' }).click();
    const dialog = profile.page.getByRole('dialog', { name: 'Noget er endnu ikke gemt på serveren' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/\d+ ændring(er)? er endnu ikke gemt på serveren\./);
    expect(await profile.page.evaluate(() => (window as { dialogTextAtOpen?: string }).dialogTextAtOpen)).toMatch(
      /\d+ ændring(er)? er endnu ikke gemt på serveren\./,
    );
    // The safe choice has the focus; Escape closes like it.
    expect(await profile.page.evaluate(() => document.activeElement?.textContent)).toBe('Bliv logget ind');
    await profile.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await profile.page.getByText('Logget ind som Anna Lokal').count()).toBe(1);
    expect(await personDatabases(profile.page)).toEqual(before);

    await profile.page.getByRole('button', { name: 'Log ud' }).click();
    await dialog.getByRole('button', { name: 'Log ud alligevel' }).click();
    await profile.page.waitForURL(`${server.url}/`);
    await profile.page.getByRole('banner').getByRole('link', { name: 'Log ind' }).waitFor();
    expect(await personDatabases(profile.page)).toEqual([]);
  });

  it('signs out at once when nothing is waiting, and still deletes the local copies', async () => {
    const { anna: profile, documentId } = await annaWithDocument();
    expect((await personDatabases(profile.page)).some((name) => name.endsWith(`:doc:${documentId}`))).toBe(true);
    await profile.page.getByRole('button', { name: 'Log ud' }).click();
    await profile.page.waitForURL(`${server.url}/`);
    await profile.page.getByRole('banner').getByRole('link', { name: 'Log ind' }).waitFor();
    expect(await personDatabases(profile.page)).toEqual([]);
    expect(await profile.page.getByTestId('sign-out-dialog').count()).toBe(0);
  });
});
