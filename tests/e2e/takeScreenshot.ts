/**
 * Makes docs/screenshot.png from the running app: the start page and two people co-writing a
 * demo document, side by side. Run after `npm run build`:
 *   node --import tsx tests/e2e/takeScreenshot.ts
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from './helpers/launchChromium';
import { PROJECT_DIR, startAppServer } from './helpers/startAppServer';
import { openShareDialog } from './helpers/documentBar';
import { EDITOR, PASSWORD, moveCaret, signUp, waitForEditable, waitForEditorText } from './helpers/editorPage';

const server = await startAppServer({ seedDemo: true });
const browser = await launchChromium();
const shots = join(PROJECT_DIR, 'test-results', 'screenshots');
await mkdir(shots, { recursive: true });
try {
  const viewport = { width: 1280, height: 1060 };
  const mette = await (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage();
  const ahmed = await (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage();
  // Mette is the first admin (the setup link printed at start); Ahmed signs up.
  await mette.goto(`${server.url}/opsaetning?token=${server.setupToken()}`);
  await mette.getByLabel('Dit navn').fill('Mette Sørensen');
  await mette.getByLabel('E-mail', { exact: true }).fill('mette@eksempel.dk');
  await mette.getByLabel('Adgangskode', { exact: true }).fill(PASSWORD);
  await mette.getByRole('button', { name: 'Opret administrator' }).click();
  await mette.getByText('Logget ind som Mette Sørensen').waitFor();
  await signUp(ahmed, server.url, 'Ahmed Nielsen', 'ahmed@eksempel.dk');
  await mette.screenshot({ path: join(shots, 'start.png') });

  // The demo documents are public (read-only); as admin, Mette makes both of them editors.
  await mette.getByRole('link', { name: /Fællesspisning/ }).click();
  await openShareDialog(mette);
  for (const email of ['mette@eksempel.dk', 'ahmed@eksempel.dk']) {
    await mette.getByLabel('E-mail på den, du vil give adgang').fill(email);
    await mette.getByRole('button', { name: 'Giv adgang' }).click();
    await mette.getByText(`${email}) – Kan redigere`).waitFor();
  }
  await mette.reload();
  await ahmed.getByRole('link', { name: /Fællesspisning/ }).click();
  await Promise.all([waitForEditable(mette), waitForEditable(ahmed)]);

  // Mette adds a sentence under "Formål"; Ahmed adds a partner to the list.
  await mette.locator(`${EDITOR} p`, { hasText: 'Vi vil samle borgere' }).click();
  await moveCaret(mette, 'End');
  await mette.keyboard.type(' Maden laves af frivillige fra Borgerforeningen.');
  await ahmed.locator(`${EDITOR} li`, { hasText: 'Den lokale købmand' }).click();
  await moveCaret(ahmed, 'End');
  await ahmed.keyboard.press('Enter');
  await ahmed.keyboard.type('Ungdomsklubben: hjælper med opdækning');
  await waitForEditorText(mette, 'Ungdomsklubben: hjælper med opdækning');
  await mette.locator('.collaboration-carets__label', { hasText: 'Ahmed Nielsen' }).waitFor();
  await mette.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''));
  await mette.screenshot({ path: join(shots, 'editor.png') });

  // Both pictures side by side, composed by the browser itself (no image tools needed).
  const dataUrl = async (name: string) => `data:image/png;base64,${(await readFile(join(shots, name))).toString('base64')}`;
  const sheet = await (await browser.newContext({ viewport: { width: 2600, height: 1100 }, deviceScaleFactor: 1 })).newPage();
  await sheet.setContent(
    `<body style="margin:0;padding:20px;background:#d4d2cc;display:flex;gap:20px">
       <img src="${await dataUrl('start.png')}" style="width:1280px;box-shadow:0 2px 8px #0004">
       <img src="${await dataUrl('editor.png')}" style="width:1280px;box-shadow:0 2px 8px #0004">
     </body>`,
  );
  await sheet.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await sheet.screenshot({ path: join(PROJECT_DIR, 'docs', 'screenshot.png'), fullPage: true });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.stop();
  await rm(shots, { recursive: true, force: true });
}
