/**
 * Opening a document and typing at once, in real Chromium against the production server. Every
 * character typed as soon as the editor says it takes input (its own contenteditable attribute,
 * waited for, never a timer) reaches the server, read back by a second client: on a cold server,
 * in fresh browser profiles (no local copy: the editor waits for the server), from a local copy
 * (writable before the server answers), while the server is slow to hand out the sync token, and
 * right after a restart. Before it takes input the editor says so inside itself (aria-busy,
 * "Forbinder…"), and keys typed then are said not taken. After an outage, waiting edits are saved
 * as soon as the server is back (the time is logged). A reader granted edit or comment while the
 * document is open gets it without a reload, and the read-only notice says what they can do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './helpers/launchChromium';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { createDocumentOverHttp, grantOverHttp, signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { EDITOR, WAIT_MS } from './helpers/editorPage';
import { waitForServerText } from './helpers/serverText';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let anna: SignedInProfile;

interface Profile {
  readonly page: Page;
  /** Lets the held sync-token requests through (only for `slowToken` profiles). */
  release(): void;
}

/**
 * A new browser profile of someone's (no local copy yet). With `slowToken`, the page's sync-token
 * requests wait until release(): the server is slow to let the editor connect.
 */
async function profileOf(who: SignedInProfile, options: { slowToken?: boolean } = {}): Promise<Profile> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  await context.addCookies([{ name: 'samskriv_session', value: who.session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  let release = () => {};
  if (options.slowToken) {
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/sync-token/, async (route) => {
      await released;
      await route.continue();
    });
  }
  return { page: await context.newPage(), release: () => release() };
}

const writable = (page: Page) => page.locator(`${EDITOR}[contenteditable="true"]`);

/** Waits only for the editor to say it takes input, then clicks into it and types at once. */
async function typeAsSoonAsWritable(page: Page, text: string): Promise<void> {
  await writable(page).waitFor();
  await page.locator(EDITOR).click();
  await page.keyboard.type(text);
}

const waitForSaved = (page: Page) =>
  page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
    timeout: WAIT_MS,
  });

