/**
 * Notifications in Chromium against the production build (issue 12): the header's bell says how many
 * are unread (in its name and its text), the list says which are unread, "Markér alle som læst" marks
 * them, says so and moves the focus to what it said, and the bell follows; a reader follows a
 * document from its page.
 */
import { describe, expect, it } from 'vitest';
import { browserTest } from './helpers/browserTest';
import { commentsClient, writeBody } from './helpers/commentsClient';
import { createDocumentOverHttp } from './helpers/signedInProfile';

const e2e = browserTest();

describe('notifications in the browser', () => {
  it('the bell counts the unread ones; marking all read says so, takes the focus and empties the count', async () => {
    const owner = await e2e.person('Olga Ejer');
    const citizen = await e2e.person('Karen Borger');
    const http = commentsClient(e2e.server);
    const id = await createDocumentOverHttp(e2e.server, owner.session, 'Kulturhuset for alle');
    await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');
    const anchor = await writeBody(e2e.server, owner.session, id);
    for (const state of ['in_review', 'consultation'])
      await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: owner, body: { state } }), state);
    for (const text of ['Hvad med parkering?', 'Og cykler?'])
      await http.ok(
        http.call('POST', `/api/documents/${id}/comments`, { as: citizen, body: { kind: 'comment', anchor: anchor('Kulturhuset'), text } }),
        text,
      );

    const page = owner.page;
    await page.goto(`${e2e.server.url}/`);
    const bell = page.getByRole('link', { name: 'Notifikationer 2 ulæste' });
    await bell.waitFor();
    expect(await bell.textContent()).toBe('Notifikationer 2 ulæste');
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifikationer' }).waitFor();
    const items = page.getByTestId('notification');
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(/^UlæstKaren Borger kommenterede “Kulturhuset for alle”\./),
      expect.stringMatching(/^UlæstKaren Borger kommenterede “Kulturhuset for alle”\./),
    ]);

    await page.getByRole('button', { name: 'Markér alle som læst' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Alle notifikationer er markeret som læst.' });
    await status.waitFor();
    await page.getByRole('link', { name: 'Notifikationer', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Markér alle som læst' }).waitFor({ state: 'detached' });
    expect(await status.evaluate((element) => element === document.activeElement)).toBe(true);
    expect((await items.allTextContents()).map((text) => text.slice(0, 4))).toEqual(['Læst', 'Læst']);

    // Following the link to the document leads there.
    await items.first().getByRole('link').click();
    await page.waitForURL((url) => url.pathname === `/d/${id}`);
  });

  it('a reader follows a document from its page', async () => {
    const owner = await e2e.person('Oda Ejer');
    const reader = await e2e.person('Rasmus Læser');
    const http = commentsClient(e2e.server);
    const id = await createDocumentOverHttp(e2e.server, owner.session, 'Stiplan');
    await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: owner, body: { visibility: 'public' } }), 'public');

    await reader.page.goto(`${e2e.server.url}/d/${id}`);
    // "Følg" in the top bar: a toggle button, described by what it means.
    const toggle = reader.page.getByTestId('follow-toggle');
    await toggle.getByText('Du følger ikke dokumentet.').waitFor({ state: 'attached' });
    await toggle.getByRole('button', { name: 'Følg', pressed: false }).click();
    await toggle.getByRole('button', { name: 'Følg', pressed: true }).waitFor();
    await toggle
      .getByText('Du følger dokumentet: du får besked om nye kommentarer, faseskift og udgivelser.')
      .waitFor({ state: 'attached' });
    const state = await http.ok(http.call('GET', `/api/documents/${id}/follow`, { as: reader }), 'follow state');
    expect(state.body).toEqual({ following: true, implicit: false });

    // Told of the next phase change.
    await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: owner, body: { state: 'in_review' } }), 'in review');
    await reader.page.goto(`${e2e.server.url}/notifikationer`);
    await reader.page.getByText('“Stiplan” er flyttet til fasen: Til gennemsyn.').waitFor();
  });
});
