/**
 * Date fields say which day they hold in words, in the page's language (issue 13): Chromium shows
 * a date field in the browser's locale (mm/dd/yyyy in an American one), whatever the page's
 * language, so the consultation's dates are also written out beside the field ("15 December 2026"
 * / "15. december 2026"), updated as they are typed, and are the field's description.
 */
import { openPhaseDialog } from './helpers/documentBar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { watchedContexts } from './helpers/watchedContexts';
import { launchChromium } from './helpers/launchChromium';
import { createFirstAdmin } from './helpers/sessionHttp';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { createDocumentOverHttp } from './helpers/signedInProfile';

let server: AppServer;
let browser: Browser;
let adminSession = '';
const watching = watchedContexts();
const { contexts, cspViolations, dialogs } = watching;

async function pageIn(browserLocale: string, language: 'da' | 'en'): Promise<Page> {
  const context = await browser.newContext({ locale: browserLocale, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await watching.watch(context);
  await context.addCookies([
    { name: 'samskriv_lang', value: language, url: server.url, sameSite: 'Lax' },
    { name: 'samskriv_session', value: adminSession, url: server.url, sameSite: 'Lax' },
  ]);
  return context.newPage();
}

/** The description a field is given (aria-describedby), as text. */
const descriptionOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

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

describe('consultation date fields', () => {
  it('in English in an American browser: the typed day is written out day first, as the field’s description', async () => {
    const id = await createDocumentOverHttp(server, adminSession, 'Dates in English');
    const page = await pageIn('en-US', 'en');
    await page.goto(`${server.url}/d/${id}`);
    // The consultation's dates are in the top bar's "Fase…" dialog.
    await openPhaseDialog(page);
    const label = 'Closes after (optional)';
    const field = page.getByLabel(label, { exact: true });
    expect(await descriptionOf(page, label)).toContain('No date chosen');
    // Typed as the American field takes it (month, day, year): the words leave no doubt.
    await field.focus();
    await page.keyboard.type('12152026');
    expect(await field.inputValue()).toBe('2026-12-15');
    await page.getByText('Chosen: 15 December 2026').waitFor();
    expect(await descriptionOf(page, label)).toContain('Chosen: 15 December 2026');
  });

  it('in Danish: the chosen day in Danish words, and a stored date shows them on load', async () => {
    const id = await createDocumentOverHttp(server, adminSession, 'Datoer på dansk');
    const page = await pageIn('da-DK', 'da');
    await page.goto(`${server.url}/d/${id}`);
    await openPhaseDialog(page);
    const label = 'Åbner (valgfri)';
    await page.getByLabel(label, { exact: true }).fill('2027-01-04');
    await page.getByText('Valgt: 4. januar 2027').waitFor();
    expect(await descriptionOf(page, label)).toContain('Valgt: 4. januar 2027');
    await page.getByRole('button', { name: 'Gem høringens indstillinger' }).click();
    await page.getByText('Høringens indstillinger er opdateret.').waitFor();
    await page.reload();
    await openPhaseDialog(page);
    await page.getByText('Valgt: 4. januar 2027').waitFor();
  });
});
