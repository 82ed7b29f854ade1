/**
 * Who is here, and what they do, in Chromium against the production build (issue 13):
 * - two people in a document have different caret colours, each in the presence list with their
 *   name and initials (not colour alone);
 * - when one writes, the other's polite live region says so ("Bent Hansen skriver"), and a new
 *   comment by someone else is announced too ("Ny kommentar fra Bent Hansen"); nobody hears
 *   about their own edits;
 * - with prefers-reduced-motion, nothing blinks or moves (the read-only caret's blink included).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { launchChromium } from './helpers/launchChromium';
import { EDITOR, WAIT_MS, moveCaret, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { sessionHttp } from './helpers/sessionHttp';
import { createDocumentOverHttp, grantOverHttp, signedInProfile } from './helpers/signedInProfile';
import { writeBody } from './helpers/commentsClient';
import { startAppServer, type AppServer } from './helpers/startAppServer';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const { send } = sessionHttp(() => server);

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

/** The presence list's entries as [colour, initials, text], once it shows `count` people. */
async function presence(page: Page, count: number): Promise<[string, string, string][]> {
  const items = page.getByTestId('presence-list').locator('li');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="presence-list"] li').length === n, count, {
    timeout: WAIT_MS,
  });
  return items.evaluateAll((lis) =>
    lis.map((li) => [li.getAttribute('data-color') ?? '', li.querySelector('.presence__swatch')?.textContent ?? '', li.textContent ?? '']),
  ) as Promise<[string, string, string][]>;
}

describe('presence and activity', () => {
  it('gives two people different colours with names and initials, and announces the other’s writing and comments politely', async () => {
    const anna = await signedInProfile(browser, server, 'Anna Jensen', { contexts });
    const bent = await signedInProfile(browser, server, 'Bent Hansen', { contexts });
    const id = await createDocumentOverHttp(server, anna.session, 'Fællesspisning');
    await grantOverHttp(server, anna.session, id, bent.email, 'editor');
    const anchor = await writeBody(server, anna.session, id);
    const url = `${server.url}/d/${id}`;
    await anna.page.goto(url);
    await bent.page.goto(url);
    await waitForEditable(anna.page);
    await waitForEditable(bent.page);

    // Different colours, the same in both browsers once settled; names and initials beside them.
    await anna.page.waitForFunction(
      () => {
        const colours = [...document.querySelectorAll('[data-testid="presence-list"] li')].map((li) => li.getAttribute('data-color'));
        return colours.length === 2 && colours[0] !== colours[1];
      },
      null,
      { timeout: WAIT_MS },
    );
    const seenByAnna = await presence(anna.page, 2);
    expect(seenByAnna.map(([, initials]) => initials).sort()).toEqual(['AJ', 'BH']);
    expect(seenByAnna.map(([, , text]) => text).join(' ')).toContain('Bent Hansen');
    for (const [colour] of seenByAnna) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    const colourOf = (list: [string, string, string][], initials: string) => list.find(([, i]) => i === initials)?.[0];
    await bent.page.waitForFunction(
      ([aj, bh]) => {
        const items = [...document.querySelectorAll('[data-testid="presence-list"] li')];
        const of = (initials: string) =>
          items.find((li) => li.querySelector('.presence__swatch')?.textContent === initials)?.getAttribute('data-color');
        return of('AJ') === aj && of('BH') === bh;
      },
      [colourOf(seenByAnna, 'AJ'), colourOf(seenByAnna, 'BH')] as const,
      { timeout: WAIT_MS },
    );

    // Bent writes: Anna's live region says so (politely); Bent's own does not mention him.
    const annaRegion = anna.page.getByTestId('activity-announcements');
    expect(await annaRegion.getAttribute('aria-live')).toBe('polite');
    await typeAtEnd(bent.page, ' Bent tager kage med.');
    await waitForEditorText(anna.page, 'Bent tager kage med.');
    await annaRegion.getByText('Bent Hansen skriver').waitFor({ state: 'attached' });
    expect(await bent.page.getByTestId('activity-announcements').textContent()).not.toContain('Bent Hansen');

    // A comment by Bent reaches Anna's list and is announced; not in Bent's own region.
    const posted = await send('POST', `/api/documents/${id}/comments`, bent.session, {
      kind: 'comment',
      anchor: anchor('Kulturhuset'),
      text: 'Skal vi booke salen?',
    });
    expect(posted.status).toBe(201);
    await annaRegion.getByText('Ny kommentar fra Bent Hansen').waitFor({ state: 'attached' });
    await bent.page.getByText('Skal vi booke salen?').first().waitFor();
    expect(await bent.page.getByTestId('activity-announcements').textContent()).not.toContain('Bent Hansen');
  });

  it('stops transitions and animations when the person prefers reduced motion', async () => {
    const styles = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await browser.newContext({ locale: 'da-DK', reducedMotion });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(server.url);
      return page.evaluate(() => {
        // The elements that move: the read-only caret's blink, and any transition on controls.
        const caret = document.createElement('span');
        caret.className = 'readonly-caret';
        const button = document.createElement('button');
        button.className = 'button';
        document.body.append(caret, button);
        const of = (element: Element) => {
          const style = getComputedStyle(element);
          return {
            animation: style.animationName,
            animationMs: parseFloat(style.animationDuration) * 1000,
            transitionMs: parseFloat(style.transitionDuration) * 1000,
          };
        };
        return { caret: of(caret), button: of(button), scroll: getComputedStyle(document.documentElement).scrollBehavior };
      });
    };
    const moving = await styles('no-preference');
    expect(moving.caret.animation).toBe('readonly-caret-blink');
    const still = await styles('reduce');
    expect(still.caret).toEqual({ animation: 'none', animationMs: 0, transitionMs: 0 });
    expect(still.button).toEqual({ animation: 'none', animationMs: 0, transitionMs: 0 });
    expect(still.scroll).toBe('auto');
  });
});
