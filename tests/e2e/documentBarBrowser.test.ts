/**
 * The document page's top bar and comments in the margin (issue 13), in real Chromium against the
 * production build. "Del" is reached and opened by keyboard, keeps the focus inside it, changes the
 * visibility as it is chosen (no save button) and gives the focus back to its button on Escape; the
 * phase is changed from "Fase…" in the bar; axe finds nothing serious with either dialog open, in
 * Danish and English. At 1280 px each comment thread sits beside its passage (its top within a line
 * of the passage's), pushed down where two would overlap; at 390 px the threads follow the text in
 * reading order and nothing scrolls sideways (the "Del" dialog neither).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from './helpers/axeCheck';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { commentsClient } from './helpers/commentsClient';
import { commentOverHttp, consultationDocument, writeParagraph, type ConsultationDocument } from './helpers/consultationDocument';
import { closeBarDialog, openPhaseDialog, openShareDialog } from './helpers/documentBar';
import { EDITOR } from './helpers/editorPage';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { watchedContexts } from './helpers/watchedContexts';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  adminSession = await createFirstAdmin(server);
}, 240_000);

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
  expect(dialogs.splice(0)).toEqual([]);
});

afterAll(() => closeBrowserTest(contexts, browser, server));

const TITLE = 'Lokalplan for Havnen';

function consultation(): Promise<ConsultationDocument> {
  return consultationDocument(browser, server, {
    adminSession,
    title: TITLE,
    body: 'Området udlægges til boliger og grønne arealer.',
    contexts,
    setUp: watching.watch,
  });
}

/** The accessible name of the focused element (its text, or its label). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim();
  });
}

async function visibilityOverHttp(session: string, documentId: string): Promise<string> {
  const http = commentsClient(server);
  const answer = await http.ok(http.call('GET', `/api/documents/${documentId}/access/organisations`, { as: { session } }), 'access');
  return answer.body!.visibility as string;
}

describe('the top bar', () => {
  it('opens "Del" by keyboard, keeps the focus in it, saves the visibility as it is chosen, and closes on Escape', async () => {
    const { documentId, documentUrl, staff } = await consultation();
    const page = staff.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(documentUrl);
    await page.locator(EDITOR).waitFor();
    expect(await page.locator('h1').count()).toBe(1);

    // From the link back to all documents, Tab reaches "Del" (through the bar, before the editor).
    await page.getByRole('link', { name: /Alle dokumenter/ }).focus();
    for (let presses = 0; presses < 12 && (await focusedName(page)) !== 'Del'; presses += 1) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Del');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Del “${TITLE}”` });
    await dialog.waitFor();
    // The focus is in the dialog's first field, and Tab and Shift+Tab go round inside it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Luk');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName(page)).toBe('Færdig');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Luk');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The visibility is in force as it is chosen: no save button, said at once.
    const visibility = dialog.getByLabel('Hvem kan læse dokumentet');
    expect(await visibility.inputValue()).toBe('public');
    expect(await dialog.getByRole('button', { name: 'Gem synlighed' }).count()).toBe(0);
    await visibility.focus();
    await visibility.selectOption('private');
    await dialog.getByRole('status').getByText('Synligheden er gemt.').waitFor();
    expect(await visibilityOverHttp(staff.session, documentId)).toBe('private');
    await visibility.selectOption('public');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="visibility-form"] [role="status"]')?.textContent === 'Synligheden er gemt.',
    );
    expect(await visibilityOverHttp(staff.session, documentId)).toBe('public');

    // Escape closes it, and the focus is back on "Del".
    await closeBarDialog(page, dialog);
    expect(await focusedName(page)).toBe('Del');
    // "Færdig" too.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Færdig' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedName(page)).toBe('Del');
  });

  it('moves the document to another phase from "Fase…" in the bar', async () => {
    const { documentUrl, staff } = await consultation();
    const page = staff.page;
    await page.goto(documentUrl);
    await page.locator(EDITOR).waitFor();
    const badge = page.getByTestId('phase-badge');
    await badge.getByText('Offentlig høring').waitFor();

    await page.getByRole('button', { name: 'Fase…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Fase' });
    await dialog.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The moves can() allows staff here: back to draft (publishing is a moderator's).
    const moves = dialog.getByRole('group', { name: 'Flyt dokumentet til' });
    expect(await moves.getByRole('button').allTextContents()).toEqual(['Kladde']);
    await moves.getByRole('button', { name: 'Kladde' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await badge.getByText('Kladde').waitFor();
    expect(await focusedName(page)).toBe('Fase…');
    await page.getByRole('status').getByText('Dokumentet er nu i fasen “Kladde”.').waitFor();

    await openPhaseDialog(page);
    await dialog.getByRole('group', { name: 'Flyt dokumentet til' }).getByRole('button', { name: 'Til gennemsyn' }).click();
    await badge.getByText('Til gennemsyn').waitFor();
  });

  it('has no serious axe violations with "Del" open, in English too', async () => {
    const { documentUrl, staff } = await consultation();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    await watching.watch(context);
    await context.addCookies([{ name: 'samskriv_session', value: staff.session, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(documentUrl);
    await page.locator(EDITOR).waitFor();
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('dialog', { name: `Share “${TITLE}”` }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Phase…' }).click();
    await page.getByRole('dialog', { name: 'Phase and consultation' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

/** Paragraphs long enough to run over a few lines, so the passages are far apart on the page. */
const FILLER =
  'Planen fastlægger rammerne for bebyggelsens omfang, placering og udseende, for veje og stier og for de grønne arealer mellem husene.';
