/**
 * The editor's undo/redo, underline, strike and table buttons in real Chromium against the
 * production e2e.server, two people co-writing (issue 13): Anna inserts a table (with a header row),
 * types in its cells, underlines one word and strikes another; Bent sees it all; Bent then writes
 * too, and Anna's "Fortryd" takes back only her own last change, never Bent's (Yjs' UndoManager),
 * and "Gentag" brings it back. Published, the version's page and its Markdown and Word exports hold
 * the table and the marks.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedBrowserTest } from './helpers/browserTest';
import { setRoleOverHttp } from './helpers/consultationDocument';
import { EDITOR, moveCaret, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { createDocumentOverHttp, grantOverHttp } from './helpers/signedInProfile';

const e2e = watchedBrowserTest();

const waitForSaved = (page: Page) =>
  page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''));

/** Waits until the editor holds exactly `count` elements matching `selector` (inside it) with `text`. */
const waitForCount = (page: Page, selector: string, text: string, count: number) =>
  page.waitForFunction(
    ([within, wanted, n]) => [...document.querySelectorAll(within)].filter((element) => element.textContent === wanted).length === n,
    [`${EDITOR} ${selector}`, text, count] as const,
  );

/** Selects `length` characters after (ArrowRight) or before (ArrowLeft) the caret. */
async function select(page: Page, direction: 'ArrowLeft' | 'ArrowRight', length: number): Promise<void> {
  for (let i = 0; i < length; i += 1) await page.keyboard.press(`Shift+${direction}`);
}

