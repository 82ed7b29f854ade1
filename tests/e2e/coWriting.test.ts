/**
 * Two people co-write in real Chromium against the production server: they sign up, the owner
 * shares the document with the other, text and names cross over, the save status tells the
 * truth, text typed offline or while the server is away reaches the server and the other person,
 * a reload keeps everything, embeds honour their token, and revoking access turns the other's
 * editor read-only. Each test makes its own people and document (coWriters()), so any one runs
 * alone; after each, its pages must have reported no CSP violation and connected with tokens only.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { closeBarDialog, openShareDialog } from './helpers/documentBar';
import { launchChromium } from './helpers/launchChromium';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { createDocumentOverHttp, grantOverHttp, signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import {
  EDITOR,
  WAIT_MS,
  createBlankDocument,
  editorText,
  moveCaret,
  signInHere,
  signUp,
  syncStatus,
  waitForEditable,
  waitForEditorText,
} from './helpers/editorPage';

const ANNA = 'anna@eksempel.dk';
const BENT = 'bent@eksempel.dk';
const TITLE = 'Fællesspisning i forsamlingshuset';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const EMBED_ORIGIN = 'https://kommune.example';
/** CSP violations the pages of the running test reported (console and securitypolicyviolation events). */
const cspViolations: string[] = [];
/** The URL of every sync WebSocket a page of the running test opened. */
const sockets: string[] = [];

async function reportCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
}

function watch(page: Page): Page {
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname.startsWith('/sync/')) sockets.push(socket.url());
  });
  return page;
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  await reportCspViolations(context);
  return watch(await context.newPage());
}

/** A new person, signed in (made over HTTP) in a browser profile of their own whose pages are watched. */
async function person(name: string): Promise<SignedInProfile> {
  const profile = await signedInProfile(browser, server, name, { contexts, setUp: reportCspViolations });
  watch(profile.page);
  return profile;
}

/**
 * Anna's new document, shared with Bent as editor, open in both editors: the state most tests start
 * from, made afresh for each so any one of them can run alone.
 */
async function coWriters(title = TITLE) {
  const [anna, bent] = [await person('Anna Jensen'), await person('Bent Hansen')];
  const documentId = await createDocumentOverHttp(server, anna.session, title);
  await grantOverHttp(server, anna.session, documentId, bent.email, 'editor');
  const documentUrl = `${server.url}/d/${documentId}`;
  await Promise.all([anna.page.goto(documentUrl), bent.page.goto(documentUrl)]);
  await Promise.all([waitForEditable(anna.page), waitForEditable(bent.page)]);
  // The blank template's paragraph (the title is the page's h1, not part of the body).
  await Promise.all([anna.page, bent.page].map((page) => page.locator(`${EDITOR} p`).first().waitFor()));
  await Promise.all([anna.page, bent.page].map((page) => page.getByTestId('document-title').getByText(title).waitFor()));
  return { anna, bent, documentId, documentUrl };
}