const PASSAGES = ['den gamle fiskehal', 'kajen mod nord', 'bådelauget', 'den nye bro'] as const;

/** A consultation whose body has thirty paragraphs and four comments, two of them on one line. */
async function longConsultation(): Promise<ConsultationDocument> {
  const made = await consultation();
  // Far enough apart for a thread (quote, comment, actions) to fit between two passages.
  const fillers = (n: number) => Array.from({ length: n }, () => FILLER);
  const texts = [
    ...fillers(8),
    `Ved ${PASSAGES[0]} skal der være en plads. ${FILLER}`,
    ...fillers(7),
    `Langs ${PASSAGES[1]} og ved ${PASSAGES[2]} bevares pladsen. ${FILLER}`,
    ...fillers(12),
    `Til sidst kommer ${PASSAGES[3]}. ${FILLER}`,
  ];
  let anchor = made.anchor;
  for (const text of texts) anchor = await writeParagraph(server, made.staff.session, made.documentId, text);
  for (const passage of PASSAGES) {
    await commentOverHttp(server, { session: made.citizen.session }, made.documentId, { anchor: anchor(passage), text: `Om ${passage}.` });
  }
  return made;
}

interface Measured {
  readonly top: number;
  readonly bottom: number;
  readonly passage: number | null;
  readonly quote: string;
}

/** Each listed thread's box and its passage's top (viewport pixels), in list order. */
function measureThreads(page: Page): Promise<Measured[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="thread-list"] > li')].map((item) => {
      const id = item.querySelector<HTMLElement>('[data-thread-id]')?.dataset.threadId ?? '';
      const mark = document.querySelector(`.comment-highlight[data-thread-id="${CSS.escape(id)}"]`);
      const box = item.getBoundingClientRect();
      return {
        top: box.top,
        bottom: box.bottom,
        passage: mark ? mark.getBoundingClientRect().top : null,
        quote: item.querySelector('.thread__quote')?.textContent?.trim() ?? '',
      };
    }),
  );
}

/** Waits until the four threads are listed with their passages highlighted. */
async function waitForThreads(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const items = document.querySelectorAll('[data-testid="thread-list"] > li');
    return items.length === 4 && document.querySelectorAll('.comment-highlight').length >= 4;
  });
}

const LINE = 28;

