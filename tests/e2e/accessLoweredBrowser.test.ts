/**
 * An editor whose access is lowered while the browser is offline: when it comes back, the fresh
 * sync token says "view", and the editor goes on read-only and says why and how many of the
 * person's changes the server did not take (they stay in this browser), instead of staying
 * writable with "Gemmer…" for changes the server never takes.
 */
import { describe, expect, it } from 'vitest';
import { browserTest } from './helpers/browserTest';
import { createDocumentOverHttp, grantOverHttp } from './helpers/signedInProfile';
import { EDITOR, editorText, moveCaret, waitForEditable, waitForEditorText } from './helpers/editorPage';

const e2e = browserTest();

describe('access lowered while away', () => {
  it('the editor comes back read-only, saying so and counting what was not saved', async () => {
    const anna = await e2e.person('Anna Jensen');
    const bent = await e2e.person('Bent Hansen');
    const id = await createDocumentOverHttp(e2e.server, anna.session, 'Foreningens ansøgning');
    await grantOverHttp(e2e.server, anna.session, id, bent.email, 'editor');
    await Promise.all([anna, bent].map((who) => who.page.goto(`${e2e.server.url}/d/${id}`)));
    await Promise.all([waitForEditable(anna.page), waitForEditable(bent.page)]);
    await bent.page.locator(EDITOR).click();
    await moveCaret(bent.page, 'Control+End');
    await bent.page.keyboard.type('Gemt før. ');
    await waitForEditorText(anna.page, 'Gemt før.');

    await bent.context.setOffline(true);
    await bent.page
      .getByTestId('sync-status')
      .getByText(/^Offline/)
      .waitFor();
    await bent.page.keyboard.type('Skrevet offline');
    await grantOverHttp(e2e.server, anna.session, id, bent.email, 'viewer');
    await bent.context.setOffline(false);

    await bent.page
      .getByTestId('lowered-notice')
      .getByText('Du kan ikke længere skrive i dokumentet: din adgang eller dokumentets fase er ændret.')
      .waitFor();
    expect(await bent.page.getByTestId('lowered-notice').textContent()).toContain('Dine seneste ændringer blev ikke gemt på serveren');
    await bent.page.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    // What the server never took stays on Bent's screen (and in his browser), and never reached Anna.
    expect(await editorText(bent.page)).toContain('Skrevet offline');
    expect(await editorText(anna.page)).not.toContain('Skrevet offline');
  });
  it('lowered while connected: the editor goes on reading at once, saying why, not "no access"', async () => {
    const anna = await e2e.person('Anna Jensen');
    const bent = await e2e.person('Bent Hansen');
    const id = await createDocumentOverHttp(e2e.server, anna.session, 'Høringsudkast om stier');
    await grantOverHttp(e2e.server, anna.session, id, bent.email, 'editor');
    await Promise.all([anna, bent].map((who) => who.page.goto(`${e2e.server.url}/d/${id}`)));
    await Promise.all([waitForEditable(anna.page), waitForEditable(bent.page)]);
    await grantOverHttp(e2e.server, anna.session, id, bent.email, 'viewer');
    await bent.page.getByTestId('lowered-notice').waitFor();
    await bent.page.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    expect(await bent.page.getByText('Du har ikke adgang til dette dokument').count()).toBe(0);
    // Still connected as a reader: Anna's next words reach him.
    await anna.page.locator(EDITOR).click();
    await anna.page.keyboard.type('Ny sti langs åen');
    await waitForEditorText(bent.page, 'Ny sti langs åen');
  });
});
