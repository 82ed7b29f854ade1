/**
 * Deleting one's account from /konto in Chromium against the production build (issue 12): the page
 * has its sections under real headings; "Slet min konto …" opens a modal dialog that lists the
 * documents only the person owns with a choice for each, names the admin who takes them over, and
 * has the focus on its first control; Escape closes it and gives the focus back; a wrong password
 * is said in an alert; the right one deletes the account and lands on "Din konto er slettet." The
 * comment stays, signed "Tidligere deltager". No CSP violations.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { PASSWORD, commentsClient, writeBody } from './helpers/commentsClient';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { createDocumentOverHttp, signedInProfile } from './helpers/signedInProfile';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { watchedContexts } from './helpers/watchedContexts';

let server: AppServer;
let browser: Browser;
const watched = watchedContexts();

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  await createFirstAdmin(server);
});
afterEach(() => {
  expect(watched.cspViolations).toEqual([]);
  expect(watched.dialogs).toEqual([]);
});
afterAll(() => closeBrowserTest(watched.contexts, browser, server));

describe('deleting an account on /konto', () => {
  it('confirms in a dialog with the documents listed, refuses a wrong password, then deletes and anonymises', async () => {
    const karen = await signedInProfile(browser, server, 'Karen Borger', { contexts: watched.contexts, setUp: watched.watch });
    const olga = await signedInProfile(browser, server, 'Olga Ejer', { contexts: watched.contexts, setUp: watched.watch });
    const http = commentsClient(server);
    await createDocumentOverHttp(server, karen.session, 'Karens udkast');
    const id = await createDocumentOverHttp(server, olga.session, 'Kulturhuset for alle');
    await http.ok(http.call('PUT', `/api/documents/${id}/visibility`, { as: olga, body: { visibility: 'public' } }), 'public');
    const anchor = await writeBody(server, olga.session, id);
    for (const state of ['in_review', 'consultation'])
      await http.ok(http.call('PATCH', `/api/documents/${id}/state`, { as: olga, body: { state } }), state);
    await http.ok(
      http.call('POST', `/api/documents/${id}/comments`, {
        as: karen,
        body: { kind: 'comment', anchor: anchor('Kulturhuset'), text: 'Karens ord bliver stående.' },
      }),
      'comment',
    );

    const page = karen.page;
    await page.goto(`${server.url}/konto`);
    for (const heading of ['Navn og e-mail', 'Hvor du er logget ind', 'Hent dine data', 'Slet din konto'])
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    expect(await page.getByRole('link', { name: 'Hent mine data (zip)' }).getAttribute('href')).toBe('/api/account/export');

    const opener = page.getByRole('button', { name: 'Slet min konto …' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Bekræft: slet kontoen' });
    await dialog.waitFor();
    await dialog.getByRole('group', { name: 'Karens udkast' }).waitFor();
    await dialog.getByText('Overdrages til administratoren Ada Admin.').waitFor();
    expect(await dialog.getByRole('radio', { name: 'Overdrag til en administrator' }).isChecked()).toBe(true);
    const password = dialog.getByLabel('Din adgangskode');
    // The modal dialog has the focus: on its first control, the first document's choice.
    expect(
      await dialog.getByRole('radio', { name: 'Overdrag til en administrator' }).evaluate((element) => element === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);

    await opener.click();
    await password.fill('en forkert adgangskode');
    await dialog.getByRole('button', { name: 'Slet kontoen for altid' }).click();
    await dialog.getByRole('alert').getByText('E-mailen eller adgangskoden er forkert.').waitFor();

    await password.fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Slet kontoen for altid' }).click();
    await page.waitForURL((url) => url.pathname === '/konto/slettet');
    await page.getByRole('heading', { level: 1, name: 'Din konto er slettet.' }).waitFor();
    expect((await http.call('GET', '/api/account/sessions', { as: karen })).status).toBe(401);

    const thread = await http.ok(http.call('GET', `/api/documents/${id}/comments`, { as: olga }), 'comments');
    expect(thread.text).toContain('Karens ord bliver stående.');
    expect(thread.text).toContain('Tidligere deltager');
    expect(thread.text).not.toContain('Karen Borger');
  });
});
