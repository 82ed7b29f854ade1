/**
 * Two people co-write in real Chromium against the production server: text and names cross
 * over, the save status tells the truth, a reload keeps everything, and embeds honour their token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mintSyncToken } from '../../lib/auth/syncToken';
import { launchChromium } from './helpers/launchChromium';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { EDITOR, editorText, enterName, moveCaret, syncStatus, waitForEditable, waitForEditorText } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let anna: Page;
let bent: Page;
let documentUrl = '';
let documentId = '';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  return context.newPage();
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

describe('co-writing in the browser', () => {
  it('two people enter names, one creates a document, both open it', async () => {
    anna = await newPage();
    bent = await newPage();
    await enterName(anna, server.url, 'Anna Jensen');
    await anna.getByText('Her er ingen dokumenter endnu').waitFor();

    await anna.getByLabel('Titel', { exact: true }).fill('Fællesspisning i forsamlingshuset');
    await anna.getByLabel('Tomt dokument').check();
    await anna.getByRole('button', { name: 'Opret dokument' }).click();
    await anna.waitForURL(/\/d\/[A-Za-z0-9_-]+$/);
    documentUrl = anna.url();
    documentId = new URL(documentUrl).pathname.split('/').pop() ?? '';

    await enterName(bent, server.url, 'Bent Hansen');
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
    // A fresh reader gets it from the server's disk.
    const reader = await newPage();
    await enterName(reader, server.url, 'Eva');
    await reader.goto(documentUrl);
    await waitForEditorText(reader, 'Skrevet mens serveren var væk.');
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
    await anna.goto(`${server.url}/`);
    await anna.getByRole('link', { name: 'Høring: Ny legeplads' }).waitFor();
    await anna.goBack();
    await waitForEditable(anna);
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
    await enterName(page, server.url, 'Carla');
    const response = await page.goto(`${server.url}/d/findes-ikke`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Siden findes ikke' }).waitFor();
  });

  it('without a name, the editor page asks for one first and then opens the document', async () => {
    const page = await newPage();
    await page.goto(documentUrl);
    await page.waitForURL(`${server.url}/?next=${encodeURIComponent(`/d/${documentId}`)}`);
    await page.getByLabel('Dit navn').fill('Dorte');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.waitForURL(documentUrl);
    await waitForEditable(page);
  });

  it('renames a document from the start page', async () => {
    await anna.goto(`${server.url}/`);
    await anna.getByRole('button', { name: 'Omdøb “Fællesspisning i forsamlingshuset”' }).click();
    await anna.getByLabel('Ny titel').fill('Fællesspisning hver torsdag');
    await anna.getByRole('button', { name: 'Gem titel' }).click();
    await anna.getByRole('link', { name: 'Fællesspisning hver torsdag' }).waitFor();
  });

  it('"Skift navn" ends the session and asks for a name again', async () => {
    const page = await newPage();
    await enterName(page, server.url, 'Frida');
    await page.getByText('Du skriver som Frida').waitFor();
    await page.getByRole('button', { name: 'Skift navn' }).click();
    await page.getByRole('heading', { name: 'Hvad hedder du?' }).waitFor();
  });

  it('the API refuses cross-origin writes and bad input with a JSON error', async () => {
    const crossOrigin = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ title: 'x', template: 'blank' }),
    });
    expect(crossOrigin.status).toBe(403);
    expect(await crossOrigin.json()).toMatchObject({ error: { code: 'cross_origin' } });

    const badName = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ name: '   ' }),
    });
    expect(badName.status).toBe(400);
    expect(await badName.json()).toMatchObject({ error: { code: 'name_required', message: 'Skriv dit navn.' } });

    const tooBig = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ name: 'x'.repeat(10_000) }),
    });
    expect(tooBig.status).toBe(413);
  });

  it('frames only the embed route', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    const embed = await fetch(`${server.url}/embed/${documentId}`);
    expect(embed.headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
  });
});
