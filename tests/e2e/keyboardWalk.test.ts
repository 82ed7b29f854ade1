/**
 * A keyboard-only walk through Samskriv in real Chromium (issue 13): create → write → comment →
 * change phase → a citizen comments and reports → an admin with no grant on the document answers
 * (a consultation's responsible staff, lib/access/decideDocument.ts) → the report is handled on
 * /moderering. Only page.keyboard drives the pages (Tab, Shift+Tab, arrows, Enter, typing): no
 * clicks, no element.focus(), no fill(). Controls are found by tabbing until the focused element
 * is the one named (its role and accessible name), so the walk survives a re-layout; every control
 * reached must show its focus (a visible outline or box shadow; the walk names every one that does not). People, roles and the document's
 * visibility are set up over HTTP: those are not what the walk is about.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { watchedContexts } from './helpers/watchedContexts';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin, sessionHttp } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { signedInProfile, type SignedInProfile } from './helpers/signedInProfile';
import { setRoleOverHttp } from './helpers/consultationDocument';
import { EDITOR, waitForEditable, waitForEditorText } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

/** Controls the walk reached that showed no focus (asserted empty at the end, so one run names them all). */
const unseen: string[] = [];

const person = (name: string): Promise<SignedInProfile> => signedInProfile(browser, server, name, { contexts, setUp: watching.watch });

/** What the focused element is: the walk matches on these. */
interface Focused {
  readonly tag: string;
  readonly role: string;
  readonly name: string;
  /** The text of the comment thread it sits in, if any. */
  readonly thread: string;
  readonly visibleFocus: boolean;
  readonly describe: string;
}

/** The focused element, its role and accessible name (as far as the walk needs them), and whether its focus shows. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { tag: 'body', role: '', name: '', thread: '', visibleFocus: false, describe: 'body' };
    const tag = active.tagName.toLowerCase();
    const type = active.getAttribute('type');
    const role =
      active.getAttribute('role') ??
      (tag === 'button'
        ? 'button'
        : tag === 'a'
          ? 'link'
          : tag === 'select'
            ? 'combobox'
            : tag === 'textarea'
              ? 'textbox'
              : tag === 'input'
                ? type === 'radio'
                  ? 'radio'
                  : type === 'checkbox'
                    ? 'checkbox'
                    : 'textbox'
                : active.isContentEditable
                  ? 'textbox'
                  : '');
    const byIds = (ids: string | null) =>
      ids
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim() ?? '';
    const labels = (active as HTMLInputElement).labels;
    const name = (
      active.getAttribute('aria-label') ??
      (byIds(active.getAttribute('aria-labelledby')) ||
        (labels && labels.length > 0 ? (labels[0]?.textContent ?? '') : tag === 'button' || tag === 'a' ? (active.textContent ?? '') : ''))
    )
      .replace(/\s+/g, ' ')
      .trim();
    const thread = active.closest('[data-testid="thread"]')?.textContent ?? '';
    // Visible focus: an outline that is drawn, or a box shadow, on the element or (for the editor's
    // text, which shows focus on its frame) on the nearest ancestor that draws one while focused within.
    const shows = (element: Element) => {
      const style = getComputedStyle(element);
      const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
      const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
      return outline || shadow;
    };
    let visibleFocus = shows(active);
    const text = active.isContentEditable || active.classList.contains('tiptap');
    for (let up = active.parentElement; !visibleFocus && up && text && up !== document.body; up = up.parentElement)
      visibleFocus = up.matches(':focus-within') && shows(up);
    const describe = `${role} “${name}” <${tag}${active.className ? ` class="${String(active.className)}"` : ''}>`;
    return { tag, role, name, thread, visibleFocus, describe };
  });
}

/**
 * Presses `key` (Tab by default) until the focused element has the role and name (a string is
 * matched exactly, a RegExp as such), inside the thread with `inThread` in its text if given. A
 * control it passes without visible focus is noted in `unseen`.
 */