describe('comments in the margin', () => {
  it('at 1280 px puts each thread beside its passage, pushed down where they would overlap', async () => {
    const { documentUrl, staff } = await longConsultation();
    const page = staff.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(documentUrl);
    await page.locator(EDITOR).waitFor();
    await waitForThreads(page);
    // Placed once the passages are found and the threads measured (each frame the body changes).
    await page.waitForFunction((line) => {
      const items = [...document.querySelectorAll<HTMLElement>('[data-testid="thread-list"] > li')];
      const first = items[0]?.querySelector<HTMLElement>('[data-thread-id]')?.dataset.threadId ?? '';
      const mark = document.querySelector(`.comment-highlight[data-thread-id="${CSS.escape(first)}"]`);
      return mark !== null && Math.abs(items[0]!.getBoundingClientRect().top - mark.getBoundingClientRect().top) <= line;
    }, LINE);
    const threads = await measureThreads(page);
    expect(threads.map((thread) => thread.quote)).toEqual(PASSAGES.map((passage) => expect.stringContaining(passage)));
    // Beside the text: to its right.
    const column = await page.getByTestId('comments-panel').boundingBox();
    const body = await page.locator(EDITOR).boundingBox();
    expect(column!.x).toBeGreaterThanOrEqual(body!.x + body!.width);
    threads.forEach((thread, index) => {
      expect(thread.passage, thread.quote).not.toBeNull();
      // Never above its passage's line, never overlapping the one before.
      expect(thread.top, thread.quote).toBeGreaterThanOrEqual(thread.passage! - 2);
      if (index > 0) expect(thread.top, thread.quote).toBeGreaterThanOrEqual(threads[index - 1]!.bottom);
    });
    // Alone on their lines: within a line of their passages. The third shares its line with the second: below it.
    for (const index of [0, 1, 3])
      expect(threads[index]!.top - threads[index]!.passage!, JSON.stringify(threads)).toBeLessThanOrEqual(LINE);
    expect(threads[2]!.top - threads[2]!.passage!).toBeGreaterThan(LINE);
    // No sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    // The active thread is highlighted and moves up towards its passage's line (the ones before it
    // move up to make room, as far as the column's top allows).
    const pushedBy = threads[2]!.top - threads[2]!.passage!;
    await page.locator(`.comment-highlight`, { hasText: PASSAGES[2] }).first().click();
    await page
      .locator('.thread--active')
      .filter({ hasText: `Om ${PASSAGES[2]}.` })
      .waitFor();
    await page.waitForFunction(
      ([line, before]) => {
        const active = document.querySelector<HTMLElement>('.thread--active');
        const id = active?.dataset.threadId ?? '';
        const mark = document.querySelector(`.comment-highlight[data-thread-id="${CSS.escape(id)}"]`);
        return active && mark && active.getBoundingClientRect().top - mark.getBoundingClientRect().top < before - line;
      },
      [LINE, pushedBy] as const,
    );
    const after = await measureThreads(page);
    after.forEach((thread, index) => {
      if (index > 0) expect(thread.top, thread.quote).toBeGreaterThanOrEqual(after[index - 1]!.bottom);
    });
  });

  it('at 390 px lists the threads after the text in reading order, with nothing scrolling sideways', async () => {
    const { documentUrl, staff } = await longConsultation();
    const page = staff.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(documentUrl);
    await page.locator(EDITOR).waitFor();
    await waitForThreads(page);
    const threads = await measureThreads(page);
    expect(threads.map((thread) => thread.quote)).toEqual(PASSAGES.map((passage) => expect.stringContaining(passage)));
    // After the text, one under the other, with no gaps made for passages.
    const body = await page.locator(EDITOR).boundingBox();
    expect(threads[0]!.top).toBeGreaterThanOrEqual(body!.y + body!.height);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="thread-list"] > li')].every((item) => item.style.marginTop === ''),
      ),
    ).toBe(true);
    const overflows = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(await overflows()).toBe(false);
    // The bar fits too: "Del" opens a dialog as wide as the phone, not wider.
    const dialog = await openShareDialog(page);
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await overflows()).toBe(false);
    await closeBarDialog(page, dialog);
  });
});
