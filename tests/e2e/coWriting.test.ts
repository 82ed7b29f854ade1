/**
 * Two people co-write in real Chromium against the production server: they sign up, the owner
 * shares the document with the other, text and names cross over, the save status tells the
 * truth, a reload keeps everything, embeds honour their token, and revoking access turns the
 * other's editor read-only within 5 seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { launchChromium } from './helpers/launchChromium';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import {
  EDITOR,
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

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let anna: Page;
let bent: Page;
let documentUrl = '';
let documentId = '';
const EMBED_ORIGIN = 'https://kommune.example';
/** CSP violations any page reported (console and securitypolicyviolation events). */
const cspViolations: string[] = [];
/** The URL of every WebSocket a page opened. */
const sockets: string[] = [];

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
    if (/Content Security Policy|CSP violation/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).pathname.startsWith('/sync/')) sockets.push(socket.url());
  });
  return page;
}

beforeAll(async () => {
  server = await startAppServer({ env: { EMBED_ORIGINS: EMBED_ORIGIN } });
  browser = await launchChromium();
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('co-writing in the browser', () => {
  it('two people sign up, one creates a document and shares it with the other, both open it', async () => {
    anna = await newPage();
    bent = await newPage();
    await signUp(anna, server.url, 'Anna Jensen', ANNA);
    await signUp(bent, server.url, 'Bent Hansen', BENT);
    await anna.getByText('Her er ingen dokumenter endnu').waitFor();

    ({ url: documentUrl, id: documentId } = await createBlankDocument(anna, 'Fællesspisning i forsamlingshuset'));

    // Private until shared: Bent does not see it, then Anna gives him the editor role by e-mail.
    await bent.reload();
    expect(await bent.getByRole('link', { name: 'Fællesspisning i forsamlingshuset' }).count()).toBe(0);
    const share = anna.getByTestId('share-panel');
    await share.getByLabel('E-mail på den, du vil give adgang').fill(BENT);
    await share.getByLabel('Rolle').selectOption('editor');
    await share.getByRole('button', { name: 'Giv adgang' }).click();
    await share.getByText('Bent Hansen (bent@eksempel.dk) – Kan redigere').waitFor();

    await bent.reload();
    await bent.getByRole('link', { name: 'Fællesspisning i forsamlingshuset' }).click();
    await bent.waitForURL(documentUrl);

    await Promise.all([waitForEditable(anna), waitForEditable(bent)]);
    // Seeded on the server from the template: the title heading is there for both.
    await Promise.all([
      waitForEditorText(anna, 'Fællesspisning i forsamlingshuset'),
      waitForEditorText(bent, 'Fællesspisning i forsamlingshuset'),
    ]);
  });

  it('each sees the other’s text and name', async () => {
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
    await anna.keyboard.type(' Vi mødes torsdag.');
    await waitForEditorText(bent, 'Vi mødes torsdag.');
    await anna.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    await bent.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    expect(await syncStatus(anna)).toMatch(/^Gemt kl\. \d{2}[.:]\d{2}$/);
    expect(await anna.getByRole('status').filter({ hasText: 'Gemt' }).count()).toBe(1);
  });

  it('a reload keeps the content', async () => {
    const before = await editorText(anna);
    await anna.reload();
    await waitForEditable(anna);
    await waitForEditorText(anna, 'Vi mødes torsdag.');
    expect(await editorText(anna)).toBe(before);
  });

  it('formats from the keyboard: one tab stop for the toolbar, arrow keys, aria-pressed', async () => {
    await anna.locator(EDITOR).click();
    await moveCaret(anna, 'Control+End');
    await anna.keyboard.type(' Vigtigt');
    for (let i = 0; i < 'Vigtigt'.length; i++) await moveCaret(anna, 'Shift+ArrowLeft');
    const bold = anna.getByRole('button', { name: 'Fed' });
    expect(await bold.getAttribute('aria-pressed')).toBe('false');

    await anna.keyboard.press('Shift+Tab'); // from the text into the toolbar: its first button
    expect(await anna.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Brødtekst');
    for (let i = 0; i < 4; i++) await anna.keyboard.press('ArrowRight');
    expect(await anna.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Fed');
    await anna.keyboard.press('Space');

    await anna.locator(`${EDITOR} strong`, { hasText: 'Vigtigt' }).waitFor();
    await bent.locator(`${EDITOR} strong`, { hasText: 'Vigtigt' }).waitFor();
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
  });

  it('says so when the browser is offline, and saves when it is back', async () => {
    await anna.context().setOffline(true);
    await anna.getByTestId('sync-status').getByText('Offline – ændringer gemmes når forbindelsen er tilbage').waitFor();
    await anna.context().setOffline(false);
    await anna.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
  });

  it('tells the truth while the server is away: reconnecting with changes waiting, then saved', async () => {
    await server.halt();
    await anna.getByTestId('sync-status').getByText('Forbinder igen…').waitFor();
    await anna.locator(EDITOR).click();
    await moveCaret(anna, 'Control+End');
    await anna.keyboard.type(' Skrevet mens serveren var væk.');
    expect(await syncStatus(anna)).toMatch(/^Forbinder igen… \(\d+ ændringer venter\)$/);

    await server.resume();
    await anna.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
      timeout: 30_000,
    });
    await waitForEditorText(bent, 'Skrevet mens serveren var væk.', 30_000);
    // A fresh reader (Bent, signing in on another computer) gets it from the server's disk.
    const reader = await newPage();
    await reader.goto(`${server.url}/konto/log-ind?next=${encodeURIComponent(`/d/${documentId}`)}`);
    await signInHere(reader, BENT);
    await reader.waitForURL(documentUrl);
    await waitForEditorText(reader, 'Skrevet mens serveren var væk.');
    await reader.context().close();
  });

  it('an embed with a view token is read-only', async () => {
    const token = await mintSyncToken(
      { sub: 'borger.dk:42', name: 'Læser på kommunens side', doc: documentId, access: 'view' },
      server.secret,
    );
    const viewer = await newPage();
    await viewer.goto(`${server.url}/embed/${documentId}?token=${encodeURIComponent(token)}`);
    await waitForEditorText(viewer, 'Hej fra Bent.');
    expect(await viewer.locator('header').count()).toBe(0); // no site chrome
    await viewer.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    const before = await editorText(viewer);

    await viewer.locator(EDITOR).click();
    await viewer.keyboard.type('Må ikke ændres');
    expect(await editorText(viewer)).toBe(before);
    expect(await editorText(anna)).not.toContain('Må ikke ændres');
    expect(await viewer.getByText('Kun læseadgang').count()).toBeGreaterThan(0);
    // The viewer is among those present, with the name from the token.
    await anna.getByTestId('presence-list').getByText('Læser på kommunens side').waitFor();
  });

  it('an embed with an edit token can write', async () => {
    const token = await mintSyncToken({ sub: 'decidim:7', name: 'Deltager fra Decidim', doc: documentId, access: 'edit' }, server.secret);
    const editor = await newPage();
    await editor.goto(`${server.url}/embed/${documentId}?token=${encodeURIComponent(token)}`);
    await waitForEditable(editor);
    await editor.locator(EDITOR).click();
    await moveCaret(editor, 'Control+End');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Skrevet via indlejring.');
    await waitForEditorText(anna, 'Skrevet via indlejring.');
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
    await page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    // It exists now: a view token for it shows what was written.
    const viewToken = await mintSyncToken({ sub: 'govocal:4', name: 'Læser', doc: 'hoering-2027-01', access: 'view' }, server.secret);
    const reader = await newPage();
    await reader.goto(`${server.url}/embed/hoering-2027-01?token=${encodeURIComponent(viewToken)}`);
    await waitForEditorText(reader, 'Første kommentar.');
  });

  it('when the owner revokes access, the other’s editor turns read-only within 5 seconds', async () => {
    await waitForEditable(bent);
    const share = anna.getByTestId('share-panel');
    await share.getByRole('button', { name: 'Fjern adgang for Bent Hansen' }).click();
    await bent.locator(`${EDITOR}[contenteditable="false"]`).waitFor({ timeout: 5000 });
    await bent.getByText('Du har ikke adgang til dette dokument').waitFor({ timeout: 5000 });
    // And the start page no longer lists it for him.
    await bent.goto(`${server.url}/`);
    expect(await bent.getByRole('link', { name: 'Fællesspisning i forsamlingshuset' }).count()).toBe(0);
  });

  it('an embed explains a missing or forged token', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/embed/${documentId}`);
    await page.getByText('Linket mangler en adgangsnøgle').waitFor();
    await page.goto(`${server.url}/embed/${documentId}?token=not-a-token`);
    await page.getByText('Adgangsnøglen i linket er ugyldig').waitFor();
  });
});

describe('pages and routes', () => {
  it('an unknown document is a 404 page', async () => {
    const page = await newPage();
    await signUp(page, server.url, 'Carla', 'carla@eksempel.dk');
    const response = await page.goto(`${server.url}/d/findes-ikke`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Siden findes ikke' }).waitFor();
  });

  it('signed out, a private document asks to sign in first and then opens it', async () => {
    const page = await newPage();
    await page.goto(documentUrl);
    await page.waitForURL(`${server.url}/konto/log-ind?next=${encodeURIComponent(`/d/${documentId}`)}`);
    await signInHere(page, ANNA);
    await page.waitForURL(documentUrl);
    await waitForEditable(page);
  });

  it('a signed-in person without access gets the 404 page for a private document', async () => {
    const page = await newPage();
    await signUp(page, server.url, 'Dorte', 'dorte@eksempel.dk');
    const response = await page.goto(documentUrl);
    expect(response?.status()).toBe(404);
  });

  it('renames a document from the start page', async () => {
    await anna.goto(`${server.url}/`);
    await anna.getByRole('button', { name: 'Omdøb “Fællesspisning i forsamlingshuset”' }).click();
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

describe('browser sync tokens and the CSP in Chromium', () => {
  it('every editor, the app’s and the embeds’, connected with a token, never with only the cookie', () => {
    expect(sockets.length).toBeGreaterThan(0);
    for (const url of sockets) expect(new URL(url).searchParams.get('token'), url).toMatch(/^ey/);
  });

  it('logged no Content-Security-Policy violations during the whole run', () => {
    expect(cspViolations).toEqual([]);
  });
});