async function tabTo(
  page: Page,
  role: string,
  name: string | RegExp,
  options: { key?: string; inThread?: string; max?: number } = {},
): Promise<void> {
  const { key = 'Tab', inThread, max = 120 } = options;
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await focused(page);
    if (now.tag !== 'body') {
      if (!now.visibleFocus && !unseen.includes(now.describe)) unseen.push(now.describe);
      passed.push(now.describe);
    }
    const named = typeof name === 'string' ? now.name === name : name.test(now.name);
    if (now.role === role && named && (inThread === undefined || now.thread.includes(inThread))) return;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${role} “${String(name)}” with ${key}; passed: ${passed.slice(-30).join(' → ')}`);
}

/** Types into the focused control. */
async function typeHere(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

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

describe('keyboard only', () => {
  it('create → write with a heading and bold → comment → consultation → a citizen comments and reports → an admin answers and moderates', async () => {
    const sara = await person('Sara Stab');
    await setRoleOverHttp(server, adminSession, sara.id, 'staff');
    const carsten = await person('Carsten Borger');
    const alma = await person('Alma Admin');
    await setRoleOverHttp(server, adminSession, alma.id, 'admin');

    // Sara creates a blank document from the start page.
    const page = sara.page;
    await page.goto(`${server.url}/`);
    await tabTo(page, 'textbox', 'Titel');
    await typeHere(page, 'Legeplads ved skolen');
    await tabTo(page, 'radio', /^(Projektforslag|Tomt dokument)/);
    for (let i = 0; i < 10 && !(await focused(page)).name.startsWith('Tomt dokument'); i++) await page.keyboard.press('ArrowDown');
    expect((await focused(page)).name).toMatch(/^Tomt dokument/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await tabTo(page, 'button', 'Opret dokument');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/d\/[^/]+$/);
    const documentUrl = page.url();
    const documentId = documentUrl.split('/d/')[1] ?? '';
    await waitForEditable(page);

    // A heading (from the formatting toolbar, reached by Shift+Tab and arrows) and bold (Ctrl+B).
    await tabTo(page, 'textbox', 'Dokumentets tekst');
    await typeHere(page, 'Formål');
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'button', 'Overskrift 2', { key: 'ArrowRight', max: 20 });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tiptap'))).toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await typeHere(page, 'Vi vil bygge ');
    await page.keyboard.press('Control+b');
    await typeHere(page, 'en ny legeplads');
    await page.keyboard.press('Control+b');
    await typeHere(page, ' ved skolen.');
    await page.waitForFunction((selector) => {
      const root = document.querySelector(selector);
      return root?.querySelector('h2')?.textContent === 'Formål' && root.querySelector('p strong')?.textContent === 'en ny legeplads';
    }, EDITOR);

    // Select the passage with the keyboard and comment on it with the shortcut.
    await page.keyboard.press('Shift+Home');
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Vi vil bygge en ny legeplads ved skolen.');
    await page.keyboard.press('Control+Alt+m');
    await page.getByTestId('new-comment-form').waitFor();
    expect((await focused(page)).name).toBe('Din kommentar');
    await typeHere(page, 'Husk bænke til forældrene.');
    await tabTo(page, 'button', 'Send kommentar');
    await page.keyboard.press('Enter');
    const comments = page.getByTestId('comments-panel');
    await comments.getByTestId('thread').filter({ hasText: 'Husk bænke til forældrene.' }).waitFor();

    // The document is made public over HTTP (sharing is not this walk's), then Sara moves it to
    // review and on to public consultation with the phase control.
    const { send } = sessionHttp(() => server);
    expect((await send('PUT', `/api/documents/${documentId}/visibility`, sara.session, { visibility: 'public' })).status).toBe(200);
    // The phase is changed from "Fase…" in the document's top bar: a dialog with one button per move.
    for (const phase of ['Til gennemsyn', 'Offentlig høring']) {
      await tabTo(page, 'button', 'Fase…');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Fase' }).waitFor();
      await tabTo(page, 'button', phase);
      await page.keyboard.press('Enter');
      await page.getByText(`Dokumentet er nu i fasen “${phase}”.`).waitFor();
    }

    // Carsten (a citizen, no grant) comments on "Vi" in the read-only text and reports Sara's comment.
    const citizen = carsten.page;
    await citizen.goto(documentUrl);
    await waitForEditorText(citizen, 'ved skolen');
    await tabTo(citizen, 'textbox', 'Dokumentets tekst');
    await citizen.keyboard.press('Control+Home');
    await citizen.keyboard.press('ArrowDown');
    await citizen.keyboard.press('Home');
    await citizen.keyboard.press('Shift+Control+ArrowRight');
    expect(await citizen.evaluate(() => window.getSelection()?.toString())).toBe('Vi');
    await citizen.keyboard.press('Control+Alt+m');
    await citizen.getByTestId('new-comment-form').waitFor();
    await typeHere(citizen, 'Hvem skal vedligeholde den?');
    await tabTo(citizen, 'button', 'Send kommentar');
    await citizen.keyboard.press('Enter');
    await citizen.getByTestId('thread').filter({ hasText: 'Hvem skal vedligeholde den?' }).waitFor();
    await tabTo(citizen, 'button', 'Anmeld', { inThread: 'Husk bænke til forældrene.' });
    await citizen.keyboard.press('Enter');
    await tabTo(citizen, 'textbox', 'Bemærkning til moderatoren (valgfri)');
    await typeHere(citizen, 'Reklame for en bænkeproducent.');
    await tabTo(citizen, 'button', 'Send anmeldelse');
    await citizen.keyboard.press('Enter');
    await citizen.getByText('Tak. En moderator ser på kommentaren.').waitFor();

    // Alma, an admin with no grant on the document, answers Carsten's comment officially.
    const admin = alma.page;
    await admin.goto(documentUrl);
    await admin.getByTestId('thread').filter({ hasText: 'Hvem skal vedligeholde den?' }).waitFor();
    await tabTo(admin, 'button', 'Giv officielt svar', { inThread: 'Hvem skal vedligeholde den?' });
    await admin.keyboard.press('Enter');
    await tabTo(admin, 'textbox', 'Officielt svar');
    await typeHere(admin, 'Kommunens driftsafdeling.');
    await tabTo(admin, 'button', 'Gem officielt svar');
    await admin.keyboard.press('Enter');
    await admin.getByTestId('official-answer').filter({ hasText: 'Kommunens driftsafdeling.' }).waitFor();
    await citizen.getByTestId('official-answer').filter({ hasText: 'Kommunens driftsafdeling.' }).waitFor();

    // And handles the report on /moderering: hides the comment, with a reason.
    await admin.goto(`${server.url}/moderering`);
    await tabTo(admin, 'textbox', 'Begrundelse (kommer i loggen)');
    await typeHere(admin, 'Reklame.');
    await tabTo(admin, 'button', 'Skjul kommentaren');
    await admin.keyboard.press('Enter');
    await admin.getByText('Kommentaren er skjult.').waitFor();
    await citizen.getByTestId('comments-panel').getByText('Husk bænke til forældrene.').waitFor({ state: 'detached' });
    expect(unseen).toEqual([]);
  });
});
