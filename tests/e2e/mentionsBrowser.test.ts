/**
 * "@" in a reply, in Chromium against the production build, with the keyboard only (issue 12): the
 * suggestions come as a listbox the text field points at (aria-activedescendant), arrow keys move,
 * Enter chooses and puts "@Name" in the text, Escape closes the list and not the form, a status says
 * what happened; someone around the document who cannot read it is offered to its owner, who shares
 * it with them first. The people mentioned are told; nobody else is. No CSP violation, no dialog.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
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

/** What a person was told of mentions, newest first. */
async function mentionsOf(who: Client): Promise<string[]> {
  const http = commentsClient(server);
  const listed = await http.ok(http.call('GET', '/api/notifications', { as: who }), 'notifications');
  return (listed.body!.items as { kind: string; text: string }[]).filter((item) => item.kind === 'mentioned').map((item) => item.text);
}

/** Focuses a button with Tab-free means (the keyboard's Enter then presses it). */
async function press(page: Page, button: Locator): Promise<void> {
  await button.focus();
  await page.keyboard.press('Enter');
}

/** The id the focused element names as its active descendant, and that element's text. */
const activeOption = (page: Page) =>
  page.evaluate(() => {
    const id = document.activeElement?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });

describe('mentions in the browser', () => {
  it('a reply mentions a reader with the keyboard; the owner shares with someone who cannot read it, then mentions them', async () => {
    const http = commentsClient(server);
    const owner = await person('Olga Ejer');
    const reader = await person('Rasmus Læser');
    const commenter = await person('Carl Kommentator');
    const former = await person('Frida Forhenværende');
    const id = await createDocumentOverHttp(server, owner.session, 'Havneplanen');
    const anchor = await writeBody(server, owner.session, id);
    await http.share(owner, id, [
      [reader, 'viewer'],
      [commenter, 'commenter'],
      [former, 'commenter'],
    ]);
    const posted = await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: former,
        body: { kind: 'comment', anchor: anchor('Kulturhuset'), text: 'Hvorfor Kulturhuset?' },
      }),
      'comment',
    );
    expect(posted.status).toBe(201);
    // Frida loses access: she stays around the document (she commented), unable to read it.
    await http.ok(http.call('DELETE', `/api/documents/${id}/access`, { as: owner, body: { personId: former.id } }), 'revoke');

    // Carl replies, mentioning Rasmus, with the keyboard only.
    const page = commenter.page;
    await page.goto(`${server.url}/d/${id}`);
    await waitForEditorText(page, 'Kulturhuset');
    const thread = page.getByTestId('comments-panel').getByTestId('thread').filter({ hasText: 'Hvorfor Kulturhuset?' });
    await press(page, thread.getByRole('button', { name: 'Svar', exact: true }));
    const field = thread.getByLabel('Dit svar');
    await field.waitFor();
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('Tak. @r');
    const list = thread.getByRole('listbox', { name: 'Personer du kan nævne' });
    await list.getByRole('option', { name: 'Rasmus Læser' }).waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual(['Rasmus Læser']);
    expect(await activeOption(page)).toBe('Rasmus Læser');
    await thread.getByRole('status').filter({ hasText: '1 forslag.' }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toBe('Rasmus Læser');
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'hidden' });
    expect(await field.inputValue()).toBe('Tak. @Rasmus Læser ');
    await thread.getByRole('status').filter({ hasText: 'Rasmus Læser er nævnt.' }).waitFor();

    // A second "@": Olga is suggested; Escape closes the list, not the form.
    await page.keyboard.type('og @o');
    await list.getByRole('option', { name: 'Olga Ejer' }).waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await field.isVisible()).toBe(true);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('fru Ejer.');
    // Frida is not offered to Carl: he may not share the document.
    expect(await list.getByRole('option').count()).toBe(0);
    await press(page, thread.getByRole('button', { name: 'Send svar' }));
    await thread.locator('.comment__text', { hasText: 'Tak. @Rasmus Læser og fru Ejer.' }).waitFor();
    await expect.poll(() => mentionsOf(reader)).toEqual(['Carl Kommentator nævnte dig i en kommentar til “Havneplanen”.']);
    expect(await mentionsOf(owner)).toEqual([]);

    // Olga (who may share) mentions Frida: she is offered, said not to see the document, and shared with first.
    const ownerPage = owner.page;
    await ownerPage.goto(`${server.url}/d/${id}`);
    await waitForEditorText(ownerPage, 'Kulturhuset');
    const ownerThread = ownerPage.getByTestId('comments-panel').getByTestId('thread').filter({ hasText: 'Hvorfor Kulturhuset?' });
    await press(ownerPage, ownerThread.getByRole('button', { name: 'Svar', exact: true }));
    await ownerThread.getByLabel('Dit svar').waitFor();
    await ownerPage.keyboard.type('@fri');
    const ownerList = ownerThread.getByRole('listbox', { name: 'Personer du kan nævne' });
    await ownerList.getByRole('option', { name: 'Frida Forhenværende (kan ikke se dokumentet)' }).waitFor();
    await ownerPage.keyboard.press('Enter');
    await ownerThread.getByText('Frida Forhenværende kan ikke se dokumentet.').waitFor();
    const share = ownerThread.getByRole('button', { name: 'Del dokumentet med Frida Forhenværende som kommentator' });
    expect(await share.evaluate((element) => element === document.activeElement)).toBe(true);
    await ownerPage.keyboard.press('Enter');
    await ownerThread.getByRole('status').filter({ hasText: 'Dokumentet er delt med Frida Forhenværende, som nu er nævnt.' }).waitFor();
    const ownerField = ownerThread.getByLabel('Dit svar');
    expect(await ownerField.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await ownerField.inputValue()).toBe('@Frida Forhenværende ');
    await ownerPage.keyboard.type('kan du se den nu?');
    await press(ownerPage, ownerThread.getByRole('button', { name: 'Send svar' }));
    await ownerThread.locator('.comment__text', { hasText: '@Frida Forhenværende kan du se den nu?' }).waitFor();
    await expect.poll(() => mentionsOf(former)).toEqual(['Olga Ejer nævnte dig i en kommentar til “Havneplanen”.']);
  });
});