/** Clicks into the editor and types at the end of its text. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR).click();
  await moveCaret(page, 'Control+End');
  await page.keyboard.type(text);
}

const waitForSaved = (page: Page, timeout = WAIT_MS) =>
  page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, { timeout });

/** The document as a fresh browser of the person gets it: from the server, with no local copy. */
async function fromServer(who: SignedInProfile, documentUrl: string, text: string): Promise<void> {
  const context = await browser.newContext({ locale: 'da-DK' });
  contexts.push(context);
  context.setDefaultTimeout(WAIT_MS);
  await context.addCookies([{ name: 'samskriv_session', value: who.session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = watch(await context.newPage());
  await page.goto(documentUrl);
  await waitForEditorText(page, text);
  await context.close();
}

beforeAll(async () => {
  server = await startAppServer({ env: { EMBED_ORIGINS: EMBED_ORIGIN } });
  browser = await launchChromium();
});

// Each test's own pages: no CSP violation, and every editor connected with a token, never with only the cookie.
afterEach(() => {
  const violations = cspViolations.splice(0);
  const opened = sockets.splice(0);
  expect(violations).toEqual([]);
  for (const url of opened) expect(new URL(url).searchParams.get('token'), url).toMatch(/^ey/);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('co-writing in the browser', () => {
  it('two people sign up, one creates a document and shares it with the other, both open it', async () => {
    const anna = await newPage();
    const bent = await newPage();
    await signUp(anna, server.url, 'Anna Jensen', ANNA);
    await signUp(bent, server.url, 'Bent Hansen', BENT);
    await anna.getByText('Her er ingen dokumenter endnu').waitFor();

    const { url: documentUrl } = await createBlankDocument(anna, TITLE);

    // Private until shared: Bent does not see it, then Anna gives him the editor role by e-mail.
    await bent.reload();
    expect(await bent.getByRole('link', { name: TITLE }).count()).toBe(0);
    const dialog = await openShareDialog(anna);
    const share = anna.getByTestId('share-panel');
    await share.getByLabel('E-mail på den, du vil give adgang').fill(BENT);
    await share.getByLabel('Rolle').selectOption('editor');
    await share.getByRole('button', { name: 'Giv adgang' }).click();
    await share.getByText('Bent Hansen (bent@eksempel.dk) – Kan redigere').waitFor();
    await closeBarDialog(anna, dialog);

    await bent.reload();
    await bent.getByRole('link', { name: TITLE }).click();
    await bent.waitForURL(documentUrl);

    await Promise.all([waitForEditable(anna), waitForEditable(bent)]);
    // Seeded on the server from the template: its paragraph is there for both (the title is the page's h1).
    await Promise.all([anna, bent].map((page) => page.locator(`${EDITOR} p`).first().waitFor()));
    // Both editors connected (with tokens: checked after each test).
    expect(sockets.length).toBeGreaterThanOrEqual(2);
  });

  it('each sees the other’s text and name', async () => {
    const { anna: annaProfile, bent: bentProfile } = await coWriters();
    const [anna, bent] = [annaProfile.page, bentProfile.page];
    await anna.locator(`${EDITOR} p`).last().click();
    await anna.keyboard.type('Hej fra Anna.');
    await waitForEditorText(bent, 'Hej fra Anna.');

    await bent.locator(EDITOR).click();
    await moveCaret(bent, 'Control+End');
    await bent.keyboard.press('Enter');
    await bent.keyboard.type('Hej fra Bent.');
    await waitForEditorText(anna, 'Hej fra Bent.');

    expect(await editorText(anna)).toBe(await editorText(bent));

    // Who is here: both names on both pages.
    await anna.getByTestId('presence-list').getByText('Bent Hansen').waitFor();
    await bent.getByTestId('presence-list').getByText('Anna Jensen').waitFor();
    expect(await anna.getByTestId('presence-list').innerText()).toContain('Anna Jensen (dig)');

    // Carets: Anna sees Bent's labelled caret where he is typing (and the other way round).
    await anna.locator('.collaboration-carets__label', { hasText: 'Bent Hansen' }).waitFor();
    await bent.keyboard.type(' '); // a selection change on Bent's side keeps his caret current
    await anna.locator(`${EDITOR} p`).last().click();
    await bent.locator('.collaboration-carets__label', { hasText: 'Anna Jensen' }).waitFor();
  });

  it('the sync status reaches "Gemt" once the server has stored the edits', async () => {
    const { anna, bent } = await coWriters();
    await typeAtEnd(anna.page, ' Vi mødes torsdag.');
    await waitForEditorText(bent.page, 'Vi mødes torsdag.');
    await waitForSaved(anna.page);
    await waitForSaved(bent.page);
    expect(await syncStatus(anna.page)).toMatch(/^Gemt kl\. \d{2}[.:]\d{2}$/);
    expect(await anna.page.getByRole('status').filter({ hasText: 'Gemt' }).count()).toBe(1);
  });

  it('a reload keeps the content', async () => {
    const { anna } = await coWriters();
    await typeAtEnd(anna.page, ' Vi mødes torsdag.');
    await waitForSaved(anna.page);
    const before = await editorText(anna.page);
    await anna.page.reload();
    await waitForEditable(anna.page);
    await waitForEditorText(anna.page, 'Vi mødes torsdag.');
    expect(await editorText(anna.page)).toBe(before);
  });

  it('formats from the keyboard: one tab stop for the toolbar, arrow keys, aria-pressed', async () => {
    const { anna: annaProfile, bent } = await coWriters();
    const anna = annaProfile.page;
    await typeAtEnd(anna, ' Vigtigt');
    for (let i = 0; i < 'Vigtigt'.length; i++) await moveCaret(anna, 'Shift+ArrowLeft');
    const bold = anna.getByRole('button', { name: 'Fed' });
    expect(await bold.getAttribute('aria-pressed')).toBe('false');

    await anna.keyboard.press('Shift+Tab'); // from the text into the toolbar: its first button
    const focused = () => anna.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focused()).toBe('Fortryd');
    // Arrow keys walk the toolbar: Fortryd, Gentag, Brødtekst, Overskrift 2–4, Fed.
    for (let i = 0; i < 6; i++) await anna.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Fed');
    await anna.keyboard.press('Space');

    await anna.locator(`${EDITOR} strong`, { hasText: 'Vigtigt' }).waitFor();
    await bent.page.locator(`${EDITOR} strong`, { hasText: 'Vigtigt' }).waitFor();
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
  });

  it('says so when the browser is offline, keeps what is typed, and saves it when it is back', async () => {
    const { anna, bent, documentUrl } = await coWriters();
    await anna.context.setOffline(true);
    await anna.page.getByTestId('sync-status').getByText('Offline – ændringer gemmes når forbindelsen er tilbage').waitFor();
    await typeAtEnd(anna.page, ' Skrevet uden net.');
    await anna.page
      .getByTestId('sync-status')
      .getByText(/^Offline – ændringer venter og gemmes, når forbindelsen er tilbage$/)
      .waitFor();
    // Not sent: Bent, who is online the whole time, has not got it.
    expect(await editorText(bent.page)).not.toContain('Skrevet uden net.');

    await anna.context.setOffline(false);
    await waitForSaved(anna.page);
    await waitForEditorText(bent.page, 'Skrevet uden net.');
    await fromServer(bent, documentUrl, 'Skrevet uden net.');
  });

  it('tells the truth while the server is away: reconnecting with changes waiting, then saved', async () => {
    const { anna, bent, documentUrl } = await coWriters();
    await server.halt();
    await anna.page.getByTestId('sync-status').getByText('Forbinder igen…').waitFor();
    await typeAtEnd(anna.page, ' Skrevet mens serveren var væk.');
    expect(await syncStatus(anna.page)).toMatch(/^Forbinder igen… \(ændringer venter\)$/);

    await server.resume();
    await waitForSaved(anna.page);
    await waitForEditorText(bent.page, 'Skrevet mens serveren var væk.');
    // A fresh reader (Bent, signing in on another computer) gets it from the server's disk.
    const reader = await newPage();
    await reader.goto(`${server.url}/konto/log-ind?next=${encodeURIComponent(new URL(documentUrl).pathname)}`);
    await signInHere(reader, bent.email);
    await reader.waitForURL(documentUrl);
    await waitForEditorText(reader, 'Skrevet mens serveren var væk.');
    await reader.context().close();
  });

  it('an embed with a view token is read-only', async () => {
    const { anna, documentId } = await coWriters();
    await typeAtEnd(anna.page, ' Hej fra Anna.');
    await waitForSaved(anna.page);
    const token = await mintSyncToken(
      { sub: 'borger.dk:42', name: 'Læser på kommunens side', doc: documentId, access: 'view' },
      server.secret,
    );
    const viewer = await newPage();
    await viewer.goto(`${server.url}/embed/${documentId}?token=${encodeURIComponent(token)}`);
    await waitForEditorText(viewer, 'Hej fra Anna.');
    expect(await viewer.locator('header').count()).toBe(0); // no site chrome
    await viewer.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    const before = await editorText(viewer);

    await viewer.locator(EDITOR).click();
    await viewer.keyboard.type('Må ikke ændres');
    expect(await editorText(viewer)).toBe(before);
    expect(await editorText(anna.page)).not.toContain('Må ikke ændres');
    expect(await viewer.getByText('Kun læseadgang').count()).toBeGreaterThan(0);
    // The viewer is among those present, with the name from the token.
    await anna.page.getByTestId('presence-list').getByText('Læser på kommunens side').waitFor();
  });

  it('an embed with an edit token can write', async () => {
    const { anna, documentId } = await coWriters();
    const token = await mintSyncToken({ sub: 'decidim:7', name: 'Deltager fra Decidim', doc: documentId, access: 'edit' }, server.secret);
    const editor = await newPage();
    await editor.goto(`${server.url}/embed/${documentId}?token=${encodeURIComponent(token)}`);
    await waitForEditable(editor);
    await editor.locator(EDITOR).click();
    await moveCaret(editor, 'Control+End');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Skrevet via indlejring.');
    await waitForEditorText(anna.page, 'Skrevet via indlejring.');
  });

  it('an embed with an edit token for a new id creates the document', async () => {
    const token = await mintSyncToken(
      { sub: 'govocal:3', name: 'Borger fra Go Vocal', doc: 'hoering-2027-01', access: 'edit', title: 'Høring: Ny legeplads' },
      server.secret,
    );
    const page = await newPage();
    await page.goto(`${server.url}/embed/hoering-2027-01?token=${encodeURIComponent(token)}`);
    await page.getByTestId('document-title').getByText('Høring: Ny legeplads').waitFor();
    await waitForEditable(page);
    await page.locator(EDITOR).click();
    await page.keyboard.type('Første kommentar.');
    await waitForEditorText(page, 'Første kommentar.');
    await waitForSaved(page);
    // It exists now: a view token for it shows what was written.
    const viewToken = await mintSyncToken({ sub: 'govocal:4', name: 'Læser', doc: 'hoering-2027-01', access: 'view' }, server.secret);
    const reader = await newPage();
    await reader.goto(`${server.url}/embed/hoering-2027-01?token=${encodeURIComponent(viewToken)}`);
    await waitForEditorText(reader, 'Første kommentar.');
  });

  it('when the owner revokes access, the other’s editor turns read-only', async () => {
    const { anna, bent } = await coWriters();
    await openShareDialog(anna.page);
    const share = anna.page.getByTestId('share-panel');
    await share.getByRole('button', { name: 'Fjern adgang for Bent Hansen' }).click();
    // Waits for the change itself (the 5 s deadline is measured by npm run bench:revocation).
    await bent.page.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    await bent.page.getByText('Du har ikke adgang til dette dokument').waitFor();
    // And the start page no longer lists it for him.
    await bent.page.goto(`${server.url}/`);
    expect(await bent.page.getByRole('link', { name: TITLE }).count()).toBe(0);
  });

  it('an embed explains a missing or forged token', async () => {
    const anna = await person('Anna Jensen');
    const documentId = await createDocumentOverHttp(server, anna.session, TITLE);
    const page = await newPage();
    await page.goto(`${server.url}/embed/${documentId}`);
    await page.getByText('Linket mangler en adgangsnøgle').waitFor();
    await page.goto(`${server.url}/embed/${documentId}?token=not-a-token`);
    await page.getByText('Adgangsnøglen i linket er ugyldig').waitFor();
  });
});

describe('pages and routes', () => {
  it('an unknown document is a 404 page', async () => {
    const { page } = await person('Carla');
    const response = await page.goto(`${server.url}/d/findes-ikke`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Siden findes ikke' }).waitFor();
  });

  it('signed out, a private document asks to sign in first and then opens it', async () => {
    const anna = await person('Anna Jensen');
    const documentId = await createDocumentOverHttp(server, anna.session, TITLE);
    const documentUrl = `${server.url}/d/${documentId}`;
    const page = await newPage();
    await page.goto(documentUrl);
    await page.waitForURL(`${server.url}/konto/log-ind?next=${encodeURIComponent(`/d/${documentId}`)}`);
    await signInHere(page, anna.email);
    await page.waitForURL(documentUrl);
    await waitForEditable(page);
  });

  it('a signed-in person without access gets the 404 page for a private document', async () => {
    const anna = await person('Anna Jensen');
    const documentId = await createDocumentOverHttp(server, anna.session, TITLE);
    const { page } = await person('Dorte');
    const response = await page.goto(`${server.url}/d/${documentId}`);
    expect(response?.status()).toBe(404);
  });

  it('renames a document from the start page', async () => {
    const { page: anna, session } = await person('Anna Jensen');
    await createDocumentOverHttp(server, session, TITLE);
    await anna.goto(`${server.url}/`);
    await anna.getByRole('button', { name: `Omdøb “${TITLE}”` }).click();
    await anna.getByLabel('Ny titel').fill('Fællesspisning hver torsdag');
    await anna.getByRole('button', { name: 'Gem titel' }).click();
    await anna.getByRole('link', { name: 'Fællesspisning hver torsdag' }).waitFor();
  });

  it('"Log ud" ends the session on the server, not only in the browser', async () => {
    const page = await newPage();
    await signUp(page, server.url, 'Frida', 'frida@eksempel.dk');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'samskriv_session', httpOnly: true, sameSite: 'Lax' });
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('link', { name: 'Log ind' }).first().waitFor();
    // The old id, replayed by someone who copied it, is worth nothing now.
    const replay = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: `samskriv_session=${cookie?.value}` },
      body: JSON.stringify({ title: 'x', template: 'blank' }),
    });
    expect(replay.status).toBe(401);
  });

  it('the API refuses cross-origin writes and bad input with a JSON error', async () => {
    const crossOrigin = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ title: 'x', template: 'blank' }),
    });
    expect(crossOrigin.status).toBe(403);
    expect(await crossOrigin.json()).toMatchObject({ error: { code: 'cross_origin' } });

    const badEmail = await fetch(`${server.url}/api/account/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ name: 'Gitte', email: '   ', password: 'en lang adgangskode' }),
    });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.json()).toMatchObject({ error: { code: 'email_required', message: 'Skriv din e-mail.' } });

    const tooBig = await fetch(`${server.url}/api/account/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ name: 'x'.repeat(10_000) }),
    });
    expect(tooBig.status).toBe(413);
  });

  it('sends a CSP with a per-request nonce on pages, and frames /embed only for EMBED_ORIGINS', async () => {
    const documentId = await createDocumentOverHttp(server, (await person('Anna Jensen')).session, TITLE);
    const home = await fetch(`${server.url}/`);
    const csp = home.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(home.headers.get('x-frame-options')).toBe('DENY');
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    // Every script tag of the page carries this request's nonce; the next request gets another.
    const html = await home.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await fetch(`${server.url}/`)).headers.get('content-security-policy');
    expect(again).not.toContain(nonce);

    const embed = await fetch(`${server.url}/embed/${documentId}`);
    expect(embed.headers.get('content-security-policy')).toContain(`frame-ancestors ${EMBED_ORIGIN}`);
    expect(embed.headers.get('content-security-policy')).toMatch(/'nonce-/);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const api = await fetch(`${server.url}/api/documents/${documentId}/sync-token`);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