describe('tables, underline, strike, undo and redo in the editor', () => {
  it('Anna makes a table with marks, Bent sees it, Anna’s undo takes back only her change, and the published version keeps it', async () => {
    const [anna, bent] = [await e2e.person('Anna Jensen'), await e2e.person('Bent Hansen')];
    await setRoleOverHttp(e2e.server, e2e.admin.session!, anna.id, 'staff');
    const documentId = await createDocumentOverHttp(e2e.server, anna.session, 'Lokalplan for Havnen');
    await grantOverHttp(e2e.server, anna.session, documentId, bent.email, 'editor');
    const documentUrl = `${e2e.server.url}/d/${documentId}`;
    await Promise.all([anna.page.goto(documentUrl), bent.page.goto(documentUrl)]);
    await Promise.all([waitForEditable(anna.page), waitForEditable(bent.page)]);
    const toolbar = anna.page.getByRole('toolbar', { name: 'Formatering' });

    // The new buttons, named, with their shortcuts in the tooltip; undo has nothing to undo yet.
    for (const [name, keys] of [
      ['Fortryd', 'Ctrl+Z'],
      ['Gentag', 'Ctrl+Y / Ctrl+Shift+Z'],
      ['Understreget', 'Ctrl+U'],
      ['Gennemstreget', 'Ctrl+Shift+S'],
    ] as const) {
      expect(await toolbar.getByRole('button', { name, exact: true }).getAttribute('title')).toBe(`${name} (${keys})`);
    }
    await anna.page.locator(EDITOR).click();
    await anna.page.keyboard.type('Frister for høringen:');
    await waitForEditorText(bent.page, 'Frister for høringen:');

    // A table with a header row; the table's own buttons appear while the caret is in it.
    await toolbar.getByRole('button', { name: 'Indsæt tabel' }).click();
    await anna.page.locator(`${EDITOR} table th`).first().waitFor();
    const tableGroup = toolbar.getByRole('group', { name: 'Tabel' });
    await tableGroup.getByRole('button', { name: 'Slet tabel' }).waitFor();
    await anna.page.keyboard.type('Område');
    await anna.page.keyboard.press('Tab');
    await anna.page.keyboard.type('Frist');
    await anna.page.locator(`${EDITOR} table td`).first().click();
    await anna.page.keyboard.type('Havnen nord');
    expect(await anna.page.locator(`${EDITOR} table tr`).count()).toBe(3);
    // A row added below this one, and deleted again from inside it.
    await tableGroup.getByRole('button', { name: 'Indsæt række under' }).click();
    await anna.page.locator(`${EDITOR} table tr`).nth(3).waitFor();
    await anna.page.locator(`${EDITOR} table tr`).nth(2).locator('td').first().click();
    await tableGroup.getByRole('button', { name: 'Slet række' }).click();
    await anna.page.waitForFunction((selector) => document.querySelectorAll(selector).length === 3, `${EDITOR} table tr`);
    expect(await anna.page.locator(`${EDITOR} table tr`).nth(1).locator('td').first().textContent()).toBe('Havnen nord');

    // "Havnen" underlined, "nord" struck through, each button saying it is on.
    await anna.page.locator(`${EDITOR} table td`).first().click();
    await moveCaret(anna.page, 'Home');
    await select(anna.page, 'ArrowRight', 'Havnen'.length);
    const underline = toolbar.getByRole('button', { name: 'Understreget' });
    await underline.click();
    await anna.page.locator(`${EDITOR} td u`, { hasText: 'Havnen' }).waitFor();
    expect(await underline.getAttribute('aria-pressed')).toBe('true');
    // Bent has it before Anna's next change, so that change is one of its own to undo.
    await bent.page.locator(`${EDITOR} td u`, { hasText: 'Havnen' }).waitFor();
    await moveCaret(anna.page, 'End');
    await select(anna.page, 'ArrowLeft', 'nord'.length);
    const strike = toolbar.getByRole('button', { name: 'Gennemstreget' });
    await strike.click();
    await anna.page.locator(`${EDITOR} td s`, { hasText: 'nord' }).waitFor();
    expect(await strike.getAttribute('aria-pressed')).toBe('true');

    // Bent sees the table with its header row and both marks, then writes in the first paragraph.
    await bent.page.locator(`${EDITOR} table th`, { hasText: 'Område' }).waitFor();
    await bent.page.locator(`${EDITOR} td s`, { hasText: 'nord' }).waitFor();
    await bent.page.locator(`${EDITOR} > p`).first().click();
    await moveCaret(bent.page, 'End');
    await bent.page.keyboard.type(' Bent skrev her.');
    await waitForEditorText(anna.page, 'Bent skrev her.');

    // Anna's undo takes back her strike, which is older than Bent's words: his words stay.
    await toolbar.getByRole('button', { name: 'Fortryd' }).click();
    await waitForCount(bent.page, 'td s', 'nord', 0);
    await waitForCount(anna.page, 'td s', 'nord', 0);
    await waitForEditorText(bent.page, 'Bent skrev her.');
    await waitForEditorText(anna.page, 'Bent skrev her.');
    // Redo brings the strike back for both.
    await toolbar.getByRole('button', { name: 'Gentag' }).click();
    await bent.page.locator(`${EDITOR} td s`, { hasText: 'nord' }).waitFor();
    await waitForCount(anna.page, 'td u', 'Havnen', 1);

    // Published: the page, the Markdown and the Word file hold the table and the marks.
    await Promise.all([waitForSaved(anna.page), waitForSaved(bent.page)]);
    const number = await e2e.publish(documentId, anna.session, 'Tabel over frister.');
    const versionUrl = `${e2e.server.url}/p/${documentId}/v/${number}`;
    await anna.page.goto(versionUrl);
    const body = anna.page.getByTestId('version-body');
    expect(await body.locator('table tr').first().locator('th').allTextContents()).toEqual(['Område', 'Frist', '']);
    expect(await body.locator('td u').textContent()).toBe('Havnen');
    expect(await body.locator('td s').textContent()).toBe('nord');

    const exported = (format: string) =>
      fetch(`${versionUrl}/export?format=${format}`, { headers: { Cookie: `samskriv_session=${anna.session}` } });
    const markdown = await (await exported('md')).text();
    expect(markdown).toContain('| Område | Frist |  |\n| --- | --- | --- |\n| <u>Havnen</u> ~~nord~~ |  |  |');
    const docx = unzipSync(new Uint8Array(await (await exported('docx')).arrayBuffer()));
    const documentXml = strFromU8(docx['word/document.xml']!);
    expect(documentXml).toMatch(/<w:tbl>[^]*<w:tblHeader\/>[^]*Område[^]*Havnen[^]*nord[^]*<\/w:tbl>/);
  });
});
