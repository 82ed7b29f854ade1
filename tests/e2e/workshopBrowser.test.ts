/**
 * Workshop mode and good questions in real Chromium (issue 14): the owner of a project proposal
 * starts a workshop; a co-editor sees who leads it, the section, the timer, and is told politely
 * (aria-live) when the facilitator moves on, and is taken to that section; a good question ticked by
 * one shows who ticked it for both; a reader sees the ticks but cannot change them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './helpers/launchChromium';
import { closeBrowserTest } from './helpers/closeBrowserTest';
import { startAppServer, type AppServer } from './helpers/startAppServer';
import { createDocumentOverHttp, grantOverHttp, signedInProfile } from './helpers/signedInProfile';
import { WAIT_MS, waitForEditable } from './helpers/editorPage';

let server: AppServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
});
afterAll(() => closeBrowserTest(contexts, browser, server));

const panel = (page: Page) => page.getByTestId('workshop-panel');
const announced = (page: Page, text: string) =>
  page.waitForFunction((wanted) => document.querySelector('[data-testid="workshop-announcement"]')?.textContent === wanted, text, {
    timeout: WAIT_MS,
  });

describe('workshop mode in the browser', () => {
  it('a facilitator leads, a co-editor follows and is told, ticks are shared with their author, a reader only sees them', async () => {
    const anna = await signedInProfile(browser, server, 'Anna Jensen', { contexts });
    const bent = await signedInProfile(browser, server, 'Bent Hansen', { contexts });
    const rita = await signedInProfile(browser, server, 'Rita Læser', { contexts });
    const id = await createDocumentOverHttp(server, anna.session, 'Værksted om fællesspisning', 'projektforslag');
    await grantOverHttp(server, anna.session, id, bent.email, 'editor');
    await grantOverHttp(server, anna.session, id, rita.email, 'viewer');
    await bent.page.setViewportSize({ width: 1200, height: 600 });
    await Promise.all([anna, bent, rita].map((who) => who.page.goto(`${server.url}/d/${id}`)));
    await Promise.all([waitForEditable(anna.page), waitForEditable(bent.page)]);

    // Before a workshop: the first section's good questions, and a way to start.
    await panel(anna.page).getByRole('heading', { name: 'Gode spørgsmål til “Formål”' }).waitFor();
    await panel(anna.page).getByLabel('Minutter pr. afsnit').fill('5');
    await panel(anna.page).getByRole('button', { name: 'Start workshop' }).click();

    await announced(bent.page, 'Anna Jensen har flyttet workshoppen til “Formål”.');
    await panel(bent.page).getByText('Workshop ledet af Anna Jensen').waitFor();
    expect(await panel(bent.page).getByRole('timer').textContent()).toMatch(/^[45]:\d\d$/);
    await expect(panel(bent.page).getByRole('button', { name: 'Næste afsnit' }).count()).resolves.toBe(0);

    // A tick by Anna shows for Bent with her name, and for the reader, who cannot change it.
    const question = 'Hvem har brug for det her – og har vi spurgt dem?';
    await panel(anna.page).getByLabel(question).check();
    await panel(bent.page)
      .getByText(/^Krydset af Anna Jensen kl\./)
      .waitFor();
    expect(await panel(bent.page).getByLabel(question).isChecked()).toBe(true);
    await panel(rita.page)
      .getByText(/^Krydset af Anna Jensen kl\./)
      .waitFor();
    expect(await panel(rita.page).getByLabel(question).isDisabled()).toBe(true);
    await expect(panel(rita.page).getByRole('button', { name: 'Start workshop' }).count()).resolves.toBe(0);

    // Bent unticks it; Anna sees that.
    await panel(bent.page).getByLabel(question).uncheck();
    await anna.page.waitForFunction(
      (label) => {
        const panelElement = document.querySelector('[data-testid="workshop-panel"]');
        const input = [...(panelElement?.querySelectorAll('label') ?? [])].find((element) => element.textContent === label)?.control;
        return input instanceof HTMLInputElement && !input.checked;
      },
      question,
      { timeout: WAIT_MS },
    );

    // Anna moves the group on to the last section: Bent is told and taken there.
    const next = panel(anna.page).getByRole('button', { name: 'Næste afsnit' });
    for (let step = 0; step < 20 && !(await next.isDisabled()); step++) await next.click();
    await announced(bent.page, 'Anna Jensen har flyttet workshoppen til “Evaluering”.');
    await panel(bent.page).getByRole('heading', { name: 'Gode spørgsmål til “Evaluering”' }).waitFor();
    const inView = () =>
      bent.page.evaluate(() => {
        const heading = [...document.querySelectorAll('[data-testid="editor"] h2')].find((element) => element.textContent === 'Evaluering');
        const box = heading?.getBoundingClientRect();
        return {
          top: box?.top,
          bottom: box?.bottom,
          height: window.innerHeight,
          scrollY: window.scrollY,
          max: document.documentElement.scrollHeight,
        };
      });
    await bent.page
      .waitForFunction(
        () => {
          const heading = [...document.querySelectorAll('[data-testid="editor"] h2')].find(
            (element) => element.textContent === 'Evaluering',
          );
          if (!heading) return false;
          const box = heading.getBoundingClientRect();
          return box.top >= -1 && box.bottom <= window.innerHeight + 1;
        },
        null,
        { timeout: 15_000 },
      )
      .catch(async (error: unknown) => {
        throw new Error(`"Evaluering" is not in view: ${JSON.stringify(await inView())}`, { cause: error });
      });

    await panel(anna.page).getByRole('button', { name: 'Afslut workshop' }).click();
    await announced(bent.page, 'Workshoppen er afsluttet.');
    await panel(bent.page).getByRole('button', { name: 'Start workshop' }).waitFor();
  });

  it('speaks English to an English reader', async () => {
    const eva = await signedInProfile(browser, server, 'Eva English', { contexts });
    await eva.context.addCookies([{ name: 'samskriv_lang', value: 'en', url: server.url }]);
    const id = await createDocumentOverHttp(server, eva.session, 'Workshop notes', 'projektforslag');
    await eva.page.goto(`${server.url}/d/${id}`);
    await waitForEditable(eva.page);
    await panel(eva.page).getByRole('heading', { name: 'Workshop and good questions' }).waitFor();
    await panel(eva.page).getByLabel('Who needs this – and have we asked them?').waitFor();
  });
});
