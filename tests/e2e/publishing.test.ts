/**
 * Publishing in real Chromium against the production server (issue 9): a moderator publishes a
 * document in consultation through the "Udgiv…" confirmation dialog (Escape cancels and gives the
 * focus back; a double click makes one version); the owner's open editor turns read-only with
 * "Udgivet som version N kl. …" and a link to the version, never an access error, and keeps its
 * text; the document page lists the version; the start page shows the phase and the version; each
 * of these pages has one h1.
 *
 * Needs `npm run build` and the versions service and route (issue 9's "core" part).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { watchedContexts } from './helpers/watchedContexts';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { consultationDocument, setRoleOverHttp } from './helpers/consultationDocument';
import { commentsClient } from './helpers/commentsClient';
import { EDITOR, editorText, waitForEditable, waitForEditorText } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

const TITLE = 'Plan for bænke ved havnen';
const BODY = 'Der skal være fem bænke langs kajen.';
const SUMMARY = 'Antallet af bænke er hævet efter høringen.';

const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watching.watch });

/** The document's versions as the API lists them (newest first). */
async function versionsOverHttp(session: string, documentId: string): Promise<{ number: number; kind: string }[]> {
  const http = commentsClient(server);
  const answer = await http.call('GET', `/api/documents/${documentId}/versions`, { as: { session } });
  expect(answer.status).toBe(200);
  return (answer.body as { versions: { number: number; kind: string }[] }).versions;
}

const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent);
const h1Count = (page: Page) => page.locator('h1').count();

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

describe('publishing a version', () => {
  it('a moderator publishes with confirmation; the owner’s open editor turns read-only with the message; the start page shows the version', async () => {
    const made = await consultationDocument(browser, server, { adminSession, title: TITLE, body: BODY, contexts, setUp: watching.watch });
    const { documentId, documentUrl, staff: owner } = made;
    const mona = await person('Mona Moderator');
    await setRoleOverHttp(server, adminSession, mona.id, 'moderator');
    const before = await versionsOverHttp(owner.session, documentId);
    const next = (before[0]?.number ?? 0) + 1;

    // The owner is writing when the document is published.
    await owner.page.goto(documentUrl);
    await waitForEditable(owner.page);
    await owner.page.locator(`${EDITOR} p`).last().click();
    await owner.page.keyboard.press('End');
    await owner.page.keyboard.type(' Og to ved legepladsen.');
    await waitForEditorText(owner.page, 'Og to ved legepladsen.');
    await owner.page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''));
    expect(await h1Count(owner.page)).toBe(1);

    await mona.page.goto(documentUrl);
    const dialog = mona.page.getByRole('dialog', { name: 'Udgiv dokumentet' });
    // Escape cancels, and the focus goes back to the button that opened the dialog.
    await mona.page.getByRole('button', { name: 'Udgiv…' }).click();
    await dialog.waitFor();
    expect(await focusedName(mona.page)).toBe('summary');
    await mona.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedName(mona.page)).toBe('Udgiv…');
    expect(await versionsOverHttp(owner.session, documentId)).toEqual(before);

    await mona.page.getByRole('button', { name: 'Udgiv…' }).click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`Dokumentet bliver låst som version ${next} og kan læses af alle, også uden at logge ind.`);
    expect(await dialog.getByLabel('Titel på den udgivne version').inputValue()).toBe(TITLE);
    await dialog.getByLabel('Hvad er ændret').fill(SUMMARY);
    // A double click sends once (and the key would make a resend the same version anyway).
    await dialog.getByRole('button', { name: 'Udgiv', exact: true }).dblclick();
    // The dialog is named by its heading, so once published it is announced as what happened.
    const published = mona.page.getByRole('dialog', { name: `Udgivet som version ${next}` });
    await published.getByRole('heading', { name: `Udgivet som version ${next}` }).waitFor();
    expect(await published.getByRole('link', { name: `Se version ${next}` }).getAttribute('href')).toBe(`/p/${documentId}/v/${next}`);
    const after = await versionsOverHttp(owner.session, documentId);
    expect(after.filter((version) => version.kind === 'published')).toHaveLength(1);
    expect(after[0]).toMatchObject({ number: next, kind: 'published' });
    await published.getByRole('button', { name: 'Luk' }).click();
    await mona.page.getByTestId('publish-dialog').waitFor({ state: 'hidden' });
    const list = mona.page.getByTestId('version-list');
    await list.getByTestId(`version-${next}`).waitFor();
    expect(await list.getByTestId(`version-${next}`).innerText()).toContain('Udgivet');
    expect(await list.getByRole('link', { name: `Sammenlign version ${next} med det nuværende udkast` }).getAttribute('href')).toBe(
      `/d/${documentId}/versions/compare?from=${next}&to=current`,
    );
    expect(await h1Count(mona.page)).toBe(1);

    // The owner's editor: read-only at once, the message in the polite status region, no error, the text kept.
    const notice = owner.page.getByTestId('published-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(new RegExp(`^Udgivet som version ${next} kl\\. \\d{2}\\.\\d{2} – se den udgivne version`));
    expect(await notice.getByRole('link', { name: 'se den udgivne version' }).getAttribute('href')).toBe(`/p/${documentId}/v/${next}`);
    expect(await owner.page.getByTestId('sync-status').getAttribute('role')).toBe('status');
    await owner.page.locator(`${EDITOR}[contenteditable="false"]`).waitFor();
    expect(await owner.page.locator('.notice[role="alert"]').count()).toBe(0);
    expect(await owner.page.getByText('Du har ikke adgang').count()).toBe(0);
    const text = await editorText(owner.page);
    expect(text).toContain(BODY);
    expect(text).toContain('Og to ved legepladsen.');
    await owner.page.getByTestId('phase-badge').getByText('Endelig').waitFor();
    expect(await h1Count(owner.page)).toBe(1);

    // The start page: the phase and the latest version.
    await owner.page.goto(server.url);
    const item = owner.page.locator('.doc-item').filter({ hasText: TITLE });
    await item.getByTestId('doc-latest-version').waitFor();
    expect(await item.getByTestId('doc-latest-version').innerText()).toMatch(
      new RegExp(`^Version ${next} · udgivet \\d{1,2}\\. \\S+ \\d{4}$`),
    );
    expect(await item.getByTestId('doc-status').innerText()).toContain('Endelig');
    expect(await h1Count(owner.page)).toBe(1);
  });
});