beforeAll(async () => {
  // A server just started: the first document page and sync token it serves are cold.
  server = await startAppServer();
  browser = await launchChromium();
  anna = await signedInProfile(browser, server, 'Anna Jensen', { contexts });
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('typing into a document just opened', () => {
  it('keeps every character typed as soon as the editor takes input: cold server, fresh profiles, local copy', async () => {
    for (let round = 1; round <= 3; round += 1) {
      const documentId = await createDocumentOverHttp(server, anna.session, `Runde ${round}`);
      const { page } = await profileOf(anna);
      // The last round on a slow computer (Chromium's CPU throttling): every step of opening takes longer.
      if (round === 3) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const text = `Ada tilføjer runde ${round}: æøå.`;
      await page.goto(`${server.url}/d/${documentId}`);
      await typeAsSoonAsWritable(page, text);
      await waitForServerText(server, documentId, [text]);
      // The same profile again: now from its local copy, writable before the server answers.
      const again = `Igen fra den lokale kopi ${round}.`;
      await page.reload();
      await typeAsSoonAsWritable(page, again);
      await waitForServerText(server, documentId, [text, again]);
      await page.context().close();
    }
  });

  it('while the server is slow, says so inside the editor, tells that keys typed then are not taken, and keeps all typed once it is writable', async () => {
    const documentId = await createDocumentOverHttp(server, anna.session, 'Langsom server');
    const { page, release } = await profileOf(anna, { slowToken: true });
    await page.goto(`${server.url}/d/${documentId}`);
    const surface = page.locator('[data-testid="editor"][aria-busy="true"]');
    await surface.waitFor();
    await page.getByTestId('editor-waiting').getByText('Forbinder… Du kan skrive, så snart dokumentet er hentet.').waitFor();
    expect(await page.locator(`${EDITOR}[contenteditable="false"]`).count()).toBe(1);
    // Typing now is not silently lost: the editor says it did not take it.
    await page.locator(EDITOR).click();
    await page.keyboard.type('For tidligt');
    await page.getByRole('alert').getByText('dokumentet hentes stadig, så det du skrev kom ikke med').waitFor();

    release();
    // No second click: the caret is where the person clicked while it waited.
    await writable(page).waitFor();
    await page.locator('[data-testid="editor"][aria-busy="false"]').waitFor();
    await page.keyboard.type('Skrevet straks efter.');
    const text = await waitForServerText(server, documentId, ['Skrevet straks efter.']);
    expect(text).not.toContain('For tidligt');
    await page.context().close();
  });

  it('right after a restart (a cold server again), keeps every character, from a local copy too', async () => {
    const known = await createDocumentOverHttp(server, anna.session, 'Kendt dokument');
    const { page: before } = await profileOf(anna);
    await before.goto(`${server.url}/d/${known}`);
    await typeAsSoonAsWritable(before, 'Før genstarten.');
    await waitForServerText(server, known, ['Før genstarten.']);
    await server.halt();
    await server.resume();
    // Cold: the document is not loaded on the server, the app's pages not warmed; the copy is writable at once.
    await before.reload();
    await typeAsSoonAsWritable(before, 'Fra den lokale kopi efter genstarten.');
    await waitForServerText(server, known, ['Før genstarten.', 'Fra den lokale kopi efter genstarten.']);
    await before.context().close();
    const documentId = await createDocumentOverHttp(server, anna.session, 'Efter genstart');
    const { page } = await profileOf(anna);
    await page.goto(`${server.url}/d/${documentId}`);
    const text = 'Ada tilføjer efter genstart.';
    await typeAsSoonAsWritable(page, text);
    await waitForServerText(server, documentId, [text]);
    await page.context().close();
  });
});

describe('when the server comes back', () => {
  it('saves what waited as soon as the server is back (the time is logged)', async () => {
    const documentId = await createDocumentOverHttp(server, anna.session, 'Udfald');
    const { page } = await profileOf(anna);
    await page.goto(`${server.url}/d/${documentId}`);
    await typeAsSoonAsWritable(page, 'Før udfaldet.');
    await waitForSaved(page);

    await server.halt();
    await page.getByTestId('sync-status').getByText('Forbinder igen…').waitFor();
    await page.keyboard.type(' Skrevet mens serveren var væk.');
    await page
      .getByTestId('sync-status')
      .getByText(/^Forbinder igen… \(ændringer venter\)$/)
      .waitFor();
    // Long enough for the old back-off to have grown (it doubled up to 10 s).
    for (let attempt = 0; attempt < 6; attempt += 1) await page.waitForRequest(/\/sync-token/);

    const resuming = Date.now();
    await server.resume();
    const back = Date.now();
    await waitForSaved(page);
    const saved = Date.now() - back;
    await waitForServerText(server, documentId, ['Før udfaldet. Skrevet mens serveren var væk.']);
    console.log(
      `editorOpen: the server took ${back - resuming} ms to start; "Gemt" ${saved} ms after it answered /healthz; ` +
        `read back by a second client after ${Date.now() - back} ms`,
    );
    await page.context().close();
  });
});

describe('access changed while the document is open', () => {
  it('a reader granted commenting and then editing gets it without a reload, is told what they can do, and what they type is saved', async () => {
    const bent = await signedInProfile(browser, server, 'Bent Hansen', { contexts });
    const documentId = await createDocumentOverHttp(server, anna.session, 'Adgang undervejs');
    await grantOverHttp(server, anna.session, documentId, bent.email, 'viewer');
    const { page } = await profileOf(bent);
    await page.goto(`${server.url}/d/${documentId}`);
    const notice = page.getByTestId('read-only-notice');
    await notice.getByText('Kun læseadgang: du kan læse, men ikke redigere teksten').waitFor();
    await page.locator(`${EDITOR}[contenteditable="false"]`).waitFor();

    await grantOverHttp(server, anna.session, documentId, bent.email, 'commenter');
    await notice.getByText('Du kan kommentere, men ikke redigere teksten').waitFor();
    expect(await page.locator(`${EDITOR}[contenteditable="false"]`).count()).toBe(1);

    await grantOverHttp(server, anna.session, documentId, bent.email, 'editor');
    await typeAsSoonAsWritable(page, 'Bent skriver uden at genindlæse.');
    await page.getByText('Du har fået lov at redigere. Du kan skrive nu.').waitFor();
    expect(await notice.count()).toBe(0);
    await waitForSaved(page);
    await waitForServerText(server, documentId, ['Bent skriver uden at genindlæse.']);
    await page.context().close();
  });
});
