/**
 * Attributed history in Chromium against the production build (issue 12): two editors write, the
 * "Historik" panel lists their sessions by name, "Fremhæv forfattere" marks each one's text with
 * their name (a decoration: the document is unchanged), the legend names them, "Hvem skrev dette?"
 * answers for a selection, and a commenter neither sees the panel nor gets the API's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { launchChromium } from './helpers/launchChromium';
import { EDITOR, WAIT_MS, editorText, moveCaret, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { sessionHttp } from './helpers/sessionHttp';
import { createDocumentOverHttp, grantOverHttp, signedInProfile } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});
afterAll(() => closeBrowserTest(contexts, browser, server));

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR).click();
  await moveCaret(page, 'Control+End');
  await page.keyboard.type(text);
}

describe('attributed history in the browser', () => {
  it('shows who wrote what: timeline, highlights with names and a legend, and “Hvem skrev dette?”', async () => {
    const anna = await signedInProfile(browser, server, 'Anna Jensen', { contexts });
    const bent = await signedInProfile(browser, server, 'Bent Hansen', { contexts });
    const karen = await signedInProfile(browser, server, 'Karen Kommentar', { contexts });
    const id = await createDocumentOverHttp(server, anna.session, 'Legepladsen');
    await grantOverHttp(server, anna.session, id, bent.email, 'editor');
    await grantOverHttp(server, anna.session, id, karen.email, 'commenter');
    const url = `${server.url}/d/${id}`;
    await Promise.all([anna.page.goto(url), bent.page.goto(url)]);
    await Promise.all([waitForEditable(anna.page), waitForEditable(bent.page)]);

    await typeAtEnd(anna.page, 'Annas forslag om gynger.');
    await waitForEditorText(bent.page, 'Annas forslag om gynger.');
    await typeAtEnd(bent.page, ' Bents sandkasse.');
    await waitForEditorText(anna.page, 'Bents sandkasse.');

    const page = anna.page;
    const panel = page.getByTestId('history-panel');
    await panel.getByRole('heading', { level: 2, name: 'Historik' }).waitFor();
    await panel.getByRole('button', { name: 'Vis historik' }).click();
    const timeline = panel.getByTestId('history-timeline');
    await timeline.getByText(/^Bent Hansen: /).waitFor({ timeout: WAIT_MS });
    expect((await timeline.getByRole('listitem').allTextContents()).map((text) => text.split(':')[0])).toEqual([
      'Bent Hansen',
      'Anna Jensen',
    ]);

    const before = await editorText(page);
    await panel.getByLabel('Fremhæv forfattere').check();
    const marks = page.locator(`${EDITOR} .author-mark`);
    await marks.first().waitFor();
    // Each author's text under their name (a caret widget may split a run in two: joined by name).
    const named = await marks.evaluateAll((nodes) => {
      const byName: Record<string, string> = {};
      for (const node of nodes) {
        const copy = node.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
        const name = node.getAttribute('title') ?? '';
        byName[name] = (byName[name] ?? '') + (copy.textContent ?? '');
      }
      return byName;
    });
    expect(named).toEqual({ 'Anna Jensen': 'Annas forslag om gynger.', 'Bent Hansen': ' Bents sandkasse.' });
    const legend = panel.getByTestId('author-legend');
    expect(await legend.getByRole('listitem').allTextContents()).toEqual(['Anna Jensen: 24 tegn', 'Bent Hansen: 17 tegn']);
    // Decorations are Anna's view only: nothing of them reaches the document or Bent's editor.
    expect(await bent.page.locator('.author-mark').count()).toBe(0);
    expect(await editorText(page)).toBe(before);
    // Only decorations: the text itself carries no trace of them once they are off.
    await panel.getByLabel('Fremhæv forfattere').uncheck();
    await marks.first().waitFor({ state: 'detached' });
    expect(await editorText(page)).toBe(before);

    // Select Bent's words with the keyboard and ask.
    await page.locator(EDITOR).click();
    await moveCaret(page, 'Control+End');
    for (let i = 0; i < 'Bents sandkasse.'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await panel.getByRole('button', { name: 'Hvem skrev dette?' }).click();
    await panel.getByTestId('who-wrote').getByText('Skrevet af: Bent Hansen.').waitFor();

    // A commenter has no history panel, and the API refuses them.
    await karen.page.goto(url);
    await karen.page.locator(EDITOR).waitFor();
    expect(await karen.page.getByTestId('history-panel').count()).toBe(0);
    const { send } = sessionHttp(() => server);
    expect((await send('GET', `/api/documents/${id}/authorship`, karen.session)).status).toBe(403);
    const answer = await send('GET', `/api/documents/${id}/authorship`, anna.session);
    expect(answer.status).toBe(200);
    const body = answer.body as { contributors: Array<{ personId: string; name: string }> };
    expect(body.contributors.map((c) => [c.personId, c.name])).toEqual([
      [anna.id, 'Anna Jensen'],
      [bent.id, 'Bent Hansen'],
    ]);
  });
});
